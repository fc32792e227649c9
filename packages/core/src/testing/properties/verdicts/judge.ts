import type { Verdict } from "../../../errors/verdict";
import { type Attempt, describeAttempt, ensure } from "../attempt";

/**
 * The count rules: refusals that need counts the store holds at the moment of the write (R6 last
 * administrator, R9 seats) or a clock and a counter (W2's invitation resend limits). An offered
 * action or option may be refused by these, and by nothing else.
 *
 * @example COUNT_RULES.has("seat_limit") // true
 */
export const COUNT_RULES: ReadonlySet<string> = new Set([
  "last_admin",
  "seat_limit",
  "practitioner_seat_limit",
  "licence_seat_limit",
]);

/**
 * What one run counted: attempts of offered choices (succeeded, or refused by a count rule),
 * attempts of choices not offered (refused), `can()` comparisons with the service, and checks that
 * `can()`/`actions()` did not move between two `me()`.
 *
 * @example { offered: 40, succeeded: 37, countRule: 3, refused: 55, can: 120, snapshot: 90 }
 */
export interface VerdictCounts {
  offered: number;
  succeeded: number;
  countRule: number;
  refused: number;
  can: number;
  snapshot: number;
}

/** Fresh zero counts. @example const counts = zeroCounts(); */
export const zeroCounts = (): VerdictCounts => ({
  offered: 0,
  succeeded: 0,
  countRule: 0,
  refused: 0,
  can: 0,
  snapshot: 0,
});

/** The refusal of a verdict as the trace prints it. */
export function verdictText(verdict: Verdict | null): string {
  if (verdict === null) return "not offered";
  if (verdict.allowed) return "offered";
  return `refused ${verdict.code}${verdict.rule ? `/${verdict.rule}` : ""} "${verdict.message}"`;
}

/**
 * The property for one attempt: an offered choice succeeds or is refused by a count rule; one not
 * offered is refused — and when the options gave a reason, with that very code, rule and message.
 *
 * @example judge(trace, counts, "disable Ana", verdict, await attempt("disable", () => dir.users.disable(id, { version })));
 */
export function judge(
  trace: string[],
  counts: VerdictCounts,
  label: string,
  verdict: Verdict | null,
  result: Attempt<unknown>,
): void {
  trace.push(`${label}: ${verdictText(verdict)} → ${describeAttempt(result)}`);
  if (verdict?.allowed) {
    counts.offered += 1;
    if (result.ok) {
      counts.succeeded += 1;
      return;
    }
    ensure(
      trace,
      result.error.code === "rate_limited" || COUNT_RULES.has(result.error.rule ?? ""),
      `offered ⇒ allowed: ${label} was offered, then refused ${describeAttempt(result)} "${result.error.message}", which is no count rule`,
    );
    counts.countRule += 1;
    return;
  }
  counts.refused += 1;
  ensure(trace, !result.ok, `not offered ⇒ refused: ${label} was ${verdictText(verdict)}, yet it succeeded`);
  if (verdict) {
    // A field refusal is shown as its issue; the service may report it among others (a form's
    // whole validation), so the same issue must be among the error's.
    const sameIssue = () =>
      result.error.issues.some((i) =>
        verdict.issues?.some((v) => v.code === i.code && v.message === i.message),
      );
    const same =
      result.error.code === verdict.code &&
      (result.error.rule ?? null) === (verdict.rule ?? null) &&
      (verdict.code === "validation" ? sameIssue() : result.error.message === verdict.message);
    ensure(
      trace,
      same,
      `the reason shown is the reason refused: ${label} was ${verdictText(verdict)}, the service said ${describeAttempt(result)} "${result.error.message}"`,
    );
  }
}
