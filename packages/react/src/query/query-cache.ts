import { type Draft, produce } from "immer";
import { hashKey, matchesPrefix, type QueryKey } from "./query-key";

/**
 * What a subscriber sees of one query. Snapshots are immutable: a change makes a new object, so
 * `useSyncExternalStore` re-renders exactly the components whose query changed.
 *
 * @example { status: "success", data: page, error: null, fetching: false, updatedAt: 1764000000000 }
 */
export interface QuerySnapshot<T> {
  readonly status: "pending" | "success" | "error";
  readonly data: T | undefined;
  readonly error: unknown;
  /** A request for this key is in flight (the first load or a refetch). */
  readonly fetching: boolean;
  /** When the data last arrived (ms), 0 before. */
  readonly updatedAt: number;
}

interface Entry {
  key: QueryKey;
  snapshot: QuerySnapshot<unknown>;
  fetcher: (() => Promise<unknown>) | null;
  inflight: Promise<unknown> | null;
  /** Bumped by every write to the entry, so a response that raced a newer write is dropped. */
  generation: number;
  stale: boolean;
  listeners: Set<() => void>;
  gcTimer: ReturnType<typeof setTimeout> | null;
}

/** Options of {@link createQueryCache}. @example { gcTimeMs: 60_000 } */
export interface QueryCacheOptions {
  /** How long a query nobody watches stays cached. Default 5 minutes. */
  readonly gcTimeMs?: number;
}

/** Undoes an optimistic update. */
export type Rollback = () => void;

/**
 * A small query cache: deduplicated requests per key, subscriptions for `useSyncExternalStore`,
 * optimistic immer updates with rollback, and invalidation by key prefix.
 *
 * @example
 * const cache = createQueryCache();
 * await cache.fetch(["roles", "list"], () => directory.roles.list());
 * const rollback = cache.update(["users"], (draft) => { … });
 * cache.invalidate(["users"]);
 */
export interface QueryCache {
  /** The current snapshot of a key (a shared "pending" snapshot for unknown keys). */
  get<T>(key: QueryKey): QuerySnapshot<T>;
  /** Calls `listener` whenever the key's snapshot changes; returns the unsubscribe. */
  subscribe(key: QueryKey, listener: () => void): () => void;
  /** Loads a key unless fresh data or a request is there already; concurrent calls share one request. */
  fetch<T>(key: QueryKey, fetcher: () => Promise<T>, options?: { force?: boolean }): Promise<T>;
  /** Replaces the data of one key. */
  set<T>(key: QueryKey, data: T): void;
  /**
   * Applies an immer recipe to the data of every loaded key under `prefix`, at once, and returns a
   * rollback that restores exactly those entries (unless they were written again meanwhile).
   */
  update<T>(prefix: QueryKey, recipe: (draft: Draft<T>, key: QueryKey) => void): Rollback;
  /**
   * Marks every key under `prefix` stale and refetches those that someone watches. Requests already
   * in flight under `prefix` are superseded: their answers are dropped and the next fetch reads again.
   */
  invalidate(prefix: QueryKey): Promise<void>;
  /** Every cached key (for tests and devtools). */
  keys(): QueryKey[];
  /** Drops everything. */
  clear(): void;
}

const PENDING: QuerySnapshot<never> = Object.freeze({
  status: "pending",
  data: undefined,
  error: null,
  fetching: false,
  updatedAt: 0,
});

/**
 * Creates a {@link QueryCache}. One per {@link StaffroomProvider}; tests may make their own.
 *
 * @example const cache = createQueryCache({ gcTimeMs: 0 });
 */
export function createQueryCache(options: QueryCacheOptions = {}): QueryCache {
  const gcTimeMs = options.gcTimeMs ?? 5 * 60_000;
  const entries = new Map<string, Entry>();

  const entryOf = (key: QueryKey): Entry => {
    const hash = hashKey(key);
    let entry = entries.get(hash);
    if (!entry) {
      entry = {
        key,
        snapshot: PENDING,
        fetcher: null,
        inflight: null,
        generation: 0,
        stale: true,
        listeners: new Set(),
        gcTimer: null,
      };
      entries.set(hash, entry);
    }
    return entry;
  };

  const publish = (entry: Entry, next: Partial<QuerySnapshot<unknown>>): void => {
    entry.snapshot = Object.freeze({ ...entry.snapshot, ...next });
    for (const listener of [...entry.listeners]) listener();
  };

  const scheduleGc = (hash: string, entry: Entry): void => {
    if (entry.gcTimer) clearTimeout(entry.gcTimer);
    entry.gcTimer = setTimeout(() => {
      if (entry.listeners.size === 0 && !entry.inflight) entries.delete(hash);
    }, gcTimeMs);
  };

  const run = (entry: Entry): Promise<unknown> => {
    const fetcher = entry.fetcher;
    if (!fetcher) return Promise.resolve(entry.snapshot.data);
    const generation = ++entry.generation;
    publish(entry, { fetching: true });
    // Every answer, kept or dropped, success or failure, ends this request's part in `fetching`:
    // true stays only while a newer request of the key is still out. Returns whether the answer is
    // still the newest word on the key (no write, invalidation or newer request since it started).
    const settle = (): boolean => {
      if (entry.inflight === promise) entry.inflight = null;
      if (generation === entry.generation) return true;
      if (!entry.inflight && entry.snapshot.fetching) publish(entry, { fetching: false });
      return false;
    };
    const promise: Promise<unknown> = fetcher().then(
      (data) => {
        if (settle()) {
          entry.stale = false;
          publish(entry, { status: "success", data, error: null, fetching: false, updatedAt: Date.now() });
        }
        return data;
      },
      (error: unknown) => {
        if (settle()) {
          publish(entry, {
            status: entry.snapshot.data === undefined ? "error" : entry.snapshot.status,
            error,
            fetching: false,
          });
        }
        throw error;
      },
    );
    entry.inflight = promise;
    return promise;
  };

  return {
    get<T>(key: QueryKey) {
      return (entries.get(hashKey(key))?.snapshot ?? PENDING) as QuerySnapshot<T>;
    },
    subscribe(key, listener) {
      const hash = hashKey(key);
      const entry = entryOf(key);
      entry.listeners.add(listener);
      if (entry.gcTimer) clearTimeout(entry.gcTimer);
      return () => {
        entry.listeners.delete(listener);
        if (entry.listeners.size === 0) scheduleGc(hash, entry);
      };
    },
    fetch<T>(key: QueryKey, fetcher: () => Promise<T>, opts: { force?: boolean } = {}) {
      const entry = entryOf(key);
      entry.fetcher = fetcher;
      if (entry.inflight && !opts.force) return entry.inflight as Promise<T>;
      if (!entry.stale && !opts.force && entry.snapshot.status === "success") {
        return Promise.resolve(entry.snapshot.data as T);
      }
      return run(entry) as Promise<T>;
    },
    set(key, data) {
      const entry = entryOf(key);
      entry.generation++;
      entry.stale = false;
      publish(entry, { status: "success", data, error: null, updatedAt: Date.now() });
    },
    update<T>(prefix: QueryKey, recipe: (draft: Draft<T>, key: QueryKey) => void): Rollback {
      const saved: { entry: Entry; data: unknown; generation: number }[] = [];
      for (const entry of entries.values()) {
        if (entry.snapshot.data === undefined || !matchesPrefix(entry.key, prefix)) continue;
        const before = entry.snapshot.data;
        const after = produce(before as T, (draft) => {
          recipe(draft, entry.key);
        });
        if (after === before) continue;
        const generation = ++entry.generation;
        saved.push({ entry, data: before, generation });
        publish(entry, { data: after });
      }
      return () => {
        for (const { entry, data, generation } of saved) {
          if (entry.generation !== generation) continue;
          entry.generation++;
          publish(entry, { data });
        }
      };
    },
    async invalidate(prefix) {
      const waits: Promise<unknown>[] = [];
      for (const entry of entries.values()) {
        if (!matchesPrefix(entry.key, prefix)) continue;
        entry.stale = true;
        if (entry.inflight) {
          // A request in flight may have been answered before the write: its answer must neither land
          // as fresh data nor be joined by the next fetch (it would bring back what the write changed,
          // e.g. a deleted user, and nothing would read the key again).
          entry.generation++;
          entry.inflight = null;
        }
        if (entry.listeners.size > 0 && entry.fetcher) waits.push(run(entry).catch(() => undefined));
      }
      await Promise.all(waits);
    },
    keys: () => [...entries.values()].map((e) => e.key),
    clear() {
      for (const entry of entries.values()) if (entry.gcTimer) clearTimeout(entry.gcTimer);
      entries.clear();
    },
  };
}
