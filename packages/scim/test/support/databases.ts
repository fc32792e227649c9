import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { DirectoryStore } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import { migrate, postgresStore } from "@staffroom/postgres";
import pg from "pg";

/** The real server's URL, or undefined when this run has none. */
export const DATABASE_URL: string | undefined = process.env.DATABASE_URL || undefined;

/** A store the SCIM suites run on, and how to let it go. */
export interface TestStore {
  readonly label: string;
  readonly store: DirectoryStore;
  close(): Promise<void>;
}

/** Core's memory store. */
export async function memoryBackend(): Promise<TestStore> {
  return { label: "memory", store: memoryStore(), close: async () => {} };
}

/** A fresh in-memory PGlite with pg_trgm, migrated. */
export async function pgliteBackend(): Promise<TestStore> {
  const db = new PGlite({ extensions: { pg_trgm } });
  await migrate(db);
  return { label: "PGlite", store: postgresStore({ client: db }), close: () => db.close() };
}

let schemas = 0;

/**
 * A fresh schema on the real server (parallel files never meet), migrated; dropped on close.
 *
 * @example const backend = await postgresBackend(DATABASE_URL);
 */
export async function postgresBackend(url: string, poolSize = 10): Promise<TestStore> {
  schemas += 1;
  const schema = `scim_${process.pid}_${schemas}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query("SELECT pg_advisory_lock(1937006950, 2)");
  try {
    await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
  } finally {
    await admin.query("SELECT pg_advisory_unlock(1937006950, 2)");
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: `-c search_path=${schema},public`,
  });
  await migrate(pool);
  return {
    label: "PostgreSQL",
    store: postgresStore({ client: pool }),
    close: async () => {
      await pool.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
