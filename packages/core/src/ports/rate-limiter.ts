/**
 * A limit: at most `limit` hits per key in a window of `windowMs`.
 *
 * @example { limit: 100, windowMs: 15 * 60_000 }
 */
export interface RateLimitRule {
  /** Hits allowed in one window (a whole number ≥ 0). */
  readonly limit: number;
  /** Length of a window in milliseconds (a whole number ≥ 1). */
  readonly windowMs: number;
}

/**
 * The verdict of one {@link RateLimiter.hit}.
 *
 * @example { allowed: false, count: 101, windowStartMs: 1764158400000, retryAfterMs: 412000 }
 */
export interface RateLimitHit {
  /** True when this hit is within the limit: `count <= limit`. */
  readonly allowed: boolean;
  /** Hits counted in the key's current window, this one included (refused hits count too). */
  readonly count: number;
  /** When the key's current window began (ms since the epoch); names the window for `release`. */
  readonly windowStartMs: number;
  /** Milliseconds until the window ends (≥ 1): how long a refused caller should wait. */
  readonly retryAfterMs: number;
}

/**
 * Counts hits per key in fixed windows, atomically, for per-client throttling (who may try to sign
 * in or ask for reset links how often). Core calls it before any account lookup or password
 * hashing, so a refused hit must be cheap: one atomic step, no locks held across calls.
 *
 * Contract (`runRateLimiterContract` in `@staffroom/core/testing` proves it for an implementation):
 * - A key's window begins at its first hit after the previous window ended (`nowMs >= start +
 *   windowMs`) and lasts `windowMs`; the first hit of a window has `count` 1.
 * - `hit` adds one to the key's count in its current window and returns the new count, atomically:
 *   of any number of concurrent hits on one key — from any number of processes sharing the
 *   limiter — each gets a distinct count, so exactly `limit` are allowed and exactly one sees
 *   `count === limit + 1` (core audits that one, once per window).
 * - `allowed` is `count <= rule.limit`; `retryAfterMs` is `start + windowMs - nowMs`, at least 1.
 * - `release(key, windowStartMs)` takes one hit back when the key's window still began at
 *   `windowStartMs` and its count is above 0; otherwise it does nothing. Core releases the hit of a
 *   sign-in whose password was right, so only failures use up a client's budget.
 * - Time is the caller's `nowMs` (the directory's clock), never the limiter's own; a `nowMs` before
 *   the window's start counts in that window.
 * - Keys are opaque strings up to 200 characters; the limiter may forget windows that have ended.
 *
 * @example
 * const verdict = await limiter.hit("sign_in:9f86d0…", { limit: 100, windowMs: 900_000 }, clock.now());
 * if (!verdict.allowed) throw fail.rateLimited(undefined, verdict.retryAfterMs);
 */
export interface RateLimiter {
  /** Counts one hit on `key` at `nowMs` under `rule` and says whether it is allowed. */
  hit(key: string, rule: RateLimitRule, nowMs: number): Promise<RateLimitHit>;
  /** Takes back one hit of the window that began at `windowStartMs`, if that window is still current. */
  release(key: string, windowStartMs: number): Promise<void>;
}

interface Window {
  start: number;
  end: number;
  count: number;
}

/**
 * Options of {@link memoryRateLimiter}.
 *
 * @example { sweepEvery: 1000 }
 */
export interface MemoryRateLimiterOptions {
  /** Forget ended windows after this many hits. Default 1 000. */
  readonly sweepEvery?: number;
}

/**
 * The in-process {@link RateLimiter} (the default of `createDirectory`): a map of windows, atomic
 * because a hit never awaits. It is one process's view only: servers behind a load balancer share
 * `postgresRateLimiter` from `@staffroom/postgres` (or their own) instead. Ended windows are swept
 * every `sweepEvery` hits, so memory follows the keys seen in one window.
 *
 * @example const directory = createDirectory({ store, rateLimiter: memoryRateLimiter() });
 */
export function memoryRateLimiter(options: MemoryRateLimiterOptions = {}): RateLimiter {
  const windows = new Map<string, Window>();
  const sweepEvery = Math.max(1, options.sweepEvery ?? 1000);
  let hits = 0;
  const sweep = (nowMs: number) => {
    for (const [key, w] of windows) if (w.end <= nowMs) windows.delete(key);
  };
  return {
    async hit(key, rule, nowMs) {
      hits += 1;
      if (hits % sweepEvery === 0) sweep(nowMs);
      let w = windows.get(key);
      if (!w || w.end <= nowMs) {
        w = { start: nowMs, end: nowMs + rule.windowMs, count: 0 };
        windows.set(key, w);
      }
      w.count = Math.min(w.count + 1, Number.MAX_SAFE_INTEGER);
      return {
        allowed: w.count <= rule.limit,
        count: w.count,
        windowStartMs: w.start,
        retryAfterMs: Math.max(1, w.end - nowMs),
      };
    },
    async release(key, windowStartMs) {
      const w = windows.get(key);
      if (w && w.start === windowStartMs && w.count > 0) w.count -= 1;
    },
  };
}
