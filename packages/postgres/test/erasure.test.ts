import { erasureFixture } from "@staffroom/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { DATABASE_URL, pgliteDatabase, serverDatabase, type TestDatabase } from "./support/databases";
import { dumpSchema, queryOf } from "./support/dump";
import { reportServerRunSkipped } from "./support/server-gate";
import { lazyDatabase, type PostgresWorld, postgresWorld } from "./support/world";

/** The id and sequence of the organization's event with this action about this target. */
async function eventAbout(world: PostgresWorld, action: string, targetId: string) {
  const owner = world.directory.forActor({ organizationId: world.organization.id, userId: world.owner.id });
  const page = await owner.audit.list({ action, targetId, limit: 1 });
  const event = page.items[0];
  if (!event) throw new Error(`no ${action} about ${targetId}`);
  return { owner, id: event.id, sequence: event.sequence };
}

function registerErasureAtRest(label: string, database: () => Promise<TestDatabase>): void {
  describe(`${label}: W6 erasure at rest and R18 tamper evidence of personal parts`, () => {
    it("after users.delete no table of the schema, dumped as text, holds any of the person's values", async () => {
      const db = await database();
      const world = await postgresWorld(db);
      const { owner, user, values } = await erasureFixture(world);
      const before = await dumpSchema(db);
      expect(before.tables).toEqual(
        expect.arrayContaining(["audit_events", "audit_personal", "users", "accounts", "sessions"]),
      );
      // The dump sees the person while they exist, so the check below can fail.
      expect(values.filter((v) => before.text.includes(v)).length).toBeGreaterThan(10);

      await owner.users.delete(user.id, { version: (await owner.users.get(user.id)).version });
      const after = await dumpSchema(db);
      expect(values.filter((v) => after.text.includes(v))).toEqual([]);
      expect(after.text).toContain(user.id); // the tombstone's pseudonymous reference
      expect((await owner.audit.verify()).ok).toBe(true);
    });

    it("verify() reports `edited` at the event whose personal part was edited in SQL", async () => {
      const db = await database();
      const world = await postgresWorld(db);
      const { owner, user } = await erasureFixture(world);
      const created = await eventAbout(world, "user.created", user.id);
      expect((await owner.audit.verify()).ok).toBe(true);
      await queryOf(db)(
        `UPDATE audit_personal
         SET personal_values = jsonb_set(personal_values::jsonb, '{targetLabel}', '"Someone Else"')::json
         WHERE organization_id = $1 AND event_id = $2 AND subject = $3`,
        [world.organization.id, created.id, user.id],
      );
      expect(await owner.audit.verify()).toMatchObject({
        ok: false,
        firstBadSequence: created.sequence,
        problem: "edited",
      });
    });

    it("verify() reports `edited` when a personal part is deleted in SQL without the person's deletion, and accepts users.delete", async () => {
      const db = await database();
      const world = await postgresWorld(db);
      const { owner, user } = await erasureFixture(world);
      const created = await eventAbout(world, "user.created", user.id);
      await queryOf(db)(
        "DELETE FROM audit_personal WHERE organization_id = $1 AND event_id = $2 AND subject = $3",
        [world.organization.id, created.id, user.id],
      );
      expect(await owner.audit.verify()).toMatchObject({
        ok: false,
        firstBadSequence: created.sequence,
        problem: "edited",
      });
      await owner.users.delete(user.id, { version: (await owner.users.get(user.id)).version });
      expect((await owner.audit.verify()).ok).toBe(true);
    });
  });
}

const pglite = lazyDatabase(pgliteDatabase);
afterAll(pglite.close);
registerErasureAtRest("PGlite", pglite.get);

const url = DATABASE_URL;
if (url === undefined) reportServerRunSkipped("erasure at rest");
else {
  const server = lazyDatabase(() => serverDatabase(url));
  afterAll(server.close);
  registerErasureAtRest("PostgreSQL", server.get);
}
