import type {
  AccountRecord,
  AuditPersonalRecord,
  AuditRecord,
  InvitationRecord,
  LocationRecord,
  OrganizationRecord,
  RoleRecord,
  SecretTokenRecord,
  SessionRecord,
  UserRecord,
} from "@staffroom/core/store";
import type { SqlRow } from "./sql-client";

// Row → record mapping. Records are built field by field, in the field order of core's schemas,
// so what a store returns is a plain object with exactly the record's keys.

/**
 * An instant from the database (drivers parse timestamptz into a Date) as the ISO string records
 * carry; null stays null.
 *
 * @example iso(new Date(0)) // "1970-01-01T00:00:00.000Z"
 */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const ms = Date.parse(String(value));
  if (Number.isNaN(ms)) throw new Error(`Not an instant: ${String(value)}`);
  return new Date(ms).toISOString();
}

/** {@link iso} for NOT NULL columns. @example isoRequired(row.created_at) */
export function isoRequired(value: unknown): string {
  const out = iso(value);
  if (out === null) throw new Error("A required instant is null.");
  return out;
}

/** A jsonb value as the JSON text a parameter carries. @example json({ a: 1 }) // '{"a":1}' */
export const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

const str = (value: unknown): string => String(value);
const strOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const int = (value: unknown): number => Number(value);

/**
 * The sort key of locations and roles: the name lower-cased the way the memory store does it
 * (JavaScript's full Unicode lower-casing), compared byte-wise in the database.
 *
 * @example nameKey("Downtown Clinic") // "downtown clinic"
 */
export const nameKey = (name: string): string => name.toLowerCase();

/** An organization from its row. @example organizationFromRow(row).name */
export function organizationFromRow(r: SqlRow): OrganizationRecord {
  return {
    id: str(r.id),
    name: str(r.name),
    features: r.features as OrganizationRecord["features"],
    seats: r.seats as OrganizationRecord["seats"],
    licenceTypes: r.licence_types as OrganizationRecord["licenceTypes"],
    providerTypes: r.provider_types as OrganizationRecord["providerTypes"],
    sessionLimits: r.session_limits as OrganizationRecord["sessionLimits"],
    mainContactUserId: strOrNull(r.main_contact_user_id),
    version: int(r.version),
    createdAt: isoRequired(r.created_at),
    updatedAt: isoRequired(r.updated_at),
  };
}

/** Parameters $1…$11 of an organization row (`session_limits` last). @example organizationParams(org) */
export function organizationParams(o: OrganizationRecord): unknown[] {
  return [
    o.id,
    o.name,
    json(o.features),
    json(o.seats),
    json(o.licenceTypes),
    json(o.providerTypes),
    o.mainContactUserId,
    o.version,
    o.createdAt,
    o.updatedAt,
    json(o.sessionLimits),
  ];
}

/** A location from its row. @example locationFromRow(row).archived */
export function locationFromRow(r: SqlRow): LocationRecord {
  return {
    id: str(r.id),
    organizationId: str(r.organization_id),
    name: str(r.name),
    group: strOrNull(r.group_name),
    archived: r.archived === true,
    version: int(r.version),
    createdAt: isoRequired(r.created_at),
    updatedAt: isoRequired(r.updated_at),
  };
}

/** Parameters $1…$9 of a location row. @example locationParams(location) */
export function locationParams(l: LocationRecord): unknown[] {
  return [
    l.id,
    l.organizationId,
    l.name,
    nameKey(l.name),
    l.group,
    l.archived,
    l.version,
    l.createdAt,
    l.updatedAt,
  ];
}

/** A role from its row. @example roleFromRow(row).permissions */
export function roleFromRow(r: SqlRow): RoleRecord {
  return {
    id: str(r.id),
    organizationId: str(r.organization_id),
    name: str(r.name),
    description: strOrNull(r.description),
    permissions: r.permissions as string[],
    template: strOrNull(r.template),
    version: int(r.version),
    createdAt: isoRequired(r.created_at),
    updatedAt: isoRequired(r.updated_at),
  };
}

/** Parameters $1…$10 of a role row. @example roleParams(role) */
export function roleParams(r: RoleRecord): unknown[] {
  return [
    r.id,
    r.organizationId,
    r.name,
    nameKey(r.name),
    r.description,
    json(r.permissions),
    r.template,
    r.version,
    r.createdAt,
    r.updatedAt,
  ];
}

/** An account from its row. @example accountFromRow(row).failedSignIns */
export function accountFromRow(r: SqlRow): AccountRecord {
  return {
    id: str(r.id),
    email: str(r.email),
    password: (r.password ?? null) as AccountRecord["password"],
    failedSignIns: int(r.failed_sign_ins),
    lockouts: int(r.lockouts),
    lockedUntil: iso(r.locked_until),
    lastSignInAt: iso(r.last_sign_in_at),
    passwordChangedAt: iso(r.password_changed_at),
    version: int(r.version),
    createdAt: isoRequired(r.created_at),
    updatedAt: isoRequired(r.updated_at),
  };
}

/** Parameters $1…$11 of an account row. @example accountParams(account) */
export function accountParams(a: AccountRecord): unknown[] {
  return [
    a.id,
    a.email,
    json(a.password),
    a.failedSignIns,
    a.lockouts,
    a.lockedUntil,
    a.lastSignInAt,
    a.passwordChangedAt,
    a.version,
    a.createdAt,
    a.updatedAt,
  ];
}

/**
 * What the memory store searches: `${given} ${family}\n${email}\n${initials}\n${npi}`, lower-cased.
 * A user matches a term when the term is a substring of it.
 *
 * @example searchText(user) // "jane smith\njane@clinic.org\njs\n1234567893"
 */
export function searchText(u: UserRecord): string {
  const { givenName, familyName, initials } = u.profile;
  return `${givenName} ${familyName}\n${u.email}\n${initials}\n${u.provider?.npi ?? ""}`.toLowerCase();
}

/** The name sort key: `${family} ${given}`, lower-cased. @example userNameKey(user) // "smith jane" */
export function userNameKey(u: UserRecord): string {
  return `${u.profile.familyName.toLowerCase()} ${u.profile.givenName.toLowerCase()}`;
}

/** The user columns, in the order of {@link userParams}. */
export const USER_COLUMNS = [
  "id",
  "organization_id",
  "account_id",
  "email",
  "status",
  "role_id",
  "org_wide",
  "location_ids",
  "primary_location_id",
  "practitioner",
  "licences",
  "profile",
  "login_channels",
  "flags",
  "provider",
  "must_change_password",
  "last_sign_in_at",
  "invited_at",
  "version",
  "created_at",
  "updated_at",
  "name_key",
  "search",
] as const;

/**
 * The user columns a read needs (what {@link userFromRow} maps): every column but the derived
 * search and sort ones (`name_key`, `search`, `search_bigrams`), named, never `*`, so a page carries
 * no more than the records and a column added later never changes what a statement returns.
 */
export const USER_READ_COLUMNS = USER_COLUMNS.filter((c) => c !== "name_key" && c !== "search");

/** The account columns, in the order of {@link accountParams}. */
export const ACCOUNT_COLUMNS = [
  "id",
  "email",
  "password",
  "failed_sign_ins",
  "lockouts",
  "locked_until",
  "last_sign_in_at",
  "password_changed_at",
  "version",
  "created_at",
  "updated_at",
] as const;

/** Parameters of a user row, in {@link USER_COLUMNS} order. @example userParams(user) */
export function userParams(u: UserRecord): unknown[] {
  const orgWide = u.locationAccess === "organization";
  return [
    u.id,
    u.organizationId,
    u.accountId,
    u.email,
    u.status,
    u.roleId,
    orgWide,
    orgWide ? [] : [...u.locationAccess],
    u.primaryLocationId,
    u.flags.practitioner,
    [...u.licences],
    json(u.profile),
    json(u.loginChannels),
    json(u.flags),
    json(u.provider),
    u.mustChangePassword,
    u.lastSignInAt,
    u.invitedAt,
    u.version,
    u.createdAt,
    u.updatedAt,
    userNameKey(u),
    searchText(u),
  ];
}

/** A user from its row. @example userFromRow(row).locationAccess */
export function userFromRow(r: SqlRow): UserRecord {
  return {
    id: str(r.id),
    organizationId: str(r.organization_id),
    accountId: str(r.account_id),
    email: str(r.email),
    status: str(r.status) as UserRecord["status"],
    profile: r.profile as UserRecord["profile"],
    loginChannels: r.login_channels as UserRecord["loginChannels"],
    roleId: str(r.role_id),
    locationAccess: r.org_wide === true ? "organization" : (r.location_ids as string[]),
    primaryLocationId: str(r.primary_location_id),
    flags: r.flags as UserRecord["flags"],
    provider: (r.provider ?? null) as UserRecord["provider"],
    licences: r.licences as string[],
    mustChangePassword: r.must_change_password === true,
    lastSignInAt: iso(r.last_sign_in_at),
    invitedAt: iso(r.invited_at),
    version: int(r.version),
    createdAt: isoRequired(r.created_at),
    updatedAt: isoRequired(r.updated_at),
  };
}

/** An invitation from its row. @example invitationFromRow(row).sentCount */
export function invitationFromRow(r: SqlRow): InvitationRecord {
  return {
    id: str(r.id),
    organizationId: str(r.organization_id),
    userId: str(r.user_id),
    email: str(r.email),
    tokenHash: str(r.token_hash),
    invitedBy: strOrNull(r.invited_by),
    sentCount: int(r.sent_count),
    lastSentAt: isoRequired(r.last_sent_at),
    expiresAt: isoRequired(r.expires_at),
    revokedAt: iso(r.revoked_at),
    acceptedAt: iso(r.accepted_at),
    createdAt: isoRequired(r.created_at),
  };
}

/** Parameters $1…$12 of an invitation row. @example invitationParams(invitation) */
export function invitationParams(i: InvitationRecord): unknown[] {
  return [
    i.id,
    i.organizationId,
    i.userId,
    i.email,
    i.tokenHash,
    i.invitedBy,
    i.sentCount,
    i.lastSentAt,
    i.expiresAt,
    i.revokedAt,
    i.acceptedAt,
    i.createdAt,
  ];
}

/** A session from its row. @example sessionFromRow(row).expiresAt */
export function sessionFromRow(r: SqlRow): SessionRecord {
  return {
    id: str(r.id),
    tokenHash: str(r.token_hash),
    accountId: str(r.account_id),
    organizationId: str(r.organization_id),
    userId: str(r.user_id),
    createdAt: isoRequired(r.created_at),
    lastSeenAt: isoRequired(r.last_seen_at),
    expiresAt: isoRequired(r.expires_at),
    metadata: r.metadata as SessionRecord["metadata"],
  };
}

/** Parameters $1…$9 of a session row (`id` last). @example sessionParams(session) */
export function sessionParams(s: SessionRecord): unknown[] {
  return [
    s.tokenHash,
    s.accountId,
    s.organizationId,
    s.userId,
    s.createdAt,
    s.lastSeenAt,
    s.expiresAt,
    json(s.metadata),
    s.id,
  ];
}

/** A secret token from its row. @example secretTokenFromRow(row).usedAt */
export function secretTokenFromRow(r: SqlRow): SecretTokenRecord {
  return {
    tokenHash: str(r.token_hash),
    kind: str(r.kind) as SecretTokenRecord["kind"],
    accountId: str(r.account_id),
    organizationId: strOrNull(r.organization_id),
    createdAt: isoRequired(r.created_at),
    expiresAt: isoRequired(r.expires_at),
    usedAt: iso(r.used_at),
  };
}

/** Parameters $1…$7 of a secret token row. @example secretTokenParams(token) */
export function secretTokenParams(t: SecretTokenRecord): unknown[] {
  return [t.tokenHash, t.kind, t.accountId, t.organizationId, t.createdAt, t.expiresAt, t.usedAt];
}

/**
 * An audit event from its stored JSON text (selected as `event::text`): exactly what was written
 * and hashed.
 *
 * @example auditFromRow({ event: '{"id":"evt_…",…}' }).sequence
 */
export function auditFromRow(r: SqlRow): AuditRecord {
  return JSON.parse(str(r.event)) as AuditRecord;
}

/** Parameters $1…$7 of an audit row. @example auditParams(event) */
export function auditParams(e: AuditRecord): unknown[] {
  return [e.organizationId, e.sequence, e.at, e.actor.userId, e.target.id, e.action, JSON.stringify(e)];
}

/**
 * A personal part of an audit event from its row (`personal_values` selected as `::text`, so the
 * values are exactly what was written and digested).
 *
 * @example auditPersonalFromRow(row).values.targetLabel
 */
export function auditPersonalFromRow(r: SqlRow): AuditPersonalRecord {
  return {
    organizationId: str(r.organization_id),
    eventId: str(r.event_id),
    subject: str(r.subject),
    salt: str(r.salt),
    values: JSON.parse(str(r.personal_values)) as AuditPersonalRecord["values"],
  };
}

/** Parameters $1…$5 of a personal part row. @example auditPersonalParams(part) */
export function auditPersonalParams(p: AuditPersonalRecord): unknown[] {
  return [p.organizationId, p.eventId, p.subject, p.salt, JSON.stringify(p.values)];
}
