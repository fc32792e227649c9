import { type AccessSubject, mayGrantRole, withinScope } from "../access/access.rules";
import type { ActorContext } from "../access/actor";
import type { DirectoryPolicy } from "../directory/policy";
import { fail } from "../errors/directory-error";
import type { AccountRecord, InvitationRecord, RoleRecord, UserRecord } from "../store/records";
import type { UserStatus } from "./user.schema";
import type { UserAction } from "./user-actions.schema";
import type { ManagedTarget } from "./user-target";

/**
 * R3: the actor may grant this role and these locations. Roles whose permissions the actor lacks
 * and locations outside its own are `forbidden`.
 */
export function checkGrant(subject: AccessSubject, role: RoleRecord, user: UserRecord): void {
  if (!mayGrantRole(subject, role)) {
    throw fail.forbidden(
      subject.grantableRoleIds
        ? "This provisioning token may not give this role."
        : "You cannot give a role with permissions you do not hold.",
    );
  }
  if (!withinScope(subject, user.locationAccess)) {
    throw fail.forbidden("You can only give access to locations you have yourself.");
  }
}

/** R7: only the main contact removes, disables or demotes an administrator. */
export function requireMainContactFor(a: ActorContext, target: ManagedTarget): void {
  if (target.isAdmin && !a.subject.isMainContact) {
    throw fail.rule(
      "main_contact_only",
      "Only the organization's main contact can do this to an administrator.",
    );
  }
}

/** R7: nobody disables, deletes or demotes themselves. */
export function refuseSelf(target: ManagedTarget, what: string): void {
  if (target.isSelf) throw fail.rule("self_change", `You cannot ${what} yourself.`);
}

/** The user actions that need the target in a given status. */
export type StatusBoundAction = Extract<
  UserAction,
  "disable" | "restore" | "delete" | "resendInvitation" | "revokeInvitation" | "resetPassword"
>;

/** The statuses each status-bound action starts from, and the refusal from any other (W2, W5, W6). */
const STATUS_RULES: Readonly<
  Record<StatusBoundAction, { readonly from: readonly UserStatus[]; readonly message: string }>
> = {
  disable: { from: ["active"], message: "Only active users can be disabled." },
  restore: { from: ["disabled"], message: "Only disabled users can be restored." },
  delete: { from: ["disabled", "pending"], message: "Disable the user before deleting them." },
  revokeInvitation: { from: ["pending"], message: "Only pending invitations can be revoked." },
  resendInvitation: { from: ["pending"], message: "Only pending users have an invitation to resend." },
  resetPassword: { from: ["active"], message: "Only active users can have their password reset." },
};

/**
 * W2, W5, W6: `conflict` unless the user is in a status the action starts from (disable an active
 * user, restore a disabled one, delete one that is not active, resend or revoke a pending
 * invitation, reset the password of an active user).
 *
 * @example requireStatusFor("restore", user) // throws conflict "Only disabled users can be restored." for an active user
 */
export function requireStatusFor(action: StatusBoundAction, user: Pick<UserRecord, "status">): void {
  const rule = STATUS_RULES[action];
  if (!rule.from.includes(user.status)) throw fail.conflict(rule.message);
}

/**
 * W2: an invitation is sent again only while it is live (not revoked, not accepted), not within
 * `invitationResendIntervalMs` of the last send (`rate_limited` with the time left), and at most
 * `invitationMaxSends` times in all (defaults 60 s and 10). Returns the live invitation.
 *
 * @example const inv = requireResendable(await tx.getInvitationForUser(orgId, userId), nowMs, ctx.policy);
 */
export function requireResendable(
  inv: InvitationRecord | null,
  nowMs: number,
  policy: Pick<DirectoryPolicy, "invitationResendIntervalMs" | "invitationMaxSends">,
): InvitationRecord {
  if (!inv || inv.revokedAt || inv.acceptedAt)
    throw fail.conflict("This invitation can no longer be resent.");
  const sinceSent = nowMs - Date.parse(inv.lastSentAt);
  if (sinceSent < policy.invitationResendIntervalMs) {
    throw fail.rateLimited(
      "The invitation was sent moments ago. Wait a minute before sending it again.",
      policy.invitationResendIntervalMs - sinceSent,
    );
  }
  if (inv.sentCount >= policy.invitationMaxSends) {
    throw fail.rateLimited("This invitation was sent too many times. Revoke it and invite again.");
  }
  return inv;
}

/**
 * W5: an unlock needs something to clear, a lock still running at `nowMs` or counted failures;
 * `conflict` otherwise. Returns whether the account is locked now (the audit's `locked.before`).
 *
 * @example const wasLocked = requireUnlockable(account, unit.nowMs);
 */
export function requireUnlockable(
  account: Pick<AccountRecord, "lockedUntil" | "failedSignIns">,
  nowMs: number,
): boolean {
  const locked = account.lockedUntil !== null && Date.parse(account.lockedUntil) > nowMs;
  if (!locked && account.failedSignIns === 0) throw fail.conflict("This user is not locked.");
  return locked;
}

/** Why each account-wide write needs the person to belong to this organization only. */
const SHARED_ACCOUNT_MESSAGES = {
  temporaryPassword: "This person also belongs to another organization. Send them a reset link instead.",
  email: "This person also belongs to another organization; only they can change their email.",
} as const;

/**
 * The account (email, password) is shared by every organization its person belongs to, so one
 * organization's admin may set a temporary password or change the email only while the person
 * belongs to no other (else they could take over the person's login elsewhere): `rule`/`invalid_state`.
 *
 * @example requireSoleOrganization((await tx.listUsersByAccount(account.id)).length, "email");
 */
export function requireSoleOrganization(
  memberships: number,
  write: keyof typeof SHARED_ACCOUNT_MESSAGES,
): void {
  if (memberships > 1) throw fail.rule("invalid_state", SHARED_ACCOUNT_MESSAGES[write]);
}

/**
 * R3, R7: nobody changes their own role, location access or primary location (`changed` says
 * whether the write would).
 *
 * @example refuseOwnAccessChange(target, roleChanged || accessChanged || primaryChanged);
 */
export function refuseOwnAccessChange(target: Pick<ManagedTarget, "isSelf">, changed: boolean): void {
  if (target.isSelf && changed)
    throw fail.rule("self_change", "You cannot change your own role or locations.");
}
