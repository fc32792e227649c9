import type { AuditChainedEvent, AuditPersonalPart, RequestMetadata } from "../audit/audit.schema";
import type { Account } from "../auth/account.schema";
import type { Location } from "../locations/location.schema";
import type { Organization } from "../organization/organization.schema";
import type { ProvisioningGroup } from "../provisioning/provisioning.schema";
import type { Invitation } from "../users/invitation.schema";
import type { LocationAccess, User, UserStatus } from "../users/user.schema";

/** An organization as a store keeps it. @example const organization = await tx.getOrganization(orgId); */
export type OrganizationRecord = Organization;
/** A location as a store keeps it. @example const location = await tx.getLocation(orgId, locationId); */
export type LocationRecord = Location;
/**
 * An account as a store keeps it.
 *
 * @example const account = await tx.findAccountByEmail("jane@clinic.org"); // AccountRecord | null
 */
export type AccountRecord = Account;
/**
 * An invitation as a store keeps it.
 *
 * @example const invitation = await tx.getInvitationForUser(orgId, userId);
 */
export type InvitationRecord = Invitation;
/**
 * An audit event as a store keeps it: the chained part, with no personal value (see `AuditChainedEvent`).
 *
 * @example const last = await tx.lastAuditEvent(orgId); // AuditRecord | null
 */
export type AuditRecord = AuditChainedEvent;
/**
 * An erasable personal part of an audit event as a store keeps it (see `AuditPersonalPart`).
 *
 * @example const parts = await tx.listAuditPersonal(orgId, [eventId]);
 */
export type AuditPersonalRecord = AuditPersonalPart;

/**
 * A user (membership) as a store keeps it: the returned {@link User} without what comes from the
 * account (`locked`, `lastSignInAt`) and what is derived (`displayName`). `lastSignInAt` is kept on
 * the membership too so lists can sort by it.
 *
 * @example const user = await tx.getUser(orgId, userId); // UserRecord | null
 */
export type UserRecord = Omit<User, "locked" | "displayName" | "credentialAlert">;

/**
 * A single-use secret token (R15): only its SHA-256 is stored; it expires and dies on use.
 *
 * @example { tokenHash: "9f…", kind: "password_reset", accountId: "acc_…", organizationId: "org_…",
 *   createdAt: "…", expiresAt: "…", usedAt: null }
 */
export interface SecretTokenRecord {
  readonly tokenHash: string;
  readonly kind: "password_reset";
  readonly accountId: string;
  /** The organization whose admin or login page asked for it, or null. */
  readonly organizationId: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

/**
 * A signed-in session (W13): only the SHA-256 of its token is stored (R15). Counts against the
 * organization's concurrent seats while live (R9). `id` names it to administrators (the Sessions
 * list, "End session"); it is not derived from the token and opens nothing.
 *
 * @example { id: "ses_…", tokenHash: "…", accountId: "acc_…", organizationId: "org_…", userId: "usr_…",
 *   createdAt: "…", lastSeenAt: "…", expiresAt: "…", metadata: { ip: "203.0.113.4" } }
 */
export interface SessionRecord {
  /** A new id (`ses_…`) core generates at sign-in; unique across the store. */
  readonly id: string;
  readonly tokenHash: string;
  readonly accountId: string;
  readonly organizationId: string;
  readonly userId: string;
  readonly createdAt: string;
  /** Last use; the idle timeout runs from here. */
  readonly lastSeenAt: string;
  /** The absolute end of the session. */
  readonly expiresAt: string;
  readonly metadata: RequestMetadata;
}

/**
 * A role as a store keeps it (screens and counts are derived on read).
 *
 * @example { id: "rol_…", organizationId: "org_…", name: "Front Desk", description: null, permissions: ["calendar.view"], template: "front_desk", version: 1, createdAt: "…", updatedAt: "…" }
 */
export interface RoleRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly description: string | null;
  readonly permissions: readonly string[];
  readonly template: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * What a store must filter, sort and page for `users.list`. Every rule is already applied by core:
 * `scopeLocationIds` is the actor's location set (R4), `roleIds` already includes the admin filter.
 *
 * @example { statuses: ["active"], terms: ["smith"], sort: "name", direction: "asc", limit: 50, cursor: null }
 */
export interface StoreUserQuery {
  readonly statuses: readonly UserStatus[];
  /** Lower-cased terms; a user matches when every term is a substring of its name, email, initials or NPI. */
  readonly terms: readonly string[];
  /** Only users with access to this location (org-wide users have access to every location). */
  readonly locationId?: string;
  /** Only users holding one of these roles. An empty array matches nobody. */
  readonly roleIds?: readonly string[];
  readonly practitioner?: boolean;
  /**
   * Only users whose provider profile's earliest credential expiry date (`YYYY-MM-DD`, among
   * credentials that expire) lies from `from` (absent: no lower bound) through `to`, both
   * inclusive, compared as dates. Users without an expiring credential never match.
   */
  readonly credentialExpiry?: CredentialExpiryRange;
  /** Only users that are org-wide or share at least one of these locations. Absent: no restriction. */
  readonly scopeLocationIds?: readonly string[];
  readonly sort: "name" | "email" | "createdAt" | "lastSignInAt";
  readonly direction: "asc" | "desc";
  readonly limit: number;
  /** A cursor this store returned for the same query, or null for the first page. */
  readonly cursor: string | null;
}

/**
 * A range of calendar dates, both ends inclusive, for {@link StoreUserQuery.credentialExpiry}.
 *
 * @example { from: "2026-12-06", to: "2027-01-05" } // expiring within 30 days
 * @example { to: "2026-12-05" } // expired
 */
export interface CredentialExpiryRange {
  readonly from?: string;
  readonly to: string;
}

/**
 * Filter for counting users (seats, last admin, role usage).
 *
 * @example { statuses: ["active"], roleIds: ["rol_…"] }
 */
export interface StoreUserCount {
  readonly statuses: readonly UserStatus[];
  readonly roleIds?: readonly string[];
  readonly practitioner?: boolean;
  readonly licence?: string;
  readonly scopeLocationIds?: readonly string[];
}

/**
 * A page as a store returns it. `total` is the exact number of matches, whatever the cursor (see
 * `StoreTransaction.queryUsers`).
 *
 * @example { items: [...], total: 1234, nextCursor: "eyJ…" }
 */
export interface StorePage<T> {
  readonly items: T[];
  readonly total: number;
  readonly nextCursor: string | null;
}

/**
 * What a store must filter and page for the Sessions list: an organization's live sessions
 * (`expiresAt` after `now`, `lastSeenAt` after `idleSince`, `createdAt` after `createdSince`),
 * newest sign-in first. Every rule is already applied by core: `scopeLocationIds` is the actor's
 * location set (R4).
 *
 * @example { now, idleSince, createdSince, limit: 50, cursor: null }
 * @example { now, idleSince, createdSince, userId: "usr_…", scopeLocationIds: ["loc_…"], limit: 50, cursor: null }
 */
export interface StoreSessionQuery {
  readonly now: string;
  readonly idleSince: string;
  readonly createdSince: string;
  /** Only this user's sessions. Absent: everyone's. */
  readonly userId?: string;
  /** Only sessions whose user is org-wide or shares at least one of these locations. Absent: no restriction. */
  readonly scopeLocationIds?: readonly string[];
  readonly limit: number;
  /** A cursor this store returned for the same query (times aside), or null for the first page. */
  readonly cursor: string | null;
}

/** Query of the audit log, newest first. @example { action: "user.disabled", limit: 50, cursor: null } */
export interface StoreAuditQuery {
  readonly from?: string;
  readonly to?: string;
  readonly actorId?: string;
  readonly targetId?: string;
  readonly action?: string;
  readonly limit: number;
  /** A cursor this store returned for the same query, or null. */
  readonly cursor: string | null;
}

/**
 * A provisioning token as a store keeps it: only the SHA-256 of its secret (R15), never the secret.
 * `secretHash` is unique across the store (256 random bits).
 *
 * @example { id: "ptk_…", organizationId: "org_…", label: "Okta", secretHash: "9f…", roleIds: ["rol_…"],
 *   locationAccess: "organization", createdBy: "usr_…", createdAt: "…", lastUsedAt: null, revokedAt: null, version: 1 }
 */
export interface ProvisioningTokenRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly label: string;
  readonly secretHash: string;
  readonly roleIds: readonly string[];
  readonly locationAccess: LocationAccess;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly version: number;
}

/**
 * An organization's provisioning settings as a store keeps them (one record per organization, absent
 * until first saved).
 *
 * @example { organizationId: "org_…", defaultRoleId: "rol_…", defaultLocationAccess: ["loc_…"],
 *   defaultPrimaryLocationId: "loc_…", groups: [], version: 1, updatedAt: "…" }
 */
export interface ProvisioningSettingsRecord {
  readonly organizationId: string;
  readonly defaultRoleId: string | null;
  readonly defaultLocationAccess: LocationAccess | null;
  readonly defaultPrimaryLocationId: string | null;
  readonly groups: readonly ProvisioningGroup[];
  readonly version: number;
  readonly updatedAt: string;
}

/**
 * A user's identity-provider attributes as a store keeps them: one record per (organization, user),
 * absent when the identity provider told nothing. `externalId` is unique per organization when set
 * (core checks it under the organization lock).
 *
 * @example { organizationId: "org_…", userId: "usr_…", externalId: "00u1a2b3c4", employeeNumber: null, department: "Nursing" }
 */
export interface ProvisionedUserRecord {
  readonly organizationId: string;
  readonly userId: string;
  readonly externalId: string | null;
  readonly employeeNumber: string | null;
  readonly department: string | null;
}
