/**
 * Property-based tests of the directory rules, for any backend that can build a `ConformanceWorld`.
 *
 * @example
 * import { runPropertySuite } from "./properties";
 * runPropertySuite("memory", () => memoryWorld());
 */
export { type PropertySuiteOptions, runPropertySuite } from "./suite";
