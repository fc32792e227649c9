import { asDirectoryError } from "../conformance/errors-expect";
import type { WorldFactory } from "../conformance/world";
import { ensure, PropertyViolation } from "./attempt";
import { permissionsOf } from "./model";
import { RACE_OPS } from "./race-ops";
import { raceWorld } from "./race-setup";
import { readSnapshot } from "./snapshot";

/**
 * Names of the conflicting operations, for the generator.
 *
 * @example fc.shuffledSubarray([...RACE_OP_NAMES], { minLength: 2 })
 */
export const RACE_OP_NAMES: readonly string[] = Object.keys(RACE_OPS);

/**
 * One run of the concurrency property: fires the named operations at once (each after `delays[i]`
 * microtask turns) and checks afterwards that every failure is a DirectoryError, R6 (an active
 * administrator remains, the main contact among them), R9 (active + pending within named seats), and
 * R13/R18 (one audit event per change, chain intact).
 *
 * @example await runRace(factory, ["M disables A", "A disables M"], 0, [0, 1]);
 */
export async function runRace(
  factory: WorldFactory,
  names: readonly string[],
  slack: number,
  delays: readonly number[],
): Promise<void> {
  const race = await raceWorld(await factory(), slack);
  const before = await readSnapshot(race.observer);
  const settled = await Promise.allSettled(
    names.map(async (name, i) => {
      const op = RACE_OPS[name];
      if (!op) throw new Error(`unknown race operation ${name}`);
      for (let k = 0; k < (delays[i] ?? 0); k++) await Promise.resolve();
      return op(race);
    }),
  );
  const trace: string[] = [`seat slack ${slack}`];
  let expectedEvents = 0;
  for (const [i, outcome] of settled.entries()) {
    if (outcome.status === "fulfilled") {
      expectedEvents += outcome.value;
      trace.push(`${names[i]} → ok (${outcome.value} change(s))`);
      continue;
    }
    const error = asDirectoryError(outcome.reason);
    if (!error) {
      const reason: unknown = outcome.reason;
      const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
      throw new PropertyViolation(`${names[i]} threw something other than a DirectoryError: ${detail}`);
    }
    trace.push(`${names[i]} → ${error.code}${error.rule ? `/${error.rule}` : ""}`);
  }
  const after = await readSnapshot(race.observer);
  const users = [...after.users.values()];
  const admins = users.filter((u) => u.status === "active" && permissionsOf(after, u).has("users.manage"));
  ensure(trace, admins.length >= 1, "R6: no active administrator remains");
  const mc = after.organization.mainContactUserId;
  ensure(
    trace,
    admins.some((u) => u.id === mc),
    `R6/R7: the main contact ${mc} is not an active administrator`,
  );
  const seated = users.filter((u) => u.status !== "disabled").length;
  const named = after.organization.seats.named;
  ensure(
    trace,
    named === null || seated <= named,
    `R9: ${seated} active+pending users for ${named} named seats`,
  );
  const usage = await race.observer.organization.usage();
  ensure(
    trace,
    usage.named.used === seated,
    `R9: seat usage says ${usage.named.used}, the directory lists ${seated}`,
  );
  const grew = after.auditTotal - before.auditTotal;
  ensure(
    trace,
    grew === expectedEvents,
    `R13/R18: the audit grew by ${grew}; the succeeded operations changed ${expectedEvents}`,
  );
  const verified = await race.observer.audit.verify();
  ensure(trace, verified.ok, `R18: audit chain broken: ${JSON.stringify(verified)}`);
}
