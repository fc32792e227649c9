import type { DirectoryErrorData, FieldIssue } from "./error.schema";
import { DEFAULT_MESSAGES, type ErrorCode, type RuleCode } from "./error-codes";

export type { DirectoryErrorData, FieldIssue } from "./error.schema";

/**
 * The one error type of Staffroom (DESIGN §5). Expected failures are values of this class with a
 * stable `code`; anything else thrown is a bug.
 *
 * @example
 * try { await admin.users.disable(id); }
 * catch (e) { if (DirectoryError.is(e, "rule") && e.rule === "last_admin") … }
 */
export class DirectoryError extends Error {
  override readonly name = "DirectoryError";
  readonly code: ErrorCode;
  readonly rule: RuleCode | undefined;
  readonly issues: readonly FieldIssue[];
  readonly details: Readonly<Record<string, string | number | boolean | null>>;

  constructor(data: DirectoryErrorData) {
    super(data.message || DEFAULT_MESSAGES[data.code]);
    this.code = data.code;
    this.rule = data.rule;
    this.issues = data.issues ?? [];
    this.details = data.details ?? {};
  }

  /** True when `value` is a DirectoryError, optionally with the given code. */
  static is(value: unknown, code?: ErrorCode): value is DirectoryError {
    return value instanceof DirectoryError && (code === undefined || value.code === code);
  }

  /** Plain data for transport (REST problem documents, postMessage, logs). */
  toJSON(): DirectoryErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.rule ? { rule: this.rule } : {}),
      ...(this.issues.length ? { issues: this.issues } : {}),
      ...(Object.keys(this.details).length ? { details: this.details } : {}),
    };
  }
}

/**
 * Shorthand constructors, so call sites read as the rule they enforce.
 *
 * @example throw fail.rule("last_admin", "At least one active administrator must remain.");
 */
export const fail = {
  validation: (issues: readonly FieldIssue[], message?: string): DirectoryError =>
    new DirectoryError({ code: "validation", message: message ?? DEFAULT_MESSAGES.validation, issues }),
  field: (path: readonly (string | number)[], code: string, message: string): DirectoryError =>
    new DirectoryError({ code: "validation", message, issues: [{ path, code, message }] }),
  forbidden: (message?: string): DirectoryError =>
    new DirectoryError({ code: "forbidden", message: message ?? DEFAULT_MESSAGES.forbidden }),
  notFound: (what = "Not found."): DirectoryError => new DirectoryError({ code: "not_found", message: what }),
  conflict: (message: string, issues?: readonly FieldIssue[]): DirectoryError =>
    new DirectoryError({ code: "conflict", message, ...(issues ? { issues } : {}) }),
  stale: (): DirectoryError => new DirectoryError({ code: "stale", message: DEFAULT_MESSAGES.stale }),
  preconditionRequired: (): DirectoryError =>
    new DirectoryError({ code: "precondition_required", message: DEFAULT_MESSAGES.precondition_required }),
  rule: (
    rule: RuleCode,
    message: string,
    details?: Readonly<Record<string, string | number | boolean | null>>,
    field?: readonly (string | number)[],
  ): DirectoryError =>
    new DirectoryError({
      code: "rule",
      rule,
      message,
      ...(details ? { details } : {}),
      // A rule about one field also names it, so forms can show the message on that field.
      ...(field ? { issues: [{ path: field, code: rule, message }] } : {}),
    }),
  unauthenticated: (): DirectoryError =>
    new DirectoryError({ code: "unauthenticated", message: DEFAULT_MESSAGES.unauthenticated }),
  /** `retryAfterMs`, when known, goes out as `details.retryAfterSeconds` (rounded up; REST's `Retry-After`). */
  rateLimited: (message?: string, retryAfterMs?: number): DirectoryError =>
    new DirectoryError({
      code: "rate_limited",
      message: message ?? DEFAULT_MESSAGES.rate_limited,
      ...(retryAfterMs !== undefined
        ? { details: { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } }
        : {}),
    }),
};
