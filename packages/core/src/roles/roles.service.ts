import { canReadUsers, missingPermissions } from "../access/access.rules";
import { type ActorContext, requirePermission } from "../access/actor";
import { diff, writeAudit } from "../audit/audit-writer";
import type { ServiceContext } from "../directory/context";
import { type ActorSession, readOp, writeOp } from "../directory/runner";
import { ensureUniqueName } from "../directory/unique-name";
import { checkId, optionalVersion, parseInput, requireVersion } from "../directory/validate";
import { fail } from "../errors/directory-error";
import type { RoleRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { refuseMainContact } from "../users/user-target";
import { adminRoleIds } from "../users/users.rules";
import type { CatalogView } from "./role.schema";
import { type Role, RoleInputSchema, RolePatchSchema } from "./role.schema";
import { toRole } from "./role-view";

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

function checkPermissionNames(ctx: ServiceContext, permissions: readonly string[]): void {
  const issues = permissions.flatMap((p, i) =>
    ctx.catalog.has(p)
      ? []
      : [{ path: ["permissions", i], code: "unknown_permission", message: `Unknown permission ${p}.` }],
  );
  if (issues.length) throw fail.validation(issues);
}

/**
 * Roles are organization-wide: a role's holders may work anywhere, so a location-limited actor editing
 * one would change the privileges of users outside its scope (R4). Only org-wide actors manage roles.
 */
function requireRoleManager(a: ActorContext): void {
  requirePermission(a, "roles.manage");
  if (a.subject.locations !== null) {
    throw fail.forbidden(
      "Roles apply across the organization: only organization-wide administrators manage them.",
    );
  }
}

function canReadRoles(a: ActorContext): boolean {
  return canReadUsers(a.subject) || a.subject.permissions.has("roles.manage");
}

/**
 * R7: the permissions of the role the main contact holds are the main contact's privileges. Taking
 * one away demotes them by another route, adding one changes what they hold without them; either
 * is theirs alone (and their own role is closed to them too, R3), so they hand over first.
 */
async function refuseMainContactRole(tx: StoreTransaction, a: ActorContext, role: RoleRecord): Promise<void> {
  const id = a.organization.mainContactUserId;
  const mainContact = id === null ? null : await tx.getUser(a.organization.id, id);
  if (mainContact?.roleId === role.id) refuseMainContact(a, mainContact.id);
}

/** W7: every role with its screens and user count. */
export async function listRoles(s: ActorSession): Promise<Role[]> {
  return readOp(s, async (tx, a) => {
    if (!canReadRoles(a)) throw fail.forbidden();
    const roles = await tx.listRoles(a.organization.id);
    return Promise.all(roles.map((r) => roleView(s.ctx, tx, r, a)));
  });
}

/** The catalog and templates, as the roles screen shows them. */
export async function roleCatalog(s: ActorSession): Promise<CatalogView> {
  return readOp(s, async (_tx, a) => {
    if (!canReadRoles(a)) throw fail.forbidden();
    return catalogView(s.ctx);
  });
}

/** The catalog and templates as plain data. */
export function catalogView(ctx: ServiceContext): CatalogView {
  return {
    modules: Object.entries(ctx.catalog.modules).map(([key, module]) => ({
      key,
      label: module.label,
      actions: Object.entries(module.actions).map(([action, def]) => ({
        permission: `${key}.${action}`,
        label: def.label,
        screens: [...(def.screens ?? [])],
      })),
    })),
    templates: ctx.templates.map((t) => ({
      key: t.key,
      name: t.name,
      description: t.description,
      permissions: [...t.permissions],
    })),
  };
}

/** W7: a role from a template or explicit permissions; only permissions the actor holds (R3). */
export async function createRole(s: ActorSession, raw: unknown): Promise<Role> {
  const input = parseInput(RoleInputSchema, raw);
  return writeOp(s, async (unit, a) => {
    requireRoleManager(a);
    const template = input.template ? s.ctx.templates.find((t) => t.key === input.template) : undefined;
    if (input.template && !template) throw fail.field(["template"], "unknown_template", "Unknown template.");
    const permissions = input.permissions
      ? [...new Set(input.permissions)]
      : (template?.permissions ?? []).filter((p) => s.ctx.catalog.has(p));
    checkPermissionNames(s.ctx, permissions);
    if (missingPermissions(a.subject, permissions).length)
      throw fail.forbidden("You cannot grant permissions you do not hold.");
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
    await writeAudit(s.ctx, unit, {
      organizationId: a.organization.id,
      action: "role.created",
      target: { type: "role", id: role.id, label: role.name },
      changes: { permissions: { before: null, after: permissions } },
      actorEmail: a.user.email,
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
  const version = requireVersion(options as { version?: unknown });
  const patch = parseInput(RolePatchSchema, rawPatch);
  return writeOp(s, async (unit, a) => {
    requireRoleManager(a);
    const role = await unit.tx.getRole(a.organization.id, checkId(id));
    if (!role) throw fail.notFound("Role not found.");
    if (role.version !== version) throw fail.stale();
    const permissions = patch.permissions ? [...new Set(patch.permissions)] : [...role.permissions];
    checkPermissionNames(s.ctx, permissions);
    const toggled = [
      ...permissions.filter((p) => !role.permissions.includes(p)),
      ...role.permissions.filter((p) => !permissions.includes(p)),
    ];
    if (missingPermissions(a.subject, toggled).length)
      throw fail.forbidden("You cannot change permissions you do not hold.");
    if (role.id === a.role.id && toggled.length)
      throw fail.rule("self_change", "You cannot change the permissions of your own role.");
    if (toggled.length) await refuseMainContactRole(unit.tx, a, role);
    const removed = role.permissions.filter((p) => !permissions.includes(p));
    if (role.permissions.includes("users.manage") && removed.length > 0 && !a.subject.isMainContact) {
      // Taking anything from an administrators' role demotes them: only the main contact may (R7).
      const holders = await unit.tx.countUsers(a.organization.id, {
        statuses: ["active", "pending", "disabled"],
        roleIds: [role.id],
      });
      if (holders > 0) {
        throw fail.rule(
          "main_contact_only",
          "Only the main contact can take permissions away from administrators.",
        );
      }
    }
    if (role.permissions.includes("users.manage") && !permissions.includes("users.manage")) {
      const others = adminRoleIds(await unit.tx.listRoles(a.organization.id)).filter((r) => r !== role.id);
      const remaining = others.length
        ? await unit.tx.countUsers(a.organization.id, { statuses: ["active"], roleIds: others })
        : 0;
      if (remaining < 1) throw fail.rule("last_admin", "At least one active administrator must remain.");
    }
    if (patch.name) ensureUniqueName(await unit.tx.listRoles(a.organization.id), patch.name, "role", role.id);
    const next: RoleRecord = {
      ...role,
      name: patch.name ?? role.name,
      description: patch.description === undefined ? role.description : patch.description || null,
      permissions,
      version: role.version + 1,
      updatedAt: unit.now,
    };
    const changes = diff(
      role as unknown as Record<string, unknown>,
      next as unknown as Record<string, unknown>,
      ["name", "description", "permissions"],
    );
    if (Object.keys(changes).length === 0) return roleView(s.ctx, unit.tx, role, a);
    if (!(await unit.tx.updateRole(next, role.version))) throw fail.stale();
    await writeAudit(s.ctx, unit, {
      organizationId: a.organization.id,
      action: "role.updated",
      target: { type: "role", id: role.id, label: next.name },
      changes,
      actorEmail: a.user.email,
    });
    return roleView(s.ctx, unit.tx, next, a);
  });
}

/** W7: deletes a role nobody holds. */
export async function deleteRole(s: ActorSession, id: unknown, options?: unknown): Promise<void> {
  const expected = optionalVersion(options as { version?: unknown });
  return writeOp(s, async (unit, a) => {
    requireRoleManager(a);
    const role = await unit.tx.getRole(a.organization.id, checkId(id));
    if (!role) throw fail.notFound("Role not found.");
    if (expected !== undefined && role.version !== expected) throw fail.stale();
    if (missingPermissions(a.subject, role.permissions).length)
      throw fail.forbidden("You cannot delete a role with permissions you do not hold.");
    const holders = await unit.tx.countUsers(a.organization.id, {
      statuses: ALL_STATUSES,
      roleIds: [role.id],
    });
    if (holders > 0)
      throw fail.rule("role_in_use", `${holders} user(s) hold this role. Give them another role first.`, {
        users: holders,
      });
    if (!(await unit.tx.deleteRole(a.organization.id, role.id, role.version))) throw fail.stale();
    await writeAudit(s.ctx, unit, {
      organizationId: a.organization.id,
      action: "role.deleted",
      target: { type: "role", id: role.id, label: role.name },
      changes: { permissions: { before: role.permissions, after: null } },
      actorEmail: a.user.email,
    });
  });
}
