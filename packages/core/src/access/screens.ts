import { canReadAudit } from "../audit/audit.rules";
import { listSessionsVerdict } from "../auth/session-admin.rules";
import { canReadLocations } from "../locations/locations.rules";
import { canReadSeatUsage } from "../organization/organization.rules";
import { managesProvisioning } from "../provisioning/provisioning.rules";
import { canReadRoles } from "../roles/roles.rules";
import { type AccessSubject, accessSubject, canReadUsers } from "./access.rules";
import type { DefaultPermission } from "./catalog";

/**
 * The administration screens a host shows over a directory, each reading through its own query:
 * `users` (`users.list`), `roles` (`roles.list`), `locations` (`locations.list`), `organization`
 * (`organization.usage`), `sessions` (`sessions.list`), `provisioning` (`provisioning.tokens`) and
 * `audit` (`audit.list`).
 *
 * @example ADMIN_SCREENS.filter((screen) => canOpenScreen(directory, screen)) // ["users", "roles", …]
 */
export const ADMIN_SCREENS = [
  "users",
  "roles",
  "locations",
  "organization",
  "sessions",
  "provisioning",
  "audit",
] as const;

/** One of {@link ADMIN_SCREENS}. @example const screen: AdminScreen = "audit"; */
export type AdminScreen = (typeof ADMIN_SCREENS)[number];

// Each screen's read is the service's own rule, the one its query asserts: nothing is restated here.
const READS: Readonly<Record<AdminScreen, (subject: AccessSubject) => boolean>> = {
  users: canReadUsers,
  roles: canReadRoles,
  locations: canReadLocations,
  organization: canReadSeatUsage,
  sessions: (subject) => listSessionsVerdict(subject).allowed,
  provisioning: managesProvisioning,
  audit: canReadAudit,
};

// The permissions those rules look at.
const SCREEN_PERMISSIONS = [
  "users.view",
  "users.manage",
  "roles.manage",
  "locations.manage",
  "audit.view",
  "organization.manage",
] as const satisfies readonly DefaultPermission[];

/**
 * Whether the actor may open an administration screen: the read rule the screen's query asserts
 * (R2, R4), answered from `directory.can()` — so from the actor of the last `me()`, on every backend,
 * and false before the first. A host hides the navigation to a screen it answers false for, and a
 * widget shows "no access" instead of loading it.
 *
 * @example if (!canOpenScreen(directory, "audit")) hide("Settings › Audit");
 */
export function canOpenScreen(
  directory: { can(permission: DefaultPermission): boolean },
  screen: AdminScreen,
): boolean {
  // `can()` has already applied the actor's scope (R4): a location-limited actor holds no
  // organization-wide permission there, so the subject below is org-wide with what `can()` grants.
  const held = SCREEN_PERMISSIONS.filter((permission) => directory.can(permission));
  return READS[screen](accessSubject("", held, "organization", false));
}
