import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { ID_PATTERN } from "@staffroom/core";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS, migrate, postgresStore } from "../src/index";
import { DATABASE_URL } from "./support/databases";
import { reportServerRunSkipped } from "./support/server-gate";

const latest = Math.max(...MIGRATIONS.map((m) => m.version));
const allVersions = MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);

async function tables(client: { query(text: string): Promise<{ rows: Record<string, unknown>[] }> }) {
  const { rows } = await client.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  return rows.map((r) => String(r.table_name));
}

describe("migrate() on PGlite", () => {
  const opened: PGlite[] = [];
  afterAll(async () => {
    for (const db of opened) if (!db.closed) await db.close();
  });
  const fresh = (withTrigram: boolean): PGlite => {
    const db = withTrigram ? new PGlite({ extensions: { pg_trgm } }) : new PGlite();
    opened.push(db);
    return db;
  };

  it("applies every migration once; a second run is a no-op; two at once both succeed", async () => {
    const db = fresh(true);
    const [a, b] = await Promise.all([migrate(db), migrate(db)]);
    expect([...a.applied, ...b.applied].sort((x, y) => x - y)).toEqual(allVersions);
    expect(a.version).toBe(latest);
    expect(a.trigram && b.trigram).toBe(true);
    const again = await migrate(db);
    expect(again).toEqual({ applied: [], version: latest, trigram: true });
    const recorded = await db.query<{ version: number }>(
      "SELECT version FROM staffroom_migrations ORDER BY 1",
    );
    expect(recorded.rows.map((r) => r.version)).toEqual(allVersions);
    expect(await tables(db)).toEqual(
      expect.arrayContaining(["accounts", "audit_events", "organizations", "staffroom_migrations", "users"]),
    );
  });

  it("version 5 gives existing organizations the default session limits and existing sessions an id, and the store reads both", async () => {
    const db = fresh(true);
    await migrate(db, { upTo: 3 });
    const at = "2026-03-02T09:00:00.000Z";
    await db.exec(`
      INSERT INTO organizations (id, name, features, seats, licence_types, provider_types, main_contact_user_id,
        version, created_at, updated_at)
      VALUES ('org_0000000001', 'Harbor', '{}', '{"named":null,"concurrent":null,"practitioners":null}', '[]', '[]',
        NULL, 1, '${at}', '${at}');
      INSERT INTO accounts (id, email, password, failed_sign_ins, lockouts, version, created_at, updated_at)
      VALUES ('acc_0000000001', 'sam@harbor.example', NULL, 0, 0, 1, '${at}', '${at}');
      INSERT INTO sessions (token_hash, account_id, organization_id, user_id, created_at, last_seen_at, expires_at, metadata)
      VALUES ('${"a".repeat(64)}', 'acc_0000000001', 'org_0000000001', 'usr_0000000001', '${at}', '${at}',
        '2026-03-02T21:00:00.000Z', '{}'),
             ('${"b".repeat(64)}', 'acc_0000000001', 'org_0000000001', 'usr_0000000001', '${at}', '${at}',
        '2026-03-02T21:00:00.000Z', '{}');
    `);
    expect((await migrate(db)).applied).toEqual(allVersions.filter((v) => v > 3));
    const store = postgresStore({ client: db });
    const org = await store.transaction((tx) => tx.getOrganization("org_0000000001"), { readOnly: true });
    expect(org?.sessionLimits).toEqual({ idleMinutes: 15, lifetimeHours: 12 });
    const sessions = await store.transaction(
      async (tx) => [await tx.findSession("a".repeat(64)), await tx.findSession("b".repeat(64))],
      { readOnly: true },
    );
    const ids = sessions.map((s) => s?.id ?? "");
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    expect(new Set(ids).size).toBe(2);
    const byId = await store.transaction((tx) => tx.getSessionById("org_0000000001", ids[0] ?? ""), {
      readOnly: true,
    });
    expect(byId?.tokenHash).toBe("a".repeat(64));
    // A new organization names its limits; the column has no default left to hide a missing one.
    await expect(
      db.exec(`INSERT INTO organizations (id, name, features, seats, licence_types, provider_types,
        main_contact_user_id, version, created_at, updated_at)
        VALUES ('org_0000000002', 'X', '{}', '{}', '[]', '[]', NULL, 1, '${at}', '${at}')`),
    ).rejects.toThrow(/session_limits/);
  });

  it("without pg_trgm it says so, and search still answers (by scanning the organization)", async () => {
    const db = fresh(false);
    const result = await migrate(db);
    expect(result.trigram).toBe(false);
    const store = postgresStore({ client: db });
    const page = await store.transaction(
      (tx) =>
        tx.queryUsers("org_0000000001", {
          statuses: ["active"],
          terms: ["smi"],
          sort: "name",
          direction: "asc",
          limit: 10,
          cursor: null,
        }),
      { readOnly: true },
    );
    expect(page).toEqual({ items: [], total: 0, nextCursor: null });
  });
});

const url = DATABASE_URL;
if (url === undefined) reportServerRunSkipped("migrate() on a server");
else
  describe("migrate() on a real PostgreSQL server", () => {
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    const schema = `m_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const pools: pg.Pool[] = [];
    const pool = (): pg.Pool => {
      const p = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema},public` });
      pools.push(p);
      return p;
    };
    afterAll(async () => {
      await Promise.all(pools.map((p) => p.end()));
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });

    it("two instances migrating one fresh database at once both succeed, each migration applied once", async () => {
      await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
      await admin.query(`CREATE SCHEMA ${schema}`);
      const [a, b] = await Promise.all([migrate(pool()), migrate(pool())]);
      expect([...a.applied, ...b.applied].sort((x, y) => x - y)).toEqual(allVersions);
      expect(a.trigram && b.trigram).toBe(true);
      const third = pool();
      expect(await migrate(third)).toEqual({ applied: [], version: latest, trigram: true });
      const recorded = await third.query("SELECT version FROM staffroom_migrations ORDER BY 1");
      expect(recorded.rows.map((r) => r.version)).toEqual(allVersions);
      const index = await third.query(
        "SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = 'users_search_trgm'",
        [schema],
      );
      expect(String(index.rows[0]?.indexdef)).toContain("gin_trgm_ops");
    });
  });
