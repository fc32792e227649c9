import type { Page, SessionQuery, SessionSummary } from "@staffroom/core";
import { useDirectory } from "../provider/context";
import { type MutationResult, useMutation } from "../query/use-mutation";
import { type QueryResult, type UseQueryOptions, useQuery } from "../query/use-query";
import { queryKeys } from "./keys";

/**
 * W13: a page of the organization's live sessions — who, where from, since when, last active —
 * newest sign-in first (`sessions.list`; needs `users.manage`).
 *
 * @example const sessions = useSessions({ limit: 50 }); sessions.data?.items[0]?.displayName
 */
export function useSessions(
  query: SessionQuery = {},
  options?: UseQueryOptions,
): QueryResult<Page<SessionSummary>> {
  const directory = useDirectory();
  return useQuery(queryKeys.sessions.list(query), () => directory.sessions.list(query), options);
}

/**
 * W13: ends one session (`sessions.end`): its row leaves the list at once and comes back if core
 * refuses; the sessions, seat usage (concurrent) and audit trail reload after.
 *
 * @example const end = useEndSession(); await end.mutate(session);
 */
export function useEndSession(): MutationResult<SessionSummary, void> {
  const directory = useDirectory();
  return useMutation({
    mutate: (session) => directory.sessions.end(session.id),
    optimistic: (cache, session) =>
      cache.update<Page<SessionSummary>>(queryKeys.sessions.lists, (draft) => {
        const at = draft.items.findIndex((s) => s.id === session.id);
        if (at < 0) return;
        draft.items.splice(at, 1);
        draft.total -= 1;
      }),
    invalidates: [queryKeys.sessions.all, queryKeys.organization.usage, queryKeys.audit.all],
  });
}
