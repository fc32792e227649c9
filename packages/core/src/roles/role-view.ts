import { type AccessSubject, mayGrantRole } from "../access/access.rules";
import { ADMIN_PERMISSION, type Catalog } from "../access/catalog";
import type { ServiceContext } from "../directory/context";
import type { RoleRecord } from "../store/records";
import type { CatalogView } from "./catalog-view.schema";
import type { Role } from "./role.schema";

/** A stored role with its derived screens and user count. */
export function toRole(
  record: RoleRecord,
  userCount: number,
  catalog: Catalog<string>,
  reader: AccessSubject,
): Role {
  return {
    ...record,
    permissions: [...record.permissions],
    screens: catalog.screensOf(record.permissions),
    userCount,
    administrator: record.permissions.includes(ADMIN_PERMISSION),
    grantable: mayGrantRole(reader, record),
  };
}

/**
 * The catalog and templates as plain data, as the roles screen shows them.
 *
 * @example catalogView(ctx).modules[0] // { key: "calendar", label: "Calendar", actions: [...] }
 */
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
