import type { StaffDirectory } from "../../directory/staff-directory";
import type { User } from "../../users/user.schema";
import { auditTotal, usersIn } from "../conformance/helpers";
import type { Snapshot } from "./model";

/**
 * Every user of all three tabs that `dir` can see.
 *
 * @example const users = await allUsers(observer);
 */
export async function allUsers(dir: StaffDirectory): Promise<User[]> {
  return [
    ...(await usersIn(dir, "active")),
    ...(await usersIn(dir, "pending")),
    ...(await usersIn(dir, "disabled")),
  ];
}

/**
 * Reads an organization through its observer: users, roles, locations, the organization and the
 * audit total.
 *
 * @example const snapshot = await readSnapshot(org.observer);
 */
export async function readSnapshot(observer: StaffDirectory): Promise<Snapshot> {
  const users = await allUsers(observer);
  const roles = await observer.roles.list();
  const locations = await observer.locations.list();
  return {
    organization: await observer.organization.get(),
    users: new Map(users.map((u) => [u.id, u])),
    roles: new Map(roles.map((r) => [r.id, r])),
    locations: new Map(locations.map((l) => [l.id, l])),
    auditTotal: await auditTotal(observer),
  };
}

function changedRecords<T extends { readonly version: number }>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
): string[] {
  const out: string[] = [];
  for (const [id, record] of after) {
    const old = before.get(id);
    if (!old) out.push(`+${id}`);
    else if (old.version !== record.version) out.push(`~${id}@${old.version}→${record.version}`);
  }
  for (const id of before.keys()) if (!after.has(id)) out.push(`-${id}`);
  return out;
}

/**
 * The records that differ between two snapshots: added (+id), removed (-id) or with a new version
 * (~id). Each one is a mutation that must have exactly one audit event (R13, R18).
 *
 * @example expect(changes(before, after)).toEqual([]);
 */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const org =
    before.organization.version === after.organization.version
      ? []
      : [`~${after.organization.id}@${before.organization.version}→${after.organization.version}`];
  return [
    ...changedRecords(before.users, after.users),
    ...changedRecords(before.roles, after.roles),
    ...changedRecords(before.locations, after.locations),
    ...org,
  ];
}
