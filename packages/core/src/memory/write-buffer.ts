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
import { ProvisioningBuffer } from "./provisioning-tables";

/** Key of a user's invitations in by-user maps. @example userKey("org_0000000001", "usr_0000000001") */
export const userKey = (organizationId: string, userId: string): string => `${organizationId}\n${userId}`;

/** Map of maps: get the inner map, creating it when missing. @example inner(buffer.users, orgId).set(id, user) */
export function inner<K, K2, V>(outer: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let map = outer.get(key);
  if (!map) {
    map = new Map();
    outer.set(key, map);
  }
  return map;
}

/**
 * The uncommitted writes of one transaction, laid over the committed state by reads inside it.
 * `null` marks a deletion. Records are frozen copies. The small lookup maps (`accountByEmail`,
 * `userByAccount`, `invitationByToken`, `invitationsByUser`) index the buffered live records only, so
 * a transaction writing many records never rescans its own buffer.
 *
 * @example
 * const buffer = new WriteBuffer();
 * buffer.setAccount(account.id, account, null);
 */
export class WriteBuffer {
  readonly organizations = new Map<string, OrganizationRecord>();
  /** organizationId → location id → location. */
  readonly locations = new Map<string, Map<string, LocationRecord>>();
  /** organizationId → role id → role, or null when deleted. */
  readonly roles = new Map<string, Map<string, RoleRecord | null>>();
  readonly accounts = new Map<string, AccountRecord | null>();
  readonly accountByEmail = new Map<string, string>();
  /** organizationId → user id → user, or null when deleted. */
  readonly users = new Map<string, Map<string, UserRecord | null>>();
  /** organizationId → accountId → user id, for buffered live users. */
  readonly userByAccount = new Map<string, Map<string, string>>();
  readonly invitations = new Map<string, InvitationRecord | null>();
  readonly invitationByToken = new Map<string, string>();
  /** {@link userKey} → ids of buffered live invitations. */
  readonly invitationsByUser = new Map<string, Set<string>>();
  /** token hash → session, or null when deleted. */
  readonly sessions = new Map<string, SessionRecord | null>();
  /** counter key → window start and count. */
  readonly counters = new Map<string, { readonly windowStart: string; readonly count: number }>();
  /** token hash → token, or null when deleted. */
  readonly secretTokens = new Map<string, SecretTokenRecord | null>();
  /** organizationId → appended events, ascending. */
  readonly audit = new Map<string, AuditRecord[]>();
  /** organizationId → event id → subject → appended personal part, or null when erased. */
  readonly auditPersonal = new Map<string, Map<string, Map<string, AuditPersonalRecord | null>>>();
  /** Provisioning tokens, settings and users' identity-provider attributes. */
  readonly provisioning = new ProvisioningBuffer();

  /** Buffers an account write; `previous` is the version the transaction saw (buffered or committed). */
  setAccount(id: string, next: AccountRecord | null, previous: AccountRecord | null): void {
    if (previous && this.accountByEmail.get(previous.email) === id)
      this.accountByEmail.delete(previous.email);
    if (next) this.accountByEmail.set(next.email, id);
    this.accounts.set(id, next);
  }

  /** Buffers a user write; `previous` is the version the transaction saw. */
  setUser(organizationId: string, id: string, next: UserRecord | null, previous: UserRecord | null): void {
    const byAccount = inner(this.userByAccount, organizationId);
    if (previous && byAccount.get(previous.accountId) === id) byAccount.delete(previous.accountId);
    if (next) byAccount.set(next.accountId, id);
    inner(this.users, organizationId).set(id, next);
  }

  /** Buffers an invitation write; `previous` is the version the transaction saw. */
  setInvitation(id: string, next: InvitationRecord | null, previous: InvitationRecord | null): void {
    if (previous) {
      if (this.invitationByToken.get(previous.tokenHash) === id)
        this.invitationByToken.delete(previous.tokenHash);
      this.invitationsByUser.get(userKey(previous.organizationId, previous.userId))?.delete(id);
    }
    if (next) {
      this.invitationByToken.set(next.tokenHash, id);
      const key = userKey(next.organizationId, next.userId);
      let ids = this.invitationsByUser.get(key);
      if (!ids) {
        ids = new Set();
        this.invitationsByUser.set(key, ids);
      }
      ids.add(id);
    }
    this.invitations.set(id, next);
  }
}
