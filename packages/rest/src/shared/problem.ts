import {
  DEFAULT_MESSAGES,
  DirectoryError,
  type DirectoryErrorData,
  ERROR_STATUS,
  type ErrorCode,
  type FieldIssue,
  RULE_CODES,
  type RuleCode,
} from "@staffroom/core";
import type * as z from "zod/mini";
import type { ProblemSchema } from "./wire-schemas";

/** Where problem types live: `type` is this base followed by the problem's name. @example `${PROBLEM_TYPE_BASE}stale` // "https://staffroom.dev/problems/stale" */
export const PROBLEM_TYPE_BASE = "https://staffroom.dev/problems/";

/** The media type of every error response (RFC 9457). @example response.headers.get("content-type") === PROBLEM_CONTENT_TYPE */
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * An RFC 9457 problem document carrying a {@link DirectoryError} (see `ProblemSchema`).
 *
 * @example
 * { type: "https://staffroom.dev/problems/rule", title: "Refused by a rule", status: 422,
 *   detail: "At least one administrator must remain.", code: "rule", rule: "last_admin" }
 */
export type ProblemDocument = z.infer<typeof ProblemSchema>;

/** A short human title per error code. @example PROBLEM_TITLES.stale // "Stale version" */
export const PROBLEM_TITLES: Readonly<Record<ErrorCode, string>> = {
  validation: "Invalid input",
  unauthenticated: "Not signed in",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  stale: "Stale version",
  precondition_required: "Version required",
  rule: "Refused by a rule",
  rate_limited: "Too many requests",
};

/**
 * The problem document of a DirectoryError; its `status` comes from `ERROR_STATUS`.
 *
 * @example problemFromError(fail.notFound()) // { type: ".../not_found", status: 404, code: "not_found", … }
 */
export function problemFromError(error: DirectoryError): ProblemDocument {
  const data = error.toJSON();
  return {
    type: `${PROBLEM_TYPE_BASE}${data.code}`,
    title: PROBLEM_TITLES[data.code],
    status: ERROR_STATUS[data.code],
    detail: data.message,
    code: data.code,
    ...(data.rule ? { rule: data.rule } : {}),
    ...(data.issues ? { issues: data.issues } : {}),
    ...(data.details ? { details: data.details } : {}),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === "string" && Object.hasOwn(ERROR_STATUS, value);

const isRuleCode = (value: unknown): value is RuleCode =>
  typeof value === "string" && (RULE_CODES as readonly string[]).includes(value);

function readIssues(value: unknown): FieldIssue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: FieldIssue[] = [];
  for (const item of value) {
    if (!isRecord(item) || !Array.isArray(item.path)) continue;
    const path = item.path.filter(
      (p): p is string | number => typeof p === "string" || typeof p === "number",
    );
    out.push({ path, code: String(item.code ?? ""), message: String(item.message ?? "") });
  }
  return out;
}

function readDetails(value: unknown): DirectoryErrorData["details"] | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[key] = v;
  }
  return out;
}

/**
 * Rebuilds the DirectoryError a problem document carries: the same code, rule, issues, message and
 * details, so `toJSON()` of the result equals `toJSON()` of the error the server threw. Null when the
 * document carries no error code (an internal error, or not a Staffroom problem at all).
 *
 * @example const error = errorFromProblem(await response.json()); if (error) throw error;
 */
export function errorFromProblem(problem: unknown): DirectoryError | null {
  if (!isRecord(problem) || !isErrorCode(problem.code)) return null;
  const issues = readIssues(problem.issues);
  const details = readDetails(problem.details);
  return new DirectoryError({
    code: problem.code,
    message: typeof problem.detail === "string" ? problem.detail : DEFAULT_MESSAGES[problem.code],
    ...(isRuleCode(problem.rule) ? { rule: problem.rule } : {}),
    ...(issues?.length ? { issues } : {}),
    ...(details && Object.keys(details).length ? { details } : {}),
  });
}
