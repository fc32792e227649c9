/**
 * The offered ⇔ allowed property: generated worlds, actors and targets; every offered action and
 * form option succeeds or is refused by a count rule, everything not offered is refused with the
 * reason shown, and `can()` agrees with the service and answers from the last `me()` only.
 *
 * @example const report = await runVerdictProperty(memoryWorld, { worlds: 12, steps: 100, minCases: 1000 });
 */
export { COUNT_RULES, type VerdictCounts } from "./judge";
export { runVerdictProperty, type VerdictPropertyOptions, type VerdictReport } from "./run";
