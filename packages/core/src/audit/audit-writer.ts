import type { ActorContext } from "../access/actor";
import type { ServiceContext, Unit } from "../directory/context";
import type {
  AuditRecord,
  LocationRecord,
  OrganizationRecord,
  RoleRecord,
  UserRecord,
} from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { displayName } from "../users/user.schema";
import type { AuditDraft, RequestMetadata } from "./audit.schema";
import type { FieldChange } from "./audit-event.schema";
import { canonicalJson, GENESIS_HASH } from "./chain";
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
  /** A provisioning token's label, when a token acts (kept in the chain: a token is not a person). */
  readonly actorLabel?: string;
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
      ...(entry.actorLabel !== undefined ? { label: entry.actorLabel } : {}),
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

/**
 * Before/after of every listed field that differs (compared as canonical JSON, keys sorted; absent counts as null), for
 * the audit trail. The fields are keys of the record, so a renamed field fails to compile here
 * instead of silently dropping out of the trail. Never called with secrets.
 *
 * @example diff(before, next, ["status", "mustChangePassword"]) // { status: { before: "active", after: "disabled" } }
 * @example diff({}, created, ["roleId"]) // every listed field of a new record, before: null
 */
export function diff<T extends object, K extends keyof T & string>(
  before: NoInfer<Partial<Pick<T, K>>>,
  after: T,
  fields: readonly K[],
): Partial<Record<K, FieldChange>> {
  const out: Partial<Record<K, FieldChange>> = {};
  for (const field of fields) {
    const b = before[field] ?? null;
    const a = after[field] ?? null;
    // Key order is not a change: a store may hand back a JSON column's keys in its own order
    // (PostgreSQL's jsonb sorts them), while a parsed patch has the schema's.
    if (canonicalJson(b) !== canonicalJson(a)) out[field] = { before: b, after: a };
  }
  return out;
}

/** The record an event is about, as the trail names it. @example { type: "user", id: "usr_…", label: "Jane Smith RN" } */
export type AuditTarget = AuditEntry["target"];

/**
 * How the trail names each kind of record: a user by display name, the others by their name.
 *
 * @example auditTarget.user(user) // { type: "user", id: user.id, label: "Jane Smith RN" }
 */
export const auditTarget = {
  user: (user: Pick<UserRecord, "id" | "profile">): AuditTarget => ({
    type: "user",
    id: user.id,
    label: displayName(user.profile),
  }),
  role: (role: Pick<RoleRecord, "id" | "name">): AuditTarget => ({
    type: "role",
    id: role.id,
    label: role.name,
  }),
  location: (location: Pick<LocationRecord, "id" | "name">): AuditTarget => ({
    type: "location",
    id: location.id,
    label: location.name,
  }),
  organization: (organization: Pick<OrganizationRecord, "id" | "name">): AuditTarget => ({
    type: "organization",
    id: organization.id,
    label: organization.name,
  }),
};

/** What the acting user did, for {@link auditActor}: the action, its target and the changed fields. */
export interface ActorAuditEntry {
  readonly action: string;
  readonly target: AuditTarget;
  readonly changes?: Readonly<Record<string, FieldChange>>;
}

/**
 * R13, R18: records what the acting user did, in their organization and under their email (a
 * provisioning token: under its label, which stays in the chain, since a token is not a person), inside
 * the mutation's own transaction ({@link writeAudit}). Every use-case that acts through
 * `forActor(actor)` writes its event this way.
 *
 * @example await auditActor(s.ctx, unit, a, { action: "user.disabled", target: auditTarget.user(user), changes });
 */
export function auditActor(
  ctx: ServiceContext,
  unit: Unit,
  a: ActorContext,
  entry: ActorAuditEntry,
): Promise<AuditRecord> {
  return writeAudit(ctx, unit, {
    organizationId: a.organization.id,
    ...entry,
    ...(a.user ? { actorEmail: a.user.email } : { actorLabel: a.token?.label ?? "" }),
  });
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
