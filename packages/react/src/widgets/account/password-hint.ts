import { DEFAULT_POLICY, passwordLength } from "@staffroom/core";
import type { AccountMessages } from "./messages";

/** Length bounds of a new password (R16). Default: core's policy, 12–128. */
export interface PasswordLength {
  readonly minLength: number;
  readonly maxLength: number;
}

/** Core's default bounds; pass your server's when its policy differs. */
export const DEFAULT_PASSWORD_LENGTH: PasswordLength = {
  minLength: DEFAULT_POLICY.passwordMinLength,
  maxLength: DEFAULT_POLICY.passwordMaxLength,
};

/** What the strength hint shows: a level for the bar (0 empty … 3 strong) and its words. */
export interface PasswordHint {
  readonly level: 0 | 1 | 2 | 3;
  readonly text: string;
}

/**
 * A length-only hint, counted as core counts (code points after NFKC): how many characters are
 * missing, too many, long enough, or strong. No composition rules (NIST 800-63B). Core still
 * decides on submit (common and personal passwords too).
 *
 * @example passwordHint("maple violet", DEFAULT_PASSWORD_LENGTH, messages.account) // { level: 2, text: "Long enough." }
 */
export function passwordHint(password: string, bounds: PasswordLength, m: AccountMessages): PasswordHint {
  const length = passwordLength(password);
  if (length === 0) return { level: 0, text: m.strength.rule(bounds.minLength, bounds.maxLength) };
  if (length < bounds.minLength) return { level: 1, text: m.strength.remaining(bounds.minLength - length) };
  if (length > bounds.maxLength) return { level: 1, text: m.strength.tooLong(bounds.maxLength) };
  if (length < Math.max(16, bounds.minLength + 4)) return { level: 2, text: m.strength.fair };
  return { level: 3, text: m.strength.strong };
}
