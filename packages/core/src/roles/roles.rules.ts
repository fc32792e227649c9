import { type AccessSubject, canReadUsers, missingPermissions } from "../access/access.rules";
import type { ActorFacts } from "../access/actor-facts";
import { ADMIN_PERMISSION, type Catalog } from "../access/catalog";
import { mainContactVerdict } from "../access/main-contact.rules";
import { fail } from "../errors/directory-error";
import { ALLOWED, firstRefusal, refuse, type Verdict } from "../errors/verdict";
import type { RoleRecord } from "../store/records";
import type { RoleTemplate } from "./templates";

/*
 * The verdicts of role writes (W7; R2–R4, R7): the service asserts them, `roles.formOptions()` reads
 * them. R6 when `users.manage` leaves a role (`checkRoleKeepsAnAdmin`) is a count rule the service
 * asserts apart, under the organization lock; how many people hold a role is a fact passed in.
 */

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
  return roles.filter((r) => isAdminPermissionSet(r.permissions)).map((r) => r.id);
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
 * @example roleManagerVerdict(actor.subject)
 */
export function roleManagerVerdict(subject: AccessSubject): Verdict {
  if (!subject.permissions.has("roles.manage")) return refuse.forbidden();
  return subject.locations === null
    ? ALLOWED
    : refuse.forbidden(
        "Roles apply across the organization: only organization-wide administrators manage them.",
      );
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
 * @example permissionNamesVerdict(ctx.catalog, ["calendar.view", "lab.order"]) // refused for lab.order on the default catalog
 */
export function permissionNamesVerdict(
  catalog: Pick<Catalog<string>, "has">,
  permissions: readonly string[],
): Verdict {
  const issues = permissions.flatMap((p, i) =>
    catalog.has(p)
      ? []
      : [{ path: ["permissions", i], code: "unknown_permission", message: `Unknown permission ${p}.` }],
  );
  return issues.length ? refuse.validation(issues) : ALLOWED;
}

/** What the actor does with a role's permissions, for the refusal of {@link heldPermissionsVerdict}. */
const HOLD_MESSAGES = {
  create: "You cannot grant permissions you do not hold.",
  update: "You cannot change permissions you do not hold.",
  delete: "You cannot delete a role with permissions you do not hold.",
} as const;

/**
 * R3: an actor grants, toggles or deletes only permissions it holds itself; `forbidden` otherwise.
 *
 * @example heldPermissionsVerdict(actor.subject, toggled, "update")
 */
export function heldPermissionsVerdict(
  subject: AccessSubject,
  permissions: readonly string[],
  write: keyof typeof HOLD_MESSAGES,
): Verdict {
  return missingPermissions(subject, permissions).length ? refuse.forbidden(HOLD_MESSAGES[write]) : ALLOWED;
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
 * A role as the role verdicts see it: its id, permissions, and how many users hold it (any status).
 *
 * @example { id: "rol_…", permissions: ["users.view"], holders: 13 }
 */
export interface RoleFacts {
  readonly id: string;
  readonly permissions: readonly string[];
  readonly holders: number;
}

/**
 * The permissions of one role may change at all (W7): the actor manages roles (R2, R4), it is not the
 * actor's own role (R3: `rule`/`self_change`), and it is not the role the main contact holds, unless
 * the actor is the main contact (R7: its permissions are the main contact's privileges).
 *
 * @example rolePermissionsEditableVerdict(actor, role, mainContactRoleId)
 */
export function rolePermissionsEditableVerdict(
  actor: ActorFacts,
  role: Pick<RoleFacts, "id">,
  mainContactRoleId: string | null,
): Verdict {
  return firstRefusal(
    () => roleManagerVerdict(actor.subject),
    () =>
      role.id === actor.roleId
        ? refuse.rule("self_change", "You cannot change the permissions of your own role.")
        : ALLOWED,
    () =>
      role.id === mainContactRoleId && actor.mainContactUserId
        ? mainContactVerdict(actor.subject, actor.mainContactUserId, actor.mainContactUserId)
        : ALLOWED,
  );
}

/**
 * THE verdict of changing a role's permissions to `next` (W7): names from the catalog (R14), each
 * toggled permission held by the actor (R3), the role's permissions editable by it
 * ({@link rolePermissionsEditableVerdict}), and taking anything from an administrators' role that
 * someone holds is the main contact's call (R7: a demotion). R6 is a count rule asserted apart.
 *
 * @example rolePermissionsVerdict(actor, ctx.catalog, role, mainContactRoleId, nextPermissions)
 */
export function rolePermissionsVerdict(
  actor: ActorFacts,
  catalog: Pick<Catalog<string>, "has">,
  role: RoleFacts,
  mainContactRoleId: string | null,
  next: readonly string[],
): Verdict {
  const toggled = toggledPermissions(role.permissions, next);
  const removed = role.permissions.filter((p) => !next.includes(p));
  return firstRefusal(
    () => roleManagerVerdict(actor.subject),
    () => permissionNamesVerdict(catalog, next),
    () => heldPermissionsVerdict(actor.subject, toggled, "update"),
    () => (toggled.length ? rolePermissionsEditableVerdict(actor, role, mainContactRoleId) : ALLOWED),
    () =>
      isAdminPermissionSet(role.permissions) &&
      removed.length > 0 &&
      role.holders > 0 &&
      !actor.subject.isMainContact
        ? refuse.rule(
            "main_contact_only",
            "Only the main contact can take permissions away from administrators.",
          )
        : ALLOWED,
  );
}

/**
 * THE verdict of `roles.create` with these permissions: the actor manages roles, names them from
 * the catalog and holds every one (R3).
 *
 * @example createRoleVerdict(actor.subject, ctx.catalog, permissions)
 */
export function createRoleVerdict(
  subject: AccessSubject,
  catalog: Pick<Catalog<string>, "has">,
  permissions: readonly string[],
): Verdict {
  return firstRefusal(
    () => roleManagerVerdict(subject),
    () => permissionNamesVerdict(catalog, permissions),
    () => heldPermissionsVerdict(subject, permissions, "create"),
  );
}

/**
 * THE verdict of `roles.delete` (W7): the actor manages roles and holds every permission of the role
 * (R3), and nobody holds it (any status): `rule`/`role_in_use` with the count.
 *
 * @example deleteRoleVerdict(actor.subject, { id, permissions, holders: 13 }) // "13 user(s) hold this role. …"
 */
export function deleteRoleVerdict(subject: AccessSubject, role: RoleFacts): Verdict {
  return firstRefusal(
    () => roleManagerVerdict(subject),
    () => heldPermissionsVerdict(subject, role.permissions, "delete"),
    () =>
      role.holders > 0
        ? refuse.rule(
            "role_in_use",
            `${role.holders} user(s) hold this role. Give them another role first.`,
            {
              details: { users: role.holders },
            },
          )
        : ALLOWED,
  );
}
