import { type ActorSession, readOp } from "../directory/runner";
import { fail } from "../errors/directory-error";
import { toRole } from "../roles/role-view";
import { adminRoleIds } from "../roles/roles.rules";
import { userView } from "../users/user-view";
import type { ActorView } from "./access.schema";

/**
 * `me()`: loads the actor, its role and permissions, and refreshes what `can()` and
 * `users.actions()` answer from (the access subject, the administrator roles, the main contact).
 */
export async function me<P extends string>(s: ActorSession): Promise<ActorView<P>> {
  return readOp(s, async (tx, a) => {
    if (!a.user || !a.role) {
      throw fail.forbidden("A provisioning token is not a person: it has no profile or role of its own.");
    }
    const user = a.user;
    const role = a.role;
    const roles = await tx.listRoles(a.organization.id);
    s.facts = {
      adminRoleIds: new Set(adminRoleIds(roles)),
      mainContactUserId: a.organization.mainContactUserId,
    };
    const count = await tx.countUsers(a.organization.id, {
      statuses: ["active", "pending", "disabled"],
      roleIds: [role.id],
    });
    const view: ActorView<P> = {
      user: await userView(tx, user, s.ctx.clock.now()),
      role: toRole(role, count, s.ctx.catalog, a.subject),
      permissions: role.permissions.filter((p) => s.ctx.catalog.has(p)) as P[],
      isMainContact: a.subject.isMainContact,
      mainContactUserId: a.organization.mainContactUserId,
    };
    return view;
  });
}
