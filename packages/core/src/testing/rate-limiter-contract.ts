import { describe, expect, it } from "vitest";
import type { RateLimiter, RateLimitRule } from "../ports/rate-limiter";

/**
 * Two handles on one shared {@link RateLimiter}: two server instances (two pools, two processes)
 * over one store, or — for an in-process limiter — the same limiter twice.
 *
 * @example async () => [postgresRateLimiter({ client: poolA }), postgresRateLimiter({ client: poolB })]
 */
export type RateLimiterPairFactory = () => Promise<readonly [RateLimiter, RateLimiter]>;

const T0 = Date.parse("2026-11-23T08:00:00.000Z");
const RULE: RateLimitRule = { limit: 3, windowMs: 60_000 };
let keys = 0;
/** A key no other test (or earlier run on a shared database) used. */
function freshKey(hint: string): string {
  keys += 1;
  return `${hint}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}:${keys}`;
}

/**
 * Registers the contract of the {@link RateLimiter} port with Vitest: atomic hit-and-count per key
 * and window, the verdict and retry delay, `release`, independence of keys, and — across two
 * handles — that concurrent hits get distinct counts (exactly `limit` allowed, exactly one at
 * `limit + 1`). Every test uses fresh keys, so a persistent limiter needs no reset between them.
 *
 * @example runRateLimiterContract("memory", async () => { const l = memoryRateLimiter(); return [l, l]; });
 */
export function runRateLimiterContract(name: string, factory: RateLimiterPairFactory): void {
  describe(`RateLimiter contract: ${name}`, () => {
    it("counts the hits of a window: allowed up to the limit, refused after with the time left", async () => {
      const [limiter] = await factory();
      const key = freshKey("count");
      const verdicts = [];
      for (let i = 0; i < 5; i++) verdicts.push(await limiter.hit(key, RULE, T0 + i * 1000));
      expect(verdicts.map((v) => [v.count, v.allowed])).toEqual([
        [1, true],
        [2, true],
        [3, true],
        [4, false],
        [5, false],
      ]);
      for (const v of verdicts) expect(v.windowStartMs).toBe(T0);
      expect(verdicts.map((v) => v.retryAfterMs)).toEqual([60_000, 59_000, 58_000, 57_000, 56_000]);
    });

    it("a window begins at its first hit and lasts windowMs; the next hit after it starts again at 1", async () => {
      const [limiter] = await factory();
      const key = freshKey("window");
      const start = T0 + 123_456;
      for (let i = 0; i < 4; i++) await limiter.hit(key, RULE, start);
      expect((await limiter.hit(key, RULE, start + RULE.windowMs - 1)).allowed).toBe(false);
      const fresh = await limiter.hit(key, RULE, start + RULE.windowMs);
      expect(fresh).toEqual({
        allowed: true,
        count: 1,
        windowStartMs: start + RULE.windowMs,
        retryAfterMs: RULE.windowMs,
      });
      // Long after, the same: ended windows are forgotten or restarted, never carried over.
      const later = await limiter.hit(key, RULE, start + 50 * RULE.windowMs + 7);
      expect(later).toMatchObject({ allowed: true, count: 1, windowStartMs: start + 50 * RULE.windowMs + 7 });
    });

    it("a hit stamped before its window's start (a clock behind another instance's) counts in that window", async () => {
      const [limiter] = await factory();
      const key = freshKey("skew");
      await limiter.hit(key, RULE, T0);
      const behind = await limiter.hit(key, RULE, T0 - 5000);
      expect(behind).toMatchObject({ count: 2, allowed: true, windowStartMs: T0 });
      expect(behind.retryAfterMs).toBeGreaterThanOrEqual(1);
    });

    it("keys are independent, whatever characters they hold", async () => {
      const [limiter] = await factory();
      const a = `${freshKey("a")}:2001:db8::/64`;
      const b = `${freshKey("b")}:'; DROP TABLE x; --"é\u{1F600}`;
      for (let i = 0; i < 4; i++) await limiter.hit(a, RULE, T0);
      expect(await limiter.hit(b, RULE, T0)).toMatchObject({ count: 1, allowed: true });
      expect(await limiter.hit(a, RULE, T0)).toMatchObject({ count: 5, allowed: false });
      expect(await limiter.hit(`${b}x`, RULE, T0)).toMatchObject({ count: 1 });
      const long = freshKey("long").padEnd(200, "k");
      expect(await limiter.hit(long, RULE, T0)).toMatchObject({ count: 1 });
    });

    it("release takes back one hit of the current window only, never below zero", async () => {
      const [limiter] = await factory();
      const key = freshKey("release");
      const first = await limiter.hit(key, RULE, T0);
      await limiter.hit(key, RULE, T0);
      await limiter.release(key, first.windowStartMs);
      expect((await limiter.hit(key, RULE, T0)).count).toBe(2);
      for (let i = 0; i < 5; i++) await limiter.release(key, first.windowStartMs);
      expect((await limiter.hit(key, RULE, T0)).count).toBe(1);
      // A release naming an ended window does nothing to the next one.
      const next = await limiter.hit(key, RULE, T0 + RULE.windowMs);
      expect(next.count).toBe(1);
      await limiter.release(key, first.windowStartMs);
      expect((await limiter.hit(key, RULE, T0 + RULE.windowMs)).count).toBe(2);
      // Releasing a key never hit is harmless.
      await limiter.release(freshKey("never"), T0);
    });

    it("concurrent hits through two instances get distinct counts: exactly `limit` allowed, exactly one at limit + 1", async () => {
      const [one, two] = await factory();
      const key = freshKey("race");
      const rule: RateLimitRule = { limit: 25, windowMs: 60_000 };
      const verdicts = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? one : two).hit(key, rule, T0 + (i % 3))),
      );
      const counts = verdicts.map((v) => v.count).sort((a, b) => a - b);
      expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(25);
      expect(verdicts.filter((v) => v.count === rule.limit + 1)).toHaveLength(1);
      expect(new Set(verdicts.map((v) => v.windowStartMs)).size).toBe(1);
      // Releases through both instances land in the one window too.
      const start = verdicts[0]?.windowStartMs ?? T0;
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? one : two).release(key, start)));
      expect((await two.hit(key, rule, T0)).count).toBe(31);
    });
  });
}
