import type {
  AccountRecord,
  OrganizationRecord,
  RoleRecord,
  SessionRecord,
  UserRecord,
} from "@staffroom/core/store";
import {
  ACCOUNT_COLUMNS,
  accountFromRow,
  organizationFromRow,
  roleFromRow,
  sessionFromRow,
  USER_READ_COLUMNS,
  userFromRow,
} from "./rows";
import type { SqlRow } from "./sql-client";

/** The organization columns {@link organizationFromRow} maps: every column of the table. */
export const ORGANIZATION_COLUMNS = [
  "id",
  "name",
  "features",
  "seats",
  "licence_types",
  "provider_types",
  "main_contact_user_id",
  "version",
  "created_at",
  "updated_at",
  "session_limits",
] as const;
/** The role columns {@link roleFromRow} maps: every column of the table. */
export const ROLE_COLUMNS = [
  "id",
  "organization_id",
  "name",
  "description",
  "permissions",
  "template",
  "version",
  "created_at",
  "updated_at",
] as const;
/** The session columns {@link sessionFromRow} maps (the key first): every column of the table. */
export const SESSION_COLUMNS = [
  "token_hash",
  "account_id",
  "organization_id",
  "user_id",
  "created_at",
  "last_seen_at",
  "expires_at",
  "metadata",
  "id",
] as const;

/** `alias.c AS "alias.c"` for each column: several tables' columns side by side in one row. */
const prefixed = (alias: string, columns: readonly string[]): string =>
  columns.map((c) => `${alias}.${c} AS "${alias}.${c}"`).join(", ");

/** The columns of `alias` in a row built with {@link prefixed}, or null when its join found nothing. */
function part(row: SqlRow, alias: string, columns: readonly string[]): SqlRow | null {
  // The first column is the table's key, never null in a stored row.
  const key = row[`${alias}.${columns[0]}`];
  if (key === null || key === undefined) return null;
  const out: SqlRow = {};
  for (const c of columns) out[c] = row[`${alias}.${c}`];
  return out;
}

/** A user and its role, in one round trip (an actor is loaded as organization, user, role). */
export const USER_WITH_ROLE = `SELECT ${prefixed("u", USER_READ_COLUMNS)}, ${prefixed("r", ROLE_COLUMNS)}
  FROM users u LEFT JOIN roles r ON r.organization_id = u.organization_id AND r.id = u.role_id
  WHERE u.organization_id = $1 AND u.id = $2`;

/**
 * A session and everything resolving it reads — its organization, its user, the user's account
 * and every membership of that account (one row per membership) — in one round trip.
 */
export const SESSION_WITH_MEMBERSHIPS = `SELECT ${prefixed("s", SESSION_COLUMNS)},
    ${prefixed("o", ORGANIZATION_COLUMNS)}, ${prefixed("u", USER_READ_COLUMNS)},
    ${prefixed("a", ACCOUNT_COLUMNS)}, ${prefixed("m", USER_READ_COLUMNS)}
  FROM sessions s
  LEFT JOIN organizations o ON o.id = s.organization_id
  LEFT JOIN users u ON u.organization_id = s.organization_id AND u.id = s.user_id
  LEFT JOIN accounts a ON a.id = u.account_id
  LEFT JOIN users m ON m.account_id = u.account_id
  WHERE s.token_hash = $1
  ORDER BY m.organization_id`;

const userKey = (organizationId: string, id: string): string => `${organizationId}\u0000${id}`;

/**
 * What a read-only transaction has read. Its snapshot (REPEATABLE READ READ ONLY) never changes,
 * so a record read once — or read along with another in the same statement — answers every later
 * read of it exactly as a new statement would; a miss (null) is remembered too. This is how a
 * request costs few round trips: resolving a session is one statement, loading the actor two, a
 * page of users and its accounts one.
 *
 * @example const snapshot = new Snapshot(); snapshot.addUserWithRole(rows); snapshot.user(orgId, id)
 */
export class Snapshot {
  private readonly organizations = new Map<string, OrganizationRecord | null>();
  private readonly users = new Map<string, UserRecord | null>();
  private readonly roles = new Map<string, RoleRecord | null>();
  private readonly accountsById = new Map<string, AccountRecord | null>();
  private readonly memberships = new Map<string, UserRecord[]>();
  private readonly sessions = new Map<string, SessionRecord | null>();

  /** The organization read before: the record, null (known missing) or undefined (not read). */
  organization(id: string): OrganizationRecord | null | undefined {
    return this.organizations.get(id);
  }
  user(organizationId: string, id: string): UserRecord | null | undefined {
    return this.users.get(userKey(organizationId, id));
  }
  role(organizationId: string, id: string): RoleRecord | null | undefined {
    return this.roles.get(userKey(organizationId, id));
  }
  account(id: string): AccountRecord | null | undefined {
    return this.accountsById.get(id);
  }
  usersOfAccount(accountId: string): UserRecord[] | undefined {
    return this.memberships.get(accountId);
  }
  session(tokenHash: string): SessionRecord | null | undefined {
    return this.sessions.get(tokenHash);
  }

  putOrganization(id: string, record: OrganizationRecord | null): void {
    this.organizations.set(id, record);
  }
  putUser(organizationId: string, id: string, record: UserRecord | null): void {
    this.users.set(userKey(organizationId, id), record);
  }
  putRole(organizationId: string, id: string, record: RoleRecord | null): void {
    this.roles.set(userKey(organizationId, id), record);
  }
  putAccount(id: string, record: AccountRecord | null): void {
    this.accountsById.set(id, record);
  }
  putUsersOfAccount(accountId: string, records: UserRecord[]): void {
    this.memberships.set(accountId, records);
    for (const u of records) this.putUser(u.organizationId, u.id, u);
  }

  /** Remembers the rows of {@link USER_WITH_ROLE} for (organizationId, id). */
  addUserWithRole(organizationId: string, id: string, rows: SqlRow[]): UserRecord | null {
    const row = rows[0];
    const u = row ? part(row, "u", USER_READ_COLUMNS) : null;
    const user = u ? userFromRow(u) : null;
    this.putUser(organizationId, id, user);
    if (row && user) {
      const r = part(row, "r", ROLE_COLUMNS);
      this.putRole(user.organizationId, user.roleId, r ? roleFromRow(r) : null);
    }
    return user;
  }

  /** Remembers the rows of {@link SESSION_WITH_MEMBERSHIPS} for `tokenHash`. */
  addSession(tokenHash: string, rows: SqlRow[]): SessionRecord | null {
    const row = rows[0];
    const s = row ? part(row, "s", SESSION_COLUMNS) : null;
    const session = s ? sessionFromRow(s) : null;
    this.sessions.set(tokenHash, session);
    if (!row || !session) return session;
    const o = part(row, "o", ORGANIZATION_COLUMNS);
    this.putOrganization(session.organizationId, o ? organizationFromRow(o) : null);
    const u = part(row, "u", USER_READ_COLUMNS);
    const user = u ? userFromRow(u) : null;
    this.putUser(session.organizationId, session.userId, user);
    if (!user) return session;
    const a = part(row, "a", ACCOUNT_COLUMNS);
    this.putAccount(user.accountId, a ? accountFromRow(a) : null);
    const members: UserRecord[] = [];
    for (const r of rows) {
      const m = part(r, "m", USER_READ_COLUMNS);
      if (m) members.push(userFromRow(m));
    }
    this.putUsersOfAccount(user.accountId, members);
    return session;
  }
}
