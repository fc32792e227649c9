import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
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
