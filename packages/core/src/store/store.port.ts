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
  StoreUserCount,
  StoreUserQuery,
  UserRecord,
} from "./records";

/**
 * Options of one unit of work.
 *
 * @example { lock: organizationId } // serialise with every other write to this organization
 */
export interface TransactionOptions {
  /**
   * Keys to lock for the whole transaction. Transactions naming a common key never overlap, across
   * every process sharing the store: this is how R6 (last admin), R9 (seats) and the audit chain hold
   * under concurrency. Core locks the organization id for every mutation and `account:<id>` for
   * account-level changes. Default: no lock.
   */
  readonly lock?: readonly string[];
  /** The work only reads. A store may then skip locking and buffering. Default false. */
  readonly readOnly?: boolean;
}

/**
 * The persistence port (DESIGN §1, seam 1). Plain data in, plain data out; no rule lives in a store.
 * Implementations: `memoryStore()` (core) and `postgresStore()` (@staffroom/postgres). Any store that
 * passes the conformance suite of `@staffroom/core/testing` is a correct store.
 *
 * @example
 * const user = await store.transaction((tx) => tx.getUser(orgId, userId), { readOnly: true });
 */
export interface DirectoryStore {
  /**
   * Runs `work` as one unit: every write it makes commits atomically when it resolves, and none is
   * visible (to anyone) when it rejects; the rejection then propagates unchanged. Reads inside see the
   * transaction's own writes. Writes inside a `readOnly` transaction are a bug and may throw.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Releases connections. Optional; idempotent. */
  close?(): Promise<void>;
}

/**
 * What a transaction may do. Every method reads or writes plain records. Optimistic versions: each
 * `update*` takes the version the caller read and writes only when the stored record still has it;
 * the record passed in already carries the next version.
 *
 * @example await store.transaction((tx) => tx.getUser(orgId, userId), { readOnly: true })
 */
export interface StoreTransaction {
  // Organizations
  /** Returns the organization, or null when no organization has this id. */
  getOrganization(id: string): Promise<OrganizationRecord | null>;
  /** Inserts a new organization. The id is new (core generates it); a duplicate id is a bug. */
  insertOrganization(org: OrganizationRecord): Promise<void>;
  /** Replaces the organization when its stored version equals `expectedVersion`; returns false otherwise (or when missing). */
  updateOrganization(org: OrganizationRecord, expectedVersion: number): Promise<boolean>;

  // Locations
  /** All locations of an organization, archived ones included, ordered by name then id. Empty when none. */
  listLocations(organizationId: string): Promise<LocationRecord[]>;
  /** Returns the location, or null when missing or of another organization. */
  getLocation(organizationId: string, id: string): Promise<LocationRecord | null>;
  /** Inserts a new location. */
  insertLocation(location: LocationRecord): Promise<void>;
  /** Compare-and-set update, as {@link StoreTransaction.updateOrganization}. */
  updateLocation(location: LocationRecord, expectedVersion: number): Promise<boolean>;

  // Roles
  /** All roles of an organization ordered by name then id. */
  listRoles(organizationId: string): Promise<RoleRecord[]>;
  /** Returns the role, or null when missing or of another organization. */
  getRole(organizationId: string, id: string): Promise<RoleRecord | null>;
  /** Inserts a new role. */
  insertRole(role: RoleRecord): Promise<void>;
  /** Compare-and-set update. */
  updateRole(role: RoleRecord, expectedVersion: number): Promise<boolean>;
  /** Deletes the role when its stored version equals `expectedVersion`; returns false otherwise. */
  deleteRole(organizationId: string, id: string, expectedVersion: number): Promise<boolean>;

  // Accounts
  /** Returns the account, or null. */
  getAccount(id: string): Promise<AccountRecord | null>;
  /** Returns the account whose (already normalised) email equals `email`, or null. */
  findAccountByEmail(email: string): Promise<AccountRecord | null>;
  /** Inserts an account; returns false, writing nothing, when another account already has this email. */
  insertAccount(account: AccountRecord): Promise<boolean>;
  /**
   * Compare-and-set update; returns false when stale or missing, and also when the new email is
   * already another account's.
   */
  updateAccount(account: AccountRecord, expectedVersion: number): Promise<boolean>;
  /** Deletes the account; no-op when missing. Its memberships must already be gone. */
  deleteAccount(id: string): Promise<void>;

  // Users (memberships)
  /** Returns the user, or null when missing or of another organization. */
  getUser(organizationId: string, id: string): Promise<UserRecord | null>;
  /** Returns the membership of an account in an organization, or null. */
  findUserByAccount(organizationId: string, accountId: string): Promise<UserRecord | null>;
  /** All memberships of an account, in any organization, ordered by organization id. */
  listUsersByAccount(accountId: string): Promise<UserRecord[]>;
  /** Inserts a user; returns false, writing nothing, when the account already has a membership in that organization. */
  insertUser(user: UserRecord): Promise<boolean>;
  /** Compare-and-set update. `organizationId`, `id` and `accountId` never change. */
  updateUser(user: UserRecord, expectedVersion: number): Promise<boolean>;
  /** Deletes the user; no-op when missing. */
  deleteUser(organizationId: string, id: string): Promise<void>;
  /**
   * Filters, sorts and pages users of one organization (see {@link StoreUserQuery}). Ties in the sort
   * break by id, so paging is stable; users without `lastSignInAt` sort last in either direction.
   * Must not scan all users of the store.
   *
   * `total` is exact: the number of the organization's users matching every filter and term,
   * ignoring the cursor and the limit, as the transaction sees them — the same snapshot as `items`
   * (its own uncommitted writes included), so the same on every page of an unchanged directory,
   * and `counts()` and the tabs built on it never disagree with what the pages list. Never an
   * estimate, a capped figure or a cached value from another transaction. A store may keep
   * counters to answer it cheaply (the PostgreSQL store sums per-organization tallies kept in the
   * same transaction as every write) as long as they are exact at every commit.
   */
  queryUsers(organizationId: string, query: StoreUserQuery): Promise<StorePage<UserRecord>>;
  /** Counts users of one organization matching the filter, exactly (as `queryUsers`' `total`). */
  countUsers(organizationId: string, filter: StoreUserCount): Promise<number>;

  // Invitations
  /** Inserts an invitation. */
  insertInvitation(invitation: InvitationRecord): Promise<void>;
  /** Returns the invitation whose token hash equals `tokenHash`, or null. */
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
  /** Returns the newest invitation of a user (live or not), or null. */
  getInvitationForUser(organizationId: string, userId: string): Promise<InvitationRecord | null>;
  /** Replaces an invitation by id. Returns false when it no longer exists. */
  updateInvitation(invitation: InvitationRecord): Promise<boolean>;
  /** Deletes every invitation of a user (delete, revoke-and-forget). */
  deleteInvitationsForUser(organizationId: string, userId: string): Promise<void>;

  // Sign-in state (R17): atomic, never through compare-and-set, so a sign-in never makes an admin's edit stale
  /**
   * Atomically adds one to the account's `failedSignIns` when it is below `limit`, and returns the new
   * count; returns null, writing nothing, when the count already reached `limit` or the account is
   * missing. Of N concurrent callers at most `limit - count` get a number.
   */
  reserveSignInAttempt(accountId: string, limit: number): Promise<number | null>;
  /** Sets `lockedUntil` and adds one to `lockouts`. No-op when missing. */
  lockAccount(accountId: string, until: string): Promise<void>;
  /** Clears `failedSignIns` and `lockedUntil` (lock expiry, admin unlock); `lockouts` too when `forgetLockouts`. No-op when missing. */
  clearSignInFailures(accountId: string, forgetLockouts: boolean): Promise<void>;
  /** Records a successful sign-in: failures and lockouts cleared, `lastSignInAt` on the account and the membership. */
  recordSignIn(accountId: string, organizationId: string, userId: string, at: string): Promise<void>;

  // Sessions
  /** Inserts a session. Its hash and its id are new; a duplicate of either is a bug. */
  insertSession(session: SessionRecord): Promise<void>;
  /** Returns the session with this token hash, or null. Expired sessions may still be returned; core checks times. */
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  /**
   * Returns the session with this id in this organization, or null when missing or of another
   * organization. Expired sessions may still be returned; core checks times.
   */
  getSessionById(organizationId: string, id: string): Promise<SessionRecord | null>;
  /**
   * A page of an organization's live sessions matching the query (see {@link StoreSessionQuery}),
   * ordered by `createdAt` descending, ties by `id` descending, so paging is stable while sessions
   * are used. `total` counts every match ignoring the cursor; `nextCursor` is null on the last page.
   * A cursor is tied to the organization, `userId` and `scopeLocationIds` (not to the times, which
   * move between pages): another query's cursor is refused with `invalidCursor()`. Must not scan
   * the sessions of other organizations.
   */
  listSessions(organizationId: string, query: StoreSessionQuery): Promise<StorePage<SessionRecord>>;
  /** Sets `lastSeenAt`; returns false when the session no longer exists. */
  touchSession(tokenHash: string, lastSeenAt: string): Promise<boolean>;
  /** Deletes one session; returns false when it did not exist. */
  deleteSession(tokenHash: string): Promise<boolean>;
  /**
   * Deletes the sessions of an account (optionally only in one organization), except `keepTokenHash`.
   * Returns how many went.
   */
  deleteSessions(filter: {
    readonly accountId: string;
    readonly organizationId?: string;
    readonly keepTokenHash?: string;
  }): Promise<number>;
  /**
   * Counts an organization's live sessions: `expiresAt` after `now`, `lastSeenAt` after
   * `idleSince` and, when given, `createdAt` after `createdSince` (a lifetime shortened after
   * sign-in). A store may delete the dead ones it meets.
   */
  countLiveSessions(
    organizationId: string,
    now: string,
    idleSince: string,
    createdSince?: string,
  ): Promise<number>;

  // Rate limits
  /**
   * Adds one to the counter `key` for the window starting at `windowStart` and returns its new value
   * (1 for a new window). Counters of older windows may be discarded.
   */
  incrementCounter(key: string, windowStart: string): Promise<number>;

  // Single-use secret tokens (password resets)
  /** Inserts a token. Its hash is new (256 random bits); a duplicate is a bug. */
  insertSecretToken(token: SecretTokenRecord): Promise<void>;
  /** Returns the token whose hash equals `tokenHash` (used or not, expired or not), or null. */
  findSecretToken(tokenHash: string): Promise<SecretTokenRecord | null>;
  /**
   * Marks the token used at `usedAt` when it exists and is unused; returns false, writing nothing,
   * otherwise. Of two concurrent consumers exactly one gets true.
   */
  consumeSecretToken(tokenHash: string, usedAt: string): Promise<boolean>;
  /** Deletes every token of an account of a kind (a new link kills older ones); no-op when none. */
  deleteSecretTokens(accountId: string, kind: SecretTokenRecord["kind"]): Promise<void>;

  // Audit (append-only chain; erasable personal parts)
  /**
   * Appends an event and its personal parts, atomically with the rest of the transaction. The
   * sequence is the previous event's + 1 (core computes it under the organization lock); a sequence
   * that does not follow the organization's last is a bug and throws. Every part has the event's
   * `organizationId` and `eventId` and a distinct `subject`; `parts` may be empty. Parts are stored
   * exactly as given (their digest is in the event).
   */
  appendAuditEvent(event: AuditRecord, parts: readonly AuditPersonalRecord[]): Promise<void>;
  /** The organization's newest event, or null when none. */
  lastAuditEvent(organizationId: string): Promise<AuditRecord | null>;
  /** Events of an organization matching the query, newest first, with a cursor. */
  listAuditEvents(organizationId: string, query: StoreAuditQuery): Promise<StorePage<AuditRecord>>;
  /**
   * Events of an organization as stored, in ascending sequence (insertion order for equal sequences),
   * skipping the first `offset` and returning at most `limit` (for `audit.verify()`, which must see
   * every stored event, even ones whose sequence is wrong). Returns an empty array past the end.
   */
  scanAuditEvents(organizationId: string, offset: number, limit: number): Promise<AuditRecord[]>;
  /**
   * Every stored personal part of these events of this organization, exactly as stored (for
   * `audit.list`, which joins them into the events, and `audit.verify()`, which checks their
   * digests), in any order. Parts of other organizations never; erased parts never; unknown ids are
   * skipped. At most 500 ids per call.
   */
  listAuditPersonal(organizationId: string, eventIds: readonly string[]): Promise<AuditPersonalRecord[]>;
  /**
   * Erases a person from an organization's audit: deletes every personal part of `subject` (a user
   * id) in that organization, in this transaction, and returns how many went (0 when none). Parts of
   * the same subject id in another organization, and every chained event, stay. Once committed, the
   * values are gone from what the store returns; they must not be recoverable through the port.
   */
  eraseAuditSubject(organizationId: string, subject: string): Promise<number>;

  // Provisioning (SCIM): tokens, the organization's settings and group mapping, users' IdP attributes
  /** Inserts a provisioning token. Its id and `secretHash` are new (core generates both); a duplicate is a bug. */
  insertProvisioningToken(token: ProvisioningTokenRecord): Promise<void>;
  /** Returns the token, or null when missing or of another organization. Revoked tokens are returned too. */
  getProvisioningToken(organizationId: string, id: string): Promise<ProvisioningTokenRecord | null>;
  /** Returns the token whose `secretHash` equals `secretHash` (revoked or not), in any organization, or null. */
  findProvisioningTokenByHash(secretHash: string): Promise<ProvisioningTokenRecord | null>;
  /** Every token of an organization, revoked ones included, ordered by `createdAt` then id. */
  listProvisioningTokens(organizationId: string): Promise<ProvisioningTokenRecord[]>;
  /** Compare-and-set update of a token (label, revocation), as {@link StoreTransaction.updateOrganization}. */
  updateProvisioningToken(token: ProvisioningTokenRecord, expectedVersion: number): Promise<boolean>;
  /**
   * Sets `lastUsedAt` of a token without changing its version (a use is no edit, so it never makes an
   * administrator's revocation stale). No-op when missing.
   */
  touchProvisioningToken(organizationId: string, id: string, lastUsedAt: string): Promise<void>;
  /** The organization's provisioning settings, or null when never saved. */
  getProvisioningSettings(organizationId: string): Promise<ProvisioningSettingsRecord | null>;
  /**
   * Writes the settings: with `expectedVersion` null only when none are stored yet, else only when the
   * stored version equals it (compare-and-set). Returns false, writing nothing, otherwise.
   */
  putProvisioningSettings(
    settings: ProvisioningSettingsRecord,
    expectedVersion: number | null,
  ): Promise<boolean>;
  /** The IdP attributes of these users of an organization, in any order; users without a record are skipped. At most 500 ids. */
  listProvisionedUsers(organizationId: string, userIds: readonly string[]): Promise<ProvisionedUserRecord[]>;
  /** The record whose `externalId` equals `externalId` exactly (case-sensitive) in that organization, or null. */
  findProvisionedUserByExternalId(
    organizationId: string,
    externalId: string,
  ): Promise<ProvisionedUserRecord | null>;
  /**
   * Inserts or replaces the record of (organization, user). Core checks `externalId` uniqueness under
   * the organization lock first; a store need not enforce it.
   */
  putProvisionedUser(record: ProvisionedUserRecord): Promise<void>;
  /**
   * Deletes the record of (organization, user); no-op when none. Core calls it when the user is deleted
   * (W6), so nothing of it must remain recoverable through the port.
   */
  deleteProvisionedUser(organizationId: string, userId: string): Promise<void>;
}
