/**
 * `@staffroom/core/testing`: realistic deterministic fixtures, the conformance suite any backend can
 * run (Vitest is a peer dependency of this entry) and a memory-backed world to run it on.
 *
 * @example
 * import { memoryWorld, runConformanceSuite } from "@staffroom/core/testing";
 * runConformanceSuite("memory", memoryWorld);
 */
export { type ConformanceWorld, runConformanceSuite, type WorldFactory } from "./conformance";
export {
  asDirectoryError,
  type CaughtError,
  type ExpectedError,
  expectError,
} from "./conformance/errors-expect";
export {
  CLINIC_NAMES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  LOCATION_GROUPS,
  LOCATION_NAMES,
  PROVIDER_TYPES,
  STAFF_JOB_TITLES,
  TAXONOMY_CODES,
  TITLE_PROFILES,
  type TitleProfile,
} from "./fixture-data";
export {
  clinicDomain,
  emailLocalPart,
  FIXTURE_PASSWORD,
  type FixtureUsersOptions,
  fixtureClinicName,
  fixtureLocations,
  fixtureNpi,
  fixturePhone,
  fixtureProvider,
  fixtureUsers,
  type ProviderInput,
  standardBootstrap,
} from "./fixtures";
export { type MemoryWorld, type MemoryWorldOptions, memoryWorld } from "./memory-world";
export { type PropertySuiteOptions, runPropertySuite } from "./properties";
export { mulberry32, type SeededRandom, seededRandom } from "./random";
export { type SeedStoreOptions, seedUsersIntoStore } from "./seed-store";
