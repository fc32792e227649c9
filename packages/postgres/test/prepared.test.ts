import { createDirectory, manualClock, pbkdf2Hasher } from "@staffroom/core";
import { standardBootstrap } from "@staffroom/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { postgresStore } from "../src/index";
import { DATABASE_URL, serverDatabase, type TestDatabase } from "./support/databases";
import { reportServerRunSkipped } from "./support/server-gate";

// node-postgres: the store's fixed statements are named prepared statements on each connection,
// unless `prepare: false` (PgBouncer before 1.21 in transaction mode cannot carry them).

if (!DATABASE_URL) reportServerRunSkipped("prepared statements");

describe.skipIf(DATABASE_URL === undefined)("prepared statements on PostgreSQL", () => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of opened) await db.close();
  });

  /** Bootstraps through a one-connection pool and lists users; returns that connection's prepared statements. */
  async function preparedAfterAList(prepare: boolean | undefined): Promise<string[]> {
    const db = await serverDatabase(DATABASE_URL as string, 1);
    opened.push(db);
    // A pool of one connection: the statements below and the catalog read all run on it.
    const pool = db.newPool();
    const store = postgresStore({ client: pool, ...(prepare === undefined ? {} : { prepare }) });
    const directory = createDirectory({
      store,
      passwords: pbkdf2Hasher({ iterations: 1000 }),
      clock: manualClock("2026-11-23T12:00:00Z"),
    });
    const boot = await directory.bootstrap(standardBootstrap());
    const owner = directory.forActor({ organizationId: boot.organization.id, userId: boot.user.id });
    expect((await owner.users.list()).total).toBe(1);
    expect((await owner.users.list()).items.map((u) => u.id)).toEqual([boot.user.id]);
    const client = await pool.connect();
    try {
      const { rows } = await client.query("SELECT statement FROM pg_prepared_statements ORDER BY name");
      return rows.map((r) => String(r.statement));
    } finally {
      client.release();
    }
  }

  it("the store's fixed statements are prepared once per connection (the actor's user with its role among them), never one reading *", async () => {
    const statements = await preparedAfterAList(undefined);
    expect(statements.some((s) => s.includes(`AS "u.id"`) && s.includes("LEFT JOIN roles r"))).toBe(true);
    expect(statements.some((s) => s.startsWith("INSERT INTO users"))).toBe(true);
    expect(statements.filter((s) => /SELECT \*|RETURNING \*/.test(s))).toEqual([]);
    // Lists are never prepared: their plans depend on their values.
    expect(statements.filter((s) => s.trimStart().startsWith("WITH"))).toEqual([]);
  });

  it("with prepare: false nothing is prepared", async () => {
    expect(await preparedAfterAList(false)).toEqual([]);
  });
});
