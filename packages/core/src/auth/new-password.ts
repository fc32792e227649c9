import type { ServiceContext } from "../directory/context";
import { fail } from "../errors/directory-error";
import { type PasswordContext, passwordIssues } from "./password.rules";

/**
 * R16 for a password someone is setting: bounds, common list, personal words, then the breach hook.
 * Throws `validation` on `field`; resolves when the password may be used.
 */
export async function checkNewPassword(
  ctx: ServiceContext,
  password: string,
  context: PasswordContext,
  field: readonly (string | number)[] = ["password"],
): Promise<void> {
  const rules = {
    minLength: ctx.policy.passwordMinLength,
    maxLength: ctx.policy.passwordMaxLength,
    ...(ctx.isCommonPassword ? { isCommon: ctx.isCommonPassword } : {}),
  };
  const issues = passwordIssues(password, rules, context, field);
  if (issues.length) throw fail.validation(issues);
  if (!ctx.breachedPasswordCheck) return;
  let breached = false;
  try {
    breached = await ctx.breachedPasswordCheck(password.normalize("NFKC"));
  } catch {
    // An unreachable breach service must not block everyone from setting a password.
  }
  if (breached) {
    throw fail.field(field, "breached", "This password appeared in a data breach. Choose another.");
  }
}
