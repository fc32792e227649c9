// Record builders shared by the memory store's tests (not exported from the package).

import type {
  AccountRecord,
  AuditRecord,
  InvitationRecord,
  LocationRecord,
  OrganizationRecord,
  RoleRecord,
  StoreUserQuery,
  UserRecord,
} from "../store/records";
import type { UserStatus } from "../users/user.schema";

/** An id like `usr_0000000001`. */
export const id = (prefix: string, n: number): string => `${prefix}_${String(n).padStart(10, "0")}`;

export const T0 = "2026-01-01T00:00:00.000Z";

export function org(n: number, patch: Partial<OrganizationRecord> = {}): OrganizationRecord {
  return {
    id: id("org", n),
    name: `Org ${n}`,
    features: { mobileApp: false, providerDirectory: false, caseManagement: false, diary: false },
    seats: { named: null, concurrent: null, practitioners: null },
    licenceTypes: [],
    providerTypes: ["MD", "RN"],
    sessionLimits: { idleMinutes: 15, lifetimeHours: 12 },
    mainContactUserId: null,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

export function location(
  orgN: number,
  n: number,
  name: string,
  patch: Partial<LocationRecord> = {},
): LocationRecord {
  return {
    id: id("loc", n),
    organizationId: id("org", orgN),
    name,
    group: null,
    archived: false,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

export function role(orgN: number, n: number, name: string, patch: Partial<RoleRecord> = {}): RoleRecord {
  return {
    id: id("rol", n),
    organizationId: id("org", orgN),
    name,
    description: null,
    permissions: ["calendar.view"],
    template: null,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

export function account(n: number, email: string, patch: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: id("acc", n),
    email,
    password: null,
    failedSignIns: 0,
    lockouts: 0,
    lockedUntil: null,
    lastSignInAt: null,
    passwordChangedAt: null,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

export interface UserSeed {
  readonly given?: string;
  readonly family?: string;
  readonly initials?: string;
  readonly email?: string;
  readonly status?: UserStatus;
  readonly roleN?: number;
  /** Location numbers, or "organization". */
  readonly locations?: readonly number[] | "organization";
  readonly practitioner?: boolean;
  readonly npi?: string | null;
  readonly licences?: readonly string[];
  readonly createdAt?: string;
  readonly lastSignInAt?: string | null;
  readonly accountN?: number;
  readonly version?: number;
}

/** A user of organization `orgN` number `n` (account `n` unless `accountN`). */
export function user(orgN: number, n: number, seed: UserSeed = {}): UserRecord {
  const given = seed.given ?? "Jane";
  const family = seed.family ?? `Smith${n}`;
  const locations = seed.locations ?? [1];
  const npi = seed.npi ?? null;
  return {
    id: id("usr", n),
    organizationId: id("org", orgN),
    accountId: id("acc", seed.accountN ?? n),
    email: seed.email ?? `user${n}@clinic.org`,
    status: seed.status ?? "active",
    profile: {
      givenName: given,
      familyName: family,
      initials: seed.initials ?? `${given[0] ?? ""}${family[0] ?? ""}`.toUpperCase(),
      title: null,
      jobTitle: null,
      primaryPhone: null,
      alternatePhone: null,
    },
    loginChannels: { web: true, mobile: false },
    roleId: id("rol", seed.roleN ?? 1),
    locationAccess: locations === "organization" ? "organization" : locations.map((l) => id("loc", l)),
    primaryLocationId: id("loc", locations === "organization" ? 1 : (locations[0] ?? 1)),
    flags: { practitioner: seed.practitioner ?? false, diary: false, caseManager: false },
    provider:
      npi === null
        ? null
        : { npi, taxonomyCodes: [], bio: null, providerTypes: [], capacity: 1, schedulingStep: 15 },
    licences: [...(seed.licences ?? [])],
    mustChangePassword: false,
    lastSignInAt: seed.lastSignInAt ?? null,
    invitedAt: null,
    version: seed.version ?? 1,
    createdAt: seed.createdAt ?? T0,
    updatedAt: seed.createdAt ?? T0,
  };
}

export function invitation(
  orgN: number,
  n: number,
  userN: number,
  tokenHash: string,
  patch: Partial<InvitationRecord> = {},
): InvitationRecord {
  return {
    id: id("inv", n),
    organizationId: id("org", orgN),
    userId: id("usr", userN),
    email: `user${userN}@clinic.org`,
    tokenHash,
    invitedBy: null,
    sentCount: 1,
    lastSentAt: T0,
    expiresAt: "2026-01-08T00:00:00.000Z",
    revokedAt: null,
    acceptedAt: null,
    createdAt: T0,
    ...patch,
  };
}

export function auditEvent(orgN: number, sequence: number, patch: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: id("evt", orgN * 100_000 + sequence),
    organizationId: id("org", orgN),
    sequence,
    at: new Date(Date.parse(T0) + sequence * 60_000).toISOString(),
    actor: { userId: id("usr", 1) },
    action: sequence % 2 === 0 ? "user.updated" : "user.created",
    target: { type: "user", id: id("usr", sequence % 5), label: null },
    outcome: "success",
    changes: {},
    metadata: {},
    personal: [],
    previousHash: `h${sequence - 1}`,
    hash: `h${sequence}`,
    ...patch,
  };
}

/** A query with defaults: active users by name ascending, 50 per page. */
export function query(patch: Partial<StoreUserQuery> = {}): StoreUserQuery {
  return {
    statuses: ["active"],
    terms: [],
    sort: "name",
    direction: "asc",
    limit: 50,
    cursor: null,
    ...patch,
  };
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
