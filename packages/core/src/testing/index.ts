/**
 * `@staffroom/core/testing`: realistic deterministic fixtures, the conformance suite any backend can
 * run (Vitest is a peer dependency of this entry) and a memory-backed world to run it on.
 *
 * @example
 * import { memoryWorld, runConformanceSuite } from "@staffroom/core/testing";
 * runConformanceSuite("memory", memoryWorld);
 */

export * from "../fixtures";
export { type ConformanceWorld, runConformanceSuite, type WorldFactory } from "./conformance";
export { erasureFixture } from "./conformance/erasure";
export {
  asDirectoryError,
  type CaughtError,
  type ExpectedError,
  expectError,
} from "./conformance/errors-expect";
export { secretsAtRestFixture } from "./conformance/secrets";
export { runLocalBoundarySuite } from "./local-boundary";
export { type PropertySuiteOptions, runPropertySuite } from "./properties";
export { type RateLimiterPairFactory, runRateLimiterContract } from "./rate-limiter-contract";
