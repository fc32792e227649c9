import { type AccessSubject, missingPermissions, withinScope } from "../access/access.rules";
import { ADMIN_PERMISSION } from "../access/catalog";
import { MAIN_CONTACT_ONLY_MESSAGE, mainContactOnly } from "../access/main-contact.rules";
import { type DirectoryError, fail } from "../errors/directory-error";
import type { UserRecord } from "../store/records";

/*
 * Who may see and end other people's sessions (W13). Ending a session signs a person out — a part
 * of disabling them (W6) — so it is a user operation like the others: `users.manage` (R2), inside
 * the actor's locations (R4), on nobody who holds more than the actor (R3), never the main contact
 * by anyone else (R7), and never one's own (sign out instead). Each check is one function, so they
 * can move into verdicts as they are.
 */

/**
 * R2: the Sessions list (who is signed in, from where) is for those who manage users.
 *
 * @example if (!canListSessions(a.subject)) throw fail.forbidden();
 */
export function canListSessions(subject: AccessSubject): boolean {
  return subject.permissions.has(ADMIN_PERMISSION);
}

/**
 * The message of the refusal to end one's own session: the Sessions list marks them "You" and
 * offers Sign out instead.
 *
 * @example fail.rule("self_change", OWN_SESSION_MESSAGE)
 */
export const OWN_SESSION_MESSAGE = "You cannot end your own session here. Sign out instead.";

/**
 * Why the actor may not end a session of `owner` (holding `ownerPermissions`), or null when it may:
 * R7 self (`rule`/`self_change`), R4 scope and R3 permissions (`forbidden`), R7 main contact
 * (`rule`/`main_contact_only`). `sessions.end` throws it; `sessions.list` reads it as `endable`.
 *
 * @example endSessionRefusal(a.subject, user, role.permissions, org.mainContactUserId) // null: allowed
 */
export function endSessionRefusal(
  subject: AccessSubject,
  owner: Pick<UserRecord, "id" | "locationAccess">,
  ownerPermissions: readonly string[],
  mainContactUserId: string | null,
): DirectoryError | null {
  if (!canListSessions(subject)) return fail.forbidden();
  if (owner.id === subject.userId) return fail.rule("self_change", OWN_SESSION_MESSAGE);
  if (!withinScope(subject, owner.locationAccess))
    return fail.forbidden("This person has access to locations outside yours.");
  if (missingPermissions(subject, ownerPermissions).length > 0)
    return fail.forbidden("This person holds permissions you do not have.");
  if (mainContactOnly(subject, mainContactUserId, owner.id))
    return fail.rule("main_contact_only", MAIN_CONTACT_ONLY_MESSAGE);
  return null;
}
