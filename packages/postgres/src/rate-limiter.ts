import type { RateLimiter } from "@staffroom/core/store";
import type { PostgresClient, SqlClient } from "./sql-client";
import { toSqlClient } from "./to-sql-client";

/**
 * Options of {@link postgresRateLimiter}.
 *
 * @example { client: pool }
 */
export interface PostgresRateLimiterOptions {
  /** A node-postgres `Pool` or a PGlite instance, migrated (migration 3 makes `rate_limits`). */
  readonly client: PostgresClient;
  /** Delete ended windows every this many hits of this instance. Default 500. */
  readonly sweepEvery?: number;
}

// One statement, so concurrent hits on a key — from any process on the database — serialise on
// its row: INSERT … ON CONFLICT DO UPDATE re-reads the row's newest version, and each gets its own
// count. A window that has ended (window_end <= now) starts again at 1. The right-hand sides read
// the row before the update, so the three CASEs agree.
const HIT = `INSERT INTO rate_limits AS r (key, window_start, window_end, count)
  VALUES ($1, $2::bigint, $2::bigint + $3::bigint, 1)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN r.window_end <= EXCLUDED.window_start THEN 1 ELSE LEAST(r.count, 2147483646) + 1 END,
    window_start = CASE WHEN r.window_end <= EXCLUDED.window_start THEN EXCLUDED.window_start ELSE r.window_start END,
    window_end = CASE WHEN r.window_end <= EXCLUDED.window_start THEN EXCLUDED.window_end ELSE r.window_end END
  RETURNING count, window_start, window_end`;

const RELEASE = `UPDATE rate_limits SET count = count - 1
  WHERE key = $1 AND window_start = $2::bigint AND count > 0`;

// An ended window and no row mean the same to HIT, so deleting them never changes a verdict.
const SWEEP = "DELETE FROM rate_limits WHERE window_end <= $1::bigint";

/**
 * Core's `RateLimiter` port on PostgreSQL: every server instance on one database shares the
 * counts, so a client is throttled the same whichever instance it reaches. A hit is one
 * autocommitted statement (no transaction, no advisory lock), atomic per key; `release` is one
 * conditional UPDATE. Times are the directory's clock (`nowMs`), stored as epoch milliseconds.
 * Ended windows are deleted every `sweepEvery` hits. Passes `runRateLimiterContract`.
 *
 * @example
 * await migrate(pool);
 * const directory = createDirectory({ store: postgresStore({ client: pool }), rateLimiter: postgresRateLimiter({ client: pool }) });
 */
export function postgresRateLimiter(options: PostgresRateLimiterOptions): RateLimiter {
  const sql: SqlClient = toSqlClient(options.client);
  const sweepEvery = Math.max(1, options.sweepEvery ?? 500);
  let hits = 0;
  return {
    async hit(key, rule, nowMs) {
      hits += 1;
      // Housekeeping only: a failed sweep must not fail the hit.
      if (hits % sweepEvery === 0) await sql.query(SWEEP, [Math.trunc(nowMs)]).catch(() => undefined);
      const rows = await sql.query(HIT, [key, Math.trunc(nowMs), Math.max(1, Math.trunc(rule.windowMs))]);
      const row = rows[0];
      if (!row) throw new Error("rate_limits: the upsert returned no row");
      const count = Number(row.count);
      const windowStartMs = Number(row.window_start);
      const windowEndMs = Number(row.window_end);
      return {
        allowed: count <= rule.limit,
        count,
        windowStartMs,
        retryAfterMs: Math.max(1, windowEndMs - nowMs),
      };
    },
    async release(key, windowStartMs) {
      await sql.query(RELEASE, [key, Math.trunc(windowStartMs)]);
    },
  };
}
