import { decodeUserCursor, encodeUserCursor, userQueryFingerprint } from "../store/cursor";
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
} from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { listAudit, scanAudit } from "./audit-log";
import { snapshot } from "./freeze";
import { ProvisioningView } from "./provisioning-tables";
import { runSessionQuery, sessionLive } from "./session-query";
import type { CommittedState } from "./state";
import { userOrder } from "./user-entry";
import { countUserMatches, runUserQuery, type UserQueryStats } from "./user-query";
import { StoreView } from "./view";
import { inner, type WriteBuffer } from "./write-buffer";

/**
 * What a transaction reports back to its store.
 *
 * @example { smallCandidateLimit: 2000, onUserQuery: (s) => (last = s), onUserCount: () => {} }
 */
export interface TransactionHooks {
  /** Largest match set sorted directly (see `MemoryStoreOptions.smallCandidateLimit`). */
  readonly smallCandidateLimit: number;
  onUserQuery(stats: UserQueryStats): void;
  onUserCount(stats: UserQueryStats): void;
}

/**
 * One transaction of a memory store: reads through a {@link StoreView}, writes frozen copies into
 * the {@link WriteBuffer} (none in read-only transactions, where writes throw). Every method
 * throws once the transaction has finished.
 *
 * @example
 * const tx = new MemoryTransaction(state, new WriteBuffer(), hooks);
 * await tx.insertOrganization(org);
 */
export class MemoryTransaction implements StoreTransaction {
  private readonly view: StoreView;
  private readonly provisioning: ProvisioningView;
  private open = true;

  constructor(
    state: CommittedState,
    private readonly buffer: WriteBuffer | null,
    private readonly hooks: TransactionHooks,
  ) {
    this.view = new StoreView(state, buffer);
    this.provisioning = new ProvisioningView(state.provisioning, buffer?.provisioning ?? null);
  }

  /** Ends the transaction: later calls (a stray un-awaited call) throw. */
  finish(): void {
    this.open = false;
  }

  private read(): StoreView {
    if (!this.open) throw new Error("This transaction has already finished.");
    return this.view;
  }

  private write(what: string): WriteBuffer {
    this.read();
    if (!this.buffer) throw new Error(`${what} inside a read-only transaction.`);
    return this.buffer;
  }

  // Organizations

  async getOrganization(id: string): Promise<OrganizationRecord | null> {
    return this.read().organization(id);
  }

  async insertOrganization(org: OrganizationRecord): Promise<void> {
    const buffer = this.write("insertOrganization");
    if (this.view.organization(org.id)) throw new Error(`Duplicate organization id ${org.id}.`);
    buffer.organizations.set(org.id, snapshot(org));
  }

  async updateOrganization(org: OrganizationRecord, expectedVersion: number): Promise<boolean> {
    const buffer = this.write("updateOrganization");
    if (this.view.organization(org.id)?.version !== expectedVersion) return false;
    buffer.organizations.set(org.id, snapshot(org));
    return true;
  }

  // Locations

  async listLocations(organizationId: string): Promise<LocationRecord[]> {
    return this.read().locations(organizationId);
  }

  async getLocation(organizationId: string, id: string): Promise<LocationRecord | null> {
    return this.read().location(organizationId, id);
  }

  async insertLocation(location: LocationRecord): Promise<void> {
    const buffer = this.write("insertLocation");
    if (this.view.location(location.organizationId, location.id)) {
      throw new Error(`Duplicate location id ${location.id}.`);
    }
    inner(buffer.locations, location.organizationId).set(location.id, snapshot(location));
  }

  async updateLocation(location: LocationRecord, expectedVersion: number): Promise<boolean> {
    const buffer = this.write("updateLocation");
    if (this.view.location(location.organizationId, location.id)?.version !== expectedVersion) return false;
    inner(buffer.locations, location.organizationId).set(location.id, snapshot(location));
    return true;
  }

  // Roles

  async listRoles(organizationId: string): Promise<RoleRecord[]> {
    return this.read().roles(organizationId);
  }

  async getRole(organizationId: string, id: string): Promise<RoleRecord | null> {
    return this.read().role(organizationId, id);
  }

  async insertRole(role: RoleRecord): Promise<void> {
    const buffer = this.write("insertRole");
    if (this.view.role(role.organizationId, role.id)) throw new Error(`Duplicate role id ${role.id}.`);
    inner(buffer.roles, role.organizationId).set(role.id, snapshot(role));
  }

  async updateRole(role: RoleRecord, expectedVersion: number): Promise<boolean> {
    const buffer = this.write("updateRole");
    if (this.view.role(role.organizationId, role.id)?.version !== expectedVersion) return false;
    inner(buffer.roles, role.organizationId).set(role.id, snapshot(role));
    return true;
  }

  async deleteRole(organizationId: string, id: string, expectedVersion: number): Promise<boolean> {
    const buffer = this.write("deleteRole");
    if (this.view.role(organizationId, id)?.version !== expectedVersion) return false;
    inner(buffer.roles, organizationId).set(id, null);
    return true;
  }

  // Accounts

  async getAccount(id: string): Promise<AccountRecord | null> {
    return this.read().account(id);
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | null> {
    return this.read().accountByEmail(email);
  }

  async insertAccount(account: AccountRecord): Promise<boolean> {
    const buffer = this.write("insertAccount");
    if (this.view.account(account.id)) throw new Error(`Duplicate account id ${account.id}.`);
    if (this.view.accountByEmail(account.email)) return false;
    buffer.setAccount(account.id, snapshot(account), null);
    return true;
  }

  async updateAccount(account: AccountRecord, expectedVersion: number): Promise<boolean> {
    const buffer = this.write("updateAccount");
    const current = this.view.account(account.id);
    if (!current || current.version !== expectedVersion) return false;
    const owner = this.view.accountByEmail(account.email);
    if (owner && owner.id !== account.id) return false;
    buffer.setAccount(account.id, snapshot(account), current);
    return true;
  }

  async deleteAccount(id: string): Promise<void> {
    const buffer = this.write("deleteAccount");
    const current = this.view.account(id);
    if (current) buffer.setAccount(id, null, current);
  }

  // Users

  async getUser(organizationId: string, id: string): Promise<UserRecord | null> {
    return this.read().user(organizationId, id);
  }

  async findUserByAccount(organizationId: string, accountId: string): Promise<UserRecord | null> {
    return this.read().userByAccount(organizationId, accountId);
  }

  async listUsersByAccount(accountId: string): Promise<UserRecord[]> {
    return this.read().usersByAccount(accountId);
  }

  async insertUser(user: UserRecord): Promise<boolean> {
    const buffer = this.write("insertUser");
    if (this.view.user(user.organizationId, user.id)) throw new Error(`Duplicate user id ${user.id}.`);
    if (this.view.userByAccount(user.organizationId, user.accountId)) return false;
    buffer.setUser(user.organizationId, user.id, snapshot(user), null);
    return true;
  }

  async updateUser(user: UserRecord, expectedVersion: number): Promise<boolean> {
    const buffer = this.write("updateUser");
    const current = this.view.user(user.organizationId, user.id);
    if (!current || current.version !== expectedVersion) return false;
    if (current.accountId !== user.accountId)
      throw new Error(`A user's accountId never changes (${user.id}).`);
    buffer.setUser(user.organizationId, user.id, snapshot(user), current);
    return true;
  }

  async deleteUser(organizationId: string, id: string): Promise<void> {
    const buffer = this.write("deleteUser");
    const current = this.view.user(organizationId, id);
    if (current) buffer.setUser(organizationId, id, null, current);
  }

  async queryUsers(organizationId: string, query: StoreUserQuery): Promise<StorePage<UserRecord>> {
    const view = this.read();
    const fp = userQueryFingerprint(organizationId, query);
    const cursor = query.cursor;
    const anchor = cursor === null || cursor === undefined ? null : decodeUserCursor(cursor, fp, query.sort);
    const index = view.state.users.get(organizationId);
    const result = runUserQuery(
      index,
      query,
      anchor,
      view.userOverlay(organizationId),
      this.hooks.smallCandidateLimit,
    );
    this.hooks.onUserQuery(result.stats);
    const last = result.items[result.items.length - 1];
    const order = userOrder(query.sort, query.direction);
    return {
      items: result.items.map((entry) => entry.record),
      total: result.total,
      nextCursor:
        result.hasMore && last ? encodeUserCursor(fp, { key: order.keyOf(last), id: last.id }) : null,
    };
  }

  async countUsers(organizationId: string, filter: StoreUserCount): Promise<number> {
    const view = this.read();
    const { count, stats } = countUserMatches(
      view.state.users.get(organizationId),
      filter,
      view.userOverlay(organizationId),
    );
    this.hooks.onUserCount(stats);
    return count;
  }

  // Sign-in state

  private accountFor(
    method: string,
    accountId: string,
  ): { buffer: WriteBuffer; account: AccountRecord } | null {
    const buffer = this.write(method);
    const account = this.view.account(accountId);
    return account ? { buffer, account } : null;
  }

  async reserveSignInAttempt(accountId: string, limit: number): Promise<number | null> {
    const found = this.accountFor("reserveSignInAttempt", accountId);
    if (!found || found.account.failedSignIns >= limit) return null;
    const failedSignIns = found.account.failedSignIns + 1;
    found.buffer.setAccount(accountId, snapshot({ ...found.account, failedSignIns }), found.account);
    return failedSignIns;
  }

  async lockAccount(accountId: string, until: string): Promise<void> {
    const found = this.accountFor("lockAccount", accountId);
    if (!found) return;
    const next = { ...found.account, lockedUntil: until, lockouts: found.account.lockouts + 1 };
    found.buffer.setAccount(accountId, snapshot(next), found.account);
  }

  async clearSignInFailures(accountId: string, forgetLockouts: boolean): Promise<void> {
    const found = this.accountFor("clearSignInFailures", accountId);
    if (!found) return;
    const a = found.account;
    const next = { ...a, failedSignIns: 0, lockedUntil: null, lockouts: forgetLockouts ? 0 : a.lockouts };
    found.buffer.setAccount(accountId, snapshot(next), a);
  }

  async recordSignIn(accountId: string, organizationId: string, userId: string, at: string): Promise<void> {
    const found = this.accountFor("recordSignIn", accountId);
    if (found) {
      const next = { ...found.account, failedSignIns: 0, lockedUntil: null, lockouts: 0, lastSignInAt: at };
      found.buffer.setAccount(accountId, snapshot(next), found.account);
    }
    const user = this.view.user(organizationId, userId);
    if (user)
      this.write("recordSignIn").setUser(
        organizationId,
        userId,
        snapshot({ ...user, lastSignInAt: at }),
        user,
      );
  }

  // Sessions

  async insertSession(session: SessionRecord): Promise<void> {
    const buffer = this.write("insertSession");
    if (this.view.session(session.tokenHash)) throw new Error("Duplicate session token hash.");
    if (this.sessionsOf(session.organizationId).some((s) => s.id === session.id))
      throw new Error("Duplicate session id.");
    buffer.sessions.set(session.tokenHash, snapshot(session));
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    return this.read().session(tokenHash);
  }

  /** Every session of one organization (committed or buffered): the index narrows the scan to it. */
  private sessionsOf(organizationId: string): SessionRecord[] {
    return this.read().sessionsWhere(
      this.view.state.sessionsByOrganization,
      organizationId,
      (s) => s.organizationId === organizationId,
    );
  }

  async getSessionById(organizationId: string, id: string): Promise<SessionRecord | null> {
    return this.sessionsOf(organizationId).find((s) => s.id === id) ?? null;
  }

  async listSessions(organizationId: string, query: StoreSessionQuery): Promise<StorePage<SessionRecord>> {
    const view = this.read();
    return runSessionQuery(
      organizationId,
      this.sessionsOf(organizationId),
      (userId) => view.user(organizationId, userId),
      query,
    );
  }

  async touchSession(tokenHash: string, lastSeenAt: string): Promise<boolean> {
    const buffer = this.write("touchSession");
    const current = this.view.session(tokenHash);
    if (!current) return false;
    buffer.sessions.set(tokenHash, snapshot({ ...current, lastSeenAt }));
    return true;
  }

  async deleteSession(tokenHash: string): Promise<boolean> {
    const buffer = this.write("deleteSession");
    if (!this.view.session(tokenHash)) return false;
    buffer.sessions.set(tokenHash, null);
    return true;
  }

  async deleteSessions(filter: {
    readonly accountId: string;
    readonly organizationId?: string;
    readonly keepTokenHash?: string;
  }): Promise<number> {
    const buffer = this.write("deleteSessions");
    const doomed = this.view.sessionsWhere(
      this.view.state.sessionsByAccount,
      filter.accountId,
      (s) =>
        s.accountId === filter.accountId &&
        (filter.organizationId === undefined || s.organizationId === filter.organizationId) &&
        s.tokenHash !== filter.keepTokenHash,
    );
    for (const s of doomed) buffer.sessions.set(s.tokenHash, null);
    return doomed.length;
  }

  async countLiveSessions(
    organizationId: string,
    now: string,
    idleSince: string,
    createdSince?: string,
  ): Promise<number> {
    return this.sessionsOf(organizationId).filter((s) => sessionLive(s, { now, idleSince, createdSince }))
      .length;
  }

  // Rate limits

  async incrementCounter(key: string, windowStart: string): Promise<number> {
    const buffer = this.write("incrementCounter");
    const current = this.view.counter(key);
    const count = current && current.windowStart === windowStart ? current.count + 1 : 1;
    buffer.counters.set(key, { windowStart, count });
    return count;
  }

  // Secret tokens

  async insertSecretToken(token: SecretTokenRecord): Promise<void> {
    const buffer = this.write("insertSecretToken");
    if (this.view.secretToken(token.tokenHash)) throw new Error("Duplicate secret token hash.");
    buffer.secretTokens.set(token.tokenHash, snapshot(token));
  }

  async findSecretToken(tokenHash: string): Promise<SecretTokenRecord | null> {
    return this.read().secretToken(tokenHash);
  }

  async consumeSecretToken(tokenHash: string, usedAt: string): Promise<boolean> {
    const buffer = this.write("consumeSecretToken");
    const token = this.view.secretToken(tokenHash);
    if (!token || token.usedAt !== null) return false;
    buffer.secretTokens.set(tokenHash, snapshot({ ...token, usedAt }));
    return true;
  }

  async deleteSecretTokens(accountId: string, kind: SecretTokenRecord["kind"]): Promise<void> {
    const buffer = this.write("deleteSecretTokens");
    for (const token of this.view.secretTokensOf(accountId, kind))
      buffer.secretTokens.set(token.tokenHash, null);
  }

  // Invitations

  async insertInvitation(invitation: InvitationRecord): Promise<void> {
    const buffer = this.write("insertInvitation");
    if (this.view.invitation(invitation.id)) throw new Error(`Duplicate invitation id ${invitation.id}.`);
    buffer.setInvitation(invitation.id, snapshot(invitation), null);
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | null> {
    return this.read().invitationByToken(tokenHash);
  }

  async getInvitationForUser(organizationId: string, userId: string): Promise<InvitationRecord | null> {
    return this.read().newestInvitation(organizationId, userId);
  }

  async updateInvitation(invitation: InvitationRecord): Promise<boolean> {
    const buffer = this.write("updateInvitation");
    const current = this.view.invitation(invitation.id);
    if (!current) return false;
    buffer.setInvitation(invitation.id, snapshot(invitation), current);
    return true;
  }

  async deleteInvitationsForUser(organizationId: string, userId: string): Promise<void> {
    const buffer = this.write("deleteInvitationsForUser");
    for (const invitation of this.view.invitationsOfUser(organizationId, userId)) {
      buffer.setInvitation(invitation.id, null, invitation);
    }
  }

  // Audit

  async appendAuditEvent(event: AuditRecord, parts: readonly AuditPersonalRecord[]): Promise<void> {
    const buffer = this.write("appendAuditEvent");
    const last = this.view.lastAuditEvent(event.organizationId);
    if (last && !(event.sequence > last.sequence)) {
      throw new Error(
        `Audit sequence ${event.sequence} does not follow ${last.sequence} (${event.organizationId}).`,
      );
    }
    const subjects = new Set<string>();
    for (const part of parts) {
      if (
        part.organizationId !== event.organizationId ||
        part.eventId !== event.id ||
        subjects.has(part.subject)
      )
        throw new Error(`A personal part does not belong to event ${event.id}, or repeats its subject.`);
      subjects.add(part.subject);
    }
    let appended = buffer.audit.get(event.organizationId);
    if (!appended) {
      appended = [];
      buffer.audit.set(event.organizationId, appended);
    }
    appended.push(snapshot(event));
    if (parts.length === 0) return;
    const stored = inner(inner(buffer.auditPersonal, event.organizationId), event.id);
    for (const part of parts) stored.set(part.subject, snapshot(part));
  }

  async lastAuditEvent(organizationId: string): Promise<AuditRecord | null> {
    return this.read().lastAuditEvent(organizationId);
  }

  async listAuditEvents(organizationId: string, query: StoreAuditQuery): Promise<StorePage<AuditRecord>> {
    return listAudit(this.read().auditEvents(organizationId), organizationId, query);
  }

  async scanAuditEvents(organizationId: string, offset: number, limit: number): Promise<AuditRecord[]> {
    return scanAudit(this.read().auditEvents(organizationId), offset, limit);
  }

  async listAuditPersonal(
    organizationId: string,
    eventIds: readonly string[],
  ): Promise<AuditPersonalRecord[]> {
    const view = this.read();
    const out: AuditPersonalRecord[] = [];
    for (const eventId of new Set(eventIds)) out.push(...view.auditPersonalOf(organizationId, eventId));
    return out;
  }

  async eraseAuditSubject(organizationId: string, subject: string): Promise<number> {
    const buffer = this.write("eraseAuditSubject");
    let erased = 0;
    for (const eventId of this.view.auditEventsOfSubject(organizationId, subject)) {
      if (!this.view.auditPersonalPart(organizationId, eventId, subject)) continue;
      inner(inner(buffer.auditPersonal, organizationId), eventId).set(subject, null);
      erased++;
    }
    return erased;
  }

  // Provisioning

  private provisioningRead(): ProvisioningView {
    this.read();
    return this.provisioning;
  }

  async insertProvisioningToken(token: ProvisioningTokenRecord): Promise<void> {
    const buffer = this.write("insertProvisioningToken");
    if (this.provisioning.tokenById(token.id))
      throw new Error(`Duplicate provisioning token id ${token.id}.`);
    if (this.provisioning.tokenByHash(token.secretHash))
      throw new Error("Duplicate provisioning token hash.");
    buffer.provisioning.tokens.set(token.id, snapshot(token));
  }

  async getProvisioningToken(organizationId: string, id: string): Promise<ProvisioningTokenRecord | null> {
    const token = this.provisioningRead().tokenById(id);
    return token?.organizationId === organizationId ? token : null;
  }

  async findProvisioningTokenByHash(secretHash: string): Promise<ProvisioningTokenRecord | null> {
    return this.provisioningRead().tokenByHash(secretHash);
  }

  async listProvisioningTokens(organizationId: string): Promise<ProvisioningTokenRecord[]> {
    return this.provisioningRead().tokensOf(organizationId);
  }

  async updateProvisioningToken(token: ProvisioningTokenRecord, expectedVersion: number): Promise<boolean> {
    const buffer = this.write("updateProvisioningToken");
    const current = this.provisioning.tokenById(token.id);
    if (!current || current.organizationId !== token.organizationId || current.version !== expectedVersion)
      return false;
    if (current.secretHash !== token.secretHash)
      throw new Error("A provisioning token's secret hash never changes.");
    buffer.provisioning.tokens.set(token.id, snapshot(token));
    return true;
  }

  async touchProvisioningToken(organizationId: string, id: string, lastUsedAt: string): Promise<void> {
    const buffer = this.write("touchProvisioningToken");
    const current = this.provisioning.tokenById(id);
    if (!current || current.organizationId !== organizationId) return;
    buffer.provisioning.tokens.set(id, snapshot({ ...current, lastUsedAt }));
  }

  async getProvisioningSettings(organizationId: string): Promise<ProvisioningSettingsRecord | null> {
    return this.provisioningRead().settings(organizationId);
  }

  async putProvisioningSettings(
    settings: ProvisioningSettingsRecord,
    expectedVersion: number | null,
  ): Promise<boolean> {
    const buffer = this.write("putProvisioningSettings");
    const current = this.provisioning.settings(settings.organizationId);
    if (expectedVersion === null ? current !== null : current?.version !== expectedVersion) return false;
    buffer.provisioning.settings.set(settings.organizationId, snapshot(settings));
    return true;
  }

  async listProvisionedUsers(
    organizationId: string,
    userIds: readonly string[],
  ): Promise<ProvisionedUserRecord[]> {
    const view = this.provisioningRead();
    const out: ProvisionedUserRecord[] = [];
    for (const id of new Set(userIds)) {
      const record = view.user(organizationId, id);
      if (record) out.push(record);
    }
    return out;
  }

  async findProvisionedUserByExternalId(
    organizationId: string,
    externalId: string,
  ): Promise<ProvisionedUserRecord | null> {
    return this.provisioningRead().userByExternalId(organizationId, externalId);
  }

  async putProvisionedUser(record: ProvisionedUserRecord): Promise<void> {
    const buffer = this.write("putProvisionedUser");
    inner(buffer.provisioning.users, record.organizationId).set(record.userId, snapshot(record));
  }

  async deleteProvisionedUser(organizationId: string, userId: string): Promise<void> {
    const buffer = this.write("deleteProvisionedUser");
    if (this.provisioning.user(organizationId, userId))
      inner(buffer.provisioning.users, organizationId).set(userId, null);
  }
}
