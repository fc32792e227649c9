import { decodeSessionCursor, encodeSessionCursor, sessionQueryFingerprint } from "../store/cursor";
import type { SessionRecord, StorePage, StoreSessionQuery, UserRecord } from "../store/records";

/** Newest sign-in first, ties by id descending: the order of `listSessions`. */
const newestFirst = (a: SessionRecord, b: SessionRecord): number =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/** Whether a session lies inside the live window of `query`. */
export function sessionLive(
  s: SessionRecord,
  window: { readonly now: string; readonly idleSince: string; readonly createdSince?: string | undefined },
): boolean {
  return (
    Date.parse(s.expiresAt) > Date.parse(window.now) &&
    Date.parse(s.lastSeenAt) > Date.parse(window.idleSince) &&
    (window.createdSince === undefined || Date.parse(s.createdAt) > Date.parse(window.createdSince))
  );
}

/**
 * `listSessions` over an organization's sessions (already narrowed to it): live ones matching the
 * user and scope filters, newest first, one page after the cursor.
 *
 * @example runSessionQuery(orgId, sessions, (id) => view.user(orgId, id), query)
 */
export function runSessionQuery(
  organizationId: string,
  sessions: readonly SessionRecord[],
  userOf: (userId: string) => UserRecord | null,
  query: StoreSessionQuery,
): StorePage<SessionRecord> {
  const fp = sessionQueryFingerprint(organizationId, query);
  const after = query.cursor === null ? null : decodeSessionCursor(query.cursor, fp);
  const scope = query.scopeLocationIds ? new Set(query.scopeLocationIds) : null;
  const inScope = (s: SessionRecord): boolean => {
    if (scope === null) return true;
    const access = userOf(s.userId)?.locationAccess;
    if (access === undefined) return false;
    return access === "organization" || access.some((id) => scope.has(id));
  };
  const matches = sessions
    .filter(
      (s) =>
        s.organizationId === organizationId &&
        sessionLive(s, query) &&
        (query.userId === undefined || s.userId === query.userId) &&
        inScope(s),
    )
    .sort(newestFirst);
  const start =
    after === null
      ? 0
      : matches.findIndex((s) => newestFirst(s, { ...s, createdAt: after.createdAt, id: after.id }) > 0);
  const from = start === -1 ? matches.length : start;
  const items = matches.slice(from, from + query.limit);
  const last = items.at(-1);
  const more = from + query.limit < matches.length;
  return {
    items,
    total: matches.length,
    nextCursor: more && last ? encodeSessionCursor(fp, { createdAt: last.createdAt, id: last.id }) : null,
  };
}
