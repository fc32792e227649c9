import type { ActorContext } from "../access/actor";
import { auditActor, auditTarget, diff } from "../audit/audit-writer";
import type { ServiceContext } from "../directory/context";
import { type ActorSession, readOp, writeOp } from "../directory/runner";
import { ensureUniqueName } from "../directory/unique-name";
import { checkId, parseInput } from "../directory/validate";
import { expectVersion, orStale, requireVersion } from "../directory/versions";
import { fail } from "../errors/directory-error";
import type { RoleRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { checkRoleKeepsAnAdmin } from "../users/last-admin.rules";
import type { CatalogView } from "./catalog-view.schema";
import { type Role, RoleInputSchema, RolePatchSchema } from "./role.schema";
import { catalogView, toRole } from "./role-view";
import {
  canReadRoles,
  checkPermissionNames,
  refuseDemotingAdministrators,
  refuseMainContactRole,
  refuseOwnRoleChange,
  requireHeldPermissions,
  requireRoleManager,
  requireUnheld,
  templateFor,
  toggledPermissions,
} from "./roles.rules";

const ALL_STATUSES = ["active", "pending", "disabled"] as const;

async function roleView(
  ctx: ServiceContext,
  tx: StoreTransaction,
  role: RoleRecord,
  a: ActorContext,
): Promise<Role> {
  const count = await tx.countUsers(role.organizationId, { statuses: ALL_STATUSES, roleIds: [role.id] });
  return toRole(role, count, ctx.catalog, a.subject);
}

/** W7: every role with its screens and user count. */
export async function listRoles(s: ActorSession): Promise<Role[]> {
  return readOp(s, async (tx, a) => {
    if (!canReadRoles(a.subject)) throw fail.forbidden();
    const roles = await tx.listRoles(a.organization.id);
    return Promise.all(roles.map((r) => roleView(s.ctx, tx, r, a)));
  });
}

/** The catalog and templates, as the roles screen shows them. */
export async function roleCatalog(s: ActorSession): Promise<CatalogView> {
  return readOp(s, async (_tx, a) => {
    if (!canReadRoles(a.subject)) throw fail.forbidden();
    return catalogView(s.ctx);
  });
}

/** W7: a role from a template or explicit permissions; only permissions the actor holds (R3). */
export async function createRole(s: ActorSession, raw: unknown): Promise<Role> {
  const input = parseInput(RoleInputSchema, raw);
  return writeOp(s, async (unit, a) => {
    requireRoleManager(a);
    const template = templateFor(s.ctx.templates, input.template);
    const permissions = input.permissions
      ? [...new Set(input.permissions)]
      : (template?.permissions ?? []).filter((p) => s.ctx.catalog.has(p));
    checkPermissionNames(s.ctx.catalog, permissions);
    requireHeldPermissions(a.subject, permissions, "create");
    ensureUniqueName(await unit.tx.listRoles(a.organization.id), input.name, "role");
    const role: RoleRecord = {
      id: s.ctx.ids("role"),
      organizationId: a.organization.id,
      name: input.name,
      description: input.description ?? template?.description ?? null,
      permissions,
      template: template?.key ?? null,
      version: 1,
      createdAt: unit.now,
      updatedAt: unit.now,
    };
    await unit.tx.insertRole(role);
    await auditActor(s.ctx, unit, a, {
      action: "role.created",
      target: auditTarget.role(role),
      changes: { permissions: { before: null, after: permissions } },
    });
    return roleView(s.ctx, unit.tx, role, a);
  });
}

/**
 * W7: renames a role or toggles permissions. Every toggled permission must be the actor's own (R3);
 * the actor's own role cannot be edited (R3); taking `users.manage` away is a demotion (R6, R7).
 */
export async function updateRole(
  s: ActorSession,
  id: unknown,
  rawPatch: unknown,
  options: unknown,
): Promise<Role> {
  const version = requireVersion(options);
  const patch = parseInput(RolePatchSchema, rawPatch);
  return writeOp(s, async (unit, a) => {
    requireRoleManager(a);
    const role = await unit.tx.getRole(a.organization.id, checkId(id));
    if (!role) throw fail.notFound("Role not found.");
    expectVersion(role, version);
    const permissions = patch.permissions ? [...new Set(patch.permissions)] : [...role.permissions];
    checkPermissionNames(s.ctx.catalog, permissions);
    const toggled = toggledPermissions(role.permissions, permissions);
    requireHeldPermissions(a.subject, toggled, "update");
    refuseOwnRoleChange(a, role, toggled);
    if (toggled.length) await refuseMainContactRole(unit.tx, a, role);
    const removed = role.permissions.filter((p) => !permissions.includes(p));
    await refuseDemotingAdministrators(unit.tx, a, role, removed);
    await checkRoleKeepsAnAdmin(unit.tx, a.organization, role, permissions);
    if (patch.name) ensureUniqueName(await unit.tx.listRoles(a.organization.id), patch.name, "role", role.id);
    const next: RoleRecord = {
      ...role,
      name: patch.name ?? role.name,
      description: patch.description === undefined ? role.description : patch.description || null,
      permissions,
      version: role.version + 1,
      updatedAt: unit.now,
    };
    const changes = diff(role, next, ["name", "description", "permissions"]);
    if (Object.keys(changes).length === 0) return roleView(s.ctx, unit.tx, role, a);
    await orStale(unit.tx.updateRole(next, role.version));
    await auditActor(s.ctx, unit, a, {
      action: "role.updated",
      target: auditTarget.role(next),
      changes,
    });
    return roleView(s.ctx, unit.tx, next, a);
  });
}

/** W7: deletes a role nobody holds. */
export async function deleteRole(s: ActorSession, id: unknown, options: unknown): Promise<void> {
  const expected = requireVersion(options);
  return writeOp(s, async (unit, a) => {
    requireRoleManager(a);
    const role = await unit.tx.getRole(a.organization.id, checkId(id));
    if (!role) throw fail.notFound("Role not found.");
    expectVersion(role, expected);
    requireHeldPermissions(a.subject, role.permissions, "delete");
    requireUnheld(
      await unit.tx.countUsers(a.organization.id, { statuses: ALL_STATUSES, roleIds: [role.id] }),
    );
    await orStale(unit.tx.deleteRole(a.organization.id, role.id, role.version));
    await auditActor(s.ctx, unit, a, {
      action: "role.deleted",
      target: auditTarget.role(role),
      changes: { permissions: { before: role.permissions, after: null } },
    });
  });
}
