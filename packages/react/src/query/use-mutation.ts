import { useCallback, useRef, useState } from "react";
import { useStaffroom } from "../provider/context";
import type { QueryCache, Rollback } from "./query-cache";
import type { QueryKey } from "./query-key";

/** How a mutation touches the cache. */
export interface MutationOptions<V, R> {
  /** The write itself. */
  readonly mutate: (variables: V) => Promise<R>;
  /** Applies the expected result to the cache at once; rolled back when the write fails. */
  readonly optimistic?: (cache: QueryCache, variables: V) => Rollback | undefined;
  /** Query prefixes to refetch after the write settles (success or failure). */
  readonly invalidates?: readonly QueryKey[] | ((variables: V, result: R | undefined) => readonly QueryKey[]);
  /** Writes the result into the cache after success (before invalidation). */
  readonly onSuccess?: (cache: QueryCache, result: R, variables: V) => void;
}

/** What {@link useMutation} returns. */
export interface MutationResult<V, R> {
  /** Runs the write; resolves with its result or rejects with its error (a DirectoryError when expected). */
  mutate(variables: V): Promise<R>;
  readonly isPending: boolean;
  readonly error: unknown;
  readonly data: R | undefined;
  /** Forgets the last error and result. */
  reset(): void;
}

/**
 * A write with optimistic update, rollback on failure and invalidation of related queries.
 *
 * @example
 * const disable = useMutation({ mutate: (id: string) => directory.users.disable(id), invalidates: [["users"]] });
 * await disable.mutate(user.id);
 */
export function useMutation<V, R>(options: MutationOptions<V, R>): MutationResult<V, R> {
  const { cache } = useStaffroom();
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [state, setState] = useState<{ isPending: boolean; error: unknown; data: R | undefined }>({
    isPending: false,
    error: null,
    data: undefined,
  });
  const mutate = useCallback(
    async (variables: V): Promise<R> => {
      const o = optionsRef.current;
      setState({ isPending: true, error: null, data: undefined });
      const rollback = o.optimistic?.(cache, variables);
      let result: R | undefined;
      try {
        result = await o.mutate(variables);
        o.onSuccess?.(cache, result, variables);
        setState({ isPending: false, error: null, data: result });
        return result;
      } catch (error) {
        rollback?.();
        setState({ isPending: false, error, data: undefined });
        throw error;
      } finally {
        const prefixes =
          typeof o.invalidates === "function" ? o.invalidates(variables, result) : (o.invalidates ?? []);
        void Promise.all(prefixes.map((p) => cache.invalidate(p)));
      }
    },
    [cache],
  );
  const reset = useCallback(() => setState({ isPending: false, error: null, data: undefined }), []);
  return { mutate, reset, ...state };
}
