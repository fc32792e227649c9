import { type ActorSession, readOp } from "../directory/runner";
import { fail } from "../errors/directory-error";
import { toRole } from "../roles/role-view";
import { canReadRoles } from "../roles/roles.rules";
import { userView } from "../users/user-view";
import type { ActorView } from "./access.schema";
import { actorFactsOf } from "./actor-facts";

/**
 * `me()`: loads the actor, its role and permissions, and every role's permissions when the actor
 * may read roles. Its answer is THE snapshot `can()` and `users.actions()` answer from until the
 * next `me()` — no other call changes it, so their answers never depend on which call ran last.
 * A provisioning token is nobody: `forbidden` (it has no profile or role), and no snapshot.
 */
export async function me<P extends string>(s: ActorSession): Promise<ActorView<P>> {
  const view = await readOp(s, async (tx, a) => {
    if (!a.user || !a.role) {
      throw fail.forbidden("A provisioning token is not a person: it has no profile or role of its own.");
    }
    const user = a.user;
    const role = a.role;
    const roles = await tx.listRoles(a.organization.id);
    const count = await tx.countUsers(a.organization.id, {
      statuses: ["active", "pending", "disabled"],
      roleIds: [role.id],
    });
    const actor: ActorView<P> = {
      user: await userView(tx, user, s.ctx.clock.now()),
      role: toRole(role, count, s.ctx.catalog, a.subject),
      permissions: role.permissions.filter((p) => s.ctx.catalog.has(p)) as P[],
      isMainContact: a.subject.isMainContact,
      mainContactUserId: a.organization.mainContactUserId,
      rolePermissions: canReadRoles(a.subject)
        ? Object.fromEntries(roles.map((r) => [r.id, [...r.permissions]]))
        : null,
    };
    return actor;
  });
  s.snapshot = actorFactsOf(view);
  return view;
}
