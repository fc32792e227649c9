import { type AccessSubject, missingPermissions } from "../access/access.rules";
import { ADMIN_PERMISSION, type Catalog } from "../access/catalog";
import type { Role } from "../roles/role.schema";
import type { AccountRecord, RoleRecord, UserRecord } from "../store/records";
import { displayName, type User } from "./user.schema";

/**
 * Views already built, per stored record. Stores that hand out the same immutable record object until
 * it changes (the memory store does) get the same frozen view back, so lists rebuild nothing for
 * unchanged users and serialisers can memoise per object. Other stores simply miss.
 */
const views = new WeakMap<UserRecord, { account: AccountRecord | null; locked: boolean; view: User }>();

/** A stored user and its account, as the API returns it (frozen: plain data, never mutated). */
export function toUser(record: UserRecord, account: AccountRecord | null, nowMs: number): User {
  const lockedUntil = account?.lockedUntil ? Date.parse(account.lockedUntil) : 0;
  const locked = lockedUntil > nowMs;
  const cached = views.get(record);
  if (cached && cached.account === account && cached.locked === locked) return cached.view;
  const view: User = Object.freeze({
    ...record,
    displayName: displayName(record.profile),
    locked,
    lastSignInAt: record.lastSignInAt,
  });
  if (Object.isFrozen(record)) views.set(record, { account, locked, view });
  return view;
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
