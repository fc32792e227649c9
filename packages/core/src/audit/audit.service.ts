import { type ActorSession, readOp } from "../directory/runner";
import { parseInput } from "../directory/validate";
import type { Page } from "../primitives/page.schema";
import type { AuditPersonalRecord } from "../store/records";
import { requireAuditReader } from "./audit.rules";
import { AuditQuerySchema } from "./audit.schema";
import type { AuditEvent, AuditVerification } from "./audit-event.schema";
import { type ChainCursor, checkLink, GENESIS_HASH } from "./chain";
import { checkPersonalParts, erasedSubject, joinAuditEvent } from "./personal";

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
    const parts = byEvent(
      await tx.listAuditPersonal(
        a.organization.id,
        page.items.map((e) => e.id),
      ),
    );
    return {
      items: page.items.map((e) => joinAuditEvent(e, parts.get(e.id) ?? [])),
      total: page.total,
      nextCursor: page.nextCursor,
    };
  });
}

function byEvent(parts: readonly AuditPersonalRecord[]): Map<string, AuditPersonalRecord[]> {
  const out = new Map<string, AuditPersonalRecord[]>();
  for (const part of parts) {
    const list = out.get(part.eventId);
    if (list) list.push(part);
    else out.set(part.eventId, [part]);
  }
  return out;
}

/** The first event whose personal part vanished, for a subject not yet tombstoned. */
interface Vanished {
  readonly sequence: number;
  /** Events verified before it, and the head they end at. */
  readonly checked: number;
  readonly head: ChainCursor | null;
}

/**
 * W14/R18: walks the chain and reports the first edited, inserted or removed event. Besides each
 * link, it checks every stored personal part against the digest its event holds, so a name or email
 * edited in the erasable table shows as `edited` at that event. A part may be missing only because
 * its subject was erased: the chain must hold that subject's tombstone (a deletion or revocation
 * event, at or after the event). A part missing without one shows as `edited` at the first event
 * that lost it.
 */
export async function verifyAudit(s: ActorSession): Promise<AuditVerification> {
  return readOp(s, async (tx, a) => {
    requireAuditReader(a);
    const orgId = a.organization.id;
    let previous: ChainCursor = { sequence: 0, hash: GENESIS_HASH };
    let checked = 0;
    const vanished = new Map<string, Vanished>();
    const tombstoned = new Set<string>();
    const headOf = () => (checked ? previous : null);
    const unexplained = (): Vanished | null => {
      let first: Vanished | null = null;
      for (const [subject, v] of vanished)
        if (!tombstoned.has(subject) && (!first || v.checked < first.checked)) first = v;
      return first;
    };
    for (;;) {
      const batch = await tx.scanAuditEvents(orgId, checked, 500);
      if (batch.length === 0) break;
      const parts = byEvent(
        await tx.listAuditPersonal(
          orgId,
          batch.map((e) => e.id),
        ),
      );
      for (const event of batch) {
        let problem = await checkLink(previous, event);
        const personal = problem ? null : await checkPersonalParts(event, parts.get(event.id) ?? []);
        if (personal?.edited) problem = "edited";
        if (problem)
          return {
            head: headOf(),
            ok: false,
            checked,
            firstBadSequence: problem === "removed" ? previous.sequence + 1 : event.sequence,
            problem,
          };
        for (const subject of personal?.missing ?? [])
          if (!vanished.has(subject))
            vanished.set(subject, { sequence: event.sequence, checked, head: headOf() });
        const erased = erasedSubject(event);
        if (erased !== null) tombstoned.add(erased);
        previous = { sequence: event.sequence, hash: event.hash };
        checked++;
      }
    }
    const lost = unexplained();
    if (lost)
      return {
        ok: false,
        checked: lost.checked,
        firstBadSequence: lost.sequence,
        problem: "edited",
        head: lost.head,
      };
    return { ok: true, checked, firstBadSequence: null, problem: null, head: headOf() };
  });
}
