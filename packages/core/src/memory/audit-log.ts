import { auditQueryFingerprint, decodeAuditCursor, encodeAuditCursor } from "../store/cursor";
import type { AuditRecord, StoreAuditQuery, StorePage } from "../store/records";
import { canonicalInstant } from "./ordering";

/** Index of the first event whose sequence is ≥ `sequence` (> when `strict`); events ascend by sequence. */
function firstAtOrAfter(events: readonly AuditRecord[], sequence: number, strict = false): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = (events[mid] as AuditRecord).sequence;
    if (s < sequence || (strict && s === sequence)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One organization's append-only audit events, ascending by sequence.
 *
 * @example
 * const log = new AuditLog();
 * log.append(event);
 * log.last()?.sequence;
 */
export class AuditLog {
  private readonly items: AuditRecord[] = [];

  /** The events, ascending by sequence (read-only view). */
  get events(): readonly AuditRecord[] {
    return this.items;
  }

  /** The newest event, or null. */
  last(): AuditRecord | null {
    return this.items[this.items.length - 1] ?? null;
  }

  /**
   * Appends a (frozen) event. The transaction checked that its sequence follows the last one; this
   * never throws, so a commit cannot stop halfway.
   */
  append(event: AuditRecord): void {
    this.items.push(event);
  }

  /** Tamper helper: replaces the event with this sequence; returns whether there was one. */
  replace(sequence: number, next: AuditRecord): boolean {
    const at = firstAtOrAfter(this.items, sequence);
    if (this.items[at]?.sequence !== sequence) return false;
    this.items[at] = next;
    return true;
  }

  /** Tamper helper: removes the event with this sequence; returns whether there was one. */
  remove(sequence: number): boolean {
    const at = firstAtOrAfter(this.items, sequence);
    if (this.items[at]?.sequence !== sequence) return false;
    this.items.splice(at, 1);
    return true;
  }

  /** Tamper helper: inserts an event at its sequence's place (after events with the same sequence). */
  insert(event: AuditRecord): void {
    this.items.splice(firstAtOrAfter(this.items, event.sequence, true), 0, event);
  }
}

/**
 * Events matching the query, newest first, `limit` at a time; the cursor is the sequence of the
 * last event returned. `from` and `to` are inclusive; `action` matches exactly.
 *
 * @example listAudit(log.events, orgId, { action: "user.disabled", limit: 50, cursor: null })
 */
export function listAudit(
  events: readonly AuditRecord[],
  organizationId: string,
  query: StoreAuditQuery,
): StorePage<AuditRecord> {
  const fp = auditQueryFingerprint(organizationId, query);
  const cursor = query.cursor;
  const before =
    cursor === null || cursor === undefined ? Number.POSITIVE_INFINITY : decodeAuditCursor(cursor, fp);
  const limit = Number.isFinite(query.limit) ? Math.max(0, Math.floor(query.limit)) : 0;
  const from = query.from === undefined ? null : canonicalInstant(query.from);
  const to = query.to === undefined ? null : canonicalInstant(query.to);
  const { actorId, targetId, action } = query;
  const filtered =
    from !== null || to !== null || actorId !== undefined || targetId !== undefined || action !== undefined;
  const matches = (e: AuditRecord): boolean => {
    if (actorId !== undefined && e.actor.userId !== actorId) return false;
    if (targetId !== undefined && e.target.id !== targetId) return false;
    if (action !== undefined && e.action !== action) return false;
    if (from === null && to === null) return true;
    const at = canonicalInstant(e.at);
    return (from === null || at >= from) && (to === null || at <= to);
  };

  let total = events.length;
  if (filtered) {
    total = 0;
    for (const e of events) if (matches(e)) total++;
  }
  const rows: AuditRecord[] = [];
  for (let i = firstAtOrAfter(events, before) - 1; i >= 0 && rows.length <= limit; i--) {
    const e = events[i] as AuditRecord;
    if (matches(e)) rows.push(e);
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeAuditCursor(fp, last.sequence) : null;
  return { items, total, nextCursor };
}

/**
 * Up to `limit` events as stored (ascending), skipping the first `offset` — by position, not by
 * sequence, so `audit.verify()` walks every stored event even when a tampered log has gaps or
 * repeated sequences (the store contract of `scanAuditEvents`).
 *
 * @example scanAudit(log.events, 0, 500)
 */
export function scanAudit(events: readonly AuditRecord[], offset: number, limit: number): AuditRecord[] {
  const start = Math.max(0, Math.floor(offset));
  return events.slice(start, start + Math.max(0, Math.floor(limit)));
}
