import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { type MigrateOptions, migrate } from "../../src/index";

/** Every table the store writes, emptied between worlds. */
const TABLES = [
  "provisioned_users",
  "provisioning_settings",
  "provisioning_tokens",
  "audit_legacy_heads",
  "audit_personal",
  "audit_events",
  "secret_tokens",
  "counters",
  "rate_limits",
  "sessions",
  "invitations",
  "users",
  "accounts",
  "roles",
  "locations",
  "organizations",
];

/**
 * A migrated database for one test file: PGlite in memory, or a fresh schema on the real server.
 * Worlds of the file share it and `reset()` empties it before each world (tests of one file run
 * one after the other).
 */
export interface TestDatabase {
  readonly label: string;
  /** The client a store is built on (the file's one PGlite, or a Pool on the file's schema). */
  readonly client: PGlite | pg.Pool;
  /** Another Pool on the same schema: a second "server instance" (real server only). */
  newPool(): pg.Pool;
  /** Empties every table. */
  reset(): Promise<void>;
  /** Closes connections (and drops the schema of a real-server database). */
  close(): Promise<void>;
}

/** The real server's URL, or undefined when this run has none. */
export const DATABASE_URL: string | undefined = process.env.DATABASE_URL || undefined;

/** A fresh in-memory PGlite with pg_trgm, migrated (up to `migration.upTo` when given). */
export async function pgliteDatabase(migration: MigrateOptions = {}): Promise<TestDatabase> {
  const db = new PGlite({ extensions: { pg_trgm } });
  await migrate(db, migration);
  return {
    label: "PGlite",
    client: db,
    newPool: () => {
      throw new Error("PGlite is one connection in one process; there is no second pool.");
    },
    reset: async () => {
      await db.exec(`TRUNCATE ${TABLES.join(", ")}`);
    },
    close: () => db.close(),
  };
}

let schemas = 0;

/**
 * A fresh schema on the server at `url` (so parallel test files never see each other's rows),
 * migrated; pools reach it through `search_path`, with `public` after it for pg_trgm.
 */
export async function serverDatabase(
  url: string,
  poolSize = 10,
  migration: MigrateOptions = {},
): Promise<TestDatabase> {
  schemas += 1;
  const schema = `t_${process.pid}_${schemas}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  // pg_trgm lives in public, created once: an extension created inside a test schema would be
  // dropped with it.
  await admin.query("SELECT pg_advisory_lock(1937006950, 2)");
  try {
    await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
  } finally {
    await admin.query("SELECT pg_advisory_unlock(1937006950, 2)");
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pools: pg.Pool[] = [];
  const newPool = (): pg.Pool => {
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      options: `-c search_path=${schema},public`,
    });
    pools.push(pool);
    return pool;
  };
  const client = newPool();
  await migrate(client, migration);
  return {
    label: "PostgreSQL",
    client,
    newPool,
    reset: async () => {
      await client.query(`TRUNCATE ${TABLES.join(", ")}`);
    },
    close: async () => {
      await Promise.all(pools.map((p) => p.end()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
