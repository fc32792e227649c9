import type {
  AccountRecord,
  AuditPersonalRecord,
  InvitationRecord,
  LocationRecord,
  OrganizationRecord,
  RoleRecord,
  SecretTokenRecord,
  SessionRecord,
} from "../store/records";
import { AuditLog } from "./audit-log";
import { ProvisioningState } from "./provisioning-tables";
import { UserIndex } from "./user-index";
import { inner, userKey, type WriteBuffer } from "./write-buffer";

/**
 * The committed state of a memory store and its indexes. Changes only through {@link
 * CommittedState.apply}, which runs synchronously, so no reader ever sees part of a transaction.
 *
 * @example
 * const state = new CommittedState(512);
 * state.apply(buffer);
 */
export class CommittedState {
  readonly organizations = new Map<string, OrganizationRecord>();
  /** organizationId → location id → location. */
  readonly locations = new Map<string, Map<string, LocationRecord>>();
  /** organizationId → role id → role. */
  readonly roles = new Map<string, Map<string, RoleRecord>>();
  readonly accounts = new Map<string, AccountRecord>();
  readonly accountByEmail = new Map<string, string>();
  /** organizationId → its users and their indexes. */
  readonly users = new Map<string, UserIndex>();
  /** accountId → organizationId → user id. */
  readonly membershipsByAccount = new Map<string, Map<string, string>>();
  readonly invitations = new Map<string, InvitationRecord>();
  readonly invitationByToken = new Map<string, string>();
  /** {@link userKey} → invitation ids. */
  readonly invitationsByUser = new Map<string, Set<string>>();
  /** token hash → session. */
  readonly sessions = new Map<string, SessionRecord>();
  /** organizationId → token hashes of its sessions. */
  readonly sessionsByOrganization = new Map<string, Set<string>>();
  /** accountId → token hashes of its sessions. */
  readonly sessionsByAccount = new Map<string, Set<string>>();
  /** counter key → window start and count. */
  readonly counters = new Map<string, { readonly windowStart: string; readonly count: number }>();
  /** token hash → secret token. */
  readonly secretTokens = new Map<string, SecretTokenRecord>();
  /** organizationId → audit log. */
  readonly audit = new Map<string, AuditLog>();
  /** organizationId → event id → subject → personal part (erased parts are deleted, not marked). */
  readonly auditPersonal = new Map<string, Map<string, Map<string, AuditPersonalRecord>>>();
  /** organizationId → subject → ids of the events holding a part of that subject (for erasure). */
  readonly auditSubjects = new Map<string, Map<string, Set<string>>>();
  /** Provisioning tokens, settings and users' identity-provider attributes. */
  readonly provisioning = new ProvisioningState();

  /** @param chunkSize chunk size of the presorted user indexes. */
  constructor(private readonly chunkSize: number) {}

  /** The audit log of an organization, created on first use. */
  auditLog(organizationId: string): AuditLog {
    let log = this.audit.get(organizationId);
    if (!log) {
      log = new AuditLog();
      this.audit.set(organizationId, log);
    }
    return log;
  }

  /**
   * Applies a transaction's buffer to the records and every index in one synchronous step. The
   * transaction already checked every write (versions, uniqueness, sequences), so nothing here
   * can fail halfway.
   */
  apply(buffer: WriteBuffer): void {
    for (const [id, org] of buffer.organizations) this.organizations.set(id, org);
    for (const [orgId, changes] of buffer.locations) {
      const locations = inner(this.locations, orgId);
      for (const [id, location] of changes) locations.set(id, location);
    }
    for (const [orgId, changes] of buffer.roles) {
      const roles = inner(this.roles, orgId);
      for (const [id, role] of changes) {
        if (role) roles.set(id, role);
        else roles.delete(id);
      }
    }
    this.applyAccounts(buffer);
    this.applyUsers(buffer);
    this.applyInvitations(buffer);
    this.applySessions(buffer);
    for (const [key, counter] of buffer.counters) this.counters.set(key, counter);
    for (const [hash, token] of buffer.secretTokens) {
      if (token) this.secretTokens.set(hash, token);
      else this.secretTokens.delete(hash);
    }
    for (const [orgId, events] of buffer.audit) {
      const log = this.auditLog(orgId);
      for (const event of events) log.append(event);
    }
    this.applyAuditPersonal(buffer);
    this.provisioning.apply(buffer.provisioning);
  }

  /** Stores appended parts and forgets erased ones, keeping the by-subject index in step. */
  private applyAuditPersonal(buffer: WriteBuffer): void {
    for (const [orgId, events] of buffer.auditPersonal) {
      const byEvent = inner(this.auditPersonal, orgId);
      const bySubject = inner(this.auditSubjects, orgId);
      for (const [eventId, subjects] of events) {
        for (const [subject, part] of subjects) {
          if (part) {
            inner(byEvent, eventId).set(subject, part);
            let ids = bySubject.get(subject);
            if (!ids) {
              ids = new Set();
              bySubject.set(subject, ids);
            }
            ids.add(eventId);
            continue;
          }
          const stored = byEvent.get(eventId);
          if (stored?.delete(subject) && stored.size === 0) byEvent.delete(eventId);
          const ids = bySubject.get(subject);
          if (ids?.delete(eventId) && ids.size === 0) bySubject.delete(subject);
        }
      }
      if (byEvent.size === 0) this.auditPersonal.delete(orgId);
      if (bySubject.size === 0) this.auditSubjects.delete(orgId);
    }
  }

  private applySessions(buffer: WriteBuffer): void {
    const link = (index: Map<string, Set<string>>, key: string, hash: string, add: boolean) => {
      let set = index.get(key);
      if (add) {
        if (!set) {
          set = new Set();
          index.set(key, set);
        }
        set.add(hash);
      } else if (set?.delete(hash) && set.size === 0) index.delete(key);
    };
    for (const [hash, session] of buffer.sessions) {
      const old = this.sessions.get(hash);
      if (old) {
        link(this.sessionsByOrganization, old.organizationId, hash, false);
        link(this.sessionsByAccount, old.accountId, hash, false);
        this.sessions.delete(hash);
      }
      if (session) {
        this.sessions.set(hash, session);
        link(this.sessionsByOrganization, session.organizationId, hash, true);
        link(this.sessionsByAccount, session.accountId, hash, true);
      }
    }
  }

  /** Two phases, so emails swapped between accounts in one transaction index correctly. */
  private applyAccounts(buffer: WriteBuffer): void {
    for (const id of buffer.accounts.keys()) {
      const old = this.accounts.get(id);
      if (old && this.accountByEmail.get(old.email) === id) this.accountByEmail.delete(old.email);
    }
    for (const [id, account] of buffer.accounts) {
      if (account) {
        this.accounts.set(id, account);
        this.accountByEmail.set(account.email, id);
      } else this.accounts.delete(id);
    }
  }

  private applyUsers(buffer: WriteBuffer): void {
    for (const [orgId, changes] of buffer.users) {
      let index = this.users.get(orgId);
      if (!index) {
        index = new UserIndex(this.chunkSize);
        this.users.set(orgId, index);
      }
      for (const [id, user] of changes) {
        const old = index.entries.get(id)?.record;
        if (old) {
          const orgs = this.membershipsByAccount.get(old.accountId);
          if (orgs?.get(orgId) === id) orgs.delete(orgId);
          if (orgs?.size === 0) this.membershipsByAccount.delete(old.accountId);
        }
        if (user) {
          index.put(user);
          inner(this.membershipsByAccount, user.accountId).set(orgId, id);
        } else index.delete(id);
      }
    }
  }

  /** Two phases, as accounts: token hashes and users move between invitations. */
  private applyInvitations(buffer: WriteBuffer): void {
    for (const id of buffer.invitations.keys()) {
      const old = this.invitations.get(id);
      if (!old) continue;
      if (this.invitationByToken.get(old.tokenHash) === id) this.invitationByToken.delete(old.tokenHash);
      const key = userKey(old.organizationId, old.userId);
      const ids = this.invitationsByUser.get(key);
      if (ids?.delete(id) && ids.size === 0) this.invitationsByUser.delete(key);
    }
    for (const [id, invitation] of buffer.invitations) {
      if (!invitation) {
        this.invitations.delete(id);
        continue;
      }
      this.invitations.set(id, invitation);
      this.invitationByToken.set(invitation.tokenHash, id);
      const key = userKey(invitation.organizationId, invitation.userId);
      let ids = this.invitationsByUser.get(key);
      if (!ids) {
        ids = new Set();
        this.invitationsByUser.set(key, ids);
      }
      ids.add(id);
    }
  }
}
