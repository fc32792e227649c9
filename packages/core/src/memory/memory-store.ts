import { type Draft, produce } from "immer";
import type { AuditPersonalRecord, AuditRecord } from "../store/records";
import type { DirectoryStore, StoreTransaction, TransactionOptions } from "../store/store.port";
import { snapshot } from "./freeze";
import { Mutex } from "./mutex";
import { DEFAULT_CHUNK_SIZE } from "./sorted-index";
import { CommittedState } from "./state";
import { MemoryTransaction, type TransactionHooks } from "./transaction";
import type { UserQueryStats } from "./user-query";
import { WriteBuffer } from "./write-buffer";

/**
 * Default of {@link MemoryStoreOptions.smallCandidateLimit}: 2000.
 *
 * @example memoryStore({ smallCandidateLimit: DEFAULT_SMALL_CANDIDATE_LIMIT })
 */
export const DEFAULT_SMALL_CANDIDATE_LIMIT = 2000;

/**
 * Tuning of a memory store. The defaults suit directories of any size; tests lower them to exercise
 * the large-set code paths with few users.
 *
 * @example memoryStore({ smallCandidateLimit: 20, sortedChunkSize: 8 })
 */
export interface MemoryStoreOptions {
  /**
   * A query with at most this many matches sorts them directly; one with more reads its page by
   * walking a presorted index from the cursor. Default 2000.
   */
  readonly smallCandidateLimit?: number;
  /** Maximum entries per chunk of the presorted user indexes (at least 2). Default 512. */
  readonly sortedChunkSize?: number;
}

/**
 * Counters of a memory store, for tests and tuning.
 *
 * @example
 * await store.transaction((tx) => tx.queryUsers(orgId, query), { readOnly: true });
 * store.stats().lastUserQuery?.examined // user records the query looked at
 */
export interface MemoryStoreStats {
  /** Write transactions committed. Default 0. */
  readonly commits: number;
  /** Write transactions rolled back (their work rejected). Default 0. */
  readonly rollbacks: number;
  /** Organizations committed. */
  readonly organizations: number;
  /** Users committed, over all organizations. */
  readonly users: number;
  /** How the last `queryUsers` was answered; null before the first. */
  readonly lastUserQuery: UserQueryStats | null;
  /** How the last `countUsers` was answered; null before the first. */
  readonly lastUserCount: UserQueryStats | null;
}

/**
 * Escape hatches that break the store's guarantees on purpose. ONLY for tests proving that
 * `audit.verify()` detects tampering: an append-only log has no API to edit, delete or backdate an
 * event, so these act directly on committed state, outside any transaction.
 *
 * @example
 * store.unsafe.tamperAuditEvent(orgId, 3, (event) => { event.action = "user.created"; });
 * expect((await admin.audit.verify()).ok).toBe(false);
 */
export interface MemoryStoreUnsafe {
  /** Rewrites the committed event with this sequence through an immer draft; returns whether it existed. */
  tamperAuditEvent(
    organizationId: string,
    sequence: number,
    mutate: (event: Draft<AuditRecord>) => void,
  ): boolean;
  /** Deletes the committed event with this sequence; returns whether it existed. */
  removeAuditEvent(organizationId: string, sequence: number): boolean;
  /** Inserts an event at its sequence's place, even a duplicate or out-of-order one. */
  insertAuditEvent(event: AuditRecord): void;
  /** Rewrites a committed personal part through an immer draft; returns whether it existed. */
  tamperAuditPersonal(
    organizationId: string,
    eventId: string,
    subject: string,
    mutate: (part: Draft<AuditPersonalRecord>) => void,
  ): boolean;
  /** Deletes a committed personal part, as if erased without a deletion; returns whether it existed. */
  removeAuditPersonal(organizationId: string, eventId: string, subject: string): boolean;
  /**
   * Everything the store holds, as text: every committed record and every index (maps, sets, arrays,
   * class instances followed to the end), for tests proving a value is gone from the store itself,
   * not only from what the port returns.
   */
  dumpState(): string;
}

/**
 * The in-memory {@link DirectoryStore}, with counters and test-only escape hatches.
 *
 * @example
 * const store = memoryStore();
 * await store.transaction((tx) => tx.insertOrganization(org));
 * store.stats().commits // 1
 */
export interface MemoryStore extends DirectoryStore {
  /** See {@link DirectoryStore.transaction} and {@link memoryStore} for how this store runs them. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** No connections to release; idempotent no-op. */
  close(): Promise<void>;
  /** Current counters (a fresh object each call). */
  stats(): MemoryStoreStats;
  /** Test-only tampering; see {@link MemoryStoreUnsafe}. */
  readonly unsafe: MemoryStoreUnsafe;
}

/**
 * Creates an in-memory store: the default store of `createDirectory`, and the reference the
 * conformance suite runs against.
 *
 * - Write transactions run one at a time (a promise-chain mutex), each writing into a buffer that its
 *   own reads see first; the buffer is applied to records and indexes in one synchronous step when
 *   the work resolves, and dropped when it rejects (the rejection propagates unchanged).
 * - `lock` keys are accepted and ignored: every writer already holds the one global mutex, which is
 *   stronger than any set of keys (two writers never overlap at all). This costs nothing in memory,
 *   where a write transaction never waits on I/O of its own.
 * - Read-only transactions do not take the mutex; they read committed state (read committed: a
 *   commit between two of their reads is visible to the second) and throw on any write.
 * - Records are stored as deep-frozen copies and returned as such: mutating a returned record
 *   throws, and never changes the store.
 * - A transaction started from inside a write transaction's work waits for the outer one: do not
 *   nest write transactions (it deadlocks).
 * - Users are indexed per organization, maintained on commit: bitmaps by status, location (+ org-wide),
 *   role, practitioner flag and licence; a trigram index for search; presorted indexes per order,
 *   built on first use. `queryUsers` and `countUsers` never scan the store.
 *
 * @param options tuning; defaults `{ smallCandidateLimit: 2000, sortedChunkSize: 512 }`.
 * @example
 * const store = memoryStore();
 * const directory = createDirectory({ store });
 */
export function memoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const smallCandidateLimit = Math.max(0, options.smallCandidateLimit ?? DEFAULT_SMALL_CANDIDATE_LIMIT);
  const state = new CommittedState(options.sortedChunkSize ?? DEFAULT_CHUNK_SIZE);
  const mutex = new Mutex();
  let commits = 0;
  let rollbacks = 0;
  let lastUserQuery: UserQueryStats | null = null;
  let lastUserCount: UserQueryStats | null = null;
  const hooks: TransactionHooks = {
    smallCandidateLimit,
    onUserQuery: (stats) => {
      lastUserQuery = stats;
    },
    onUserCount: (stats) => {
      lastUserCount = stats;
    },
  };

  const readOnly = async <T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> => {
    const tx = new MemoryTransaction(state, null, hooks);
    try {
      return await work(tx);
    } finally {
      tx.finish();
    }
  };

  const readWrite = <T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> =>
    mutex.run(async () => {
      const buffer = new WriteBuffer();
      const tx = new MemoryTransaction(state, buffer, hooks);
      let result: T;
      try {
        result = await work(tx);
      } catch (error) {
        rollbacks++;
        throw error;
      } finally {
        tx.finish();
      }
      state.apply(buffer);
      commits++;
      return result;
    });

  const unsafe: MemoryStoreUnsafe = {
    tamperAuditEvent(organizationId, sequence, mutate) {
      const log = state.audit.get(organizationId);
      const event = log?.events.find((e) => e.sequence === sequence);
      if (!log || !event) return false;
      return log.replace(
        sequence,
        snapshot(
          produce(event, (draft) => {
            mutate(draft);
          }),
        ),
      );
    },
    removeAuditEvent(organizationId, sequence) {
      return state.audit.get(organizationId)?.remove(sequence) ?? false;
    },
    insertAuditEvent(event) {
      state.auditLog(event.organizationId).insert(snapshot(event));
    },
    tamperAuditPersonal(organizationId, eventId, subject, mutate) {
      const parts = state.auditPersonal.get(organizationId)?.get(eventId);
      const part = parts?.get(subject);
      if (!parts || !part) return false;
      parts.set(
        subject,
        snapshot(
          produce(part, (draft) => {
            mutate(draft);
          }),
        ),
      );
      return true;
    },
    removeAuditPersonal(organizationId, eventId, subject) {
      const removed = state.auditPersonal.get(organizationId)?.get(eventId)?.delete(subject) ?? false;
      state.auditSubjects.get(organizationId)?.get(subject)?.delete(eventId);
      return removed;
    },
    dumpState: () => dump(state),
  };

  return {
    transaction: (work, txOptions) => (txOptions?.readOnly ? readOnly(work) : readWrite(work)),
    close: async () => {},
    stats: () => {
      let users = 0;
      for (const index of state.users.values()) users += index.size;
      return {
        commits,
        rollbacks,
        organizations: state.organizations.size,
        users,
        lastUserQuery,
        lastUserCount,
      };
    },
    unsafe,
  };
}

/** Text of every value reachable from `root`: maps, sets, arrays and objects (class instances too). */
function dump(root: unknown): string {
  const seen = new WeakSet<object>();
  const walk = (value: unknown): unknown => {
    if (value === null || typeof value !== "object") return typeof value === "function" ? undefined : value;
    if (seen.has(value)) return "[seen]";
    seen.add(value);
    if (value instanceof Map) return [...value].map(([k, v]) => [walk(k), walk(v)]);
    if (value instanceof Set) return [...value].map(walk);
    if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
    if (Array.isArray(value)) return value.map(walk);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = walk((value as Record<string, unknown>)[key]);
    return out;
  };
  return JSON.stringify(walk(root));
}
