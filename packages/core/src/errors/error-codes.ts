/**
 * The one table of error codes (DESIGN §5). Every expected failure in Staffroom carries one of these
 * codes; the REST layer maps them to HTTP statuses with this table and back.
 *
 * @example
 * ERROR_STATUS.stale // 412
 */
export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 412,
  precondition_required: 428,
  rule: 422,
  rate_limited: 429,
} as const;

/** A stable error code. @example "not_found" */
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * Sub-codes of `rule` errors: which rule refused the operation.
 *
 * @example
 * if (error.code === "rule" && error.rule === "last_admin") showLastAdminHint();
 */
export const RULE_CODES = [
  "last_admin",
  "self_change",
  "main_contact_only",
  "location_required",
  "primary_location_outside_access",
  "seat_limit",
  "concurrent_seat_limit",
  "licence_seat_limit",
  "practitioner_seat_limit",
  "feature_disabled",
  "mobile_needs_phone",
  "role_in_use",
  "location_in_use",
  "licence_in_use",
  "invalid_state",
  "password_policy",
  "must_change_password",
] as const;

/** A rule sub-code. @example "seat_limit" */
export type RuleCode = (typeof RULE_CODES)[number];

/**
 * Default human messages per code, used when an operation does not give a more precise one.
 *
 * @example DEFAULT_MESSAGES.stale // "This record changed since you read it. Reload and try again."
 */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  validation: "Some fields are not valid.",
  unauthenticated: "The email or password is incorrect, or the session has ended.",
  forbidden: "You do not have permission to do this.",
  not_found: "Not found.",
  conflict: "This conflicts with the current state.",
  stale: "This record changed since you read it. Reload and try again.",
  precondition_required: "The version you read is required for this change.",
  rule: "This is not allowed by an organization rule.",
  rate_limited: "Too many requests. Try again later.",
};
