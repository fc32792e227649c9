import { GENESIS_HASH, hashEvent } from "../audit/chain";
import type { AuditEvent, FieldChange } from "../model/audit.schema";
import type { ServiceContext, Unit } from "./context";

/** What a use-case says about its mutation; the writer adds time, actor, chain. */
export interface AuditEntry {
  readonly organizationId: string;
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string; readonly label: string };
  readonly changes?: Readonly<Record<string, FieldChange>>;
  readonly outcome?: "success" | "failure";
  readonly reason?: string;
  /** The actor's email when known; the actor's user id comes from the unit. */
  readonly actorEmail?: string | null;
  readonly actorUserId?: string | null;
}

/**
 * R13/R18: appends one event in the mutation's own transaction, chained to the organization's
 * previous event. Callers hold the organization lock, so sequences never collide.
 */
export async function writeAudit(ctx: ServiceContext, unit: Unit, entry: AuditEntry): Promise<AuditEvent> {
  const last = await unit.tx.lastAuditEvent(entry.organizationId);
  const base: Omit<AuditEvent, "hash"> = {
    id: ctx.ids("event"),
    organizationId: entry.organizationId,
    sequence: (last?.sequence ?? 0) + 1,
    at: unit.now,
    actor: {
      userId: entry.actorUserId === undefined ? unit.actor.userId : entry.actorUserId,
      email: entry.actorEmail ?? null,
    },
    action: entry.action,
    target: entry.target,
    outcome: entry.outcome ?? "success",
    ...(entry.reason ? { reason: entry.reason } : {}),
    changes: entry.changes ?? {},
    metadata: { ...(unit.actor.metadata ?? {}) },
    previousHash: last?.hash ?? GENESIS_HASH,
  };
  const event: AuditEvent = { ...base, hash: await hashEvent(base) };
  await unit.tx.appendAuditEvent(event);
  return event;
}

/** Before/after of every field that differs, for the audit trail (never called with secrets). */
export function diff(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const field of fields) {
    const b = before[field] ?? null;
    const a = after[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[field] = { before: b, after: a };
  }
  return out;
}
