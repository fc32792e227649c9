import type { ActorContext } from "../access/actor";
import { loadedActorFacts } from "../access/actor-facts";
import { auditActor, auditTarget, diff } from "../audit/audit-writer";
import type { ServiceContext } from "../directory/context";
import { type ActorSession, readOp, writeOp } from "../directory/runner";
import { ensureUniqueName } from "../directory/unique-name";
import { checkId, parseInput } from "../directory/validate";
import { expectVersion, orStale, requireVersion } from "../directory/versions";
import { fail } from "../errors/directory-error";
import { assertAllowed } from "../errors/verdict";
import type { RoleRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { checkRoleKeepsAnAdmin } from "../users/last-admin.rules";
import type { CatalogView } from "./catalog-view.schema";
import { type Role, RoleInputSchema, RolePatchSchema } from "./role.schema";
import { roleFormOptionsOf } from "./role-form-options";
import type { RoleFormOptions } from "./role-form-options.schema";
import { catalogView, toRole } from "./role-view";
import {
  canReadRoles,
  createRoleVerdict,
  deleteRoleVerdict,
  type RoleFacts,
  roleManagerVerdict,
  rolePermissionsVerdict,
  templateFor,
} from "./roles.rules";

const ALL_STATUSES = ["active", "pending", "disabled"] as const;

/** The role as its verdicts see it: with how many users hold it. */
async function roleFacts(tx: StoreTransaction, role: RoleRecord): Promise<RoleFacts> {
  const holders = await tx.countUsers(role.organizationId, { statuses: ALL_STATUSES, roleIds: [role.id] });
  return { id: role.id, permissions: role.permissions, holders };
}

/** The role the main contact holds (R7), or null. */
async function mainContactRoleId(tx: StoreTransaction, a: ActorContext): Promise<string | null> {
  const id = a.organization.mainContactUserId;
  return (id === null ? null : await tx.getUser(a.organization.id, id))?.roleId ?? null;
}

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
    assertAllowed(roleManagerVerdict(a.subject));
    const template = templateFor(s.ctx.templates, input.template);
    const permissions = input.permissions
      ? [...new Set(input.permissions)]
      : (template?.permissions ?? []).filter((p) => s.ctx.catalog.has(p));
    assertAllowed(createRoleVerdict(a.subject, s.ctx.catalog, permissions));
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
 * W7: renames a role or toggles permissions: the permissions verdict (R3, R7, R14), then R6's count
 * rule when `users.manage` leaves the role.
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
    assertAllowed(roleManagerVerdict(a.subject));
    const role = await unit.tx.getRole(a.organization.id, checkId(id));
    if (!role) throw fail.notFound("Role not found.");
    expectVersion(role, version);
    const permissions = patch.permissions ? [...new Set(patch.permissions)] : [...role.permissions];
    const actor = loadedActorFacts(a, []);
    assertAllowed(
      rolePermissionsVerdict(
        actor,
        s.ctx.catalog,
        await roleFacts(unit.tx, role),
        await mainContactRoleId(unit.tx, a),
        permissions,
      ),
    );
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
    assertAllowed(roleManagerVerdict(a.subject));
    const role = await unit.tx.getRole(a.organization.id, checkId(id));
    if (!role) throw fail.notFound("Role not found.");
    expectVersion(role, expected);
    assertAllowed(deleteRoleVerdict(a.subject, await roleFacts(unit.tx, role)));
    await orStale(unit.tx.deleteRole(a.organization.id, role.id, role.version));
    await auditActor(s.ctx, unit, a, {
      action: "role.deleted",
      target: auditTarget.role(role),
      changes: { permissions: { before: role.permissions, after: null } },
    });
  });
}

/**
 * `roles.formOptions(id?)`: the roles editor's choices for one role (`not_found` when it is not the
 * organization's) or a new one, each with the verdict the service gives on that write. Open to
 * those who may read roles.
 *
 * @example const options = await roleFormOptions(s, roleId);
 */
export async function roleFormOptions(s: ActorSession, id?: unknown): Promise<RoleFormOptions> {
  return readOp(s, async (tx, a) => {
    if (!canReadRoles(a.subject)) throw fail.forbidden();
    const role = id === undefined ? null : await tx.getRole(a.organization.id, checkId(id));
    if (id !== undefined && !role) throw fail.notFound("Role not found.");
    const view = catalogView(s.ctx);
    return roleFormOptionsOf({
      actor: loadedActorFacts(a, []),
      catalog: s.ctx.catalog,
      labels: view.modules.flatMap((m) =>
        m.actions.map((x) => ({ permission: x.permission, label: x.label })),
      ),
      templates: s.ctx.templates,
      role: role ? await roleFacts(tx, role) : null,
      mainContactRoleId: await mainContactRoleId(tx, a),
    });
  });
}
