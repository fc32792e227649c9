import { randomBytes, sha256Hex, toHex } from "../ports/crypto";
import { isProvisioningTokenId } from "../provisioning/token-id";
import type {
  AuditChainedEvent,
  AuditDraft,
  AuditPersonalPart,
  AuditPersonalRef,
  AuditPersonalValues,
} from "./audit.schema";
import type { AuditEvent, FieldChange } from "./audit-event.schema";
import { canonicalJson, hashEvent } from "./chain";

/**
 * Changes of a person (a `user` or `account` target) that stay in the hash chain: privilege and state
 * fields, whose before/after R18 requires to outlive the person. Every other changed field of a
 * person (email, profile, provider profile, and any field added later until it is listed here) is
 * personal and goes to the person's erasable part. `licences` are licence-type keys the organization
 * assigns (seat entitlements), `flags` and `loginChannels` are access switches: none names anyone.
 *
 * @example CHAINED_PERSON_CHANGES.includes("roleId") // true; "profile" is personal
 */
export const CHAINED_PERSON_CHANGES: readonly string[] = [
  "status",
  "roleId",
  "locationAccess",
  "primaryLocationId",
  "mustChangePassword",
  "locked",
  "sentCount",
  "loginChannels",
  "flags",
  "licences",
];

/** Target types that are a person: their label is a name or an email. @example ["user", "account"] */
export const PERSON_TARGET_TYPES: readonly string[] = ["user", "account"];

/** The target id of a sign-in attempt naming no member of the organization. */
const UNKNOWN = "unknown";

/**
 * An event without its place in the chain: what {@link sealAuditEvent} chains.
 *
 * @example const { event, parts } = await splitAuditEvent(draft); // event is unsealed
 */
export type UnsealedAuditEvent = Omit<AuditChainedEvent, "previousHash" | "hash">;

/**
 * An event split for storage: the chained event (no personal value) and its personal parts.
 *
 * @example const { event, parts } = await splitAuditEvent(draft);
 */
export interface SplitAuditEvent {
  readonly event: UnsealedAuditEvent;
  readonly parts: AuditPersonalPart[];
}

const isPersonTarget = (target: { readonly type: string }): boolean =>
  PERSON_TARGET_TYPES.includes(target.type);

/** The references of an event; none when a tampered store dropped the field (the hash then fails). */
const refsOf = (event: AuditChainedEvent): readonly AuditPersonalRef[] =>
  Array.isArray(event.personal) ? event.personal : [];

/**
 * The subject of an event's actor: the actor's user id in the event's organization, or null (no
 * person acted: an account that is no member, or a provisioning token).
 *
 * @example actorSubject({ userId: "usr_0000000002" }) // "usr_0000000002"
 */
export function actorSubject(actor: { readonly userId: string | null }): string | null {
  return actor.userId && !isProvisioningTokenId(actor.userId) ? actor.userId : null;
}

/**
 * The subject of an event's target: its id when the target is a person (`user`, or `account` whose id
 * is the user id in the organization), else null (roles, locations, the organization, unknown accounts).
 *
 * @example targetSubject({ type: "user", id: "usr_0000000002" }) // "usr_0000000002"
 */
export function targetSubject(target: { readonly type: string; readonly id: string }): string | null {
  return isPersonTarget(target) && target.id !== "" && target.id !== UNKNOWN ? target.id : null;
}

/**
 * The subject an event erases: its target, when the event is a person's removal (status → `deleted`,
 * written by `users.delete` and `users.revokeInvitation`, whose transaction erases the subject's
 * parts). Such an event is the tombstone: it holds no personal part of that person.
 *
 * @example erasedSubject(deletionEvent) // "usr_0000000007"
 */
export function erasedSubject(event: {
  readonly target: { readonly type: string; readonly id: string };
  readonly changes: Readonly<Record<string, FieldChange>>;
}): string | null {
  return event.changes.status?.after === "deleted" ? targetSubject(event.target) : null;
}

/**
 * A fresh salt for a personal part: 128 random bits as 32 hex digits.
 *
 * @example randomSalt() // "9c0f5e…" (32 characters)
 */
export function randomSalt(): string {
  return toHex(randomBytes(16));
}

/**
 * The digest a chained event holds for one personal part: SHA-256 (hex) of the canonical JSON of
 * `{ salt, subject, values }`. The salt keeps an erased part's digest from confirming a guess.
 *
 * @example await personalDigest({ salt, subject: "usr_…", values: { targetLabel: "Jane Smith" } })
 */
export function personalDigest(part: {
  readonly salt: string;
  readonly subject: string;
  readonly values: AuditPersonalValues;
}): Promise<string> {
  return sha256Hex(canonicalJson({ salt: part.salt, subject: part.subject, values: part.values }));
}

/**
 * Splits a composed event into the chained event and its erasable personal parts (at most two: the
 * actor's and the target person's; one when they are the same person). Pure but for the salts.
 *
 * - The actor's part: `actorEmail`, and the request's `ip` and `userAgent`. `requestId` stays chained.
 * - The target person's part: `targetLabel` (their name or email) and every change not listed in
 *   {@link CHAINED_PERSON_CHANGES}. A tombstone ({@link erasedSubject}) gets no target part.
 * - Values about no subject (the email typed for an unknown account, and the request metadata of
 *   such an attempt) are not recorded: nobody could ever erase them.
 * - A provisioning token (`ptk_…`) is not a person: its label and the request's `ip` and
 *   `userAgent` (an identity provider's server) stay in the chained event; it has no part.
 * - Roles, locations and the organization are not persons: their labels and changes stay chained.
 *
 * Core's audit writer and every store migration of events written before the split use it, so old
 * and new events split alike.
 *
 * @param salt the salt of each part; default {@link randomSalt} (tests may fix it).
 * @example
 * const { event, parts } = await splitAuditEvent(draft);
 * await tx.appendAuditEvent(await sealAuditEvent(event, last?.hash ?? GENESIS_HASH), parts);
 */
export async function splitAuditEvent(
  draft: AuditDraft,
  salt: () => string = randomSalt,
): Promise<SplitAuditEvent> {
  const actor = actorSubject(draft.actor);
  const byToken = draft.actor.userId !== null && isProvisioningTokenId(draft.actor.userId);
  const person = isPersonTarget(draft.target);
  const target = erasedSubject(draft) ? null : targetSubject(draft.target);
  const values = new Map<string, Record<string, unknown>>();
  const valuesOf = (subject: string): Record<string, unknown> => {
    let v = values.get(subject);
    if (!v) {
      v = {};
      values.set(subject, v);
    }
    return v;
  };
  if (actor !== null) {
    const v = valuesOf(actor);
    if (draft.actor.email !== null) v.actorEmail = draft.actor.email;
    if (draft.metadata.ip !== undefined) v.ip = draft.metadata.ip;
    if (draft.metadata.userAgent !== undefined) v.userAgent = draft.metadata.userAgent;
  }
  const chainedChanges: Record<string, FieldChange> = {};
  const personalChanges: Record<string, FieldChange> = {};
  for (const [field, change] of Object.entries(draft.changes)) {
    if (!person || CHAINED_PERSON_CHANGES.includes(field)) chainedChanges[field] = change;
    else personalChanges[field] = change;
  }
  if (target !== null) {
    const v = valuesOf(target);
    v.targetLabel = draft.target.label;
    if (Object.keys(personalChanges).length > 0) v.changes = personalChanges;
  }
  const parts: AuditPersonalPart[] = [];
  const personal: AuditPersonalRef[] = [];
  for (const subject of [...values.keys()].sort()) {
    const part: AuditPersonalPart = {
      organizationId: draft.organizationId,
      eventId: draft.id,
      subject,
      salt: salt(),
      values: values.get(subject) as AuditPersonalValues,
    };
    parts.push(part);
    personal.push({ subject, digest: await personalDigest(part) });
  }
  const event: UnsealedAuditEvent = {
    id: draft.id,
    organizationId: draft.organizationId,
    sequence: draft.sequence,
    at: draft.at,
    actor: byToken
      ? { userId: draft.actor.userId, label: draft.actor.label ?? "" }
      : { userId: draft.actor.userId },
    action: draft.action,
    target: { type: draft.target.type, id: draft.target.id, label: person ? null : draft.target.label },
    outcome: draft.outcome,
    ...(draft.reason !== undefined ? { reason: draft.reason } : {}),
    changes: chainedChanges,
    metadata: {
      ...(draft.metadata.requestId !== undefined ? { requestId: draft.metadata.requestId } : {}),
      ...(byToken && draft.metadata.ip !== undefined ? { ip: draft.metadata.ip } : {}),
      ...(byToken && draft.metadata.userAgent !== undefined ? { userAgent: draft.metadata.userAgent } : {}),
    },
    personal,
  };
  return { event, parts };
}

/**
 * Chains an event after `previousHash`: its hash covers every field of the chained event (the
 * `personal` digests included), never the personal values themselves.
 *
 * @example const event = await sealAuditEvent(split.event, last?.hash ?? GENESIS_HASH);
 */
export async function sealAuditEvent(
  event: UnsealedAuditEvent,
  previousHash: string,
): Promise<AuditChainedEvent> {
  const linked = { ...event, previousHash };
  return { ...linked, hash: await hashEvent(linked) };
}

/**
 * The event as `audit.list` shows it: the chained event with the personal values of its parts
 * joined back. A subject whose part is gone (or the person a tombstone removed) shows as erased:
 * null email or label, `erased: true`, their personal changes and request metadata absent. Parts of
 * other events, or of subjects the event does not reference, are ignored.
 *
 * @example joinAuditEvent(event, await tx.listAuditPersonal(orgId, [event.id]))
 */
export function joinAuditEvent(event: AuditChainedEvent, parts: readonly AuditPersonalPart[]): AuditEvent {
  const listed = new Set(refsOf(event).map((r) => r.subject));
  const bySubject = new Map<string, AuditPersonalPart>();
  for (const part of parts) {
    if (part.eventId === event.id && part.organizationId === event.organizationId && listed.has(part.subject))
      bySubject.set(part.subject, part);
  }
  const tombstoned = erasedSubject(event);
  const state = (subject: string | null) => {
    const part = subject === null ? undefined : bySubject.get(subject);
    const erased = subject !== null && !part && (listed.has(subject) || subject === tombstoned);
    return { values: part?.values ?? {}, erased };
  };
  const actor = state(actorSubject(event.actor));
  const target = state(targetSubject(event.target));
  const ip = actor.values.ip ?? event.metadata.ip;
  const userAgent = actor.values.userAgent ?? event.metadata.userAgent;
  const metadata = {
    ...(ip !== undefined ? { ip } : {}),
    ...(userAgent !== undefined ? { userAgent } : {}),
    ...(event.metadata.requestId !== undefined ? { requestId: event.metadata.requestId } : {}),
  };
  return {
    id: event.id,
    organizationId: event.organizationId,
    sequence: event.sequence,
    at: event.at,
    actor: {
      userId: event.actor.userId,
      email: actor.values.actorEmail ?? null,
      erased: actor.erased,
      ...(event.actor.label !== undefined ? { label: event.actor.label } : {}),
    },
    action: event.action,
    target: {
      type: event.target.type,
      id: event.target.id,
      label: isPersonTarget(event.target) ? (target.values.targetLabel ?? null) : event.target.label,
      erased: target.erased,
    },
    outcome: event.outcome,
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    changes: { ...event.changes, ...(target.values.changes ?? {}) },
    metadata,
    previousHash: event.previousHash,
    hash: event.hash,
  };
}

/**
 * What the stored personal parts of one event say against its chained references: `edited` when a
 * part's digest differs from its reference, or a part exists for a subject the event does not
 * reference; `missing` lists referenced subjects without a part (erased, or removed: `audit.verify`
 * accepts a missing part only for a subject the chain later tombstones).
 *
 * @example const { edited, missing } = await checkPersonalParts(event, partsOfEvent);
 */
export async function checkPersonalParts(
  event: AuditChainedEvent,
  parts: readonly AuditPersonalPart[],
): Promise<{ readonly edited: boolean; readonly missing: string[] }> {
  const refs = new Map(refsOf(event).map((r) => [r.subject, r.digest]));
  const seen = new Set<string>();
  let edited = false;
  for (const part of parts) {
    const digest = refs.get(part.subject);
    if (
      digest === undefined ||
      seen.has(part.subject) ||
      part.eventId !== event.id ||
      part.organizationId !== event.organizationId ||
      (await personalDigest(part)) !== digest
    )
      edited = true;
    seen.add(part.subject);
  }
  return { edited, missing: [...refs.keys()].filter((s) => !seen.has(s)) };
}
