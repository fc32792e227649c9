import type { FieldIssue } from "../errors/directory-error";

/** What a password must not contain (R16): the user's own details and the organization's name. */
export interface PasswordContext {
  readonly email?: string | null;
  readonly givenName?: string | null;
  readonly familyName?: string | null;
  readonly organizationName?: string | null;
}

/** Length bounds and an optional common-password check. */
export interface PasswordRules {
  readonly minLength: number;
  readonly maxLength: number;
  /** True when the (normalised, lower-cased) password is too common. Default: none. */
  readonly isCommon?: (password: string) => boolean;
}

/** NFKC normalisation (R16): the form that is checked and hashed, so equivalent input matches. */
export const normalizePassword = (password: string): string => password.normalize("NFKC");

/**
 * A password's length as R16 counts it: code points after NFKC (an emoji is one character).
 *
 * @example passwordLength("ｐａｓｓ😀") // 5
 */
export const passwordLength = (password: string): number => Array.from(normalizePassword(password)).length;

function personalWords(context: PasswordContext): string[] {
  const words: string[] = [];
  const local = context.email?.split("@")[0];
  for (const candidate of [local, context.givenName, context.familyName, context.organizationName]) {
    if (!candidate) continue;
    const cleaned = candidate.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
    if (cleaned.length >= 3) words.push(cleaned);
  }
  return words;
}

/**
 * R16 (NIST 800-63B): length bounds counted in code points after NFKC, no composition rules, no
 * truncation; refuses common passwords and ones containing the user's email name, name or the
 * organization's name. Returns issues on `field`; empty when the password is acceptable.
 *
 * @example passwordIssues("jane-smith-2026!", { minLength: 12, maxLength: 128 }, { givenName: "Jane" }) // one issue
 */
export function passwordIssues(
  password: string,
  rules: PasswordRules,
  context: PasswordContext,
  field: readonly (string | number)[] = ["password"],
): FieldIssue[] {
  const normalized = normalizePassword(password);
  const length = passwordLength(password);
  if (length < rules.minLength) {
    return [{ path: field, code: "too_short", message: `Use at least ${rules.minLength} characters.` }];
  }
  if (length > rules.maxLength) {
    return [{ path: field, code: "too_long", message: `Use at most ${rules.maxLength} characters.` }];
  }
  const lower = normalized.toLowerCase();
  if (rules.isCommon?.(lower)) {
    return [{ path: field, code: "too_common", message: "This password is too common. Choose another." }];
  }
  const compact = lower.replace(/\s+/g, "");
  if (personalWords(context).some((w) => compact.includes(w))) {
    return [
      {
        path: field,
        code: "too_personal",
        message: "Do not use your name, email or the organization's name.",
      },
    ];
  }
  return [];
}
