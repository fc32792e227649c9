import { type PgClientOptions, pgClient } from "./pg-adapter";
import { pgliteClient } from "./pglite-adapter";
import type { PGliteLike, PgPoolLike, PostgresClient, SqlClient } from "./sql-client";

function isPool(client: PostgresClient): client is PgPoolLike {
  // A single pg.Client also has connect(); only a Pool has totalCount and hands out connections.
  return typeof (client as PgPoolLike).connect === "function" && "totalCount" in client;
}

function isPGlite(client: PostgresClient): client is PGliteLike {
  const candidate = client as PGliteLike;
  return typeof candidate.transaction === "function" && typeof candidate.exec === "function";
}

/**
 * The {@link SqlClient} for a node-postgres `Pool` or a PGlite instance. Throws a `TypeError` for
 * anything else — including a single `pg.Client`, which cannot run concurrent transactions.
 * `options` apply to a Pool (PGlite has no prepared statements).
 *
 * @example const client = toSqlClient(pool);
 */
export function toSqlClient(client: PostgresClient, options: PgClientOptions = {}): SqlClient {
  if (isPool(client)) return pgClient(client, options);
  if (isPGlite(client)) return pgliteClient(client);
  throw new TypeError(
    "postgresStore needs a node-postgres Pool or a PGlite instance (a single pg.Client cannot run concurrent transactions).",
  );
}
