import { secretsAtRestFixture } from "@staffroom/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { DATABASE_URL, pgliteDatabase, serverDatabase, type TestDatabase } from "./support/databases";
import { dumpSchema } from "./support/dump";
import { reportServerRunSkipped } from "./support/server-gate";
import { lazyDatabase, postgresWorld } from "./support/world";

function registerSecretsAtRest(label: string, database: () => Promise<TestDatabase>): void {
  describe(`${label}: R15 secrets at rest`, () => {
    it("R15 no table, dumped as text, holds a password or a token, dead or alive; the live tokens are there as their SHA-256", async () => {
      const db = await database();
      const world = await postgresWorld(db);
      const { secrets, digests, live } = await secretsAtRestFixture(world);
      const dump = await dumpSchema(db);
      expect(dump.tables).toEqual(
        expect.arrayContaining(["accounts", "sessions", "invitations", "secret_tokens", "audit_events"]),
      );
      // The dump holds the live tokens' digests, so it is where a token would be, and the check can fail.
      for (const name of live) expect(dump.text, `the digest of ${name}`).toContain(digests[name]);
      expect(Object.entries(secrets).filter(([, value]) => dump.text.includes(value))).toEqual([]);
      expect(dump.text).toContain("pbkdf2-sha256");
    });
  });
}

const pglite = lazyDatabase(pgliteDatabase);
afterAll(pglite.close);
registerSecretsAtRest("PGlite", pglite.get);

const url = DATABASE_URL;
if (url === undefined) reportServerRunSkipped("secrets at rest");
else {
  const server = lazyDatabase(() => serverDatabase(url));
  afterAll(server.close);
  registerSecretsAtRest("PostgreSQL", server.get);
}
