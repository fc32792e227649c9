import type {
  ProvisionedUserRecord,
  ProvisioningSettingsRecord,
  ProvisioningTokenRecord,
} from "../store/records";
import { canonicalInstant, compareStrings } from "./ordering";

function inner<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let map = outer.get(key);
  if (!map) {
    map = new Map();
    outer.set(key, map);
  }
  return map;
}

/**
 * The committed provisioning records of a memory store: tokens (by id, and by secret hash), each
 * organization's settings, and users' identity-provider attributes (by user, and by external id).
 *
 * @example const tables = new ProvisioningState(); tables.apply(buffer);
 */
export class ProvisioningState {
  readonly tokens = new Map<string, ProvisioningTokenRecord>();
  /** secret hash → token id. */
  readonly tokenByHash = new Map<string, string>();
  /** organizationId → settings. */
  readonly settings = new Map<string, ProvisioningSettingsRecord>();
  /** organizationId → user id → attributes. */
  readonly users = new Map<string, Map<string, ProvisionedUserRecord>>();
  /** organizationId → external id → user id. */
  readonly byExternalId = new Map<string, Map<string, string>>();

  /** Applies a transaction's provisioning writes (synchronously, as `CommittedState.apply`). */
  apply(buffer: ProvisioningBuffer): void {
    for (const [id, token] of buffer.tokens) {
      this.tokens.set(id, token);
      this.tokenByHash.set(token.secretHash, id);
    }
    for (const [orgId, settings] of buffer.settings) this.settings.set(orgId, settings);
    for (const [orgId, changes] of buffer.users) {
      const users = inner(this.users, orgId);
      const index = inner(this.byExternalId, orgId);
      for (const [userId, record] of changes) {
        const old = users.get(userId);
        if (old?.externalId !== null && old?.externalId !== undefined && index.get(old.externalId) === userId)
          index.delete(old.externalId);
        if (record) {
          users.set(userId, record);
          if (record.externalId !== null) index.set(record.externalId, userId);
        } else users.delete(userId);
      }
      if (users.size === 0) this.users.delete(orgId);
      if (index.size === 0) this.byExternalId.delete(orgId);
    }
  }
}

/**
 * One transaction's provisioning writes; `null` marks a deleted attributes record.
 *
 * @example buffer.tokens.set(token.id, token);
 */
export class ProvisioningBuffer {
  readonly tokens = new Map<string, ProvisioningTokenRecord>();
  readonly settings = new Map<string, ProvisioningSettingsRecord>();
  readonly users = new Map<string, Map<string, ProvisionedUserRecord | null>>();
}

/**
 * What one transaction sees of the provisioning records: its own writes over committed state.
 *
 * @example new ProvisioningView(state.provisioning, buffer?.provisioning ?? null).token(orgId, id)
 */
export class ProvisioningView {
  constructor(
    private readonly state: ProvisioningState,
    private readonly buffer: ProvisioningBuffer | null,
  ) {}

  tokenById(id: string): ProvisioningTokenRecord | null {
    return this.buffer?.tokens.get(id) ?? this.state.tokens.get(id) ?? null;
  }

  tokenByHash(hash: string): ProvisioningTokenRecord | null {
    for (const token of this.buffer?.tokens.values() ?? []) if (token.secretHash === hash) return token;
    const id = this.state.tokenByHash.get(hash);
    return id === undefined ? null : this.tokenById(id);
  }

  tokensOf(organizationId: string): ProvisioningTokenRecord[] {
    const ids = new Set<string>();
    for (const [id, t] of this.state.tokens) if (t.organizationId === organizationId) ids.add(id);
    for (const [id, t] of this.buffer?.tokens ?? []) if (t.organizationId === organizationId) ids.add(id);
    const out: ProvisioningTokenRecord[] = [];
    for (const id of ids) {
      const token = this.tokenById(id);
      if (token) out.push(token);
    }
    return out.sort(
      (a, b) =>
        compareStrings(canonicalInstant(a.createdAt), canonicalInstant(b.createdAt)) ||
        compareStrings(a.id, b.id),
    );
  }

  settings(organizationId: string): ProvisioningSettingsRecord | null {
    return this.buffer?.settings.get(organizationId) ?? this.state.settings.get(organizationId) ?? null;
  }

  user(organizationId: string, userId: string): ProvisionedUserRecord | null {
    const buffered = this.buffer?.users.get(organizationId);
    if (buffered?.has(userId)) return buffered.get(userId) ?? null;
    return this.state.users.get(organizationId)?.get(userId) ?? null;
  }

  userByExternalId(organizationId: string, externalId: string): ProvisionedUserRecord | null {
    for (const record of this.buffer?.users.get(organizationId)?.values() ?? [])
      if (record?.externalId === externalId) return record;
    const userId = this.state.byExternalId.get(organizationId)?.get(externalId);
    if (userId === undefined) return null;
    const record = this.user(organizationId, userId);
    return record?.externalId === externalId ? record : null;
  }
}
