import { canReadUsers, mayGrantRole, sharesLocation, withinScope } from "../access/access.rules";
import type { ActorContext } from "../access/actor";
import { mainContactOnly, refuseMainContact } from "../access/main-contact.rules";
import { checkId } from "../directory/validate";
import { fail } from "../errors/directory-error";
import type { AccountRecord, RoleRecord, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";

/**
 * R5: the user if it exists in the actor's organization and scope; `not_found` otherwise, with the
 * same message whether the id is missing, foreign or out of scope.
 */
export async function visibleUser(tx: StoreTransaction, a: ActorContext, id: unknown): Promise<UserRecord> {
  if (!canReadUsers(a.subject)) throw fail.forbidden();
  const user = await tx.getUser(a.organization.id, checkId(id));
  if (!user || !sharesLocation(a.subject, user.locationAccess)) throw fail.notFound("User not found.");
  return user;
}

/** A user the actor may manage, with its role (R2–R4). */
export interface ManagedTarget {
  readonly user: UserRecord;
  readonly role: RoleRecord;
  readonly account: AccountRecord;
  readonly isAdmin: boolean;
  readonly isSelf: boolean;
}

/**
 * The target of every user write (update, disable, restore, delete, password reset and reset link,
 * unlock, invitations, and bulk actions, which run these): R2–R4, the actor holds `users.manage`,
 * the target lies inside its locations and holds no permission the actor lacks; and R7, nobody but
 * the main contact writes the main contact. Invisible targets are `not_found`; visible but
 * unmanageable ones `forbidden`; the main contact, to anyone else, `rule`/`main_contact_only`.
 */
export async function managedUser(
  tx: StoreTransaction,
  a: ActorContext,
  id: unknown,
): Promise<ManagedTarget> {
  if (!a.subject.permissions.has("users.manage")) {
    await visibleUser(tx, a, id);
    throw fail.forbidden();
  }
  const user = await visibleUser(tx, a, id);
  if (!withinScope(a.subject, user.locationAccess)) {
    throw fail.forbidden("This user has access to locations outside yours.");
  }
  const role = await tx.getRole(a.organization.id, user.roleId);
  if (!role) throw new Error(`Invariant broken: user ${user.id} holds a missing role`);
  if (!mayGrantRole(a.subject, role)) {
    throw fail.forbidden(
      a.subject.grantableRoleIds
        ? "This user holds a role this provisioning token may not manage."
        : "This user holds permissions you do not have.",
    );
  }
  refuseMainContact(a, user.id);
  const account = await tx.getAccount(user.accountId);
  if (!account) throw new Error(`Invariant broken: user ${user.id} has no account`);
  return {
    user,
    role,
    account,
    isAdmin: role.permissions.includes("users.manage"),
    isSelf: user.id === a.subject.userId,
  };
}

/**
 * R7 across organizations: an account (password, reset links, lock, email) is shared by every
 * organization its person belongs to, so when the target is the main contact of ANOTHER
 * organization, account-level writes on it from here are refused too: otherwise an admin where they
 * are ordinary staff could unlock the account for a guesser, or kill their pending reset link.
 * Membership-level writes here (profile, role, disable …) stay this organization's business.
 */
export async function refuseMainContactAccount(
  tx: StoreTransaction,
  a: ActorContext,
  target: ManagedTarget,
): Promise<void> {
  if (target.isSelf) return;
  for (const m of await tx.listUsersByAccount(target.account.id)) {
    if (m.organizationId === a.organization.id) continue;
    const org = await tx.getOrganization(m.organizationId);
    if (org && mainContactOnly(a.subject, org.mainContactUserId, m.id)) {
      throw fail.rule(
        "main_contact_only",
        "This person is the main contact of another organization: only they can change their sign-in. They can reset their password from the sign-in page.",
      );
    }
  }
}

/**
 * The role a user write names, in the actor's organization; `validation` on `roleId` when there is
 * no such role.
 *
 * @example const role = await roleFor(tx, a.organization.id, input.roleId);
 */
export async function roleFor(tx: StoreTransaction, orgId: string, roleId: string): Promise<RoleRecord> {
  const role = await tx.getRole(orgId, roleId);
  if (!role) throw fail.field(["roleId"], "unknown_role", "This role does not exist.");
  return role;
}
