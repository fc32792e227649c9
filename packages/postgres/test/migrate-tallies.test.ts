import { createDirectory, manualClock, pbkdf2Hasher, type StaffDirectory } from "@staffroom/core";
import {
  fixtureLocations,
  fixtureUsers,
  seedUsersIntoStore,
  standardBootstrap,
} from "@staffroom/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, postgresStore } from "../src/index";
import { DATABASE_URL, pgliteDatabase, serverDatabase, type TestDatabase } from "./support/databases";
import { queryOf } from "./support/dump";
import { reportServerRunSkipped } from "./support/server-gate";

// Migration 6 over a database that already holds users (written without tallies and bigrams): the
// tallies it backfills and the bigrams it generates must be exactly what the users say, so totals
// and two-character searches are right from the first request after upgrading.

const USERS = 400;

interface Row {
  readonly organization_id: string;
  readonly status: string;
  readonly role_id: string;
  readonly practitioner: boolean;
  readonly org_wide: boolean;
  readonly location_ids: string[];
  readonly search: string;
}

/** The tally key of a user as migration 6 defines it: org-wide users by an empty location set. */
const keyOf = (u: Row): string =>
  JSON.stringify([
    u.organization_id,
    u.status,
    u.role_id,
    u.practitioner,
    u.org_wide,
    u.org_wide ? [] : [...new Set(u.location_ids)].sort(),
  ]);

/**
 * Takes migration 6 back out of a migrated database: its table, triggers, functions and column
 * gone, its version unrecorded — the schema as version 3 left it (5 and 4 belong to other work).
 */
async function withoutMigration6(db: TestDatabase): Promise<void> {
  const q = queryOf(db);
  for (const statement of [
    "DROP TRIGGER users_tally_insert ON users",
    "DROP TRIGGER users_tally_delete ON users",
    "DROP TRIGGER users_tally_update ON users",
    "DROP TRIGGER users_tally_truncate ON users",
    "DROP FUNCTION staffroom_user_tally()",
    "DROP FUNCTION staffroom_user_tally_truncate()",
    "DROP TABLE user_tallies",
    "DROP FUNCTION staffroom_location_key(boolean, text[])",
    "ALTER TABLE users DROP COLUMN search_bigrams",
    "DROP FUNCTION staffroom_bigrams(text)",
    "DELETE FROM staffroom_migrations WHERE version = 6",
  ])
    await q(statement);
}

/**
 * An organization with 400 users written while the database lacked migration 6, then `migrate()`.
 * The organization, its locations and roles are made through core first (it counts users, which
 * needs the tallies); the users are inserted after migration 6 is taken out, with the store's own
 * inserts, as a version-3 store wrote them.
 */
async function upgradedDirectory(db: TestDatabase): Promise<{ owner: StaffDirectory; rows: Row[] }> {
  const store = postgresStore({ client: db.client });
  const directory = createDirectory({
    store,
    passwords: pbkdf2Hasher({ iterations: 1000 }),
    clock: manualClock("2026-11-23T12:00:00Z"),
  });
  const boot = await directory.bootstrap(standardBootstrap());
  const owner = directory.forActor({ organizationId: boot.organization.id, userId: boot.user.id });
  const locations = [boot.location];
  for (const input of fixtureLocations({ count: 4, seed: 5 }))
    locations.push(await owner.locations.create(input));
  const roles = await owner.roles.list();
  await withoutMigration6(db);
  await seedUsersIntoStore(
    store,
    fixtureUsers({
      count: USERS,
      seed: 7,
      locationIds: locations.map((l) => l.id),
      roleIds: roles.filter((r) => r.name !== "Administrator").map((r) => r.id),
    }),
    { organizationId: boot.organization.id },
  );
  const result = await migrate(db.client);
  expect(result.applied).toContain(6);
  const q = queryOf(db);
  const { rows } = await q(
    "SELECT organization_id, status, role_id, practitioner, org_wide, location_ids, search FROM users",
  );
  return { owner, rows: rows as unknown as Row[] };
}

function registerUpgradeTests(open: () => Promise<TestDatabase>): void {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of opened) await db.close();
  });
  const fresh = async () => {
    const db = await open();
    opened.push(db);
    return db;
  };

  it("migration 6 backfills tallies that equal the users, per status, role, practitioner and location set", async () => {
    const db = await fresh();
    const { rows } = await upgradedDirectory(db);
    expect(rows.length).toBeGreaterThan(USERS);
    const expected = new Map<string, number>();
    for (const u of rows) expected.set(keyOf(u), (expected.get(keyOf(u)) ?? 0) + 1);
    const tallies = (
      await queryOf(db)(
        "SELECT organization_id, status, role_id, practitioner, org_wide, location_ids, n FROM user_tallies WHERE n <> 0",
      )
    ).rows as unknown as (Row & { n: number })[];
    const got = new Map(tallies.map((t) => [keyOf(t), Number(t.n)]));
    expect(got).toEqual(expected);
  });

  it("after migration 6, totals and tab counts are the users' and one- and two-character searches find exactly the substring matches", async () => {
    const db = await fresh();
    const { owner, rows } = await upgradedDirectory(db);
    const count = (status: string, test: (u: Row) => boolean = () => true) =>
      rows.filter((u) => u.status === status && test(u)).length;
    expect(await owner.users.counts({})).toEqual({
      active: count("active"),
      pending: count("pending"),
      disabled: count("disabled"),
    });
    const location = rows.find((u) => !u.org_wide)?.location_ids[0] as string;
    expect((await owner.users.list({ locationId: location, limit: 5 })).total).toBe(
      count("active", (u) => u.org_wide || u.location_ids.includes(location)),
    );
    for (const term of ["12", "an", "pa", "@h", ".c", "55", "a", "7", "z"]) {
      const matches = count("active", (u) => u.search.includes(term));
      const listed: string[] = [];
      let page = await owner.users.list({ search: term, limit: 200 });
      listed.push(...page.items.map((u) => u.id));
      while (page.nextCursor) {
        page = await owner.users.list({ search: term, limit: 200, cursor: page.nextCursor });
        listed.push(...page.items.map((u) => u.id));
      }
      expect(page.total, `total for "${term}"`).toBe(matches);
      expect(listed, `users listed for "${term}"`).toHaveLength(matches);
    }
  });
}

describe("migration 6 on PGlite with users already stored", () => {
  registerUpgradeTests(() => pgliteDatabase());
});

if (!DATABASE_URL) reportServerRunSkipped("migration 6 over existing users");
describe.skipIf(DATABASE_URL === undefined)("migration 6 on PostgreSQL with users already stored", () => {
  registerUpgradeTests(() => serverDatabase(DATABASE_URL as string, 4));
});
