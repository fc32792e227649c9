import type { UserAction } from "../api/staff-directory";
import type { User } from "../model/user.schema";
import { sharesLocation, withinScope } from "../permissions/access.rules";
import type { ActorSession } from "./runner";

/**
 * Row actions the actor may take on a user, from the last loaded actor (call `me()` first). The same
 * rules the service enforces, minus those that need fresh counts (last admin, seats): the service
 * still refuses those.
 */
export function userActions(s: ActorSession, user: User): UserAction[] {
  const subject = s.subject;
  if (!subject?.permissions.has("users.manage")) return [];
  if (!sharesLocation(subject, user.locationAccess) || !withinScope(subject, user.locationAccess)) return [];
  const self = user.id === subject.userId;
  const targetIsAdmin = s.adminRoleIds?.has(user.roleId) ?? true;
  const mayRemove = !self && (!targetIsAdmin || subject.isMainContact);
  const out: UserAction[] = [];
  if (user.status === "active") {
    out.push("edit");
    if (mayRemove) out.push("disable");
    if (!self) out.push("resetPassword");
    if (user.locked) out.push("unlock");
  } else if (user.status === "pending") {
    out.push("edit", "resendInvitation", "revokeInvitation");
  } else {
    out.push("restore");
    if (mayRemove) out.push("delete");
    if (user.locked) out.push("unlock");
  }
  return out;
}
