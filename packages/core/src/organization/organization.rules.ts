import { type AccessSubject, canReadUsers } from "../access/access.rules";
import { type ActorContext, requirePermission } from "../access/actor";
import { fail } from "../errors/directory-error";
import type { UserRecord } from "../store/records";
import type { LicenceType } from "./organization.schema";

/**
 * R2: seat usage is open to those who read users or manage the organization.
 *
 * @example if (!canReadSeatUsage(a.subject)) throw fail.forbidden();
 */
export function canReadSeatUsage(subject: AccessSubject): boolean {
  return canReadUsers(subject) || subject.permissions.has("organization.manage");
}

/**
 * R2, R4: the organization's settings apply everywhere, so only org-wide actors holding
 * `organization.manage` change them; `forbidden` otherwise.
 *
 * @example requireOrganizationManager(a);
 */
export function requireOrganizationManager(a: ActorContext): void {
  requirePermission(a, "organization.manage");
  if (a.subject.locations !== null)
    throw fail.forbidden("Only organization-wide administrators change organization settings.");
}

/**
 * R7: only the main contact hands the main-contact role over (`rule`/`main_contact_only`).
 *
 * @example requireMainContactToHandOver(a);
 */
export function requireMainContactToHandOver(a: ActorContext): void {
  if (!a.subject.isMainContact)
    throw fail.rule("main_contact_only", "Only the main contact can hand the role over.");
}

/**
 * R7: the next main contact is an active administrator; `validation` on `mainContactUserId`
 * otherwise (a missing user included).
 *
 * @example requireAdminHeir(await tx.getUser(org.id, patch.mainContactUserId), adminRoleIds(roles));
 */
export function requireAdminHeir(heir: UserRecord | null, adminRoleIds: readonly string[]): void {
  if (heir?.status !== "active" || !adminRoleIds.includes(heir.roleId)) {
    throw fail.field(["mainContactUserId"], "not_admin", "The main contact must be an active administrator.");
  }
}

/**
 * Users hold licences by key: a licence type someone holds (any status) cannot go away or change
 * its key under them (`rule`/`licence_in_use` on `licenceTypes`, with the count).
 *
 * @example requireLicenceUnheld(oldType, await tx.countUsers(org.id, { statuses: ALL, licence: oldType.key }));
 */
export function requireLicenceUnheld(type: LicenceType, holders: number): void {
  if (holders > 0) {
    throw fail.rule(
      "licence_in_use",
      `${holders} user(s) hold the ${type.label} licence. Take it from them first.`,
      { licence: type.key, users: holders },
      ["licenceTypes"],
    );
  }
}

/**
 * Each licence type has its own key: `validation` on `licenceTypes` for a repeated key.
 *
 * @example requireUniqueLicenceKeys(patch.licenceTypes);
 */
export function requireUniqueLicenceKeys(types: readonly Pick<LicenceType, "key">[]): void {
  if (new Set(types.map((l) => l.key)).size !== types.length) {
    throw fail.field(["licenceTypes"], "duplicate", "Each licence type needs its own key.");
  }
}
