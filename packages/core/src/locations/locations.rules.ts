import { type AccessSubject, canReadUsers } from "../access/access.rules";
import { type ActorContext, requirePermission } from "../access/actor";
import { fail } from "../errors/directory-error";
import type { LocationRecord } from "../store/records";

/**
 * R4, R5: a location-limited actor sees only its own locations; an org-wide actor sees all.
 *
 * @example locations.filter((l) => locationInScope(a.subject, l.id))
 */
export function locationInScope(subject: AccessSubject, locationId: string): boolean {
  return subject.locations === null || subject.locations.has(locationId);
}

/**
 * R2: the location list is open to those who read users (forms pick locations) or manage locations.
 *
 * @example if (!canReadLocations(a.subject)) throw fail.forbidden();
 */
export function canReadLocations(subject: AccessSubject): boolean {
  return canReadUsers(subject) || subject.permissions.has("locations.manage");
}

/**
 * R2, R4: creating a location needs `locations.manage`, org-wide: a new location lies outside any
 * limited scope. `forbidden` otherwise.
 *
 * @example requireLocationCreator(a);
 */
export function requireLocationCreator(a: ActorContext): void {
  requirePermission(a, "locations.manage");
  if (a.subject.locations !== null)
    throw fail.forbidden("Only organization-wide administrators create locations.");
}

/**
 * W8: archiving is once: `conflict` for a location already archived.
 *
 * @example requireNotArchived(location);
 */
export function requireNotArchived(location: Pick<LocationRecord, "archived">): void {
  if (location.archived) throw fail.conflict("This location is already archived.");
}

/**
 * R8: a location that is any user's primary location stays live, so every user keeps a live
 * primary: `rule`/`location_in_use` with how many users have it as primary.
 *
 * @example requireNotPrimaryOfAnyone(primaryOf);
 */
export function requireNotPrimaryOfAnyone(primaryOf: number): void {
  if (primaryOf > 0) {
    throw fail.rule("location_in_use", "Users have this as their primary location. Move them first.", {
      users: primaryOf,
    });
  }
}
