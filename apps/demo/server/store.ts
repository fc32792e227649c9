import { mkdir, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type DirectoryStore, memoryRateLimiter, type RateLimiter } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import { migrate, postgresRateLimiter, postgresStore } from "@staffroom/postgres";
import pg from "pg";

/**
 * Which store backs the demo server.
 * - `pglite`: PostgreSQL in WebAssembly, in `dataDir` (durable across restarts) or, without one, in
 *   memory (tests);
 * - `postgres`: a real server at `url` (the CLI uses `DATABASE_URL`);
 * - `memory`: core's `memoryStore()`, gone with the process.
 */
export type StoreChoice =
  | { readonly kind: "pglite"; readonly dataDir?: string }
  | { readonly kind: "postgres"; readonly url: string }
  | { readonly kind: "memory" };

/** The demo's database for the server's life; `/demo/reset` empties it through `open(true)`. */
export interface DemoDatabase {
  /** Where the data lives, for the banner: "PGlite in ./.data/pglite", "PostgreSQL at …", "memory". */
  readonly description: string;
  /**
   * A store over the database, emptied first when `reset`, and the per-client rate limiter that
   * counts beside it (in `rate_limits` for PostgreSQL and PGlite, so every instance on one database
   * shares it; in memory for the memory store). `fresh` is true when it holds no organization yet,
   * so the caller seeds it.
   */
  open(reset: boolean): Promise<{
    readonly store: DirectoryStore;
    readonly rateLimiter: RateLimiter;
    readonly fresh: boolean;
  }>;
  /** Ends the pool or closes PGlite (flushing its data folder). */
  close(): Promise<void>;
}

// Every table of @staffroom/postgres's schema; TRUNCATE … CASCADE empties them in one statement and
// keeps the schema and its migrations.
const TABLES =
  "organizations, locations, roles, accounts, users, invitations, sessions, secret_tokens, counters, rate_limits, audit_events, audit_personal, audit_legacy_heads, provisioning_tokens, provisioning_settings, provisioned_users";

interface SqlLike {
  query(text: string): Promise<{ rows: unknown[] }>;
}

async function isEmpty(client: SqlLike): Promise<boolean> {
  const { rows } = await client.query("SELECT 1 FROM organizations LIMIT 1");
  return rows.length === 0;
}

/**
 * Opens the demo's database once per server. PGlite (the CLI's default, in a data folder) and
 * PostgreSQL get their migrations applied first; a reset empties the tables instead of reopening,
 * since starting PGlite costs seconds.
 *
 * @example
 * const db = await openDatabase({ kind: "pglite", dataDir: ".data/pglite" });
 * const { store, fresh } = await db.open(false);
 * if (fresh) await seedDemo(createDemoDirectory({ store, … }), …);
 */
export async function openDatabase(
  choice: StoreChoice,
  options: { reset?: boolean } = {},
): Promise<DemoDatabase> {
  if (choice.kind === "memory") {
    return {
      description: "memory (gone when the server stops)",
      open: async () => ({ store: memoryStore(), rateLimiter: memoryRateLimiter(), fresh: true }),
      close: async () => {},
    };
  }
  if (choice.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: choice.url, max: 10 });
    await migrate(pool);
    const store = postgresStore({ client: pool });
    const rateLimiter = postgresRateLimiter({ client: pool });
    return {
      description: `PostgreSQL at ${redact(choice.url)}`,
      open: async (reset) => {
        if (reset) await pool.query(`TRUNCATE ${TABLES} CASCADE`);
        return { store, rateLimiter, fresh: await isEmpty(pool) };
      },
      close: () => pool.end(),
    };
  }
  // A --reset of a data folder starts from nothing: the files go, migrations run again.
  if (choice.dataDir && options.reset) await rm(choice.dataDir, { recursive: true, force: true });
  // PGlite creates its own folder but not the ones above it.
  if (choice.dataDir) await mkdir(dirname(choice.dataDir), { recursive: true });
  const db = choice.dataDir
    ? new PGlite(choice.dataDir, { extensions: { pg_trgm } })
    : new PGlite({ extensions: { pg_trgm } });
  await migrate(db);
  const store = postgresStore({ client: db });
  const rateLimiter = postgresRateLimiter({ client: db });
  return {
    description: choice.dataDir ? `PGlite in ${choice.dataDir}` : "PGlite in memory",
    open: async (reset) => {
      if (reset) await db.query(`TRUNCATE ${TABLES} CASCADE`);
      return { store, rateLimiter, fresh: await isEmpty(db) };
    },
    close: () => db.close(),
  };
}

/** A connection string without its password, for the banner. @example redact("postgres://u:p@h/db") // "postgres://u:***@h/db" */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}
