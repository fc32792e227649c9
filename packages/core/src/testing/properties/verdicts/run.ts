import fc from "fast-check";
import type { WorldFactory } from "../../conformance/world";
import { PropertyViolation } from "../attempt";
import { type VerdictCounts, zeroCounts } from "./judge";
import { type Run, runStep, type Step, stepArbitrary } from "./probes";
import { buildWorld, type WorldSpec, worldSpecArbitrary } from "./world";

/**
 * Options of {@link runVerdictProperty}.
 *
 * @example { worlds: 12, steps: 100, minCases: 1000 }
 */
export interface VerdictPropertyOptions {
  /** Worlds generated per batch (one fast-check run each). */
  readonly worlds: number;
  /** Steps per world: each tries one offered or refused choice (or compares `can()`). */
  readonly steps: number;
  /**
   * Batches run until this many choices were tried (at most five batches); after the first, a batch
   * builds only as many worlds as the missing choices need at the rate seen so far, plus one.
   */
  readonly minCases: number;
  readonly seed?: number;
}

/**
 * What a property run did: its counts, how many worlds it built, and how long it took.
 *
 * @example const report = await runVerdictProperty(factory, { worlds: 12, steps: 100, minCases: 1000 }); report.cases
 */
export interface VerdictReport extends VerdictCounts {
  readonly cases: number;
  readonly worlds: number;
  readonly ms: number;
}

/** One world, then its steps in order; the trace is the counterexample's story. */
async function runWorld(
  factory: WorldFactory,
  spec: WorldSpec,
  steps: readonly Step[],
  counts: VerdictCounts,
) {
  const built = await buildWorld(await factory(), spec);
  const run: Run = { built, dirs: new Map(), trace: [], counts, roster: null };
  for (const step of steps) {
    try {
      await runStep(run, step);
    } catch (error) {
      if (error instanceof PropertyViolation) throw error;
      throw new PropertyViolation(
        `step ${JSON.stringify(step)} threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n  after:\n    ${run.trace.join("\n    ")}`,
      );
    }
    // A minute passes per step: invitations may be sent again, locks run out.
    built.world.clock.advance(61_000);
  }
  // DEBUG_VERDICTS=1 prints every world's story, passing or not.
  const debug = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.DEBUG_VERDICTS;
  if (debug) (globalThis as { console?: { info(m: string): void } }).console?.info(run.trace.join("\n"));
}

/**
 * The offered ⇔ allowed property over generated worlds, actors and targets (see `runPropertySuite`):
 * batches of `worlds` worlds of `steps` steps each until `minCases` choices were tried.
 *
 * @example const report = await runVerdictProperty(memoryWorld, { worlds: 12, steps: 100, minCases: 1000 });
 */
export async function runVerdictProperty(
  factory: WorldFactory,
  options: VerdictPropertyOptions,
): Promise<VerdictReport> {
  const started = Date.now();
  const counts = zeroCounts();
  let worlds = 0;
  const cases = () => counts.offered + counts.refused;
  for (let batch = 0; batch < 5 && cases() < options.minCases; batch++) {
    // A later batch builds only the worlds the cases still missing need, at the rate seen so far
    // (plus one): a first batch a few cases short must not cost a second full batch (on PGlite that
    // doubled the run).
    const perWorld = worlds === 0 ? 0 : cases() / worlds;
    const numRuns =
      perWorld === 0
        ? options.worlds
        : Math.min(options.worlds, Math.ceil((options.minCases - cases()) / perWorld) + 1);
    await fc.assert(
      fc.asyncProperty(
        worldSpecArbitrary,
        fc.array(stepArbitrary, { minLength: options.steps, maxLength: options.steps }),
        async (spec, steps) => {
          worlds += 1;
          await runWorld(factory, spec, steps, counts);
        },
      ),
      // No shrinking: a world and its steps cost seconds on a database, and the failure's trace
      // already tells its story (the seed and path replay it).
      {
        numRuns,
        endOnFailure: true,
        ...(options.seed === undefined ? {} : { seed: options.seed + batch }),
      },
    );
  }
  return { ...counts, cases: cases(), worlds, ms: Date.now() - started };
}
