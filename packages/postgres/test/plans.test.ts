import { createDirectory, manualClock, pbkdf2Hasher, type StaffDirectory } from "@staffroom/core";
import { standardBootstrap } from "@staffroom/core/testing";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS, postgresStore } from "../src/index";
import type { PgPoolClientLike, PgPoolLike } from "../src/sql-client";
import { DATABASE_URL, serverDatabase, type TestDatabase } from "./support/databases";
import { reportServerRunSkipped } from "./support/server-gate";

// Every users.list shape the widgets ask for, planned by PostgreSQL over 100 000 users of one
// organization: no statement a list or a tab count runs may read the users table with a sequential
// scan. The rows are built once, in SQL (generate_series), with the generated columns doing their
// part; the tally triggers are off for that one bulk insert and the tallies built after it by
// migration 6's own backfill statement, as an upgraded database would have them (one statement
// instead of 100 000 upserts); statistics as autovacuum would leave them (VACUUM ANALYZE). A
// one-character term is not among the shapes: it matches most users, its exact count reads them
// all, and the planner rightly reads the table. The test asserts plans, never timings.

const USERS = 100_000;

/** A statement the store ran, as sent. */
interface Statement {
  readonly text: string;
  readonly values: unknown[];
}

/** A pool that records the statements reading users while `recording` is on. */
function recordingPool(pool: pg.Pool): { pool: PgPoolLike; take(): Statement[]; recording: boolean } {
  const seen: Statement[] = [];
  const state = {
    recording: false,
    take: () => seen.splice(0),
    pool: {
      get totalCount() {
        return pool.totalCount;
      },
      query: (text: string, values?: unknown[]) => pool.query(text, values),
      end: () => pool.end(),
      connect: async (): Promise<PgPoolClientLike> => {
        const client = await pool.connect();
        return {
          release: (error?: Error | boolean) => client.release(error),
          query: (
            statement: string | { name: string; text: string; values: unknown[] },
            values?: unknown[],
          ) => {
            const text = typeof statement === "string" ? statement : statement.text;
            const params = typeof statement === "string" ? (values ?? []) : statement.values;
            if (state.recording && /\busers\b/.test(text) && /^\s*(SELECT|WITH)/i.test(text))
              seen.push({ text, values: params });
            return typeof statement === "string" ? client.query(statement, values) : client.query(statement);
          },
        };
      },
    } satisfies PgPoolLike,
  };
  return state;
}

interface PlanNode {
  readonly "Node Type": string;
  readonly "Relation Name"?: string;
  readonly Plans?: PlanNode[];
}

/** Every node of a plan tree, depth first. */
function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

const NAMES = {
  given: ["Ava", "Ben", "Priya", "Omar", "Lena", "Jon", "Mia", "Sam", "Noor", "Eli", "Ana", "Raj"],
  family: ["Patel", "Johnson", "Nguyen", "Garcia", "Smith", "Okafor", "Larsen", "Kim", "Rossi", "Sato"],
};

/**
 * 100 000 accounts and users in one organization, spread like core's fixtures: 85 % active, 8 %
 * pending, 7 % disabled; four roles; one in seven org-wide, the others at one or two of eight
 * locations; one in six a practitioner with an NPI; most signed in at some point.
 */
async function seedUsers(
  pool: pg.Pool,
  organizationId: string,
  locationIds: readonly string[],
  roleIds: readonly string[],
) {
  await pool.query(
    `INSERT INTO accounts (id, email, password, failed_sign_ins, lockouts, locked_until, last_sign_in_at,
       password_changed_at, version, created_at, updated_at)
     SELECT 'acc_plan' || lpad(i::text, 12, '0'), 'user' || i || '@plan.example', NULL, 0, 0, NULL, NULL,
       NULL, 1, now(), now()
     FROM generate_series(1, $1::int) AS i`,
    [USERS],
  );
  await pool.query("ALTER TABLE users DISABLE TRIGGER USER");
  await pool.query(
    `WITH g AS (
       SELECT i, ($4::text[])[1 + i % array_length($4::text[], 1)] AS given,
         ($5::text[])[1 + (i / 7) % array_length($5::text[], 1)] AS family,
         CASE WHEN i % 6 = 0 THEN '1' || lpad(((i::bigint * 7919) % 1000000000)::text, 9, '0') END AS npi,
         i % 7 = 0 AS org_wide,
         CASE WHEN i % 3 = 0
           THEN ARRAY[($2::text[])[1 + i % 8], ($2::text[])[1 + (i / 8 + 1 + i) % 8]]
           ELSE ARRAY[($2::text[])[1 + i % 8]] END AS locs
       FROM generate_series(1, $6::int) AS i
     ), r AS (
       SELECT g.*, lower(given) || '.' || lower(family) || i || '@plan.example' AS email,
         left(given, 1) || left(family, 1) AS initials
       FROM g
     )
     INSERT INTO users (id, organization_id, account_id, email, status, role_id, org_wide, location_ids,
       primary_location_id, practitioner, licences, profile, login_channels, flags, provider,
       must_change_password, last_sign_in_at, invited_at, version, created_at, updated_at, name_key, search)
     SELECT 'usr_plan' || lpad(i::text, 12, '0'), $1, 'acc_plan' || lpad(i::text, 12, '0'), email,
       CASE WHEN i % 100 < 85 THEN 'active' WHEN i % 100 < 93 THEN 'pending' ELSE 'disabled' END,
       ($3::text[])[1 + i % array_length($3::text[], 1)],
       org_wide, CASE WHEN org_wide THEN '{}'::text[] ELSE (SELECT array_agg(DISTINCT x) FROM unnest(locs) x) END,
       locs[1], npi IS NOT NULL, '{}'::text[],
       jsonb_build_object('title', 'MA', 'initials', initials, 'jobTitle', 'Medical assistant',
         'givenName', given, 'familyName', family, 'primaryPhone', NULL, 'alternatePhone', NULL),
       '{"web": true, "mobile": false}'::jsonb,
       jsonb_build_object('diary', false, 'caseManager', false, 'practitioner', npi IS NOT NULL),
       CASE WHEN npi IS NOT NULL THEN jsonb_build_object('bio', NULL, 'npi', npi, 'capacity', 1,
         'providerTypes', '[]'::jsonb, 'taxonomyCodes', '["207Q00000X"]'::jsonb, 'schedulingStep', 15) END,
       false, CASE WHEN i % 5 = 0 THEN NULL ELSE now() - make_interval(mins => i) END, NULL, 1,
       now() - make_interval(secs => i), now(), lower(family || ' ' || given),
       lower(given || ' ' || family || E'\\n' || email || E'\\n' || initials || E'\\n' || coalesce(npi, ''))
     FROM r`,
    [organizationId, locationIds, roleIds, NAMES.given, NAMES.family, USERS],
  );
  await pool.query("ALTER TABLE users ENABLE TRIGGER USER");
  await pool.query("DELETE FROM user_tallies");
  const backfills = (MIGRATIONS.find((m) => m.version === 6)?.statements ?? []).filter((s) =>
    /^INSERT INTO user_tallies/.test(s),
  );
  expect(backfills).toHaveLength(1);
  for (const statement of backfills) await pool.query(statement);
  await pool.query("VACUUM ANALYZE users");
  await pool.query("VACUUM ANALYZE accounts");
  await pool.query("VACUUM ANALYZE user_tallies");
}

if (!DATABASE_URL) reportServerRunSkipped("users.list plans at 100 000 users");

describe.skipIf(DATABASE_URL === undefined)("users.list plans on PostgreSQL at 100 000 users", () => {
  let db: TestDatabase;
  let recorder: ReturnType<typeof recordingPool>;
  let owner: StaffDirectory;
  let manager: StaffDirectory;
  let locations: string[];
  let frontDesk: string;

  beforeAll(async () => {
    db = await serverDatabase(DATABASE_URL as string, 4);
    const pool = db.client as pg.Pool;
    recorder = recordingPool(pool);
    const directory = createDirectory({
      store: postgresStore({ client: recorder.pool }),
      passwords: pbkdf2Hasher({ iterations: 1000 }),
      clock: manualClock("2026-11-23T12:00:00Z"),
    });
    const boot = await directory.bootstrap(standardBootstrap());
    owner = directory.forActor({ organizationId: boot.organization.id, userId: boot.user.id });
    locations = [boot.location.id];
    for (let i = 1; i < 8; i++) locations.push((await owner.locations.create({ name: `Clinic ${i}` })).id);
    const roles = await owner.roles.list();
    frontDesk = roles.find((r) => r.name === "Front Desk")?.id as string;
    const plain = roles.filter((r) => r.name !== "Administrator").map((r) => r.id);
    // A delegated manager: sees users of two clinics (scope, R4).
    const managerRole = await owner.roles.create({
      name: "Clinic Manager",
      permissions: ["users.view", "users.manage"],
    });
    const carl = await owner.users.create({
      email: "carl.manager@plan.example",
      password: "correct-horse-battery-staple",
      profile: { givenName: "Carl", familyName: "Manager" },
      roleId: managerRole.id,
      locationAccess: [locations[1] as string, locations[2] as string],
      primaryLocationId: locations[1] as string,
    });
    manager = directory.forActor({ organizationId: boot.organization.id, userId: carl.id });
    await seedUsers(pool, boot.organization.id, locations, plain);
  }, 600_000);

  afterAll(async () => {
    await db?.close();
  });

  /** Runs `read` while recording; returns each statement that read users with its plan's seq scans. */
  async function seqScans(read: () => Promise<unknown>): Promise<{ statements: number; scans: string[] }> {
    recorder.take();
    recorder.recording = true;
    try {
      await read();
    } finally {
      recorder.recording = false;
    }
    const statements = recorder.take();
    const scans: string[] = [];
    for (const s of statements) {
      const { rows } = await (db.client as pg.Pool).query(`EXPLAIN (FORMAT JSON) ${s.text}`, s.values);
      const plan = (rows[0] as { "QUERY PLAN": { Plan: PlanNode }[] })["QUERY PLAN"][0]?.Plan as PlanNode;
      for (const n of nodes(plan))
        if (n["Node Type"] === "Seq Scan" && n["Relation Name"] === "users")
          scans.push(`${s.text.replace(/\s+/g, " ").slice(0, 400)}\n${JSON.stringify(plan)}`);
    }
    return { statements: statements.length, scans };
  }

  const shapes: [string, () => Promise<unknown>][] = [
    ["active tab, first page by name", () => owner.users.list({ limit: 50 })],
    ["pending tab", () => owner.users.list({ status: "pending", limit: 50 })],
    ["disabled tab", () => owner.users.list({ status: "disabled", limit: 50 })],
    ...(["name", "email", "createdAt", "lastSignInAt"] as const).flatMap((sort) =>
      (["asc", "desc"] as const).map((direction): [string, () => Promise<unknown>] => [
        `sorted by ${sort} ${direction}, page 2`,
        async () => {
          const first = await owner.users.list({ sort, direction, limit: 50 });
          await owner.users.list({ sort, direction, limit: 50, cursor: first.nextCursor });
        },
      ]),
    ),
    [
      "search 'son' + location + sort email desc",
      () =>
        owner.users.list({
          search: "son",
          locationId: locations[2],
          sort: "email",
          direction: "desc",
          limit: 50,
        }),
    ],
    [
      "search 'priya p' + role + practitioner",
      () => owner.users.list({ search: "priya p", roleId: frontDesk, practitioner: false, limit: 50 }),
    ],
    [
      "admin filter + sort last sign-in desc",
      () => owner.users.list({ admin: false, sort: "lastSignInAt", direction: "desc", limit: 50 }),
    ],
    [
      "location filter + page 3",
      async () => {
        let page = await owner.users.list({ locationId: locations[1], limit: 50 });
        for (let i = 1; i < 3; i++)
          page = await owner.users.list({ locationId: locations[1], limit: 50, cursor: page.nextCursor });
      },
    ],
    ["search by NPI prefix '12' (two characters)", () => owner.users.list({ search: "12", limit: 50 })],
    ["search 'pa' as typed (two characters)", () => owner.users.list({ search: "pa", limit: 50 })],
    ["search a full NPI", () => owner.users.list({ search: "1000007919", limit: 50 })],
    ["search an email", () => owner.users.list({ search: "ben.patel", limit: 50 })],
    [
      "role + practitioner filters",
      () => owner.users.list({ roleId: frontDesk, practitioner: true, limit: 50 }),
    ],
    ["tab counts", () => owner.users.counts({})],
    ["tab counts for a search", () => owner.users.counts({ search: "12" })],
    ["tab counts for a location", () => owner.users.counts({ locationId: locations[3] })],
    ["delegated manager (two clinics): first page", () => manager.users.list({ limit: 50 })],
    ["delegated manager: search 'nguyen'", () => manager.users.list({ search: "nguyen", limit: 50 })],
    ["delegated manager: tab counts", () => manager.users.counts({})],
  ];

  for (const [shape, read] of shapes) {
    it(`users.list at ${USERS.toLocaleString("en-US")} users, ${shape}: no sequential scan over users`, async () => {
      const { statements, scans } = await seqScans(read);
      expect(statements).toBeGreaterThan(0);
      expect(scans, scans.join("\n\n")).toEqual([]);
    });
  }
});
