import { asDirectoryError, type CaughtError } from "../conformance/errors-expect";

/**
 * The outcome of one call: a value, or a DirectoryError (anything else thrown is a bug).
 *
 * @example const r: Attempt<User> = await attempt("get", () => dir.users.get(id));
 */
export type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CaughtError };

/**
 * A property violation: carries the operations that led to it so the shrunk counterexample reads
 * as a story.
 *
 * @example throw new PropertyViolation("R6: no active administrator left");
 */
export class PropertyViolation extends Error {
  override readonly name = "PropertyViolation";
}

/**
 * Awaits a call; a rejection that is not a DirectoryError fails the property (DESIGN §5: expected
 * failures are DirectoryErrors, anything else is a bug).
 *
 * @example const r = await attempt("disable", () => dir.users.disable(id)); if (r.ok) …
 */
export async function attempt<T>(label: string, call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const data = asDirectoryError(error);
    if (!data) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      throw new PropertyViolation(`${label} threw something other than a DirectoryError: ${detail}`);
    }
    return { ok: false, error: data };
  }
}

/**
 * Throws a {@link PropertyViolation} with the trace when `condition` is false.
 *
 * @example ensure(trace, admins > 0, "R6: no active administrator left");
 */
export function ensure(trace: readonly string[], condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new PropertyViolation(`${message}\n  after:\n    ${trace.join("\n    ")}`);
  }
}

/** A short description of an outcome for the trace. @example describe(r) // "ok" or "rule/last_admin" */
export function describeAttempt(result: Attempt<unknown>): string {
  if (result.ok) return "ok";
  return `${result.error.code}${result.error.rule ? `/${result.error.rule}` : ""}`;
}

/**
 * The comparable part of a failure: code, rule, message and issue paths/codes (R5: a foreign id must
 * answer exactly as a missing one).
 *
 * @example expect(failureKey(foreign)).toBe(failureKey(missing));
 */
export function failureKey(result: Attempt<unknown>): string {
  if (result.ok) return "success";
  const { code, rule, message, issues } = result.error;
  return JSON.stringify({ code, rule: rule ?? null, message, issues: issues.map((i) => [i.path, i.code]) });
}
