import type {
  AccountRecord,
  AuditPersonalRecord,
  AuditRecord,
  InvitationRecord,
  LocationRecord,
  OrganizationRecord,
  ProvisionedUserRecord,
  ProvisioningSettingsRecord,
  ProvisioningTokenRecord,
  RoleRecord,
  SecretTokenRecord,
  SessionRecord,
  StoreAuditQuery,
  StorePage,
  StoreSessionQuery,
  StoreTransaction,
  StoreUserCount,
  StoreUserQuery,
  UserRecord,
} from "@staffroom/core/store";
import { listAuditEvents } from "./audit-query";
import { prepared } from "./prepared";
import { provisioningStatements } from "./provisioning-rows";
import {
  accountFromRow,
  accountParams,
  auditFromRow,
  auditParams,
  auditPersonalFromRow,
  auditPersonalParams,
  invitationFromRow,
  invitationParams,
  locationFromRow,
  locationParams,
  organizationFromRow,
  organizationParams,
  roleFromRow,
  roleParams,
  secretTokenFromRow,
  secretTokenParams,
  sessionFromRow,
  sessionParams,
  USER_COLUMNS,
  USER_READ_COLUMNS,
  userFromRow,
  userParams,
} from "./rows";
import { listSessions } from "./session-page";
import { SESSION_WITH_MEMBERSHIPS, Snapshot, USER_WITH_ROLE } from "./snapshot";
import type { SqlQueryable, SqlRow } from "./sql-client";
import { countUsers, queryUsers } from "./user-page";

const placeholders = (count: number, from = 1): string =>
  Array.from({ length: count }, (_, i) => `$${i + from}`).join(", ");

const USER_INSERT = `INSERT INTO users (${USER_COLUMNS.join(", ")}) VALUES (${placeholders(USER_COLUMNS.length)})
  ON CONFLICT (organization_id, account_id) DO NOTHING RETURNING id`;
// id, organization_id and account_id ($1–$3) never change; the rest is replaced.
const USER_UPDATE = `UPDATE users SET ${USER_COLUMNS.slice(3)
  .map((c, i) => `${c} = $${i + 4}`)
  .join(", ")}
  WHERE id = $1 AND organization_id = $2 AND version = $${USER_COLUMNS.length + 1}
  RETURNING (account_id = $3) AS same_account`;
// Named columns, never `*`: the derived search columns stay in the database.
const USER_SELECT = `SELECT ${USER_READ_COLUMNS.join(", ")} FROM users`;
const ACCOUNT_SET = `email = $2, password = $3::text::jsonb, failed_sign_ins = $4, lockouts = $5,
  locked_until = $6, last_sign_in_at = $7, password_changed_at = $8, version = $9, created_at = $10,
  updated_at = $11`;

const first = <T>(rows: SqlRow[], map: (row: SqlRow) => T): T | null => {
  const row = rows[0];
  return row === undefined ? null : map(row);
};

/**
 * One transaction of a PostgreSQL store: every {@link StoreTransaction} method as parameterised
 * SQL on the transaction's connection. Single statements make the counters and single-use tokens
 * atomic (`UPDATE … WHERE … RETURNING`), versions are compare-and-set (`WHERE version = $n`).
 * Every method throws once the transaction has finished, so a stray un-awaited call can never run
 * on a connection that went back to the pool.
 *
 * @example
 * await client.transaction((q) => work(new PostgresTransaction(q)));
 */
export class PostgresTransaction implements StoreTransaction {
  private open = true;
  /**
   * What a read-only transaction has read (null in a read-write one): its snapshot never changes,
   * so records read once, or along with others in one statement, answer later reads without a
   * round trip — a page's accounts, an actor's role, a session's user and memberships.
   */
  private readonly snapshot: Snapshot | null;

  constructor(
    private readonly connection: SqlQueryable,
    readOnly = false,
  ) {
    this.snapshot = readOnly ? new Snapshot() : null;
  }

  /** The provisioning tables' statements (migration 4), over this transaction's connection. */
  private readonly provisioning = provisioningStatements((text, params) => this.q(text, params));

  /** Ends the transaction: later calls throw. */
  finish(): void {
    this.open = false;
  }

  private q(text: string, params: readonly unknown[] = []): Promise<SqlRow[]> {
    if (!this.open) return Promise.reject(new Error("This transaction has already finished."));
    return this.connection.query(text, params);
  }

  /**
   * A statement whose text never changes and whose result columns are named: a server-side
   * prepared statement on drivers that have them (node-postgres: parsed and planned once per
   * connection, then only bound and run). Statements reading `*` stay unprepared, so a column added
   * by a later migration never meets a plan cached with the old row type.
   */
  private p(text: string, params: readonly unknown[] = []): Promise<SqlRow[]> {
    return this.q(prepared(text), params);
  }

  /** A snapshot hit, once the transaction is known to be open (a finished one throws as a query would). */
  private hit<T>(value: T): T {
    if (!this.open) throw new Error("This transaction has already finished.");
    return value;
  }

  // Organizations

  async getOrganization(id: string): Promise<OrganizationRecord | null> {
    const known = this.snapshot?.organization(id);
    if (known !== undefined) return this.hit(known);
    const org = first(await this.q("SELECT * FROM organizations WHERE id = $1", [id]), organizationFromRow);
    this.snapshot?.putOrganization(id, org);
    return org;
  }

  async insertOrganization(org: OrganizationRecord): Promise<void> {
    await this.p(
      `INSERT INTO organizations (id, name, features, seats, licence_types, provider_types,
        main_contact_user_id, version, created_at, updated_at, session_limits)
       VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb, $6::text::jsonb, $7, $8, $9, $10,
        $11::text::jsonb)`,
      organizationParams(org),
    );
  }

  async updateOrganization(org: OrganizationRecord, expectedVersion: number): Promise<boolean> {
    const rows = await this.p(
      `UPDATE organizations SET name = $2, features = $3::text::jsonb, seats = $4::text::jsonb,
        licence_types = $5::text::jsonb, provider_types = $6::text::jsonb, main_contact_user_id = $7,
        version = $8, created_at = $9, updated_at = $10, session_limits = $11::text::jsonb
       WHERE id = $1 AND version = $12 RETURNING id`,
      [...organizationParams(org), expectedVersion],
    );
    return rows.length > 0;
  }

  // Locations

  async listLocations(organizationId: string): Promise<LocationRecord[]> {
    const rows = await this.q("SELECT * FROM locations WHERE organization_id = $1 ORDER BY name_key, id", [
      organizationId,
    ]);
    return rows.map(locationFromRow);
  }

  async getLocation(organizationId: string, id: string): Promise<LocationRecord | null> {
    return first(
      await this.q("SELECT * FROM locations WHERE organization_id = $1 AND id = $2", [organizationId, id]),
      locationFromRow,
    );
  }

  async insertLocation(location: LocationRecord): Promise<void> {
    await this.p(
      `INSERT INTO locations (id, organization_id, name, name_key, group_name, archived, version, created_at, updated_at)
       VALUES (${placeholders(9)})`,
      locationParams(location),
    );
  }

  async updateLocation(location: LocationRecord, expectedVersion: number): Promise<boolean> {
    const rows = await this.p(
      `UPDATE locations SET name = $3, name_key = $4, group_name = $5, archived = $6, version = $7,
        created_at = $8, updated_at = $9
       WHERE id = $1 AND organization_id = $2 AND version = $10 RETURNING id`,
      [...locationParams(location), expectedVersion],
    );
    return rows.length > 0;
  }

  // Roles

  async listRoles(organizationId: string): Promise<RoleRecord[]> {
    const rows = await this.q("SELECT * FROM roles WHERE organization_id = $1 ORDER BY name_key, id", [
      organizationId,
    ]);
    return rows.map(roleFromRow);
  }

  async getRole(organizationId: string, id: string): Promise<RoleRecord | null> {
    const known = this.snapshot?.role(organizationId, id);
    if (known !== undefined) return this.hit(known);
    const role = first(
      await this.q("SELECT * FROM roles WHERE organization_id = $1 AND id = $2", [organizationId, id]),
      roleFromRow,
    );
    this.snapshot?.putRole(organizationId, id, role);
    return role;
  }

  async insertRole(role: RoleRecord): Promise<void> {
    await this.p(
      `INSERT INTO roles (id, organization_id, name, name_key, description, permissions, template, version,
        created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10)`,
      roleParams(role),
    );
  }

  async updateRole(role: RoleRecord, expectedVersion: number): Promise<boolean> {
    const rows = await this.p(
      `UPDATE roles SET name = $3, name_key = $4, description = $5, permissions = $6::text::jsonb,
        template = $7, version = $8, created_at = $9, updated_at = $10
       WHERE id = $1 AND organization_id = $2 AND version = $11 RETURNING id`,
      [...roleParams(role), expectedVersion],
    );
    return rows.length > 0;
  }

  async deleteRole(organizationId: string, id: string, expectedVersion: number): Promise<boolean> {
    const rows = await this.p(
      "DELETE FROM roles WHERE organization_id = $1 AND id = $2 AND version = $3 RETURNING id",
      [organizationId, id, expectedVersion],
    );
    return rows.length > 0;
  }

  // Accounts

  async getAccount(id: string): Promise<AccountRecord | null> {
    const known = this.snapshot?.account(id);
    if (known !== undefined) return this.hit(known);
    const account = first(await this.q("SELECT * FROM accounts WHERE id = $1", [id]), accountFromRow);
    this.snapshot?.putAccount(id, account);
    return account;
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | null> {
    return first(
      await this.q("SELECT * FROM accounts WHERE lower(email) = lower($1) AND email = $1", [email]),
      accountFromRow,
    );
  }

  async insertAccount(account: AccountRecord): Promise<boolean> {
    // A duplicate id is a bug and still raises; only the email conflict answers false. A racing
    // insert of the same email waits for the other transaction, then does nothing.
    const rows = await this.p(
      `INSERT INTO accounts (id, email, password, failed_sign_ins, lockouts, locked_until, last_sign_in_at,
        password_changed_at, version, created_at, updated_at)
       VALUES ($1, $2, $3::text::jsonb, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      accountParams(account),
    );
    return rows.length > 0;
  }

  async updateAccount(account: AccountRecord, expectedVersion: number): Promise<boolean> {
    // The savepoint turns a racing email change (unique violation) into `false` without aborting
    // the caller's transaction.
    await this.q("SAVEPOINT staffroom_account");
    try {
      const rows = await this.p(
        `UPDATE accounts SET ${ACCOUNT_SET}
         WHERE id = $1 AND version = $12
           AND NOT EXISTS (SELECT 1 FROM accounts o WHERE lower(o.email) = lower($2) AND o.id <> $1)
         RETURNING id`,
        [...accountParams(account), expectedVersion],
      );
      await this.q("RELEASE SAVEPOINT staffroom_account");
      return rows.length > 0;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "23505") throw error;
      await this.q("ROLLBACK TO SAVEPOINT staffroom_account");
      return false;
    }
  }

  async deleteAccount(id: string): Promise<void> {
    await this.p("DELETE FROM accounts WHERE id = $1", [id]);
  }

  // Users

  async getUser(organizationId: string, id: string): Promise<UserRecord | null> {
    const snapshot = this.snapshot;
    if (snapshot) {
      const known = snapshot.user(organizationId, id);
      if (known !== undefined) return this.hit(known);
      // The role comes along: loading an actor reads it next.
      return snapshot.addUserWithRole(organizationId, id, await this.p(USER_WITH_ROLE, [organizationId, id]));
    }
    return first(
      await this.p(`${USER_SELECT} WHERE organization_id = $1 AND id = $2`, [organizationId, id]),
      userFromRow,
    );
  }

  async findUserByAccount(organizationId: string, accountId: string): Promise<UserRecord | null> {
    return first(
      await this.p(`${USER_SELECT} WHERE organization_id = $1 AND account_id = $2`, [
        organizationId,
        accountId,
      ]),
      userFromRow,
    );
  }

  async listUsersByAccount(accountId: string): Promise<UserRecord[]> {
    const known = this.snapshot?.usersOfAccount(accountId);
    if (known !== undefined) return this.hit([...known]);
    const rows = await this.p(`${USER_SELECT} WHERE account_id = $1 ORDER BY organization_id`, [accountId]);
    const users = rows.map(userFromRow);
    this.snapshot?.putUsersOfAccount(accountId, users);
    return users;
  }

  async insertUser(user: UserRecord): Promise<boolean> {
    return (await this.p(USER_INSERT, userParams(user))).length > 0;
  }

  async updateUser(user: UserRecord, expectedVersion: number): Promise<boolean> {
    const rows = await this.p(USER_UPDATE, [...userParams(user), expectedVersion]);
    const row = rows[0];
    if (!row) return false;
    // Raising rolls the whole transaction back, so the wrong write never commits.
    if (row.same_account !== true) throw new Error(`A user's accountId never changes (${user.id}).`);
    return true;
  }

  async deleteUser(organizationId: string, id: string): Promise<void> {
    await this.p("DELETE FROM users WHERE organization_id = $1 AND id = $2", [organizationId, id]);
  }

  async queryUsers(organizationId: string, query: StoreUserQuery): Promise<StorePage<UserRecord>> {
    const snapshot = this.snapshot;
    const { page, accounts } = await queryUsers(
      (text, params) => this.q(text, params),
      organizationId,
      query,
      {
        accounts: snapshot !== null,
      },
    );
    if (snapshot) for (const account of accounts) snapshot.putAccount(account.id, account);
    return page;
  }

  async countUsers(organizationId: string, filter: StoreUserCount): Promise<number> {
    return countUsers((text, params) => this.q(text, params), organizationId, filter);
  }

  // Invitations

  async insertInvitation(invitation: InvitationRecord): Promise<void> {
    await this.p(
      `INSERT INTO invitations (id, organization_id, user_id, email, token_hash, invited_by, sent_count,
        last_sent_at, expires_at, revoked_at, accepted_at, created_at)
       VALUES (${placeholders(12)})`,
      invitationParams(invitation),
    );
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | null> {
    return first(
      await this.q(
        "SELECT * FROM invitations WHERE token_hash = $1 ORDER BY created_at DESC, id DESC LIMIT 1",
        [tokenHash],
      ),
      invitationFromRow,
    );
  }

  async getInvitationForUser(organizationId: string, userId: string): Promise<InvitationRecord | null> {
    return first(
      await this.q(
        `SELECT * FROM invitations WHERE organization_id = $1 AND user_id = $2
         ORDER BY created_at DESC, id DESC LIMIT 1`,
        [organizationId, userId],
      ),
      invitationFromRow,
    );
  }

  async updateInvitation(invitation: InvitationRecord): Promise<boolean> {
    const rows = await this.p(
      `UPDATE invitations SET organization_id = $2, user_id = $3, email = $4, token_hash = $5, invited_by = $6,
        sent_count = $7, last_sent_at = $8, expires_at = $9, revoked_at = $10, accepted_at = $11, created_at = $12
       WHERE id = $1 RETURNING id`,
      invitationParams(invitation),
    );
    return rows.length > 0;
  }

  async deleteInvitationsForUser(organizationId: string, userId: string): Promise<void> {
    await this.p("DELETE FROM invitations WHERE organization_id = $1 AND user_id = $2", [
      organizationId,
      userId,
    ]);
  }

  // Sign-in state (R17): single statements, atomic under any concurrency

  async reserveSignInAttempt(accountId: string, limit: number): Promise<number | null> {
    const rows = await this.p(
      `UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1
       WHERE id = $1 AND failed_sign_ins < $2 RETURNING failed_sign_ins`,
      [accountId, limit],
    );
    const row = rows[0];
    return row ? Number(row.failed_sign_ins) : null;
  }

  async lockAccount(accountId: string, until: string): Promise<void> {
    await this.p("UPDATE accounts SET locked_until = $2, lockouts = lockouts + 1 WHERE id = $1", [
      accountId,
      until,
    ]);
  }

  async clearSignInFailures(accountId: string, forgetLockouts: boolean): Promise<void> {
    await this.p(
      `UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL,
        lockouts = CASE WHEN $2::boolean THEN 0 ELSE lockouts END
       WHERE id = $1`,
      [accountId, forgetLockouts],
    );
  }

  async recordSignIn(accountId: string, organizationId: string, userId: string, at: string): Promise<void> {
    await this.p(
      "UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL, lockouts = 0, last_sign_in_at = $2 WHERE id = $1",
      [accountId, at],
    );
    await this.p("UPDATE users SET last_sign_in_at = $3 WHERE organization_id = $1 AND id = $2", [
      organizationId,
      userId,
      at,
    ]);
  }

  // Sessions

  async insertSession(session: SessionRecord): Promise<void> {
    await this.p(
      `INSERT INTO sessions (token_hash, account_id, organization_id, user_id, created_at, last_seen_at,
        expires_at, metadata, id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9)`,
      sessionParams(session),
    );
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const snapshot = this.snapshot;
    if (snapshot) {
      const known = snapshot.session(tokenHash);
      if (known !== undefined) return this.hit(known);
      // Resolving a session reads its organization, user, account and memberships next.
      return snapshot.addSession(tokenHash, await this.p(SESSION_WITH_MEMBERSHIPS, [tokenHash]));
    }
    return first(await this.q("SELECT * FROM sessions WHERE token_hash = $1", [tokenHash]), sessionFromRow);
  }

  async getSessionById(organizationId: string, id: string): Promise<SessionRecord | null> {
    return first(
      await this.q("SELECT * FROM sessions WHERE id = $1 AND organization_id = $2", [id, organizationId]),
      sessionFromRow,
    );
  }

  async listSessions(organizationId: string, query: StoreSessionQuery): Promise<StorePage<SessionRecord>> {
    return listSessions((text, params) => this.q(text, params), organizationId, query);
  }

  async touchSession(tokenHash: string, lastSeenAt: string): Promise<boolean> {
    const rows = await this.p(
      "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 RETURNING 1 AS ok",
      [tokenHash, lastSeenAt],
    );
    return rows.length > 0;
  }

  async deleteSession(tokenHash: string): Promise<boolean> {
    const rows = await this.p("DELETE FROM sessions WHERE token_hash = $1 RETURNING 1 AS ok", [tokenHash]);
    return rows.length > 0;
  }

  async deleteSessions(filter: {
    readonly accountId: string;
    readonly organizationId?: string;
    readonly keepTokenHash?: string;
  }): Promise<number> {
    const rows = await this.p(
      `DELETE FROM sessions WHERE account_id = $1
         AND ($2::text IS NULL OR organization_id = $2)
         AND ($3::text IS NULL OR token_hash <> $3)
       RETURNING 1 AS ok`,
      [filter.accountId, filter.organizationId ?? null, filter.keepTokenHash ?? null],
    );
    return rows.length;
  }

  async countLiveSessions(
    organizationId: string,
    now: string,
    idleSince: string,
    createdSince?: string,
  ): Promise<number> {
    const rows = await this.p(
      `SELECT count(*)::int AS n FROM sessions
       WHERE organization_id = $1 AND expires_at > $2 AND last_seen_at > $3
         AND ($4::timestamptz IS NULL OR created_at > $4)`,
      [organizationId, now, idleSince, createdSince ?? null],
    );
    return Number(rows[0]?.n ?? 0);
  }

  // Rate limits

  async incrementCounter(key: string, windowStart: string): Promise<number> {
    const rows = await this.p(
      `INSERT INTO counters AS c (key, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN c.window_start = EXCLUDED.window_start THEN c.count + 1 ELSE 1 END,
         window_start = EXCLUDED.window_start
       RETURNING count`,
      [key, windowStart],
    );
    return Number(rows[0]?.count);
  }

  // Single-use secret tokens

  async insertSecretToken(token: SecretTokenRecord): Promise<void> {
    await this.p(
      `INSERT INTO secret_tokens (token_hash, kind, account_id, organization_id, created_at, expires_at, used_at)
       VALUES (${placeholders(7)})`,
      secretTokenParams(token),
    );
  }

  async findSecretToken(tokenHash: string): Promise<SecretTokenRecord | null> {
    return first(
      await this.q("SELECT * FROM secret_tokens WHERE token_hash = $1", [tokenHash]),
      secretTokenFromRow,
    );
  }

  async consumeSecretToken(tokenHash: string, usedAt: string): Promise<boolean> {
    const rows = await this.p(
      "UPDATE secret_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL RETURNING 1 AS ok",
      [tokenHash, usedAt],
    );
    return rows.length > 0;
  }

  async deleteSecretTokens(accountId: string, kind: SecretTokenRecord["kind"]): Promise<void> {
    await this.p("DELETE FROM secret_tokens WHERE account_id = $1 AND kind = $2", [accountId, kind]);
  }

  // Audit (append-only chain; erasable personal parts)

  async appendAuditEvent(event: AuditRecord, parts: readonly AuditPersonalRecord[]): Promise<void> {
    const rows = await this.p(
      `INSERT INTO audit_events (organization_id, sequence, at, actor_user_id, target_id, action, event)
       SELECT $1, $2, $3, $4, $5, $6, $7::text::json
       WHERE NOT EXISTS (SELECT 1 FROM audit_events WHERE organization_id = $1 AND sequence >= $2)
       RETURNING position`,
      auditParams(event),
    );
    if (rows.length === 0)
      throw new Error(
        `Audit sequence ${event.sequence} does not follow the last one (${event.organizationId}).`,
      );
    for (const part of parts) {
      if (part.organizationId !== event.organizationId || part.eventId !== event.id)
        throw new Error(`A personal part does not belong to event ${event.id}.`);
      await this.p(
        `INSERT INTO audit_personal (organization_id, event_id, subject, salt, personal_values)
         VALUES ($1, $2, $3, $4, $5::text::json)`,
        auditPersonalParams(part),
      );
    }
  }

  async lastAuditEvent(organizationId: string): Promise<AuditRecord | null> {
    return first(
      await this.p(
        `SELECT event::text AS event FROM audit_events WHERE organization_id = $1
         ORDER BY sequence DESC, position DESC LIMIT 1`,
        [organizationId],
      ),
      auditFromRow,
    );
  }

  async listAuditEvents(organizationId: string, query: StoreAuditQuery): Promise<StorePage<AuditRecord>> {
    return listAuditEvents((text, params) => this.q(text, params), organizationId, query);
  }

  async scanAuditEvents(organizationId: string, offset: number, limit: number): Promise<AuditRecord[]> {
    const rows = await this.p(
      `SELECT event::text AS event FROM audit_events WHERE organization_id = $1
       ORDER BY sequence, position OFFSET $2 LIMIT $3`,
      [organizationId, Math.max(0, Math.floor(offset)), Math.max(0, Math.floor(limit))],
    );
    return rows.map(auditFromRow);
  }

  async listAuditPersonal(
    organizationId: string,
    eventIds: readonly string[],
  ): Promise<AuditPersonalRecord[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.p(
      `SELECT organization_id, event_id, subject, salt, personal_values::text AS personal_values
       FROM audit_personal WHERE organization_id = $1 AND event_id = ANY($2::text[])`,
      [organizationId, [...new Set(eventIds)]],
    );
    return rows.map(auditPersonalFromRow);
  }

  async eraseAuditSubject(organizationId: string, subject: string): Promise<number> {
    const rows = await this.p(
      "DELETE FROM audit_personal WHERE organization_id = $1 AND subject = $2 RETURNING 1 AS gone",
      [organizationId, subject],
    );
    return rows.length;
  }

  // Provisioning (migration 4)

  insertProvisioningToken(token: ProvisioningTokenRecord): Promise<void> {
    return this.provisioning.insertProvisioningToken(token);
  }

  getProvisioningToken(organizationId: string, id: string): Promise<ProvisioningTokenRecord | null> {
    return this.provisioning.getProvisioningToken(organizationId, id);
  }

  findProvisioningTokenByHash(secretHash: string): Promise<ProvisioningTokenRecord | null> {
    return this.provisioning.findProvisioningTokenByHash(secretHash);
  }

  listProvisioningTokens(organizationId: string): Promise<ProvisioningTokenRecord[]> {
    return this.provisioning.listProvisioningTokens(organizationId);
  }

  updateProvisioningToken(token: ProvisioningTokenRecord, expectedVersion: number): Promise<boolean> {
    return this.provisioning.updateProvisioningToken(token, expectedVersion);
  }

  touchProvisioningToken(organizationId: string, id: string, lastUsedAt: string): Promise<void> {
    return this.provisioning.touchProvisioningToken(organizationId, id, lastUsedAt);
  }

  getProvisioningSettings(organizationId: string): Promise<ProvisioningSettingsRecord | null> {
    return this.provisioning.getProvisioningSettings(organizationId);
  }

  putProvisioningSettings(
    settings: ProvisioningSettingsRecord,
    expectedVersion: number | null,
  ): Promise<boolean> {
    return this.provisioning.putProvisioningSettings(settings, expectedVersion);
  }

  listProvisionedUsers(organizationId: string, userIds: readonly string[]): Promise<ProvisionedUserRecord[]> {
    return this.provisioning.listProvisionedUsers(organizationId, userIds);
  }

  findProvisionedUserByExternalId(
    organizationId: string,
    externalId: string,
  ): Promise<ProvisionedUserRecord | null> {
    return this.provisioning.findProvisionedUserByExternalId(organizationId, externalId);
  }

  putProvisionedUser(record: ProvisionedUserRecord): Promise<void> {
    return this.provisioning.putProvisionedUser(record);
  }

  deleteProvisionedUser(organizationId: string, userId: string): Promise<void> {
    return this.provisioning.deleteProvisionedUser(organizationId, userId);
  }
}
