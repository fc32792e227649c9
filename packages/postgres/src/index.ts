/**
 * `@staffroom/postgres`: the Staffroom `DirectoryStore` on PostgreSQL, over a node-postgres `Pool`
 * or PGlite, with versioned migrations.
 *
 * @example
 * import { migrate, postgresStore } from "@staffroom/postgres";
 * await migrate(pool);
 * const store = postgresStore({ client: pool });
 */
export { lockKey } from "./locks";
export { type MigrateOptions, type MigrateResult, migrate } from "./migrate";
export { MIGRATIONS, type Migration } from "./migrations";
export { type PostgresStore, type PostgresStoreOptions, postgresStore } from "./postgres-store";
export { type PostgresRateLimiterOptions, postgresRateLimiter } from "./rate-limiter";
export type {
  PGliteLike,
  PGliteTransactionLike,
  PgPoolClientLike,
  PgPoolLike,
  PostgresClient,
  SqlQueryable,
  SqlRow,
} from "./sql-client";
