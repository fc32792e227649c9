import type { ActorContext } from "../access/actor";
import { auditActor, auditTarget, diff } from "../audit/audit-writer";
import { checkNewPassword } from "../auth/new-password";
import { normalizePassword } from "../auth/password.rules";
import type { Unit } from "../directory/context";
import { type ActorSession, writeOp } from "../directory/runner";
import { expectVersion, optionalVersion, orStale } from "../directory/versions";
import { fail } from "../errors/directory-error";
import { checkSeats } from "../organization/seats.rules";
import type { AccountRecord, UserRecord } from "../store/records";
import type { InvitationSummary } from "./invitation.schema";
import { newToken, queueInvitationMail } from "./invitation-mail";
import { checkNotLastAdmin } from "./last-admin.rules";
import { displayName, type User } from "./user.schema";
import type { DeleteResult, ResetPasswordInput } from "./user-actions.schema";
import { type ManagedTarget, managedUser, refuseMainContactAccount } from "./user-target";
import { invitationSummary, userView } from "./user-view";
import {
  refuseSelf,
  requireMainContactFor,
  requireResendable,
  requireSoleOrganization,
  requireStatusFor,
  requireUnlockable,
} from "./users.rules";

/** Writes a status change with its audit event. */
async function transition(
  s: ActorSession,
  unit: Unit,
  a: ActorContext,
  target: ManagedTarget,
  change: Partial<UserRecord>,
  action: string,
): Promise<User> {
  const before = target.user;
  const next: UserRecord = { ...before, ...change, version: before.version + 1, updatedAt: unit.now };
  await orStale(unit.tx.updateUser(next, before.version));
  await auditActor(s.ctx, unit, a, {
    action,
    target: auditTarget.user(before),
    changes: diff(before, next, ["status", "mustChangePassword"]),
  });
  return userView(unit.tx, next, unit.nowMs);
}

/** W6: active → disabled (R6, R7). Sessions of a disabled user stop resolving at once. */
export async function disableUser(s: ActorSession, id: unknown, options?: unknown): Promise<User> {
  const expected = optionalVersion(options as { version?: unknown });
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id);
    expectVersion(target.user, expected);
    refuseSelf(target, "disable");
    requireStatusFor("disable", target.user);
    requireMainContactFor(a, target);
    await checkNotLastAdmin(unit.tx, a.organization, target.user);
    await unit.tx.deleteSessions({ accountId: target.account.id, organizationId: a.organization.id });
    return transition(s, unit, a, target, { status: "disabled" }, "user.disabled");
  });
}

/** W6: disabled → active, within seats (R9). */
export async function restoreUser(s: ActorSession, id: unknown, options?: unknown): Promise<User> {
  const expected = optionalVersion(options as { version?: unknown });
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id);
    expectVersion(target.user, expected);
    requireStatusFor("restore", target.user);
    await checkSeats(unit.tx, a.organization, target.user, { ...target.user, status: "active" });
    return transition(s, unit, a, target, { status: "active" }, "user.restored");
  });
}

/**
 * Removes a membership and erases the person from the organization (W6): their invitations,
 * sessions there and membership go, and every personal part of the organization's audit events
 * about them (their name, email, request metadata, personal changes); the chained events stay and
 * still verify. The account goes too when it has no other organization (with its reset links).
 * The caller then writes the tombstone, in the same transaction (R13).
 */
async function removeMembership(unit: Unit, user: UserRecord, account: AccountRecord): Promise<boolean> {
  await unit.tx.eraseAuditSubject(user.organizationId, user.id);
  await unit.tx.deleteInvitationsForUser(user.organizationId, user.id);
  await unit.tx.deleteSessions({ accountId: account.id, organizationId: user.organizationId });
  await unit.tx.deleteUser(user.organizationId, user.id);
  const remaining = await unit.tx.listUsersByAccount(account.id);
  if (remaining.length === 0) {
    await unit.tx.deleteSecretTokens(account.id, "password_reset");
    await unit.tx.deleteAccount(account.id);
    return true;
  }
  return false;
}

/**
 * W6: deletes a disabled (or pending) user irreversibly; only a tombstone stays in the audit: the
 * `user.deleted` event names the user id, the actor and the status change, and no personal value
 * (the audit writer gives a removal no part for the removed person).
 */
export async function deleteUser(s: ActorSession, id: unknown, options?: unknown): Promise<DeleteResult> {
  const expected = optionalVersion(options as { version?: unknown });
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id);
    expectVersion(target.user, expected);
    refuseSelf(target, "delete");
    requireStatusFor("delete", target.user);
    requireMainContactFor(a, target);
    const accountDeleted = await removeMembership(unit, target.user, target.account);
    await auditActor(s.ctx, unit, a, {
      action: "user.deleted",
      target: auditTarget.user(target.user),
      changes: { status: { before: target.user.status, after: "deleted" } },
    });
    return { id: target.user.id, accountDeleted };
  });
}

/**
 * W2: revokes a pending invitation: the token dies and the pending user is removed, erased as a
 * deleted user is (W6); `invitation.revoked` is the tombstone.
 */
export async function revokeInvitation(
  s: ActorSession,
  id: unknown,
  options?: unknown,
): Promise<DeleteResult> {
  const expected = optionalVersion(options as { version?: unknown });
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id);
    expectVersion(target.user, expected);
    requireStatusFor("revokeInvitation", target.user);
    const accountDeleted = await removeMembership(unit, target.user, target.account);
    await auditActor(s.ctx, unit, a, {
      action: "invitation.revoked",
      target: auditTarget.user(target.user),
      changes: { status: { before: "pending", after: "deleted" } },
    });
    return { id: target.user.id, accountDeleted };
  });
}

/** W2: a new token replaces the old one (which dies), rate-limited per invitation. */
export async function resendInvitation(
  s: ActorSession,
  id: unknown,
  options?: unknown,
): Promise<InvitationSummary> {
  const expected = optionalVersion(options as { version?: unknown });
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id);
    expectVersion(target.user, expected);
    requireStatusFor("resendInvitation", target.user);
    const inv = requireResendable(
      await unit.tx.getInvitationForUser(a.organization.id, target.user.id),
      unit.nowMs,
      s.ctx.policy,
    );
    const { token, hash } = await newToken();
    const next = {
      ...inv,
      tokenHash: hash,
      sentCount: inv.sentCount + 1,
      lastSentAt: unit.now,
      expiresAt: new Date(unit.nowMs + s.ctx.policy.invitationTtlMs).toISOString(),
    };
    await orStale(unit.tx.updateInvitation(next));
    queueInvitationMail(s.ctx, unit, a.organization, target.user, token, displayName(a.user.profile));
    await auditActor(s.ctx, unit, a, {
      action: "invitation.resent",
      target: auditTarget.user(target.user),
      changes: { sentCount: { before: inv.sentCount, after: next.sentCount } },
    });
    return invitationSummary(next, unit.nowMs);
  });
}

/** W5: clears a lockout of the user's account. */
export async function unlockUser(s: ActorSession, id: unknown, options?: unknown): Promise<User> {
  const expected = optionalVersion(options as { version?: unknown });
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id);
    expectVersion(target.user, expected);
    await refuseMainContactAccount(unit.tx, a, target);
    const locked = requireUnlockable(target.account, unit.nowMs);
    await unit.tx.clearSignInFailures(target.account.id, true);
    await auditActor(s.ctx, unit, a, {
      action: "user.unlocked",
      target: auditTarget.user(target.user),
      changes: { locked: { before: locked, after: false } },
    });
    return userView(unit.tx, target.user, unit.nowMs);
  });
}

function parseReset(input: unknown): ResetPasswordInput {
  const value = input as { mode?: unknown; password?: unknown; mustChangePassword?: unknown } | null;
  const keys = value && typeof value === "object" ? Object.keys(value) : [];
  if (value?.mode === "link" && keys.every((k) => k === "mode")) return { mode: "link" };
  if (
    value?.mode === "temporary" &&
    keys.every((k) => ["mode", "password", "mustChangePassword"].includes(k))
  ) {
    if (typeof value.password !== "string" || value.password.length === 0) {
      throw fail.field(["password"], "required", "Enter a temporary password.");
    }
    if (value.mustChangePassword !== undefined && typeof value.mustChangePassword !== "boolean") {
      throw fail.field(["mustChangePassword"], "invalid_type", "Expected true or false.");
    }
    return {
      mode: "temporary",
      password: value.password,
      ...(value.mustChangePassword === undefined ? {} : { mustChangePassword: value.mustChangePassword }),
    };
  }
  throw fail.field(["mode"], "invalid_mode", 'Choose "temporary" or "link".');
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
  options?: unknown,
): Promise<User> {
  const input = parseReset(raw);
  const expected = optionalVersion(options as { version?: unknown });
  if (input.mode === "link") return sendResetLink(s, id, expected);
  const hashed = s.ctx.passwords.hash(normalizePassword(input.password));
  hashed.catch(() => undefined);
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id);
    expectVersion(target.user, expected);
    refuseSelf(target, "reset the password of");
    requireStatusFor("resetPassword", target.user);
    await refuseMainContactAccount(unit.tx, a, target);
    requireSoleOrganization(
      (await unit.tx.listUsersByAccount(target.account.id)).length,
      "temporaryPassword",
    );
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
async function sendResetLink(s: ActorSession, id: unknown, expected: number | undefined): Promise<User> {
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id);
    expectVersion(target.user, expected);
    refuseSelf(target, "reset the password of");
    requireStatusFor("resetPassword", target.user);
    await refuseMainContactAccount(unit.tx, a, target);
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
