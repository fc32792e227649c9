import { asDirectoryError, type CaughtError } from "../../conformance/errors-expect";
import { PropertyViolation } from "../attempt";

/**
 * The outcome of one call: a value, or a DirectoryError with its wire form (`toJSON()`, canonical
 * JSON with sorted keys, so two refusals compare exactly).
 *
 * @example const r = await settle("signIn", () => auth.signIn(input)); if (!r.ok) r.json
 */
export type Settled<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CaughtError; readonly json: string };

/**
 * JSON with object keys sorted at every level.
 *
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const record = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]]),
    );
  });
}

function wireForm(error: unknown, data: CaughtError): unknown {
  const candidate = error as { toJSON?: unknown };
  return typeof candidate.toJSON === "function" ? (candidate.toJSON as () => unknown).call(error) : data;
}

/**
 * Reads a settled promise; anything rejected that is not a DirectoryError fails the property
 * (DESIGN §5: expected failures are DirectoryErrors, anything else is a bug).
 *
 * @example const r = fromSettled("burst", outcome);
 */
export function fromSettled<T>(label: string, outcome: PromiseSettledResult<T>): Settled<T> {
  if (outcome.status === "fulfilled") return { ok: true, value: outcome.value };
  const reason: unknown = outcome.reason;
  const data = asDirectoryError(reason);
  if (!data) {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    throw new PropertyViolation(`${label} threw something other than a DirectoryError: ${detail}`);
  }
  return { ok: false, error: data, json: canonicalJson(wireForm(reason, data)) };
}

/**
 * Awaits a call and reads its outcome (see {@link fromSettled}).
 *
 * @example const r = await settle("session", () => auth.session(token));
 */
export async function settle<T>(label: string, call: () => Promise<T>): Promise<Settled<T>> {
  const [outcome] = await Promise.allSettled([(async () => call())()]);
  if (!outcome) throw new Error("settle: no outcome");
  return fromSettled(label, outcome);
}

/** A short description for the trace. @example outcomeText(r) // "ok", "unauthenticated", "rule/concurrent_seat_limit" */
export function outcomeText(result: Settled<unknown>): string {
  if (result.ok) return "ok";
  const { code, rule, issues } = result.error;
  const path = issues[0]?.path.join(".");
  return `${code}${rule ? `/${rule}` : ""}${path ? `@${path}` : ""}`;
}
