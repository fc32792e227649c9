import type { Role } from "../model/role.schema";
import { displayName, type User } from "../model/user.schema";
import { type AccessSubject, missingPermissions } from "../permissions/access.rules";
import { ADMIN_PERMISSION, type Catalog } from "../permissions/catalog";
import type { AccountRecord, RoleRecord, UserRecord } from "../store/records";

/** A stored user and its account, as the API returns it. */
export function toUser(record: UserRecord, account: AccountRecord | null, nowMs: number): User {
  const lockedUntil = account?.lockedUntil ? Date.parse(account.lockedUntil) : 0;
  return {
    ...record,
    displayName: displayName(record.profile),
    locked: lockedUntil > nowMs,
    lastSignInAt: record.lastSignInAt,
  };
}

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
