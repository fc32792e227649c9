import { mayGrantRole, withinScope } from "../access/access.rules";
import type { ActorFacts } from "../access/actor-facts";
import { ADMIN_PERMISSION } from "../access/catalog";
import { mainContactVerdict } from "../access/main-contact.rules";
import type { DirectoryPolicy } from "../directory/policy";
import { fail } from "../errors/directory-error";
import { ALLOWED, firstRefusal, refuse, type Verdict } from "../errors/verdict";
import type { InvitationRecord } from "../store/records";
import type { LocationAccess, User, UserStatus } from "./user.schema";
import type { UserAction } from "./user-actions.schema";
import type { UserActionOffer } from "./user-form-options.schema";

/*
 * The verdicts of user writes (R2–R4, R7, W2, W5, W6): one function per rule, each returning a
 * Verdict. The service asserts them; `users.actions()` and `users.formOptions()` read them.
 * Count rules — R6 (last administrator), R9 (seats) and W2's resend limits — need counts the store
 * holds at the moment of the write, so the service asserts them separately, under the organization
 * lock: `checkNotLastAdmin`, `checkSeats`, `requireResendable`. An offered action may still be
 * refused by one of them; by nothing else.
 */

/**
 * What a person's account is beyond this organization. Known to the service; a client answering
 * from a `User` does not know it (null), and the verdicts that need it then skip it — the service
 * and `users.formOptions(id)` always know.
 *
 * @example { memberships: 2, mainContactElsewhere: false }
 */
export interface AccountFacts {
  /** Organizations the account belongs to, this one included. */
  readonly memberships: number;
  /** The person is the main contact of another organization (R7 across organizations). */
  readonly mainContactElsewhere: boolean;
}

/**
 * The target of a user verdict: the user as read (a `User` is one) and, when known, its account.
 *
 * @example const target: UserTarget = { ...user, account: null };
 */
export interface UserTarget
  extends Pick<User, "id" | "status" | "roleId" | "locationAccess" | "primaryLocationId" | "locked"> {
  readonly account: AccountFacts | null;
}

/**
 * A role's permissions make its holders administrators when they include `users.manage` (R6).
 *
 * @example isAdministrator(["users.view", "users.manage"]) // true
 */
export function isAdministrator(permissions: readonly string[] | undefined): boolean {
  return permissions?.includes(ADMIN_PERMISSION) ?? false;
}

/**
 * R2: writing users needs `users.manage`; `forbidden` otherwise.
 *
 * @example usersManagerVerdict(actor.subject)
 */
export function usersManagerVerdict(subject: ActorFacts["subject"]): Verdict {
  return subject.permissions.has(ADMIN_PERMISSION) ? ALLOWED : refuse.forbidden();
}

/**
 * R2–R4, R7: may the actor write this user at all? It holds `users.manage`, the user's locations all
 * lie inside its own (R4), the user holds no permission the actor lacks (R3: "This user holds
 * permissions you do not have."; a provisioning token: the user's role is one it may grant, "This
 * user holds a role this provisioning token may not manage."), and the user is not the main contact
 * of someone else (R7). Visibility (R5: `not_found`) is the caller's to settle first.
 *
 * @example manageUserVerdict(actor, user) // refused forbidden for a Billing Lead, to a manager without billing
 */
export function manageUserVerdict(
  actor: ActorFacts,
  target: Pick<UserTarget, "id" | "roleId" | "locationAccess">,
): Verdict {
  return firstRefusal(
    () => usersManagerVerdict(actor.subject),
    () =>
      withinScope(actor.subject, target.locationAccess)
        ? ALLOWED
        : refuse.forbidden("This user has access to locations outside yours."),
    () => {
      const held = actor.roles?.get(target.roleId);
      if (held && mayGrantRole(actor.subject, { id: target.roleId, permissions: held })) return ALLOWED;
      return refuse.forbidden(
        actor.subject.grantableRoleIds
          ? "This user holds a role this provisioning token may not manage."
          : "This user holds permissions you do not have.",
      );
    },
    () => mainContactVerdict(actor.subject, actor.mainContactUserId, target.id),
  );
}

/**
 * R7: nobody disables, deletes or resets the password of themselves (`rule`/`self_change`).
 *
 * @example selfVerdict(actor, target, "disable") // "You cannot disable yourself."
 */
export function selfVerdict(actor: ActorFacts, target: Pick<UserTarget, "id">, what: string): Verdict {
  return target.id === actor.subject.userId
    ? refuse.rule("self_change", `You cannot ${what} yourself.`)
    : ALLOWED;
}

/**
 * R3, R7: nobody changes their own role, location access or primary location (`rule`/`self_change`).
 *
 * @example ownAccessVerdict(actor, target)
 */
export function ownAccessVerdict(actor: ActorFacts, target: Pick<UserTarget, "id"> | null): Verdict {
  return target && target.id === actor.subject.userId
    ? refuse.rule("self_change", "You cannot change your own role or locations.")
    : ALLOWED;
}

/**
 * R7: only the main contact removes, disables or demotes (changes the role or locations of) an
 * administrator (`rule`/`main_contact_only`).
 *
 * @example administratorVerdict(actor, target)
 */
export function administratorVerdict(actor: ActorFacts, target: Pick<UserTarget, "roleId"> | null): Verdict {
  if (!target || actor.subject.isMainContact || !isAdministrator(actor.roles?.get(target.roleId)))
    return ALLOWED;
  return refuse.rule(
    "main_contact_only",
    "Only the organization's main contact can do this to an administrator.",
  );
}

/**
 * R3: a person gives only a role whose permissions it holds; a provisioning token only a role it
 * lists (`grantableRoleIds`: "This provisioning token may not give this role."). `validation` on
 * `roleId` for a role that does not exist, `forbidden` for one the actor may not give.
 *
 * @example roleGrantVerdict(actor, input.roleId)
 */
export function roleGrantVerdict(actor: ActorFacts, roleId: string): Verdict {
  const permissions = actor.roles?.get(roleId);
  if (!permissions) return refuse.field(["roleId"], "unknown_role", "This role does not exist.");
  if (mayGrantRole(actor.subject, { id: roleId, permissions })) return ALLOWED;
  return {
    ...refuse.forbidden(
      actor.subject.grantableRoleIds
        ? "This provisioning token may not give this role."
        : "You cannot give a role with permissions you do not hold.",
    ),
    field: ["roleId"],
  };
}

/**
 * R3, R4: the actor gives access only to locations it has itself (an org-wide grant needs an
 * org-wide actor): `forbidden` on `locationAccess` otherwise.
 *
 * @example accessGrantVerdict(actor, ["loc_…"])
 */
export function accessGrantVerdict(actor: ActorFacts, access: LocationAccess): Verdict {
  return withinScope(actor.subject, access)
    ? ALLOWED
    : {
        ...refuse.forbidden("You can only give access to locations you have yourself."),
        field: ["locationAccess"],
      };
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
 * @example statusVerdict("restore", user) // conflict "Only disabled users can be restored." for an active user
 */
export function statusVerdict(action: StatusBoundAction, user: Pick<UserTarget, "status">): Verdict {
  const rule = STATUS_RULES[action];
  return rule.from.includes(user.status) ? ALLOWED : refuse.conflict(rule.message);
}

/**
 * W5: an unlock needs a lock running now (the `locked` a `User` shows); `conflict` otherwise.
 *
 * @example lockedVerdict(user)
 */
export function lockedVerdict(user: Pick<UserTarget, "locked">): Verdict {
  return user.locked ? ALLOWED : refuse.conflict("This user is not locked.");
}

/** Why each account-wide write needs the person to belong to this organization only. */
const SHARED_ACCOUNT_MESSAGES = {
  temporaryPassword: "This person also belongs to another organization. Send them a reset link instead.",
  email: "This person also belongs to another organization; only they can change their email.",
} as const;

/**
 * The account (email, password, lock) is shared by every organization its person belongs to:
 *
 * - R7 across organizations: when the person is the main contact of ANOTHER organization, nobody
 *   here changes their sign-in (`rule`/`main_contact_only`) — else an admin where they are ordinary
 *   staff could unlock the account for a guesser or kill their pending reset link;
 * - a temporary password or a new email needs the person to belong to this organization only
 *   (`rule`/`invalid_state`), else one organization's admin could take over their login elsewhere.
 *
 * `write` "signIn" asks the first only (a reset link, an unlock); the first never refuses the person
 * themselves. Unknown account facts (null) pass.
 *
 * @example accountWriteVerdict(actor, target, "temporaryPassword")
 */
export function accountWriteVerdict(
  actor: ActorFacts,
  target: Pick<UserTarget, "id" | "account">,
  write: "signIn" | keyof typeof SHARED_ACCOUNT_MESSAGES,
): Verdict {
  const account = target.account;
  if (!account) return ALLOWED;
  if (account.mainContactElsewhere && target.id !== actor.subject.userId) {
    return refuse.rule(
      "main_contact_only",
      "This person is the main contact of another organization: only they can change their sign-in. They can reset their password from the sign-in page.",
    );
  }
  if (write !== "signIn" && account.memberships > 1) {
    return refuse.rule("invalid_state", SHARED_ACCOUNT_MESSAGES[write]);
  }
  return ALLOWED;
}

/**
 * A write on one user: a row action, or the password reset by mode (`temporaryPassword` sets one,
 * `resetPassword` emails a link).
 *
 * @example const op: UserOperation = "temporaryPassword";
 */
export type UserOperation = UserAction | "temporaryPassword";

/**
 * THE verdict of each write on one existing user (W2, W4–W6, R2–R4, R7): the service asserts it,
 * `users.actions()` offers what it allows. `edit` answers whether the user can be edited at all;
 * what each field may become is {@link updateUserVerdict}'s (and the form options').
 *
 * @example userOperationVerdict(actor, target, "disable")
 */
export function userOperationVerdict(actor: ActorFacts, target: UserTarget, op: UserOperation): Verdict {
  const manage = () => manageUserVerdict(actor, target);
  switch (op) {
    case "edit":
      return manage();
    case "disable":
    case "delete":
      return firstRefusal(
        manage,
        () => selfVerdict(actor, target, op),
        () => statusVerdict(op, target),
        () => administratorVerdict(actor, target),
      );
    case "restore":
    case "resendInvitation":
    case "revokeInvitation":
      return firstRefusal(manage, () => statusVerdict(op, target));
    case "resetPassword":
    case "temporaryPassword":
      return firstRefusal(
        manage,
        () => selfVerdict(actor, target, "reset the password of"),
        () => statusVerdict("resetPassword", target),
        () => accountWriteVerdict(actor, target, op === "resetPassword" ? "signIn" : "temporaryPassword"),
      );
    case "unlock":
      return firstRefusal(
        manage,
        () => accountWriteVerdict(actor, target, "signIn"),
        () => lockedVerdict(target),
      );
  }
}

/** The row actions in the order a menu lists them. */
const ACTION_ORDER: readonly UserAction[] = [
  "edit",
  "disable",
  "restore",
  "resetPassword",
  "unlock",
  "resendInvitation",
  "revokeInvitation",
  "delete",
];

/**
 * Whether an action applies to a user at all — its status is one the action starts from (an
 * unlock: the user is locked). A menu lists only these; the others would be refused `conflict`.
 *
 * @example appliesTo("restore", activeUser) // false
 */
export function appliesTo(action: UserAction, user: Pick<UserTarget, "status" | "locked">): boolean {
  if (action === "edit") return true;
  if (action === "unlock") return user.locked;
  return STATUS_RULES[action].from.includes(user.status);
}

/**
 * `users.actions(user)`: every action that applies to the user's status, each with its
 * {@link userOperationVerdict} — nothing for an actor without `users.manage`. Derived, never decided
 * here: offered ⇔ allowed (but for the count rules).
 *
 * @example userActionOffers(actor, { ...user, account: null }).filter((o) => o.verdict.allowed)
 */
export function userActionOffers(actor: ActorFacts | null, target: UserTarget): UserActionOffer[] {
  if (!actor || usersManagerVerdict(actor.subject).allowed === false) return [];
  return ACTION_ORDER.filter((action) => appliesTo(action, target)).map((action) => ({
    action,
    verdict: userOperationVerdict(actor, target, action),
  }));
}

/**
 * W2 (a count rule, asserted by the service apart from the verdicts): an invitation is sent again
 * only while it is live (not revoked, not accepted), not within `invitationResendIntervalMs` of the
 * last send (`rate_limited` with the time left), and at most `invitationMaxSends` times in all
 * (defaults 60 s and 10). Returns the live invitation.
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
