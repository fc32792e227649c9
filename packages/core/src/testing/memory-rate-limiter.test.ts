import { describe, expect, it } from "vitest";
import { memoryRateLimiter } from "../ports/rate-limiter";
import { runRateLimiterContract } from "./rate-limiter-contract";

runRateLimiterContract("memory", async () => {
  const limiter = memoryRateLimiter();
  return [limiter, limiter];
});

describe("memoryRateLimiter", () => {
  it("forgets ended windows as it sweeps, and counts the same afterwards", async () => {
    const limiter = memoryRateLimiter({ sweepEvery: 2 });
    const rule = { limit: 1, windowMs: 1000 };
    await limiter.hit("a", rule, 0);
    await limiter.hit("b", rule, 0);
    // The sweep at this hit drops both ended windows; "a" starts again at 1.
    expect(await limiter.hit("a", rule, 5000)).toMatchObject({ count: 1, windowStartMs: 5000 });
    expect(await limiter.hit("b", rule, 5000)).toMatchObject({ count: 1, windowStartMs: 5000 });
  });
});
