import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { useStaffroom } from "../provider/context";
import type { QueryCache } from "./query-cache";
import { hashKey, type QueryKey } from "./query-key";

/** Options of {@link useQuery}. */
export interface UseQueryOptions {
  /** Load only when true. Default true. */
  readonly enabled?: boolean;
  /**
   * While a new key loads, keep showing the last data of this hook (search-as-you-type, paging).
   * Never past a failure of the new key (its error shows) nor across caches (another directory).
   * Default false.
   */
  readonly keepPrevious?: boolean;
}

/** What {@link useQuery} returns. */
export interface QueryResult<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  /** Nothing to show yet: the first load is running. */
  readonly isLoading: boolean;
  /** A request is in flight (first load or refetch). */
  readonly isFetching: boolean;
  /** The first load failed and there is no data. */
  readonly isError: boolean;
  /** The data shown belongs to a previous key (`keepPrevious`) whose successor is still loading. */
  readonly isPrevious: boolean;
  /** Loads again, ignoring freshness. */
  refetch(): Promise<void>;
}

/**
 * Reads a query from the provider's cache through `useSyncExternalStore`: one request per key
 * however many components ask, re-rendering only when that key changes.
 *
 * @example
 * const roles = useQuery(["roles", "list"], () => directory.roles.list());
 * if (roles.isLoading) return <Spinner />;
 */
export function useQuery<T>(
  key: QueryKey,
  fetcher: () => Promise<T>,
  options: UseQueryOptions = {},
): QueryResult<T> {
  const { cache } = useStaffroom();
  const enabled = options.enabled ?? true;
  const hash = hashKey(key);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the hash stands for the key
  const stableKey = useMemo(() => key, [hash]);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const subscribe = useCallback(
    (listener: () => void) => cache.subscribe(stableKey, listener),
    [cache, stableKey],
  );
  const getSnapshot = useCallback(() => cache.get<T>(stableKey), [cache, stableKey]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);

  useEffect(() => {
    if (!enabled) return;
    cache.fetch(stableKey, () => fetcherRef.current()).catch(() => undefined);
  }, [cache, stableKey, enabled]);

  // The last data this hook showed, and the cache it came from: a provider's new directory (another
  // organization, another session) brings a new cache, and one organization's rows must never stand
  // in for another's while it loads.
  const previous = useRef<{ readonly cache: QueryCache; readonly data: T } | null>(null);
  if (snapshot.data !== undefined) previous.current = { cache, data: snapshot.data };
  // Only while the new key is still loading: once its request has failed there is nothing to wait
  // for, so the error shows (with its retry) instead of the old data marked busy for good.
  const kept =
    options.keepPrevious === true && snapshot.data === undefined && snapshot.status === "pending"
      ? previous.current
      : null;
  const showPrevious = kept !== null && kept.cache === cache;
  const data = showPrevious ? kept.data : snapshot.data;

  const refetch = useCallback(async () => {
    await cache.fetch(stableKey, () => fetcherRef.current(), { force: true }).catch(() => undefined);
  }, [cache, stableKey]);

  return {
    data,
    error: snapshot.error,
    isLoading: data === undefined && snapshot.status !== "error" && enabled,
    isFetching: snapshot.fetching,
    isError: snapshot.status === "error" && data === undefined,
    isPrevious: showPrevious,
    refetch,
  };
}
