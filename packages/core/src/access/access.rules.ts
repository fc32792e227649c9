import type { LocationAccess } from "../users/user.schema";
import { ADMIN_PERMISSION } from "./catalog";

/**
 * What a decision needs to know about the actor: precomputed once per load so `can()` is a couple of
 * Set lookups (DESIGN §6: well under a microsecond).
 *
 * @example { userId: "usr_…", permissions: new Set(["users.view"]), locations: new Set(["loc_…"]), isMainContact: false }
 */
export interface AccessSubject {
  readonly userId: string;
  readonly permissions: ReadonlySet<string>;
  /** The actor's locations, or null when the actor is org-wide. */
  readonly locations: ReadonlySet<string> | null;
  readonly isMainContact: boolean;
  /**
   * R3 for a provisioning token: the only roles it may grant, and the only roles of users it may
   * manage. Null for people, whose R3 compares permissions ({@link mayGrantRole}).
   */
  readonly grantableRoleIds: ReadonlySet<string> | null;
}

/**
 * Permissions whose objects span the whole organization (every role, the organization's settings,
 * the whole audit trail). A location-limited actor cannot use them without reaching past its scope
 * (R4, R5), so they are not in its effective set, whatever its role says.
 */
export const ORGANIZATION_WIDE_PERMISSIONS: ReadonlySet<string> = new Set([
  "roles.manage",
  "organization.manage",
  "audit.view",
]);

/**
 * Builds an {@link AccessSubject}: the effective permissions of a user with this role and access.
 *
 * @example accessSubject("usr_…", ["users.view"], "organization", false)
 */
export function accessSubject(
  userId: string,
  permissions: Iterable<string>,
  access: LocationAccess,
  isMainContact: boolean,
): AccessSubject {
  const effective = [...permissions].filter(
    (p) => access === "organization" || !ORGANIZATION_WIDE_PERMISSIONS.has(p),
  );
  return {
    userId,
    permissions: new Set(effective),
    locations: access === "organization" ? null : new Set(access),
    isMainContact,
    grantableRoleIds: null,
  };
}

/** R4: the target's locations all lie inside the actor's (org-wide targets need an org-wide actor). */
export function withinScope(subject: AccessSubject, target: LocationAccess): boolean {
  const mine = subject.locations;
  if (mine === null) return true;
  if (target === "organization") return false;
  for (const id of target) if (!mine.has(id)) return false;
  return true;
}

/** R4/R5: the actor sees a user who shares at least one location (org-wide users share all). */
export function sharesLocation(subject: AccessSubject, target: LocationAccess): boolean {
  const mine = subject.locations;
  if (mine === null || target === "organization") return true;
  for (const id of target) if (mine.has(id)) return true;
  return false;
}

/**
 * The authorization decision (R2–R4) used by the service and by `can()`: the actor holds the
 * permission and, with a target, the target lies inside its locations.
 *
 * @example decide(subject, "users.manage", user) // false for a user outside the actor's clinics
 */
export function decide(
  subject: AccessSubject,
  permission: string,
  target?: { readonly locationAccess: LocationAccess },
): boolean {
  if (!subject.permissions.has(permission)) return false;
  return target === undefined || withinScope(subject, target.locationAccess);
}

/** R3: every permission in `wanted` is held by the actor. Returns the ones it lacks. */
export function missingPermissions(subject: AccessSubject, wanted: Iterable<string>): string[] {
  const missing: string[] = [];
  for (const p of wanted) if (!subject.permissions.has(p)) missing.push(p);
  return missing;
}

/**
 * R3: the actor may give this role, and manage a user who holds it: a person holds every permission
 * of the role; a provisioning token lists the role among those it may grant.
 *
 * @example mayGrantRole(subject, role) // false for the Administrator role to a clinic manager
 */
export function mayGrantRole(
  subject: AccessSubject,
  role: { readonly id: string; readonly permissions: readonly string[] },
): boolean {
  if (subject.grantableRoleIds) return subject.grantableRoleIds.has(role.id);
  return missingPermissions(subject, role.permissions).length === 0;
}

/** Reading the directory needs `users.view` or `users.manage`. */
export function canReadUsers(subject: AccessSubject): boolean {
  return subject.permissions.has("users.view") || subject.permissions.has(ADMIN_PERMISSION);
}
