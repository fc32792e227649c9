import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WorldFactory } from "../conformance/world";
import { operationArbitrary } from "./arbitraries";
import { authOperationArbitrary, runAuthOperations } from "./auth";
import { mcRunArbitrary, runMcOperations } from "./main-contact";
import { RACE_OP_NAMES, runRace } from "./race";
import { runOperations } from "./sequential";
import { runVerdictProperty } from "./verdicts";

/** Core is typed without a host's globals; a test runner has a console. */
const log = (message: string): void =>
  (globalThis as { console?: { info(message: string): void } }).console?.info(message);

/**
 * Options of {@link runPropertySuite}.
 *
 * @example runPropertySuite("postgres", pgWorld, { numRuns: 10, maxCommands: 20 });
 */
export interface PropertySuiteOptions {
  /** Runs of each property (the sign-in property makes half as many). Default 25. */
  readonly numRuns?: number;
  /** Most operations in one generated sequence. Default 30. */
  readonly maxCommands?: number;
  /** A fast-check seed, to replay a reported counterexample. */
  readonly seed?: number;
  /**
   * The offered ⇔ allowed property: worlds per batch, steps per world, and the choices it must try
   * at least (batches repeat until then). Default 12 worlds × 100 steps, at least 1 000 choices.
   */
  readonly verdicts?: { readonly worlds?: number; readonly steps?: number; readonly minCases?: number };
}

/**
 * Registers the property-based tests (Vitest + fast-check) for a backend:
 *
 * 1. random sequences of operations by random actors (administrators, the main contact, delegated
 *    clinic managers, Front Desk and Read-only staff) across two organizations of the same backend,
 *    with every invariant checked after every step (R2–R9, R12, R13, R18);
 * 2. random subsets of conflicting operations fired at once, then R6, R9, R13 and R18;
 * 3. random sign-ins (right, wrong, NFKC, near misses; with and without `organizationId`), parallel
 *    bursts of wrong passwords and rushes of right ones, clock moves past every lock and session
 *    limit, unlocks, disable and restore, sign-outs, session probes, password changes, reset requests
 *    and concurrent-seat changes, checked after every step against a lockout model (W13, R9, R15–R18);
 * 4. random actor / target / operation triples and takeover chains (a temporary password, an email
 *    moved to the actor's own mailbox, reset links read from the mailbox on record, sign-ins as the
 *    target and acting as them) by the main contact, other administrators, a delegated manager and
 *    staff: after every step nobody but the main contact has changed the main contact's account,
 *    membership or role, or obtained a session as them (R7);
 * 5. offered ⇔ allowed, over generated worlds (roles with random permission sets, locations, an
 *    archived one, users with random roles, access and statuses, delegated managers, a main contact,
 *    people in two organizations, a locked account, seat limits) with random actors and targets:
 *    every row action and form option offered (`users.actions()`, `users/roles/organization
 *    .formOptions()`), when saved, succeeds or is refused by a count rule (R6, R9, W2's resend
 *    limits); everything not offered is refused, with the very code, rule and message the options
 *    gave; `can()` agrees with the service for every catalog permission; and `can()`/`actions()`
 *    move only with `me()`, whatever ran in between. It runs until at least `verdicts.minCases`
 *    choices were tried and logs the counts and the time.
 *
 * Counterexamples are shrunk and reported with the resolved operations that led to them.
 *
 * @example
 * import { runPropertySuite } from "@staffroom/core/testing";
 * runPropertySuite("memory", () => memoryWorld(), { numRuns: 25, maxCommands: 30 });
 */
export function runPropertySuite(
  name: string,
  factory: WorldFactory,
  options: PropertySuiteOptions = {},
): void {
  const numRuns = options.numRuns ?? 25;
  const maxCommands = options.maxCommands ?? 30;
  const seed = options.seed === undefined ? {} : { seed: options.seed };
  const timeout = Math.max(120_000, numRuns * 8_000);
  // The sign-in property runs a longer story per run (bursts, a 12-hour ride): fewer runs.
  const authRuns = Math.max(1, Math.ceil(numRuns / 2));
  const verdicts = {
    worlds: options.verdicts?.worlds ?? 12,
    steps: options.verdicts?.steps ?? 100,
    minCases: options.verdicts?.minCases ?? 1000,
    ...seed,
  };
  describe(`${name}: properties`, () => {
    it(
      "random operations by random actors across two organizations keep every rule (R2–R9, R12, R13, R18)",
      async () => {
        const operations = fc.array(operationArbitrary, { minLength: 1, maxLength: maxCommands });
        await fc.assert(
          fc.asyncProperty(operations, async (ops) => {
            await runOperations(factory, ops);
          }),
          { numRuns, ...seed },
        );
      },
      timeout,
    );
    it(
      "conflicting operations fired at once keep an administrator and the seat limit (R6, R9, R13, R18)",
      async () => {
        const names = fc.shuffledSubarray([...RACE_OP_NAMES], { minLength: 2, maxLength: 8 });
        const delays = fc.array(fc.nat(4), { minLength: 8, maxLength: 8 });
        await fc.assert(
          fc.asyncProperty(names, fc.nat(2), delays, (picked, slack, wait) =>
            runRace(factory, picked, slack, wait),
          ),
          { numRuns: numRuns * 2, ...seed },
        );
      },
      timeout,
    );
    it(
      "random sign-ins, lockouts, sessions and seat changes match the lockout model (W13, R9, R15–R18)",
      async () => {
        const operations = fc.array(authOperationArbitrary, {
          minLength: 1,
          maxLength: maxCommands,
          size: "max",
        });
        await fc.assert(
          fc.asyncProperty(operations, async (ops) => {
            await runAuthOperations(factory, ops);
          }),
          { numRuns: authRuns, ...seed },
        );
      },
      timeout,
    );
    it(
      "R7 no actor or chain but the main contact changes the main contact's account, membership or role, or gets a session as them",
      async () => {
        await fc.assert(
          fc.asyncProperty(mcRunArbitrary(maxCommands), async (run) => {
            await runMcOperations(factory, run);
          }),
          { numRuns, ...seed },
        );
      },
      timeout,
    );
    it(
      "R2–R11 offered ⇔ allowed: every offered action and form option succeeds or is refused by a count rule, everything else is refused with the reason shown, and can() agrees with the service from the last me() only",
      async () => {
        const report = await runVerdictProperty(factory, verdicts);
        log(
          `[offered ⇔ allowed] ${name}: ${report.cases} cases in ${report.worlds} worlds, ${report.ms} ms — ` +
            `${report.offered} offered (${report.succeeded} saved, ${report.countRule} refused by a count rule), ` +
            `${report.refused} not offered (refused); ${report.can} can() checks, ${report.snapshot} snapshot checks`,
        );
        expect(report.cases).toBeGreaterThanOrEqual(verdicts.minCases);
      },
      Math.max(timeout, 900_000),
    );
  });
}
