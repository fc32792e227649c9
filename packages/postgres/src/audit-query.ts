import {
  type AuditRecord,
  auditQueryFingerprint,
  decodeAuditCursor,
  encodeAuditCursor,
  type StoreAuditQuery,
  type StorePage,
} from "@staffroom/core/store";
import { auditFromRow } from "./rows";
import type { SqlRow } from "./sql-client";
import { Params } from "./user-query";

/** Runs one statement of the current transaction. */
type Run = (text: string, params: readonly unknown[]) => Promise<SqlRow[]>;

/** The instant as `toISOString()` gives it (milliseconds), as the memory store compares them. */
function canonicalInstant(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/**
 * `listAuditEvents`: an organization's events matching the query, newest first (by sequence, then
 * insertion order), `limit` at a time; the cursor is the sequence of the last event returned.
 * `from` and `to` are inclusive; `action` matches exactly.
 *
 * @example await listAuditEvents(run, orgId, { action: "user.disabled", limit: 50, cursor: null })
 */
export async function listAuditEvents(
  run: Run,
  organizationId: string,
  query: StoreAuditQuery,
): Promise<StorePage<AuditRecord>> {
  const fp = auditQueryFingerprint(organizationId, query);
  const before =
    query.cursor === null || query.cursor === undefined ? null : decodeAuditCursor(query.cursor, fp);
  const limit = Number.isFinite(query.limit) ? Math.max(0, Math.floor(query.limit)) : 0;
  const p = new Params();
  const where = [`organization_id = ${p.add(organizationId)}`];
  if (query.actorId !== undefined) where.push(`actor_user_id = ${p.add(query.actorId)}`);
  if (query.targetId !== undefined) where.push(`target_id = ${p.add(query.targetId)}`);
  if (query.action !== undefined) where.push(`action = ${p.add(query.action)}`);
  if (query.from !== undefined) where.push(`at >= ${p.add(canonicalInstant(query.from))}::timestamptz`);
  if (query.to !== undefined) where.push(`at <= ${p.add(canonicalInstant(query.to))}::timestamptz`);
  const countValues = [...p.values];
  const pageWhere = before === null ? where : [...where, `sequence < ${p.add(before)}`];
  const rows = await run(
    `SELECT event::text AS event FROM audit_events WHERE ${pageWhere.join(" AND ")}
     ORDER BY sequence DESC, position DESC LIMIT ${p.add(limit + 1)}`,
    p.values,
  );
  const items = rows.slice(0, limit).map(auditFromRow);
  const hasMore = rows.length > limit;
  let total = rows.length;
  if (before !== null || hasMore) {
    const counted = await run(
      `SELECT count(*)::int AS n FROM audit_events WHERE ${where.join(" AND ")}`,
      countValues,
    );
    total = Number(counted[0]?.n ?? 0);
  }
  const last = items[items.length - 1];
  return { items, total, nextCursor: hasMore && last ? encodeAuditCursor(fp, last.sequence) : null };
}
