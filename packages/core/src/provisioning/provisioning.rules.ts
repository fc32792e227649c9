import { type AccessSubject, mayGrantRole, withinScope } from "../access/access.rules";
import { type ActorContext, requirePermission } from "../access/actor";
import type { FieldIssue } from "../errors/directory-error";
import { fail } from "../errors/directory-error";
import type {
  LocationRecord,
  ProvisionedUserRecord,
  ProvisioningSettingsRecord,
  ProvisioningTokenRecord,
  RoleRecord,
} from "../store/records";
import type { LocationAccess } from "../users/user.schema";
import type { DirectoryGroup, ProvisioningGroup } from "./provisioning.schema";

/**
 * What a provisioning token acts with: it reads and manages users (R2), nothing else — no roles,
 * locations, organization settings or audit of its own. Which roles it may give, and which users it
 * may manage, is `grantableRoleIds` (R3); where, its `locationAccess` (R4).
 *
 * @example TOKEN_PERMISSIONS.includes("users.manage") // true
 */
export const TOKEN_PERMISSIONS: readonly string[] = ["users.view", "users.manage"];

/**
 * The access subject of a provisioning token (R2–R4): {@link TOKEN_PERMISSIONS}, its locations, its
 * roles; never the main contact, never "self" (its id is no user's).
 *
 * @example tokenSubject(token).grantableRoleIds // Set { "rol_…" }
 */
export function tokenSubject(token: ProvisioningTokenRecord): AccessSubject {
  return {
    userId: token.id,
    permissions: new Set(TOKEN_PERMISSIONS),
    locations: token.locationAccess === "organization" ? null : new Set(token.locationAccess),
    isMainContact: false,
    grantableRoleIds: new Set(token.roleIds),
  };
}

/**
 * R2, R4: provisioning decides who joins the organization with which role and clinics, so only an
 * org-wide person holding both `organization.manage` and `users.manage` configures it (creates and
 * revokes tokens, maps groups); a provisioning token never does. `forbidden` otherwise.
 *
 * @example requireProvisioningManager(a);
 */
export function requireProvisioningManager(a: ActorContext): void {
  if (a.token) throw fail.forbidden("A provisioning token cannot manage provisioning.");
  requirePermission(a, "organization.manage");
  requirePermission(a, "users.manage");
  if (a.subject.locations !== null)
    throw fail.forbidden("Only organization-wide administrators configure provisioning.");
}

/**
 * R2, R4 as a yes/no, for `canOpenScreen(directory, "provisioning")`: the subject is a person (not a
 * token), org-wide, holding `organization.manage` and `users.manage` — exactly whom
 * {@link requireProvisioningManager} lets through.
 *
 * @example managesProvisioning(a.subject) // false for a location-limited administrator
 */
export function managesProvisioning(subject: AccessSubject): boolean {
  const p = subject.permissions;
  return (
    subject.grantableRoleIds === null &&
    subject.locations === null &&
    p.has("organization.manage") &&
    p.has("users.manage")
  );
}

/**
 * R2: the settings (default role and locations, mapped groups) are read by those who configure them
 * and by the organization's provisioning tokens, which map groups with them.
 *
 * @example if (!canReadProvisioning(a)) throw fail.forbidden();
 */
export function canReadProvisioning(a: ActorContext): boolean {
  return a.token !== null || managesProvisioning(a.subject);
}

/**
 * R3, R4, R5 when a token is created: every role exists in the organization and the administrator may
 * give it; every location exists, is live, and lies inside the administrator's own access. Issues
 * on `roleIds.<i>` and `locationAccess.<i>`.
 *
 * @example checkTokenGrant(a.subject, roles, locations, input.roleIds, input.locationAccess);
 */
export function checkTokenGrant(
  subject: AccessSubject,
  roles: readonly RoleRecord[],
  locations: readonly LocationRecord[],
  roleIds: readonly string[],
  access: LocationAccess,
): void {
  const byId = new Map(roles.map((r) => [r.id, r]));
  const issues: FieldIssue[] = [];
  roleIds.forEach((id, i) => {
    if (!byId.has(id))
      issues.push({ path: ["roleIds", i], code: "unknown_role", message: "This role does not exist." });
  });
  if (new Set(roleIds).size !== roleIds.length)
    issues.push({ path: ["roleIds"], code: "duplicate", message: "A role is listed twice." });
  issues.push(...locationIssues(locations, access, ["locationAccess"]));
  if (issues.length) throw fail.validation(issues);
  for (const id of roleIds) {
    const role = byId.get(id);
    if (role && !mayGrantRole(subject, role))
      throw fail.forbidden("You cannot let a token give a role with permissions you do not hold.");
  }
  if (!withinScope(subject, access))
    throw fail.forbidden("You can only let a token give access to locations you have yourself.");
}

function locationIssues(
  locations: readonly LocationRecord[],
  access: LocationAccess,
  path: readonly (string | number)[],
): FieldIssue[] {
  if (access === "organization") return [];
  const live = new Set(locations.filter((l) => !l.archived).map((l) => l.id));
  const issues: FieldIssue[] = [];
  access.forEach((id, i) => {
    if (!live.has(id))
      issues.push({ path: [...path, i], code: "unknown_location", message: "This location does not exist." });
  });
  if (new Set(access).size !== access.length)
    issues.push({ path: [...path], code: "duplicate", message: "A location is listed twice." });
  return issues;
}

/**
 * R5, R8, R14 for provisioning settings: roles and locations exist in the organization (locations
 * live); the default primary location lies inside the default access (R8); each mapped group
 * gives exactly one of a role and locations; group names are unique ignoring case and differ from
 * every role's name (a role is already a group by its name). Issues name the field.
 *
 * @example checkSettings(roles, locations, next);
 */
export function checkSettings(
  roles: readonly RoleRecord[],
  locations: readonly LocationRecord[],
  settings: Pick<
    ProvisioningSettingsRecord,
    "defaultRoleId" | "defaultLocationAccess" | "defaultPrimaryLocationId" | "groups"
  >,
): void {
  const roleIds = new Set(roles.map((r) => r.id));
  const issues: FieldIssue[] = [];
  if (settings.defaultRoleId !== null && !roleIds.has(settings.defaultRoleId))
    issues.push({ path: ["defaultRoleId"], code: "unknown_role", message: "This role does not exist." });
  const access = settings.defaultLocationAccess;
  if (access !== null) issues.push(...locationIssues(locations, access, ["defaultLocationAccess"]));
  const primary = settings.defaultPrimaryLocationId;
  const live = new Set(locations.filter((l) => !l.archived).map((l) => l.id));
  if (primary !== null && !live.has(primary)) {
    issues.push({
      path: ["defaultPrimaryLocationId"],
      code: "unknown_location",
      message: "This location does not exist.",
    });
  } else if ((primary === null) !== (access === null)) {
    issues.push({
      path: [primary === null ? "defaultPrimaryLocationId" : "defaultLocationAccess"],
      code: "required",
      message: "Choose the default locations and the primary location together.",
    });
  } else if (primary !== null && access !== null && access !== "organization" && !access.includes(primary)) {
    issues.push({
      path: ["defaultPrimaryLocationId"],
      code: "primary_location_outside_access",
      message: "The primary location must be one of the default locations.",
    });
  }
  const roleNames = new Set(roles.map((r) => r.name.toLowerCase()));
  const seen = new Set<string>();
  settings.groups.forEach((group, i) => {
    const name = group.displayName.toLowerCase();
    if (roleNames.has(name) || seen.has(name)) {
      issues.push({
        path: ["groups", i, "displayName"],
        code: "duplicate_name",
        message: "A role or another group already has this name.",
      });
    }
    seen.add(name);
    if ((group.roleId === null) === (group.locationAccess === null)) {
      issues.push({
        path: ["groups", i],
        code: "invalid_group",
        message: "A group gives either a role or locations.",
      });
    }
    if (group.roleId !== null && !roleIds.has(group.roleId))
      issues.push({
        path: ["groups", i, "roleId"],
        code: "unknown_role",
        message: "This role does not exist.",
      });
    if (group.locationAccess !== null)
      issues.push(...locationIssues(locations, group.locationAccess, ["groups", i, "locationAccess"]));
  });
  if (issues.length) throw fail.validation(issues);
}

/**
 * The groups of an organization: its roles by name, then its mapped groups. A mapping naming a role
 * that no longer exists is left out; a location group keeps only the locations in
 * `liveLocationIds` (live, and inside the reader's scope) and is left out when none remain.
 *
 * @example directoryGroups(await admin.roles.list(), await admin.provisioning.settings(), liveIds)
 */
export function directoryGroups(
  roles: readonly {
    readonly id: string;
    readonly name: string;
    readonly createdAt?: string;
    readonly updatedAt?: string;
    readonly version?: number;
  }[],
  settings: {
    readonly groups: readonly ProvisioningGroup[];
    readonly updatedAt?: string | null;
    readonly version?: number;
  } | null,
  liveLocationIds?: ReadonlySet<string>,
): DirectoryGroup[] {
  const roleIds = new Set(roles.map((r) => r.id));
  const out: DirectoryGroup[] = roles.map((r) => ({
    id: r.id,
    displayName: r.name,
    roleId: r.id,
    locationAccess: null,
    mapped: false,
    createdAt: r.createdAt ?? null,
    updatedAt: r.updatedAt ?? null,
    version: r.version ?? 0,
  }));
  for (const g of settings?.groups ?? []) {
    if (g.roleId !== null && !roleIds.has(g.roleId)) continue;
    const access =
      g.locationAccess === null || g.locationAccess === "organization" || !liveLocationIds
        ? g.locationAccess
        : g.locationAccess.filter((id) => liveLocationIds.has(id));
    if (access !== null && access !== "organization" && access.length === 0) continue;
    out.push({
      id: g.id,
      displayName: g.displayName,
      roleId: g.roleId,
      locationAccess: access,
      mapped: true,
      createdAt: null,
      updatedAt: settings?.updatedAt ?? null,
      version: settings?.version ?? 0,
    });
  }
  return out;
}

/** What membership reads of a user. */
export interface GroupMemberFacts {
  readonly roleId: string;
  readonly locationAccess: LocationAccess;
  readonly primaryLocationId: string;
}

/**
 * Whether a user is in a group — derived from the user, never stored, so the identity provider and
 * Staffroom always agree: a role group holds the users with that role; an org-wide location group
 * the org-wide users; any other location group the users whose locations include all of its own
 * (org-wide users are in no such group: their access is not made of clinics).
 *
 * @example isGroupMember(user, group) // true for Jane (Downtown, Bayview) in "Downtown Clinic staff"
 */
export function isGroupMember(user: GroupMemberFacts, group: DirectoryGroup): boolean {
  if (group.roleId !== null) return user.roleId === group.roleId;
  const g = group.locationAccess;
  if (g === null) return false;
  if (g === "organization") return user.locationAccess === "organization";
  const mine = user.locationAccess;
  return mine !== "organization" && g.every((id) => mine.includes(id));
}

/**
 * The change that puts a user into a group, or null when they are already in it (or their
 * org-wide access already covers the group's locations): a role group gives its role (a user holds
 * one role, so the group they were added to last wins); a location group adds its locations, an
 * org-wide group gives org-wide access. The primary location stays.
 *
 * @example joinGroupPatch(user, downtownStaff) // { locationAccess: ["loc_bay…", "loc_down…"], primaryLocationId: "loc_bay…" }
 */
export function joinGroupPatch(user: GroupMemberFacts, group: DirectoryGroup): MembershipPatch | null {
  if (group.roleId !== null) return user.roleId === group.roleId ? null : { roleId: group.roleId };
  const g = group.locationAccess;
  if (g === null || user.locationAccess === "organization") return null;
  if (g === "organization")
    return { locationAccess: "organization", primaryLocationId: user.primaryLocationId };
  const mine = user.locationAccess;
  const added = g.filter((id) => !mine.includes(id));
  if (added.length === 0) return null;
  return { locationAccess: [...mine, ...added], primaryLocationId: user.primaryLocationId };
}

/** A change of a user's role or locations that group membership makes (a `users.update` patch). */
export interface MembershipPatch {
  readonly roleId?: string;
  readonly locationAccess?: LocationAccess;
  readonly primaryLocationId?: string;
}

/**
 * The change that takes a user out of a group, or null when they are not in it. Leaving a role
 * group gives the default role (leaving the default role's own group changes nothing). Leaving a
 * location group removes its locations except those another of the user's location groups gives;
 * locations given in Staffroom outside any group stay. Leaving the org-wide group, or the last
 * locations, gives the default locations. The primary location stays when it is still inside the
 * access, else becomes the default primary location when inside, else the first remaining one (R8).
 * `rule`/`invalid_state` when the settings lack the default that is needed.
 *
 * @example leaveGroupPatch(user, downtownStaff, groups, settings) // { locationAccess: ["loc_bay…"], primaryLocationId: "loc_bay…" }
 */
export function leaveGroupPatch(
  user: GroupMemberFacts,
  group: DirectoryGroup,
  groups: readonly DirectoryGroup[],
  settings: Pick<
    ProvisioningSettingsRecord,
    "defaultRoleId" | "defaultLocationAccess" | "defaultPrimaryLocationId"
  > | null,
): MembershipPatch | null {
  if (!isGroupMember(user, group)) return null;
  if (group.roleId !== null) {
    const fallback = settings?.defaultRoleId ?? null;
    if (fallback === null) throw notConfigured("role");
    return fallback === user.roleId ? null : { roleId: fallback };
  }
  let remaining: string[] = [];
  const g = group.locationAccess;
  const mine = user.locationAccess;
  if (g !== null && g !== "organization" && mine !== "organization") {
    const kept = new Set(mine.filter((id) => !g.includes(id)));
    for (const other of groups) {
      const o = other.locationAccess;
      if (other.id === group.id || other.roleId !== null || o === null || o === "organization") continue;
      if (isGroupMember(user, other)) for (const id of o) kept.add(id);
    }
    remaining = mine.filter((id) => kept.has(id));
  }
  if (remaining.length === 0) {
    const access = settings?.defaultLocationAccess ?? null;
    const primary = settings?.defaultPrimaryLocationId ?? null;
    if (access === null || primary === null) throw notConfigured("locations");
    const keep = access === "organization" || access.includes(user.primaryLocationId);
    return { locationAccess: access, primaryLocationId: keep ? user.primaryLocationId : primary };
  }
  const primary = remaining.includes(user.primaryLocationId)
    ? user.primaryLocationId
    : settings?.defaultPrimaryLocationId && remaining.includes(settings.defaultPrimaryLocationId)
      ? settings.defaultPrimaryLocationId
      : (remaining[0] as string);
  if (primary === user.primaryLocationId && mine !== "organization" && remaining.length === mine.length)
    return null;
  return { locationAccess: remaining, primaryLocationId: primary };
}

function notConfigured(what: "role" | "locations") {
  return fail.rule(
    "invalid_state",
    what === "role"
      ? "Provisioning has no default role, so nobody can leave a role group. An administrator sets it in Settings › Provisioning."
      : "Provisioning has no default locations, so nobody can leave their last location group. An administrator sets them in Settings › Provisioning.",
  );
}

/**
 * What a user created by provisioning starts with: the default role, locations and primary
 * location of the settings; `rule`/`invalid_state` until an administrator has chosen them.
 *
 * @example const start = provisionedUserStart(await token.provisioning.settings());
 */
export function provisionedUserStart(
  settings: Pick<
    ProvisioningSettingsRecord,
    "defaultRoleId" | "defaultLocationAccess" | "defaultPrimaryLocationId"
  > | null,
): { readonly roleId: string; readonly locationAccess: LocationAccess; readonly primaryLocationId: string } {
  const roleId = settings?.defaultRoleId ?? null;
  const locationAccess = settings?.defaultLocationAccess ?? null;
  const primaryLocationId = settings?.defaultPrimaryLocationId ?? null;
  if (roleId === null || locationAccess === null || primaryLocationId === null) {
    throw fail.rule(
      "invalid_state",
      "Provisioning is not set up: an administrator chooses the default role and locations of new users in Settings › Provisioning.",
    );
  }
  return { roleId, locationAccess, primaryLocationId };
}

/**
 * R1-like uniqueness of the identity provider's id: `conflict` on `externalId` when another user of
 * the organization already has it.
 *
 * @example requireFreeExternalId(await tx.findProvisionedUserByExternalId(orgId, "00u1…"), userId);
 */
export function requireFreeExternalId(holder: ProvisionedUserRecord | null, userId: string): void {
  if (holder && holder.userId !== userId) {
    const message = "Another user already has this external id.";
    throw fail.conflict(message, [{ path: ["externalId"], code: "duplicate_external_id", message }]);
  }
}
