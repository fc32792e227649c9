import type { ActorContext } from "../access/actor";
import { auditActor, auditTarget, diff } from "../audit/audit-writer";
import type { Unit } from "../directory/context";
import { type ActorSession, writeOp } from "../directory/runner";
import { expectVersion, orStale, requireVersion } from "../directory/versions";
import { assertAllowed } from "../errors/verdict";
import { checkSeats } from "../organization/seats.rules";
import type { AccountRecord, UserRecord } from "../store/records";
import { checkNotLastAdmin } from "./last-admin.rules";
import type { User } from "./user.schema";
import type { DeleteResult } from "./user-results.schema";
import { type LoadedTarget, managedUser } from "./user-target";
import { userView } from "./user-view";
import { userOperationVerdict } from "./users.rules";

/** Writes a status change with its audit event. */
export async function transition(
  s: ActorSession,
  unit: Unit,
  a: ActorContext,
  target: LoadedTarget,
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

/**
 * W6: active → disabled: the `disable` verdict (R2–R4, R7), then R6's count rule under the lock.
 * Sessions of a disabled user stop resolving at once.
 */
export async function disableUser(s: ActorSession, id: unknown, options: unknown): Promise<User> {
  const expected = requireVersion(options);
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id, unit.nowMs);
    expectVersion(target.user, expected);
    assertAllowed(userOperationVerdict(target.actor, target.target, "disable"));
    await checkNotLastAdmin(unit.tx, a.organization, target.user);
    await unit.tx.deleteSessions({ accountId: target.account.id, organizationId: a.organization.id });
    return transition(s, unit, a, target, { status: "disabled" }, "user.disabled");
  });
}

/** W6: disabled → active: the `restore` verdict, then R9's count rule (seats). */
export async function restoreUser(s: ActorSession, id: unknown, options: unknown): Promise<User> {
  const expected = requireVersion(options);
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id, unit.nowMs);
    expectVersion(target.user, expected);
    assertAllowed(userOperationVerdict(target.actor, target.target, "restore"));
    await checkSeats(unit.tx, a.organization, target.user, { ...target.user, status: "active" });
    return transition(s, unit, a, target, { status: "active" }, "user.restored");
  });
}

/**
 * Removes a membership and erases the person from the organization (W6): their invitations,
 * sessions there, identity-provider attributes (external id …) and membership go, and every personal part of the organization's audit events
 * about them (their name, email, request metadata, personal changes); the chained events stay and
 * still verify. The account goes too when it has no other organization (with its reset links).
 * The caller then writes the tombstone, in the same transaction (R13).
 */
export async function removeMembership(
  unit: Unit,
  user: UserRecord,
  account: AccountRecord,
): Promise<boolean> {
  await unit.tx.eraseAuditSubject(user.organizationId, user.id);
  await unit.tx.deleteInvitationsForUser(user.organizationId, user.id);
  await unit.tx.deleteProvisionedUser(user.organizationId, user.id);
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
export async function deleteUser(s: ActorSession, id: unknown, options: unknown): Promise<DeleteResult> {
  const expected = requireVersion(options);
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id, unit.nowMs);
    expectVersion(target.user, expected);
    assertAllowed(userOperationVerdict(target.actor, target.target, "delete"));
    const accountDeleted = await removeMembership(unit, target.user, target.account);
    await auditActor(s.ctx, unit, a, {
      action: "user.deleted",
      target: auditTarget.user(target.user),
      changes: { status: { before: target.user.status, after: "deleted" } },
    });
    return { id: target.user.id, accountDeleted };
  });
}
