import { ALLOWED, refuse, type Verdict } from "../errors/verdict";
import type { AccessSubject } from "./access.rules";

/**
 * The message of the `rule`/`main_contact_only` refusal of {@link mainContactVerdict}, shared by the
 * service and the widgets that explain why a form is read-only.
 *
 * @example refuse.rule("main_contact_only", MAIN_CONTACT_ONLY_MESSAGE)
 */
export const MAIN_CONTACT_ONLY_MESSAGE =
  "Only the main contact can change the main contact's account, role or access. Ask them, or ask them to hand the main-contact role over first.";

/**
 * R7, read in full: the main contact's membership (profile, email, role, locations, flags, status),
 * account (password, reset links, lockout) and the permissions of the role they hold are theirs.
 * Anyone else writing them could take the organization over (a temporary password, then sign in as
 * the main contact) or demote its owner by another route, so every such write is the main contact's
 * own act: refused `rule`/`main_contact_only` when `subject` is not the main contact and
 * `targetUserId` is. `mainContactUserId` null (an organization without one) protects nobody.
 *
 * Every user write and every edit of the main contact's role asserts it; `users.actions()` and the
 * form options read it.
 *
 * @example mainContactVerdict(subject, organization.mainContactUserId, user.id) // refused for anyone else
 */
export function mainContactVerdict(
  subject: Pick<AccessSubject, "userId">,
  mainContactUserId: string | null,
  targetUserId: string,
): Verdict {
  return mainContactUserId !== null && targetUserId === mainContactUserId && subject.userId !== targetUserId
    ? refuse.rule("main_contact_only", MAIN_CONTACT_ONLY_MESSAGE)
    : ALLOWED;
}
