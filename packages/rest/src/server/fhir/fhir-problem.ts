import { DirectoryError, ERROR_STATUS, type ErrorCode } from "@staffroom/core";
import { type FhirIssueType, type FhirOperationOutcome, operationOutcome } from "@staffroom/core/fhir";

/**
 * A refusal the FHIR endpoint answers with an OperationOutcome: its HTTP status, IssueType and
 * message (and the search parameter at fault as `expression`).
 *
 * @example throw new FhirProblem(400, "invalid", "_count must be a whole number from 0.", ["_count"]);
 */
export class FhirProblem extends Error {
  override readonly name = "FhirProblem";
  constructor(
    readonly status: number,
    readonly issue: FhirIssueType,
    message: string,
    expression: readonly string[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    // Only parameter names the endpoint knows, or ones checked to be plain text, get this far; empty ones are dropped.
    this.expression = expression.filter((e) => e.length > 0);
  }

  readonly expression: readonly string[];
}

/** A 400 on one search parameter. @example throw badParameter("_count", "_count must be a whole number from 0."); */
export function badParameter(parameter: string, message: string): FhirProblem {
  return new FhirProblem(400, "invalid", message, [parameter]);
}

/** The 404 of every read that finds nothing: missing, another organization's, out of scope or malformed alike (R5). */
export function notFound(): FhirProblem {
  return new FhirProblem(404, "not-found", "Resource not found.");
}

const ISSUE_OF: Record<ErrorCode, FhirIssueType> = {
  validation: "invalid",
  unauthenticated: "login",
  forbidden: "forbidden",
  not_found: "not-found",
  conflict: "business-rule",
  stale: "business-rule",
  precondition_required: "required",
  rule: "business-rule",
  rate_limited: "throttled",
};

/** What a refusal becomes on the wire. @example { status: 404, outcome, headers: {} } */
export interface FhirRefusal {
  readonly status: number;
  readonly outcome: FhirOperationOutcome;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The OperationOutcome of an expected refusal — a {@link FhirProblem} or a core `DirectoryError`
 * (with core's status table) — or null for anything else (a bug: the caller answers 500). A
 * `not_found` from core answers exactly like {@link notFound}.
 *
 * @example fhirRefusal(fail.forbidden())?.status // 403
 */
export function fhirRefusal(error: unknown): FhirRefusal | null {
  if (error instanceof FhirProblem) {
    return {
      status: error.status,
      outcome: operationOutcome(error.issue, error.message, { expression: error.expression }),
      headers: error.headers,
    };
  }
  if (!(error instanceof DirectoryError)) return null;
  if (error.code === "not_found") return fhirRefusal(notFound());
  const headers: Record<string, string> = {};
  if (error.code === "unauthenticated") headers["WWW-Authenticate"] = 'Bearer realm="staffroom"';
  const wait = error.details.retryAfterSeconds;
  if (error.code === "rate_limited" && typeof wait === "number" && Number.isSafeInteger(wait) && wait >= 0) {
    headers["Retry-After"] = String(wait);
  }
  // A validation error here is about a search parameter the endpoint handed on (a cursor, a search term).
  const expression = error.issues.map((i) => i.path.join(".")).filter((p) => p.length > 0);
  const message = error.issues.length ? error.issues.map((i) => i.message).join(" ") : error.message;
  return {
    status: ERROR_STATUS[error.code],
    outcome: operationOutcome(ISSUE_OF[error.code], message, { expression }),
    headers,
  };
}
