import type { StaffDirectory } from "@staffroom/core";
import type { UserRef } from "../../hooks/user-writes";
import { useDirectory } from "../../provider/context";
import { type MutationOptions, type MutationResult, useMutation } from "../../query/use-mutation";

/** A write of the action table: the mutation options of one of the user hooks, its result unread. */
export type UserWrite = (directory: StaffDirectory) => MutationOptions<UserRef, unknown>;

/**
 * The action table's form of a hook's write (`disableUser` behind `useDisableUser`, …): the same
 * write, optimistic update and invalidation, typed so writes with different results share a table.
 *
 * @example const write = userWrite(disableUser);
 */
export function userWrite<R>(factory: (directory: StaffDirectory) => MutationOptions<UserRef, R>): UserWrite {
  return (directory) => {
    const { mutate, optimistic, onSuccess, invalidates } = factory(directory);
    // Each result handed back below is the one this same `mutate` resolved with.
    return {
      mutate,
      ...(optimistic ? { optimistic } : {}),
      ...(onSuccess ? { onSuccess: (cache, result, user) => onSuccess(cache, result as R, user) } : {}),
      ...(invalidates
        ? {
            invalidates:
              typeof invalidates === "function"
                ? (user, result) => invalidates(user, result as R | undefined)
                : invalidates,
          }
        : {}),
    };
  };
}

/** Which write of the action table to run, on whom. */
export interface ActionWriteVariables {
  readonly write: UserWrite;
  readonly user: UserRef;
}

/**
 * One mutation that runs any row write of the action table with that write's own optimistic
 * update, cache writes and invalidation — the same options `useDisableUser` and its siblings use.
 *
 * @example const run = useActionWrite(); await run.mutate({ write: userWrite(disableUser), user });
 */
export function useActionWrite(): MutationResult<ActionWriteVariables, unknown> {
  const directory = useDirectory();
  return useMutation<ActionWriteVariables, unknown>({
    mutate: ({ write, user }) => write(directory).mutate(user),
    optimistic: (cache, { write, user }) => write(directory).optimistic?.(cache, user),
    onSuccess: (cache, result, { write, user }) => write(directory).onSuccess?.(cache, result, user),
    invalidates: ({ write, user }, result) => {
      const prefixes = write(directory).invalidates ?? [];
      return typeof prefixes === "function" ? prefixes(user, result) : prefixes;
    },
  });
}
