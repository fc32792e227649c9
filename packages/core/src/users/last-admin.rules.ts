import { fail } from "../errors/directory-error";
import { adminRoleIds } from "../roles/roles.rules";
import type { OrganizationRecord, RoleRecord, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";

/**
 * R6: refuses when `user` is the last active administrator and is about to stop being one.
 * Runs under the organization lock, so two concurrent demotions cannot both pass.
 */
export async function checkNotLastAdmin(
  tx: StoreTransaction,
  org: OrganizationRecord,
  user: UserRecord,
): Promise<void> {
  const roles = await tx.listRoles(org.id);
  const ids = adminRoleIds(roles);
  if (user.status !== "active" || !ids.includes(user.roleId)) return;
  const admins = await tx.countUsers(org.id, { statuses: ["active"], roleIds: ids });
  if (admins <= 1) {
    throw fail.rule("last_admin", "At least one active administrator must remain.");
  }
}

/**
 * R6 for a role: taking `users.manage` from a role leaves its holders without it, so another
 * administrators' role must keep at least one active holder (`rule`/`last_admin`). Runs under the
 * organization lock.
 *
 * @example await checkRoleKeepsAnAdmin(tx, org, role, nextPermissions);
 */
export async function checkRoleKeepsAnAdmin(
  tx: StoreTransaction,
  org: OrganizationRecord,
  role: RoleRecord,
  permissions: readonly string[],
): Promise<void> {
  if (!role.permissions.includes("users.manage") || permissions.includes("users.manage")) return;
  const others = adminRoleIds(await tx.listRoles(org.id)).filter((r) => r !== role.id);
  const remaining = others.length
    ? await tx.countUsers(org.id, { statuses: ["active"], roleIds: others })
    : 0;
  if (remaining < 1) throw fail.rule("last_admin", "At least one active administrator must remain.");
}
