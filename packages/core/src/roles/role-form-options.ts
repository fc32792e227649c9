import type { ActorFacts } from "../access/actor-facts";
import type { Catalog } from "../access/catalog";
import { firstRefusal } from "../errors/verdict";
import type { RoleFormOptions } from "./role-form-options.schema";
import {
  createRoleVerdict,
  deleteRoleVerdict,
  heldPermissionsVerdict,
  type RoleFacts,
  roleManagerVerdict,
  rolePermissionsEditableVerdict,
  rolePermissionsVerdict,
} from "./roles.rules";
import type { RoleTemplate } from "./templates";

/**
 * What the roles editor's options are derived from.
 *
 * @example roleFormOptionsOf({ actor, catalog, templates, role: { id, permissions, holders: 4 }, mainContactRoleId })
 */
export interface RoleFormFacts {
  readonly actor: ActorFacts;
  readonly catalog: Pick<Catalog<string>, "has">;
  /** Every catalog permission with its label, in catalog order. */
  readonly labels: readonly { readonly permission: string; readonly label: string }[];
  readonly templates: readonly RoleTemplate[];
  /** The role edited; null for a new one. */
  readonly role: RoleFacts | null;
  readonly mainContactRoleId: string | null;
}

/**
 * The roles editor's options, each the verdict the service gives on that write.
 *
 * @example roleFormOptionsOf(facts).toggles.find((t) => t.value === "billing.view_revenue")?.verdict
 */
export function roleFormOptionsOf(f: RoleFormFacts): RoleFormOptions {
  const { actor, role } = f;
  const manager = roleManagerVerdict(actor.subject);
  const toggle = (permission: string) =>
    role
      ? rolePermissionsVerdict(
          actor,
          f.catalog,
          role,
          f.mainContactRoleId,
          role.permissions.includes(permission)
            ? role.permissions.filter((p) => p !== permission)
            : [...role.permissions, permission],
        )
      : firstRefusal(
          () => manager,
          () => heldPermissionsVerdict(actor.subject, [permission], "create"),
        );
  return {
    roleId: role?.id ?? null,
    create: manager,
    rename: manager,
    delete: role ? deleteRoleVerdict(actor.subject, role) : null,
    permissions: role ? rolePermissionsEditableVerdict(actor, role, f.mainContactRoleId) : manager,
    toggles: f.labels.map(({ permission, label }) => ({
      value: permission,
      label,
      verdict: toggle(permission),
    })),
    templates: f.templates.map((t) => ({
      value: t.key,
      label: t.name,
      verdict: createRoleVerdict(
        actor.subject,
        f.catalog,
        t.permissions.filter((p) => f.catalog.has(p)),
      ),
    })),
  };
}
