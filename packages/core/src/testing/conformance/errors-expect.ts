import { expect } from "vitest";
import type { DirectoryErrorData, FieldIssue } from "../../errors/directory-error";
import { ERROR_STATUS, type ErrorCode, type RuleCode } from "../../errors/error-codes";

/** What an expected failure should look like. @example { code: "rule", rule: "seat_limit" } */
export interface ExpectedError {
  readonly code: ErrorCode;
  /** The rule sub-code, for `rule` errors. */
  readonly rule?: RuleCode;
  /** A field issue with exactly this path must be present. */
  readonly path?: readonly (string | number)[];
  /** A field issue whose path starts with this must be present. */
  readonly pathPrefix?: readonly (string | number)[];
}

/**
 * An error as the suite sees it: the data of a DirectoryError, local or rebuilt from a REST problem.
 *
 * @example const error: CaughtError = await rejection(promise); error.issues[0]?.path
 */
export interface CaughtError extends DirectoryErrorData {
  readonly issues: readonly FieldIssue[];
}

/**
 * Reads a thrown value as DirectoryError data (structurally, so an error rebuilt by a REST client from
 * another copy of core counts too); null when it is not one.
 *
 * @example const data = asDirectoryError(caught); if (data?.code === "stale") …
 */
export function asDirectoryError(value: unknown): CaughtError | null {
  if (!(value instanceof Error)) return null;
  const record = value as Error & { code?: unknown; rule?: unknown; issues?: unknown };
  if (typeof record.code !== "string" || !(record.code in ERROR_STATUS)) return null;
  const issues = Array.isArray(record.issues) ? (record.issues as FieldIssue[]) : [];
  return {
    code: record.code as ErrorCode,
    message: record.message,
    ...(typeof record.rule === "string" ? { rule: record.rule as RuleCode } : {}),
    issues,
  };
}

/**
 * Awaits a promise that must reject with a DirectoryError and returns the error's data. Fails the test
 * when the promise resolves or rejects with anything else (a bug, DESIGN §5).
 *
 * @example const error = await rejection(admin.users.get("usr_missing0000"));
 */
export async function rejection(promise: Promise<unknown>): Promise<CaughtError> {
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await promise };
  } catch (error) {
    outcome = { ok: false, error };
  }
  if (outcome.ok) {
    expect.fail(
      `expected a DirectoryError, but the call succeeded with ${JSON.stringify(outcome.value)?.slice(0, 400)}`,
    );
  }
  const data = asDirectoryError(outcome.error);
  if (!data) expect.fail(`expected a DirectoryError, got ${String(outcome.error)}`);
  return data;
}

/**
 * Awaits a promise that must reject with the expected DirectoryError (code, rule sub-code, field path).
 *
 * @example await expectError(admin.users.create(bad), { code: "validation", path: ["email"] });
 */
export async function expectError(promise: Promise<unknown>, expected: ExpectedError): Promise<CaughtError> {
  const error = await rejection(promise);
  const summary = { code: error.code, rule: error.rule, message: error.message, issues: error.issues };
  expect(summary, `error ${JSON.stringify(summary)}`).toMatchObject({
    code: expected.code,
    ...(expected.rule ? { rule: expected.rule } : {}),
  });
  expect(error.message.length, "a human message").toBeGreaterThan(0);
  if (expected.path) {
    expect(
      error.issues.map((i) => i.path),
      `issues ${JSON.stringify(error.issues)}`,
    ).toContainEqual([...expected.path]);
  }
  if (expected.pathPrefix) {
    const prefix = expected.pathPrefix;
    const hit = error.issues.some((i) => prefix.every((p, n) => i.path[n] === p));
    expect(hit, `an issue under ${JSON.stringify(prefix)} in ${JSON.stringify(error.issues)}`).toBe(true);
  }
  return error;
}
