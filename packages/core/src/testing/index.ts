/**
 * `@staffroom/core/testing`: realistic deterministic fixtures, the conformance and property suites any
 * backend can run (Vitest and fast-check are peer dependencies of this entry) and a memory-backed
 * world to run them on. A world over your own store is `storeWorld` from `@staffroom/core/store`.
 *
 * @example
 * import { memoryWorld, runConformanceSuite } from "@staffroom/core/testing";
 * runConformanceSuite("memory", memoryWorld);
 */

export {
  CLINIC_NAMES,
  clinicDomain,
  emailLocalPart,
  FAMILY_NAMES,
  FIXTURE_PASSWORD,
  type FixtureUsersOptions,
  fixtureClinicName,
  fixtureLocations,
  fixtureNpi,
  fixturePhone,
  fixtureProvider,
  fixtureUsers,
  GIVEN_NAMES,
  IMPORT_SAMPLE_MISTAKES,
  type ImportSampleOptions,
  importSample,
  LOCATION_GROUPS,
  LOCATION_NAMES,
  type MemoryWorld,
  type MemoryWorldOptions,
  memoryWorld,
  mulberry32,
  PROVIDER_TYPES,
  type ProviderInput,
  type SeededRandom,
  type SeedStoreOptions,
  STAFF_JOB_TITLES,
  seededRandom,
  seedUsersIntoStore,
  settledAuth,
  standardBootstrap,
  TAXONOMY_CODES,
  TITLE_PROFILES,
  type TitleProfile,
} from "../fixtures";
export { type ConformanceWorld, runConformanceSuite, type WorldFactory } from "./conformance";
export { erasureFixture } from "./conformance/erasure";
export {
  asDirectoryError,
  type CaughtError,
  type ExpectedError,
  expectError,
} from "./conformance/errors-expect";
export { secretsAtRestFixture } from "./conformance/secrets";
export { type FhirFixture, type FhirFixtureOptions, fhirFixture } from "./fhir-fixture";
export { runLocalBoundarySuite } from "./local-boundary";
export { type PropertySuiteOptions, runPropertySuite } from "./properties";
export {
  runVerdictProperty,
  type VerdictPropertyOptions,
  type VerdictReport,
} from "./properties/verdicts";
export { runProvisioningSuite } from "./provisioning-suite";
export { type RateLimiterPairFactory, runRateLimiterContract } from "./rate-limiter-contract";
