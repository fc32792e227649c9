import type { ServiceContext, Unit } from "../directory/context";
import type { AuditRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import type { AuditDraft, FieldChange, RequestMetadata } from "./audit.schema";
import { GENESIS_HASH } from "./chain";
import { sealAuditEvent, splitAuditEvent } from "./personal";

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
 * previous event. The event is split first (`splitAuditEvent`): the chain gets no personal value;
 * the actor's email and request metadata, the target person's name and personal changes go to
 * erasable personal parts. Callers hold the organization lock, so sequences never collide.
 */
export async function writeAudit(ctx: ServiceContext, unit: Unit, entry: AuditEntry): Promise<AuditRecord> {
  const last = await unit.tx.lastAuditEvent(entry.organizationId);
  const draft: AuditDraft = {
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
  };
  const { event, parts } = await splitAuditEvent(draft);
  const sealed = await sealAuditEvent(event, last?.hash ?? GENESIS_HASH);
  await unit.tx.appendAuditEvent(sealed, parts);
  return sealed;
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

/** An event a person causes about their own account or membership (sign-in, password, acceptance). */
export interface SelfAuditEntry {
  readonly organizationId: string;
  /** The person's user id in that organization, or null when unknown (a sign-in to a stranger's email). */
  readonly userId: string | null;
  readonly email: string;
  readonly action: string;
  readonly target?: AuditEntry["target"];
  readonly outcome?: "success" | "failure";
  readonly reason?: string;
  readonly changes?: AuditEntry["changes"];
  readonly metadata?: RequestMetadata | undefined;
}

/**
 * Writes a self-caused event inside `tx` (which must hold the organization lock): the person is the
 * actor, their account the default target.
 */
export async function auditSelf(
  ctx: ServiceContext,
  tx: StoreTransaction,
  nowMs: number,
  e: SelfAuditEntry,
): Promise<void> {
  const unit: Unit = {
    tx,
    now: new Date(nowMs).toISOString(),
    nowMs,
    mail: [],
    actor: {
      organizationId: e.organizationId,
      userId: e.userId ?? "",
      ...(e.metadata ? { metadata: e.metadata } : {}),
    },
  };
  await writeAudit(ctx, unit, {
    organizationId: e.organizationId,
    action: e.action,
    target: e.target ?? { type: "account", id: e.userId ?? "unknown", label: e.email },
    ...(e.outcome ? { outcome: e.outcome } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.changes ? { changes: e.changes } : {}),
    actorEmail: e.email,
    actorUserId: e.userId,
  });
}
