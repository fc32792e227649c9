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
} from "../store/records";
import { byNameThenId, canonicalInstant, compareStrings } from "./ordering";
import type { CommittedState } from "./state";
import { makeUserEntry, type UserEntry } from "./user-entry";
import type { UserOverlay } from "./user-query";
import { userKey, type WriteBuffer } from "./write-buffer";

/**
 * Synchronous reads of what one transaction sees: its own buffer first, then committed state.
 * With a null buffer (read-only transactions) it reads committed state only.
 *
 * @example new StoreView(state, buffer).getUser(orgId, userId)
 */
export class StoreView {
  constructor(
    readonly state: CommittedState,
    readonly buffer: WriteBuffer | null,
  ) {}

  organization(id: string): OrganizationRecord | null {
    return this.buffer?.organizations.get(id) ?? this.state.organizations.get(id) ?? null;
  }

  location(organizationId: string, id: string): LocationRecord | null {
    return (
      this.buffer?.locations.get(organizationId)?.get(id) ??
      this.state.locations.get(organizationId)?.get(id) ??
      null
    );
  }

  locations(organizationId: string): LocationRecord[] {
    const merged = new Map(this.state.locations.get(organizationId));
    for (const [id, location] of this.buffer?.locations.get(organizationId) ?? []) merged.set(id, location);
    return [...merged.values()].sort(byNameThenId);
  }

  role(organizationId: string, id: string): RoleRecord | null {
    const buffered = this.buffer?.roles.get(organizationId);
    if (buffered?.has(id)) return buffered.get(id) ?? null;
    return this.state.roles.get(organizationId)?.get(id) ?? null;
  }

  roles(organizationId: string): RoleRecord[] {
    const merged = new Map<string, RoleRecord | null>(this.state.roles.get(organizationId));
    for (const [id, role] of this.buffer?.roles.get(organizationId) ?? []) merged.set(id, role);
    const roles: RoleRecord[] = [];
    for (const role of merged.values()) if (role) roles.push(role);
    return roles.sort(byNameThenId);
  }

  account(id: string): AccountRecord | null {
    const buffer = this.buffer;
    if (buffer?.accounts.has(id)) return buffer.accounts.get(id) ?? null;
    return this.state.accounts.get(id) ?? null;
  }

  accountByEmail(email: string): AccountRecord | null {
    const bufferedId = this.buffer?.accountByEmail.get(email);
    if (bufferedId !== undefined) return this.account(bufferedId);
    const id = this.state.accountByEmail.get(email);
    if (id === undefined) return null;
    // A committed account the transaction changed has another email now, or is deleted.
    return this.buffer?.accounts.has(id) ? null : (this.state.accounts.get(id) ?? null);
  }

  user(organizationId: string, id: string): UserRecord | null {
    const buffered = this.buffer?.users.get(organizationId);
    if (buffered?.has(id)) return buffered.get(id) ?? null;
    return this.state.users.get(organizationId)?.entries.get(id)?.record ?? null;
  }

  userByAccount(organizationId: string, accountId: string): UserRecord | null {
    const bufferedId = this.buffer?.userByAccount.get(organizationId)?.get(accountId);
    const id = bufferedId ?? this.state.users.get(organizationId)?.byAccount.get(accountId);
    if (id === undefined) return null;
    const user = this.user(organizationId, id);
    return user?.accountId === accountId ? user : null;
  }

  usersByAccount(accountId: string): UserRecord[] {
    const orgs = new Set(this.state.membershipsByAccount.get(accountId)?.keys());
    for (const [orgId, byAccount] of this.buffer?.userByAccount ?? [])
      if (byAccount.has(accountId)) orgs.add(orgId);
    const users: UserRecord[] = [];
    for (const orgId of orgs) {
      const user = this.userByAccount(orgId, accountId);
      if (user) users.push(user);
    }
    return users.sort((a, b) => compareStrings(a.organizationId, b.organizationId));
  }

  /** The transaction's users of an organization laid over the committed index, or null when none. */
  userOverlay(organizationId: string): UserOverlay | null {
    const buffered = this.buffer?.users.get(organizationId);
    if (!buffered || buffered.size === 0) return null;
    const extra: UserEntry[] = [];
    for (const user of buffered.values()) if (user) extra.push(makeUserEntry(user));
    return { exclude: new Set(buffered.keys()), extra };
  }

  invitation(id: string): InvitationRecord | null {
    const buffer = this.buffer;
    if (buffer?.invitations.has(id)) return buffer.invitations.get(id) ?? null;
    return this.state.invitations.get(id) ?? null;
  }

  session(tokenHash: string): SessionRecord | null {
    const buffered = this.buffer?.sessions;
    if (buffered?.has(tokenHash)) return buffered.get(tokenHash) ?? null;
    return this.state.sessions.get(tokenHash) ?? null;
  }

  /** Sessions whose hash is indexed under `key` (committed) or buffered, still matching `test`. */
  sessionsWhere(
    index: Map<string, Set<string>>,
    key: string,
    test: (s: SessionRecord) => boolean,
  ): SessionRecord[] {
    const hashes = new Set(index.get(key));
    for (const [hash, s] of this.buffer?.sessions ?? []) if (s && test(s)) hashes.add(hash);
    const out: SessionRecord[] = [];
    for (const hash of hashes) {
      const s = this.session(hash);
      if (s && test(s)) out.push(s);
    }
    return out;
  }

  counter(key: string): { readonly windowStart: string; readonly count: number } | null {
    return this.buffer?.counters.get(key) ?? this.state.counters.get(key) ?? null;
  }

  secretToken(tokenHash: string): SecretTokenRecord | null {
    const buffered = this.buffer?.secretTokens;
    if (buffered?.has(tokenHash)) return buffered.get(tokenHash) ?? null;
    return this.state.secretTokens.get(tokenHash) ?? null;
  }

  /** Live tokens of an account of a kind (tokens are few: they expire within the hour). */
  secretTokensOf(accountId: string, kind: SecretTokenRecord["kind"]): SecretTokenRecord[] {
    const hashes = new Set([...this.state.secretTokens.keys(), ...(this.buffer?.secretTokens.keys() ?? [])]);
    const out: SecretTokenRecord[] = [];
    for (const hash of hashes) {
      const token = this.secretToken(hash);
      if (token?.accountId === accountId && token.kind === kind) out.push(token);
    }
    return out;
  }

  invitationByToken(tokenHash: string): InvitationRecord | null {
    const id = this.buffer?.invitationByToken.get(tokenHash) ?? this.state.invitationByToken.get(tokenHash);
    if (id === undefined) return null;
    const invitation = this.invitation(id);
    return invitation?.tokenHash === tokenHash ? invitation : null;
  }

  invitationsOfUser(organizationId: string, userId: string): InvitationRecord[] {
    const key = userKey(organizationId, userId);
    const ids = new Set(this.state.invitationsByUser.get(key));
    for (const id of this.buffer?.invitationsByUser.get(key) ?? []) ids.add(id);
    const out: InvitationRecord[] = [];
    for (const id of ids) {
      const invitation = this.invitation(id);
      if (invitation?.organizationId === organizationId && invitation.userId === userId) out.push(invitation);
    }
    return out;
  }

  /** The newest invitation of a user: latest `createdAt`, then greatest id. */
  newestInvitation(organizationId: string, userId: string): InvitationRecord | null {
    let newest: InvitationRecord | null = null;
    for (const invitation of this.invitationsOfUser(organizationId, userId)) {
      if (!newest) newest = invitation;
      else {
        const c = compareStrings(canonicalInstant(invitation.createdAt), canonicalInstant(newest.createdAt));
        if (c > 0 || (c === 0 && invitation.id > newest.id)) newest = invitation;
      }
    }
    return newest;
  }

  /** Committed events then the transaction's, ascending. */
  auditEvents(organizationId: string): readonly AuditRecord[] {
    const committed = this.state.audit.get(organizationId)?.events ?? [];
    const appended = this.buffer?.audit.get(organizationId);
    return appended && appended.length > 0 ? [...committed, ...appended] : committed;
  }

  lastAuditEvent(organizationId: string): AuditRecord | null {
    const appended = this.buffer?.audit.get(organizationId);
    return appended?.[appended.length - 1] ?? this.state.audit.get(organizationId)?.last() ?? null;
  }

  /** The personal parts of one event: the transaction's appends and erasures over committed state. */
  auditPersonalOf(organizationId: string, eventId: string): AuditPersonalRecord[] {
    const committed = this.state.auditPersonal.get(organizationId)?.get(eventId);
    const buffered = this.buffer?.auditPersonal.get(organizationId)?.get(eventId);
    if (!buffered) return committed ? [...committed.values()] : [];
    const merged = new Map<string, AuditPersonalRecord | null>(committed);
    for (const [subject, part] of buffered) merged.set(subject, part);
    const out: AuditPersonalRecord[] = [];
    for (const part of merged.values()) if (part) out.push(part);
    return out;
  }

  /** One personal part, or null (never written, or erased). */
  auditPersonalPart(organizationId: string, eventId: string, subject: string): AuditPersonalRecord | null {
    const buffered = this.buffer?.auditPersonal.get(organizationId)?.get(eventId);
    if (buffered?.has(subject)) return buffered.get(subject) ?? null;
    return this.state.auditPersonal.get(organizationId)?.get(eventId)?.get(subject) ?? null;
  }

  /** Ids of the events that may hold a part of `subject` (committed index and the transaction's appends). */
  auditEventsOfSubject(organizationId: string, subject: string): Set<string> {
    const ids = new Set(this.state.auditSubjects.get(organizationId)?.get(subject));
    for (const [eventId, subjects] of this.buffer?.auditPersonal.get(organizationId) ?? [])
      if (subjects.get(subject)) ids.add(eventId);
    return ids;
  }
}
