import {
  decodeSessionCursor,
  encodeSessionCursor,
  type SessionRecord,
  type StorePage,
  type StoreSessionQuery,
  sessionQueryFingerprint,
} from "@staffroom/core/store";
import { sessionFromRow } from "./rows";
import type { SqlRow } from "./sql-client";
import { Params } from "./user-query";

/** Runs one statement of the current transaction. */
type Run = (text: string, params: readonly unknown[]) => Promise<SqlRow[]>;

/** The conditions of a session query: live in its window, of its user, inside its scope (joined user). */
function sessionConditions(organizationId: string, q: StoreSessionQuery, p: Params): string[] {
  const where = [
    `s.organization_id = ${p.add(organizationId)}`,
    `s.expires_at > ${p.add(q.now)}::timestamptz`,
    `s.last_seen_at > ${p.add(q.idleSince)}::timestamptz`,
    `s.created_at > ${p.add(q.createdSince)}::timestamptz`,
  ];
  if (q.userId !== undefined) where.push(`s.user_id = ${p.add(q.userId)}`);
  if (q.scopeLocationIds !== undefined)
    where.push(`(u.org_wide OR u.location_ids && ${p.add([...new Set(q.scopeLocationIds)])}::text[])`);
  return where;
}

// The scope needs the session's user; the join is on the users primary key.
const FROM = "FROM sessions s JOIN users u ON u.id = s.user_id AND u.organization_id = s.organization_id";

/**
 * `listSessions`: one organization's live sessions, newest sign-in first (`created_at DESC, id
 * DESC`, the `sessions_newest` index), paged by keyset from the cursor on; the total is a separate
 * count, skipped when the first page holds every match.
 *
 * @example await listSessions(run, orgId, { now, idleSince, createdSince, limit: 50, cursor: null })
 */
export async function listSessions(
  run: Run,
  organizationId: string,
  query: StoreSessionQuery,
): Promise<StorePage<SessionRecord>> {
  const fp = sessionQueryFingerprint(organizationId, query);
  const after = query.cursor === null ? null : decodeSessionCursor(query.cursor, fp);
  const limit = Number.isFinite(query.limit) ? Math.max(0, Math.floor(query.limit)) : 0;
  const p = new Params();
  const where = sessionConditions(organizationId, query, p);
  if (after !== null)
    where.push(`(s.created_at, s.id) < (${p.add(after.createdAt)}::timestamptz, ${p.add(after.id)})`);
  const rows = await run(
    `SELECT s.* ${FROM} WHERE ${where.join(" AND ")} ORDER BY s.created_at DESC, s.id DESC LIMIT ${p.add(limit + 1)}`,
    p.values,
  );
  const items = rows.slice(0, limit).map(sessionFromRow);
  const hasMore = rows.length > limit;
  let total = rows.length;
  if (after !== null || hasMore) {
    const c = new Params();
    const counted = await run(
      `SELECT count(*)::int AS n ${FROM} WHERE ${sessionConditions(organizationId, query, c).join(" AND ")}`,
      c.values,
    );
    total = Number(counted[0]?.n ?? 0);
  }
  const last = items.at(-1);
  return {
    items,
    total,
    nextCursor: hasMore && last ? encodeSessionCursor(fp, { createdAt: last.createdAt, id: last.id }) : null,
  };
}
