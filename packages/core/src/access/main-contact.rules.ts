import { fail } from "../errors/directory-error";
import type { AccessSubject } from "./access.rules";
import type { ActorContext } from "./actor";

/**
 * R7, read in full: the main contact's membership (profile, email, role, locations, flags, status),
 * account (password, reset links, lockout) and the permissions of the role they hold are theirs.
 * Anyone else writing them could take the organization over (a temporary password, then sign in as
 * the main contact) or demote its owner by another route, so every such write is the main contact's
 * own act. True when `subject` is not the main contact and `targetUserId` is.
 *
 * `mainContactUserId` null (an organization without one) protects nobody. The service asserts this
 * verdict on every user write and every role edit; `users.actions()` reads it to offer nothing.
 *
 * @example mainContactOnly(subject, organization.mainContactUserId, user.id) // true: refuse, offer nothing
 */
export function mainContactOnly(
  subject: Pick<AccessSubject, "userId">,
  mainContactUserId: string | null,
  targetUserId: string,
): boolean {
  return mainContactUserId !== null && targetUserId === mainContactUserId && subject.userId !== targetUserId;
}

/**
 * The message of the `rule`/`main_contact_only` refusal of {@link mainContactOnly}, shared by the
 * service and the widgets that explain why a form is read-only.
 *
 * @example fail.rule("main_contact_only", MAIN_CONTACT_ONLY_MESSAGE)
 */
export const MAIN_CONTACT_ONLY_MESSAGE =
  "Only the main contact can change the main contact's account, role or access. Ask them, or ask them to hand the main-contact role over first.";

/**
 * R7: the one assertion of {@link mainContactOnly}. `managedUser` runs it for every user write;
 * role edits run it for the main contact's role.
 */
export function refuseMainContact(a: ActorContext, targetUserId: string): void {
  if (mainContactOnly(a.subject, a.organization.mainContactUserId, targetUserId)) {
    throw fail.rule("main_contact_only", MAIN_CONTACT_ONLY_MESSAGE);
  }
}
