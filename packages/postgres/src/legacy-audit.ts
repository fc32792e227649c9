import {
  type AuditDraft,
  type ChainCursor,
  checkLink,
  erasedSubject,
  GENESIS_HASH,
  type LegacyAuditEvent,
  sealAuditEvent,
  splitAuditEvent,
} from "@staffroom/core/store";
import { auditPersonalParams } from "./rows";
import type { SqlQueryable } from "./sql-client";

const BATCH = 500;

/**
 * An event of schema version 1 as a draft for `splitAuditEvent`. A legacy event edited in SQL may
 * lack fields; the legacy verification has already recorded that, and the split must not stop the
 * upgrade, so missing parts read as empty.
 */
function legacyDraft(raw: Partial<LegacyAuditEvent>): AuditDraft {
  return {
    id: String(raw.id ?? ""),
    organizationId: String(raw.organizationId ?? ""),
    sequence: Number(raw.sequence ?? 0),
    at: String(raw.at ?? ""),
    actor: { userId: raw.actor?.userId ?? null, email: raw.actor?.email ?? null },
    action: String(raw.action ?? ""),
    target: {
      type: String(raw.target?.type ?? ""),
      id: String(raw.target?.id ?? ""),
      label: String(raw.target?.label ?? ""),
    },
    outcome: raw.outcome === "failure" ? "failure" : "success",
    ...(raw.reason !== undefined ? { reason: raw.reason } : {}),
    changes: raw.changes ?? {},
    metadata: raw.metadata ?? {},
  };
}

/** What the legacy chain of one organization was, recorded in `audit_legacy_heads`. */
interface LegacyHead {
  events: number;
  checked: number;
  head: ChainCursor;
  problem: "edited" | "inserted" | "removed" | null;
  firstBadSequence: number | null;
}

/**
 * Migration 2's data step for one organization: verifies its version-1 chain (events hashed whole,
 * personal values inline), splits every event with core's `splitAuditEvent` into a chained event
 * and personal parts, re-chains them in the same order with the same sequences, records the
 * legacy head and verdict, and erases the parts of everyone the legacy chain already deleted (their
 * names were kept by version 1; the promise of W6 holds for them too).
 */
async function splitOrganization(q: SqlQueryable, organizationId: string): Promise<void> {
  const legacy: LegacyHead = {
    events: 0,
    checked: 0,
    head: { sequence: 0, hash: GENESIS_HASH },
    problem: null,
    firstBadSequence: null,
  };
  let verified: ChainCursor = { sequence: 0, hash: GENESIS_HASH };
  let previousHash = GENESIS_HASH;
  const tombstoned = new Set<string>();
  let after: { sequence: number; position: string } | null = null;
  for (;;) {
    const rows: { position?: unknown; event?: unknown }[] = await q.query(
      `SELECT position::text AS position, event::text AS event FROM audit_events
       WHERE organization_id = $1 AND ($2::int IS NULL OR (sequence, position) > ($2::int, $3::bigint))
       ORDER BY sequence, position LIMIT ${BATCH}`,
      [organizationId, after?.sequence ?? null, after?.position ?? null],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const old = JSON.parse(String(row.event)) as LegacyAuditEvent;
      legacy.events++;
      legacy.head = { sequence: Number(old.sequence), hash: String(old.hash) };
      if (legacy.problem === null) {
        const problem = await checkLink(verified, old);
        if (problem) {
          legacy.problem = problem;
          legacy.firstBadSequence = problem === "removed" ? verified.sequence + 1 : old.sequence;
        } else {
          verified = { sequence: old.sequence, hash: old.hash };
          legacy.checked++;
        }
      }
      const draft = legacyDraft(old);
      const { event, parts } = await splitAuditEvent(draft);
      const sealed = await sealAuditEvent(event, previousHash);
      previousHash = sealed.hash;
      await q.query("UPDATE audit_events SET event = $2::text::json WHERE position = $1::bigint", [
        String(row.position),
        JSON.stringify(sealed),
      ]);
      for (const part of parts)
        await q.query(
          `INSERT INTO audit_personal (organization_id, event_id, subject, salt, personal_values)
           VALUES ($1, $2, $3, $4, $5::text::json) ON CONFLICT DO NOTHING`,
          auditPersonalParams(part),
        );
      const erased = erasedSubject(draft);
      if (erased !== null) tombstoned.add(erased);
      after = { sequence: draft.sequence, position: String(row.position) };
    }
  }
  if (legacy.events === 0) return;
  await q.query(
    `INSERT INTO audit_legacy_heads (organization_id, events, checked, sequence, hash, verified, problem,
       first_bad_sequence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      organizationId,
      legacy.events,
      legacy.checked,
      legacy.head.sequence,
      legacy.head.hash,
      legacy.problem === null,
      legacy.problem,
      legacy.firstBadSequence,
    ],
  );
  if (tombstoned.size > 0)
    await q.query("DELETE FROM audit_personal WHERE organization_id = $1 AND subject = ANY($2::text[])", [
      organizationId,
      [...tombstoned],
    ]);
}

/**
 * Migration 2's data step: splits every organization's version-1 audit events (see
 * {@link splitOrganization}). Runs inside the migration's transaction: all or nothing.
 *
 * @example { version: 2, name: "erasable personal parts of audit events", statements, run: splitLegacyAudit }
 */
export async function splitLegacyAudit(q: SqlQueryable): Promise<void> {
  const orgs = await q.query("SELECT DISTINCT organization_id FROM audit_events ORDER BY organization_id");
  for (const row of orgs) await splitOrganization(q, String(row.organization_id));
}
