import { type AccessSubject, canReadUsers } from "../access/access.rules";
import { ALLOWED, firstRefusal, refuse, type Verdict } from "../errors/verdict";
import type { LocationRecord } from "../store/records";

/*
 * The verdicts of location writes (W8; R2, R4, R8): the service asserts them. How many users have a
 * location as primary is a fact passed in.
 */

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
 * R2: location writes need `locations.manage`; `forbidden` otherwise.
 *
 * @example locationManagerVerdict(a.subject)
 */
export function locationManagerVerdict(subject: AccessSubject): Verdict {
  return subject.permissions.has("locations.manage") ? ALLOWED : refuse.forbidden();
}

/**
 * THE verdict of `locations.create` (R2, R4): `locations.manage`, org-wide — a new location lies
 * outside any limited scope.
 *
 * @example createLocationVerdict(a.subject)
 */
export function createLocationVerdict(subject: AccessSubject): Verdict {
  return firstRefusal(
    () => locationManagerVerdict(subject),
    () =>
      subject.locations === null
        ? ALLOWED
        : refuse.forbidden("Only organization-wide administrators create locations."),
  );
}

/**
 * THE verdict of `locations.archive` (W8, R8): `locations.manage`; archiving is once (`conflict`);
 * a location that is any user's primary stays live, so every user keeps a live primary
 * (`rule`/`location_in_use` with how many users have it as primary — a fact passed in). A location
 * outside the actor's scope is `not_found` before any verdict (R5).
 *
 * @example archiveLocationVerdict(a.subject, location, primaryOf)
 */
export function archiveLocationVerdict(
  subject: AccessSubject,
  location: Pick<LocationRecord, "archived">,
  primaryOf: number,
): Verdict {
  return firstRefusal(
    () => locationManagerVerdict(subject),
    () => (location.archived ? refuse.conflict("This location is already archived.") : ALLOWED),
    () =>
      primaryOf > 0
        ? refuse.rule("location_in_use", "Users have this as their primary location. Move them first.", {
            details: { users: primaryOf },
          })
        : ALLOWED,
  );
}
