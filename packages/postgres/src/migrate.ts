import { MIGRATIONS, type Migration } from "./migrations";
import type { PostgresClient, SqlClient, SqlQueryable } from "./sql-client";
import { toSqlClient } from "./to-sql-client";

/**
 * Advisory lock taken by every migration transaction (two int4 keys: "staf", 1). Two-key advisory
 * locks never collide with the store's one-key (bigint) named locks.
 */
const MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(1937006950, 1)";

/** Name of the index that serves substring search through pg_trgm. */
const TRIGRAM_INDEX = "users_search_trgm";

/**
 * What {@link migrate} did.
 *
 * @example { applied: [1], version: 1, trigram: true }
 */
export interface MigrateResult {
  /** Versions applied by this call, ascending; empty when the schema was already current. */
  readonly applied: number[];
  /** The schema version now in the database. */
  readonly version: number;
  /**
   * Whether substring search has its pg_trgm index. When false (pg_trgm missing and not
   * installable), search still works, by scanning one organization's users.
   */
  readonly trigram: boolean;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function appliedVersions(q: SqlQueryable): Promise<Set<number>> {
  await q.query(`CREATE TABLE IF NOT EXISTS staffroom_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const rows = await q.query("SELECT version FROM staffroom_migrations");
  return new Set(rows.map((r) => Number(r.version)));
}

async function applyOne(client: SqlClient, migration: Migration): Promise<boolean> {
  return client.transaction(async (q) => {
    await q.query(MIGRATION_LOCK);
    // Read under the lock: an instance that started at the same moment may have applied it.
    if ((await appliedVersions(q)).has(migration.version)) return false;
    for (const statement of migration.statements) await q.query(statement);
    if (migration.run) await migration.run(q);
    await q.query("INSERT INTO staffroom_migrations (version, name) VALUES ($1, $2)", [
      migration.version,
      migration.name,
    ]);
    return true;
  });
}

/** The schema holding pg_trgm, or null when the extension is not installed in this database. */
async function trigramSchema(q: SqlQueryable): Promise<string | null> {
  const rows = await q.query(
    `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm'`,
  );
  const schema = rows[0]?.schema;
  return typeof schema === "string" ? schema : null;
}

/**
 * Installs pg_trgm when it can (PGlite needs the extension passed to its constructor; a server
 * needs the contrib package and CREATE privilege) and builds the trigram index once. Runs on every
 * `migrate()`, so a database that gains pg_trgm later gains the index on the next start.
 */
async function ensureTrigramIndex(client: SqlClient): Promise<boolean> {
  let schema = await client.transaction(async (q) => trigramSchema(q), { readOnly: true });
  if (schema === null) {
    try {
      await client.transaction(async (q) => {
        await q.query(MIGRATION_LOCK);
        await q.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      });
    } catch {
      return false;
    }
    schema = await client.transaction(async (q) => trigramSchema(q), { readOnly: true });
    if (schema === null) return false;
  }
  const opclass = `${quoteIdent(schema)}.gin_trgm_ops`;
  await client.transaction(async (q) => {
    await q.query(MIGRATION_LOCK);
    await q.query(`CREATE INDEX IF NOT EXISTS ${TRIGRAM_INDEX} ON users USING gin (search ${opclass})`);
  });
  return true;
}

/**
 * Options of {@link migrate}.
 *
 * @example { upTo: 1 } // stop after version 1 (tests of a later migration's data step)
 */
export interface MigrateOptions {
  /** Apply migrations up to this version only. Default: every migration of this release. */
  readonly upTo?: number;
}

/**
 * Brings a database to the schema this release expects: creates `staffroom_migrations`, applies
 * each missing migration once, in its own transaction, under a transaction-level advisory lock (so
 * several server instances starting together apply each one exactly once and the others wait),
 * then makes sure substring search has its pg_trgm index where pg_trgm is available. Idempotent:
 * a second call applies nothing. Tables are created in the first schema of the connection's
 * `search_path` (normally `public`).
 *
 * @param client a node-postgres `Pool` or a PGlite instance (for PGlite, pass
 *   `extensions: { pg_trgm }` to its constructor for indexed search). Not closed by this call.
 * @param options `upTo` stops at a version (default: the latest).
 * @returns the versions applied, the current version and whether search is trigram-indexed.
 * @example
 * const pool = new Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool); // { applied: [1], version: 1, trigram: true } the first time
 */
export async function migrate(client: PostgresClient, options: MigrateOptions = {}): Promise<MigrateResult> {
  const sql = toSqlClient(client);
  const applied: number[] = [];
  const wanted = MIGRATIONS.filter((m) => options.upTo === undefined || m.version <= options.upTo);
  for (const migration of [...wanted].sort((a, b) => a.version - b.version)) {
    if (await applyOne(sql, migration)) applied.push(migration.version);
  }
  const trigram = await ensureTrigramIndex(sql);
  const version = wanted.reduce((max, m) => Math.max(max, m.version), 0);
  return { applied, version, trigram };
}
