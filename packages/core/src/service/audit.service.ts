import type { AuditVerification } from "../api/staff-directory";
import { checkLink, GENESIS_HASH } from "../audit/chain";
import { fail } from "../errors/directory-error";
import type { Page } from "../list/user-query.schema";
import { type AuditEvent, AuditQuerySchema } from "../model/audit.schema";
import { type ActorContext, requirePermission } from "./actor";
import { type ActorSession, readOp } from "./runner";
import { parseInput } from "./validate";

/**
 * The trail is organization-wide: a location-limited actor would see events about users outside its
 * scope (R5), so only org-wide actors read it.
 */
function requireAuditReader(a: ActorContext): void {
  requirePermission(a, "audit.view");
  if (a.subject.locations !== null)
    throw fail.forbidden("Only organization-wide administrators read the audit trail.");
}

/** W14: events newest first, filtered by time, actor, target and action. */
export async function listAudit(s: ActorSession, raw: unknown): Promise<Page<AuditEvent>> {
  const q = parseInput(AuditQuerySchema, raw ?? {});
  return readOp(s, async (tx, a) => {
    requireAuditReader(a);
    const page = await tx.listAuditEvents(a.organization.id, {
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.targetId ? { targetId: q.targetId } : {}),
      ...(q.action ? { action: q.action } : {}),
      limit: q.limit ?? 50,
      cursor: q.cursor ?? null,
    });
    return { items: page.items, total: page.total, nextCursor: page.nextCursor };
  });
}

/** W14/R18: walks the chain and reports the first edited, inserted or removed event. */
export async function verifyAudit(s: ActorSession): Promise<AuditVerification> {
  return readOp(s, async (tx, a) => {
    requireAuditReader(a);
    let previous = { sequence: 0, hash: GENESIS_HASH };
    let checked = 0;
    for (;;) {
      const batch = await tx.scanAuditEvents(a.organization.id, checked, 500);
      if (batch.length === 0) break;
      for (const event of batch) {
        const problem = await checkLink(previous, event);
        if (problem)
          return {
            head: checked ? previous : null,
            ok: false,
            checked,
            firstBadSequence: problem === "removed" ? previous.sequence + 1 : event.sequence,
            problem,
          };
        previous = { sequence: event.sequence, hash: event.hash };
        checked++;
      }
    }
    return { ok: true, checked, firstBadSequence: null, problem: null, head: checked ? previous : null };
  });
}
