import type { UserAction } from "../api/staff-directory";
import type { User } from "../model/user.schema";
import { type AccessSubject, sharesLocation, withinScope } from "./access.rules";

/**
 * Row actions an actor may take on a user now (status, permission, R3–R7 aware). The same rules the
 * service enforces, minus those that need fresh counts (last admin, seats), which the service still
 * refuses. `adminRoleIds` are the roles holding `users.manage`; null (not loaded) treats every
 * target as an administrator, which only ever hides actions.
 *
 * @example allowedUserActions(subject, new Set(["rol_…"]), user) // ["edit", "disable", "resetPassword"]
 */
export function allowedUserActions(
  subject: AccessSubject | null,
  adminRoleIds: ReadonlySet<string> | null,
  user: Pick<User, "id" | "status" | "roleId" | "locationAccess" | "locked">,
): UserAction[] {
  if (!subject?.permissions.has("users.manage")) return [];
  if (!sharesLocation(subject, user.locationAccess) || !withinScope(subject, user.locationAccess)) return [];
  const self = user.id === subject.userId;
  const targetIsAdmin = adminRoleIds?.has(user.roleId) ?? true;
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
