import { auditActor, auditTarget } from "../audit/audit-writer";
import { checkNewPassword } from "../auth/new-password";
import { normalizePassword } from "../auth/password.rules";
import { type ActorSession, writeOp } from "../directory/runner";
import { parseInput } from "../directory/validate";
import { expectVersion, orStale, requireVersion } from "../directory/versions";
import { assertAllowed } from "../errors/verdict";
import type { AccountRecord } from "../store/records";
import { newToken } from "./invitation-mail";
import { displayName, type User } from "./user.schema";
import { ResetPasswordInputSchema } from "./user-actions.schema";
import { managedUser } from "./user-target";
import { userView } from "./user-view";
import { userOperationVerdict } from "./users.rules";
import { transition } from "./users-lifecycle.service";

/** W5: clears a running lockout of the user's account (the `unlock` verdict: a lock runs now). */
export async function unlockUser(s: ActorSession, id: unknown, options: unknown): Promise<User> {
  const expected = requireVersion(options);
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id, unit.nowMs, { account: true });
    expectVersion(target.user, expected);
    assertAllowed(userOperationVerdict(target.actor, target.target, "unlock"));
    await unit.tx.clearSignInFailures(target.account.id, true);
    await auditActor(s.ctx, unit, a, {
      action: "user.unlocked",
      target: auditTarget.user(target.user),
      changes: { locked: { before: true, after: false } },
    });
    return userView(unit.tx, target.user, unit.nowMs);
  });
}

/**
 * W5: a temporary password the user must change at next sign-in, or an emailed reset link.
 * A temporary password is refused for an account that belongs to other organizations too: one
 * organization's admin must never hold a working password for another organization's login.
 */
export async function resetUserPassword(
  s: ActorSession,
  id: unknown,
  raw: unknown,
  options: unknown,
): Promise<User> {
  const expected = requireVersion(options);
  const input = parseInput(ResetPasswordInputSchema, raw);
  if (input.mode === "link") return sendResetLink(s, id, expected);
  const hashed = s.ctx.passwords.hash(normalizePassword(input.password));
  hashed.catch(() => undefined);
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id, unit.nowMs, { account: true });
    expectVersion(target.user, expected);
    assertAllowed(userOperationVerdict(target.actor, target.target, "temporaryPassword"));
    await checkNewPassword(s.ctx, input.password, {
      email: target.user.email,
      givenName: target.user.profile.givenName,
      familyName: target.user.profile.familyName,
      organizationName: a.organization.name,
    });
    const acc = target.account;
    const nextAccount: AccountRecord = {
      ...acc,
      password: await hashed,
      passwordChangedAt: unit.now,
      failedSignIns: 0,
      lockedUntil: null,
      version: acc.version + 1,
      updatedAt: unit.now,
    };
    await orStale(unit.tx.updateAccount(nextAccount, acc.version));
    await unit.tx.deleteSessions({ accountId: acc.id });
    return transition(
      s,
      unit,
      a,
      target,
      { mustChangePassword: input.mustChangePassword ?? true },
      "user.password_reset",
    );
  });
}

/**
 * W5: emails a single-use reset link (60 minutes by default). Older links of the account die; the
 * password itself changes only when the person completes the reset.
 */
async function sendResetLink(s: ActorSession, id: unknown, expected: number): Promise<User> {
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id, unit.nowMs, { account: true });
    expectVersion(target.user, expected);
    assertAllowed(userOperationVerdict(target.actor, target.target, "resetPassword"));
    const { token, hash } = await newToken();
    await unit.tx.deleteSecretTokens(target.account.id, "password_reset");
    await unit.tx.insertSecretToken({
      tokenHash: hash,
      kind: "password_reset",
      accountId: target.account.id,
      organizationId: a.organization.id,
      createdAt: unit.now,
      expiresAt: new Date(unit.nowMs + s.ctx.policy.resetTokenTtlMs).toISOString(),
      usedAt: null,
    });
    const link = s.ctx.links.resetPassword(token);
    unit.mail.push({
      kind: "password_reset",
      to: target.user.email,
      subject: `Reset your ${a.organization.name} password`,
      text: [
        `Hello ${displayName(target.user.profile)},`,
        "",
        `An administrator of ${a.organization.name} asked for your password to be reset.`,
        `Choose a new password: ${link}`,
        "",
        `This link works once and expires in ${Math.round(s.ctx.policy.resetTokenTtlMs / 60_000)} minutes.`,
      ].join("\n"),
      link,
      organizationId: a.organization.id,
    });
    await auditActor(s.ctx, unit, a, {
      action: "user.password_reset_link_sent",
      target: auditTarget.user(target.user),
    });
    return userView(unit.tx, target.user, unit.nowMs);
  });
}
