import { type AccessSubject, sharesLocation, withinScope } from "../access/access.rules";
import { mainContactOnly } from "../access/main-contact.rules";
import type { User } from "./user.schema";
import type { UserAction } from "./user-actions.schema";

/**
 * What {@link allowedUserActions} needs to know about the organization, as last loaded by `me()`.
 *
 * @example { adminRoleIds: new Set(["rol_…"]), mainContactUserId: "usr_…" }
 */
export interface UserActionFacts {
  /** Roles holding `users.manage`; null (not loaded) treats every target as an administrator, which only ever hides actions. */
  readonly adminRoleIds: ReadonlySet<string> | null;
  /** The organization's main contact (R7): nobody else is offered anything on them. */
  readonly mainContactUserId: string | null;
}

/**
 * Row actions an actor may take on a user now (status, permission, R3–R7 aware). The same rules the
 * service enforces, minus those that need fresh counts (last admin, seats), which the service still
 * refuses. The main contact is offered nothing by anyone else ({@link mainContactOnly}).
 *
 * @example allowedUserActions(subject, { adminRoleIds: new Set(["rol_…"]), mainContactUserId: "usr_…" }, user) // ["edit", "disable", "resetPassword"]
 */
export function allowedUserActions(
  subject: AccessSubject | null,
  facts: UserActionFacts,
  user: Pick<User, "id" | "status" | "roleId" | "locationAccess" | "locked">,
): UserAction[] {
  if (!subject?.permissions.has("users.manage")) return [];
  if (!sharesLocation(subject, user.locationAccess) || !withinScope(subject, user.locationAccess)) return [];
  if (mainContactOnly(subject, facts.mainContactUserId, user.id)) return [];
  const self = user.id === subject.userId;
  const targetIsAdmin = facts.adminRoleIds?.has(user.roleId) ?? true;
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
