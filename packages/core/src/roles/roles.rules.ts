import { type AccessSubject, canReadUsers, missingPermissions } from "../access/access.rules";
import { type ActorContext, requirePermission } from "../access/actor";
import { ADMIN_PERMISSION, type Catalog } from "../access/catalog";
import { refuseMainContact } from "../access/main-contact.rules";
import { fail } from "../errors/directory-error";
import type { RoleRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import type { RoleTemplate } from "./templates";

/**
 * A role makes its holders administrators when it grants `users.manage` (R6).
 *
 * @example isAdminPermissionSet(["users.view", "users.manage"]) // true
 */
export function isAdminPermissionSet(permissions: readonly string[]): boolean {
  return permissions.includes(ADMIN_PERMISSION);
}

/**
 * R6: ids of roles that make their holders administrators.
 *
 * @example adminRoleIds(await tx.listRoles(orgId)) // ["rol_…"]
 */
export function adminRoleIds(roles: readonly RoleRecord[]): string[] {
  return roles.filter((r) => r.permissions.includes("users.manage")).map((r) => r.id);
}

/**
 * R2: the roles screen (roles and the catalog) is open to those who read users or manage roles.
 *
 * @example if (!canReadRoles(a.subject)) throw fail.forbidden();
 */
export function canReadRoles(subject: AccessSubject): boolean {
  return canReadUsers(subject) || subject.permissions.has("roles.manage");
}

/**
 * R2, R4: roles are organization-wide: a role's holders may work anywhere, so a location-limited
 * actor editing one would change the privileges of users outside its scope. Only org-wide actors
 * holding `roles.manage` manage roles; `forbidden` otherwise.
 *
 * @example requireRoleManager(a);
 */
export function requireRoleManager(a: ActorContext): void {
  requirePermission(a, "roles.manage");
  if (a.subject.locations !== null) {
    throw fail.forbidden(
      "Roles apply across the organization: only organization-wide administrators manage them.",
    );
  }
}

/**
 * The template a role is created from: none when `key` is absent, `validation` on `template` when
 * no template has that key.
 *
 * @example const template = templateFor(ctx.templates, input.template); // undefined without a key
 */
export function templateFor(
  templates: readonly RoleTemplate[],
  key: string | undefined,
): RoleTemplate | undefined {
  const template = key ? templates.find((t) => t.key === key) : undefined;
  if (key && !template) throw fail.field(["template"], "unknown_template", "Unknown template.");
  return template;
}

/**
 * R14: every permission names one of the catalog's; `validation` on `["permissions", i]` for each
 * that does not.
 *
 * @example checkPermissionNames(ctx.catalog, ["calendar.view", "lab.order"]) // throws for lab.order on the default catalog
 */
export function checkPermissionNames(
  catalog: Pick<Catalog<string>, "has">,
  permissions: readonly string[],
): void {
  const issues = permissions.flatMap((p, i) =>
    catalog.has(p)
      ? []
      : [{ path: ["permissions", i], code: "unknown_permission", message: `Unknown permission ${p}.` }],
  );
  if (issues.length) throw fail.validation(issues);
}

/** What the actor does with a role's permissions, for the refusal of {@link requireHeldPermissions}. */
const HOLD_MESSAGES = {
  create: "You cannot grant permissions you do not hold.",
  update: "You cannot change permissions you do not hold.",
  delete: "You cannot delete a role with permissions you do not hold.",
} as const;

/**
 * R3: an actor grants, toggles or deletes only permissions it holds itself; `forbidden` otherwise.
 *
 * @example requireHeldPermissions(a.subject, toggled, "update");
 */
export function requireHeldPermissions(
  subject: AccessSubject,
  permissions: readonly string[],
  write: keyof typeof HOLD_MESSAGES,
): void {
  if (missingPermissions(subject, permissions).length) throw fail.forbidden(HOLD_MESSAGES[write]);
}

/**
 * The permissions a change adds to a role, then those it takes away.
 *
 * @example toggledPermissions(["calendar.view"], ["billing.view_revenue"]) // ["billing.view_revenue", "calendar.view"]
 */
export function toggledPermissions(before: readonly string[], after: readonly string[]): string[] {
  return [...after.filter((p) => !before.includes(p)), ...before.filter((p) => !after.includes(p))];
}

/**
 * R3: nobody changes the permissions of the role they hold (`rule`/`self_change`).
 *
 * @example refuseOwnRoleChange(a, role, toggled);
 */
export function refuseOwnRoleChange(a: ActorContext, role: RoleRecord, toggled: readonly string[]): void {
  if (role.id === a.role?.id && toggled.length) {
    throw fail.rule("self_change", "You cannot change the permissions of your own role.");
  }
}

/**
 * R7: the permissions of the role the main contact holds are the main contact's privileges. Taking
 * one away demotes them by another route, adding one changes what they hold without them; either
 * is theirs alone (and their own role is closed to them too, R3), so they hand over first.
 *
 * @example if (toggled.length) await refuseMainContactRole(tx, a, role);
 */
export async function refuseMainContactRole(
  tx: StoreTransaction,
  a: ActorContext,
  role: RoleRecord,
): Promise<void> {
  const id = a.organization.mainContactUserId;
  const mainContact = id === null ? null : await tx.getUser(a.organization.id, id);
  if (mainContact?.roleId === role.id) refuseMainContact(a, mainContact.id);
}

/**
 * R7: taking anything from an administrators' role demotes its holders: only the main contact may,
 * unless nobody holds the role (`rule`/`main_contact_only`). Counts holders in the transaction.
 *
 * @example await refuseDemotingAdministrators(tx, a, role, removed);
 */
export async function refuseDemotingAdministrators(
  tx: StoreTransaction,
  a: ActorContext,
  role: RoleRecord,
  removed: readonly string[],
): Promise<void> {
  if (!role.permissions.includes("users.manage") || removed.length === 0 || a.subject.isMainContact) return;
  const holders = await tx.countUsers(a.organization.id, {
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

/**
 * W7: only a role nobody holds (any status) can be deleted: `rule`/`role_in_use` with the count.
 *
 * @example requireUnheld(await tx.countUsers(orgId, { statuses: ["active", "pending", "disabled"], roleIds: [role.id] }));
 */
export function requireUnheld(holders: number): void {
  if (holders > 0) {
    throw fail.rule("role_in_use", `${holders} user(s) hold this role. Give them another role first.`, {
      users: holders,
    });
  }
}
