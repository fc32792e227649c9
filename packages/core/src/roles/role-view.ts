import { type AccessSubject, missingPermissions } from "../access/access.rules";
import { ADMIN_PERMISSION, type Catalog } from "../access/catalog";
import type { RoleRecord } from "../store/records";
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
    grantable: missingPermissions(reader, record.permissions).length === 0,
  };
}
