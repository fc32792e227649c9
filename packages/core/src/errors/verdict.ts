import { DirectoryError, type FieldIssue } from "./directory-error";
import { DEFAULT_MESSAGES, type ErrorCode, type RuleCode } from "./error-codes";

/*
 * A verdict is the answer of one rule function to one question ("may this actor disable this
 * user?"): allowed, or refused with the error the service would throw. The service ASSERTS a verdict
 * (`assertAllowed`), and `users.actions()`, `can()` and the form options READ the same verdicts, so
 * what is offered is what is allowed — one function per rule, never a copy.
 */

type Details = Readonly<Record<string, string | number | boolean | null>>;

/**
 * A refusal: the code, rule sub-code, field and message of the `DirectoryError` the service throws
 * for it, as plain data (it crosses the REST wire inside form options).
 *
 * @example { allowed: false, code: "rule", rule: "self_change", message: "You cannot disable yourself." }
 * @example { allowed: false, code: "forbidden", message: "This user holds permissions you do not have." }
 */
export interface Refusal {
  readonly allowed: false;
  readonly code: ErrorCode;
  readonly message: string;
  /** The rule that refused (`rule` errors). Default: none. */
  readonly rule?: RuleCode;
  /** The input field the refusal is about, as a path (`["locationAccess"]`). Default: none. */
  readonly field?: readonly (string | number)[];
  /** Field issues of a `validation` refusal. Default: none. */
  readonly issues?: readonly FieldIssue[];
  /** Extra facts (a count, a limit). Default: none. */
  readonly details?: Details;
}

/**
 * The answer of a verdict function: `{ allowed: true }`, or a {@link Refusal}.
 *
 * @example const v = disableVerdict(actor, target); if (!v.allowed) show(v.message);
 */
export type Verdict = { readonly allowed: true } | Refusal;

/**
 * The one allowed verdict.
 *
 * @example return subject.isMainContact ? ALLOWED : refuse.rule("main_contact_only", "…");
 */
export const ALLOWED: Verdict = Object.freeze({ allowed: true as const });

/**
 * Builds refusals that read as the rule they state; each mirrors the matching `fail.*` constructor.
 *
 * @example refuse.rule("self_change", "You cannot disable yourself.")
 * @example refuse.field(["roleId"], "unknown_role", "This role does not exist.")
 */
export const refuse = {
  forbidden: (message: string = DEFAULT_MESSAGES.forbidden): Refusal => ({
    allowed: false,
    code: "forbidden",
    message,
  }),
  conflict: (message: string): Refusal => ({ allowed: false, code: "conflict", message }),
  rule: (
    rule: RuleCode,
    message: string,
    extra: { field?: readonly (string | number)[]; details?: Details } = {},
  ): Refusal => ({
    allowed: false,
    code: "rule",
    rule,
    message,
    ...(extra.field ? { field: extra.field } : {}),
    ...(extra.details ? { details: extra.details } : {}),
  }),
  field: (path: readonly (string | number)[], issueCode: string, message: string): Refusal => ({
    allowed: false,
    code: "validation",
    message,
    field: path,
    issues: [{ path, code: issueCode, message }],
  }),
  validation: (issues: readonly FieldIssue[]): Refusal => ({
    allowed: false,
    code: "validation",
    message: DEFAULT_MESSAGES.validation,
    issues,
  }),
};

/**
 * The first refusal among `checks`, evaluated in order and lazily (a later check may assume the
 * earlier ones passed); allowed when none refuses.
 *
 * @example firstRefusal(() => manageVerdict(actor, target), () => statusVerdict("disable", target.user))
 */
export function firstRefusal(...checks: readonly (() => Verdict)[]): Verdict {
  for (const check of checks) {
    const verdict = check();
    if (!verdict.allowed) return verdict;
  }
  return ALLOWED;
}

/**
 * The `DirectoryError` the service throws for a refusal: the same code, rule, message and details;
 * a refusal about one field (a rule, or R3's `forbidden` on a role or locations) also names it as an
 * issue, so forms and the CSV import's report show it on that field.
 *
 * @example throw refusalError(refuse.conflict("Only active users can be disabled."));
 */
export function refusalError(refusal: Refusal): DirectoryError {
  const issues =
    refusal.issues ??
    (refusal.field
      ? [{ path: refusal.field, code: refusal.rule ?? refusal.code, message: refusal.message }]
      : undefined);
  return new DirectoryError({
    code: refusal.code,
    message: refusal.message,
    ...(refusal.rule ? { rule: refusal.rule } : {}),
    ...(issues ? { issues } : {}),
    ...(refusal.details ? { details: refusal.details } : {}),
  });
}

/**
 * The service's side of a verdict: throws its refusal as a `DirectoryError`, returns when allowed.
 *
 * @example assertAllowed(disableVerdict(actor, target));
 */
export function assertAllowed(verdict: Verdict): void {
  if (!verdict.allowed) throw refusalError(verdict);
}
