import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";
import { plainString } from "../primitives/text.schema";
import type { FieldChange } from "./audit-event.schema";

/** Request metadata recorded with every event. @example { ip: "203.0.113.4", userAgent: "…", requestId: "…" } */
export const RequestMetadataSchema = z.strictObject({
  ip: z.optional(plainString(64, "IP address")),
  userAgent: z.optional(plainString(512, "User agent")),
  requestId: z.optional(plainString(128, "Request id")),
});
/** Request metadata. @example { ip: "203.0.113.4", userAgent: "Mozilla/5.0 …", requestId: "req-42" } */
export type RequestMetadata = z.infer<typeof RequestMetadataSchema>;

/**
 * A reference from a chained event to one erasable personal part: the subject (the user id, in the
 * event's organization, the values are about) and the SHA-256 of the part's salt, subject and values.
 *
 * @example { subject: "usr_0000000007", digest: "3f…" }
 */
export interface AuditPersonalRef {
  readonly subject: string;
  readonly digest: string;
}

/**
 * The event as the hash chain holds it: no personal value at all. A person's email, name, request
 * metadata (IP address, user agent) and personal changes live in {@link AuditPersonalPart}s, which
 * erasure deletes; `personal` lists each part's subject and digest so the chain still covers them.
 * `target.label` is null when the target is a person (their name is in their part); labels of roles,
 * locations and the organization stay. `metadata` keeps only the `requestId`.
 *
 * @example { id: "evt_…", organizationId, sequence: 12, at, actor: { userId: "usr_a…" },
 *   action: "user.updated", target: { type: "user", id: "usr_b…", label: null }, outcome: "success",
 *   changes: { roleId: { before: "rol_a…", after: "rol_b…" } }, metadata: { requestId: "r-1" },
 *   personal: [{ subject: "usr_a…", digest: "…" }, { subject: "usr_b…", digest: "…" }],
 *   previousHash: "…", hash: "…" }
 */
export interface AuditChainedEvent {
  readonly id: string;
  readonly organizationId: string;
  readonly sequence: number;
  readonly at: string;
  /** The acting user's id; with `label` when a provisioning token acted (a token is not a person). */
  readonly actor: { readonly userId: string | null; readonly label?: string };
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string; readonly label: string | null };
  readonly outcome: "success" | "failure";
  readonly reason?: string | undefined;
  /** Before/after of the fields that are not personal (privilege and state fields, R18). */
  readonly changes: Readonly<Record<string, FieldChange>>;
  /**
   * The request id; the address and user agent too when a provisioning token acted (they are an
   * identity provider's server, not a person's; a person's go to their erasable part).
   */
  readonly metadata: { readonly requestId?: string; readonly ip?: string; readonly userAgent?: string };
  /** One reference per personal part, ascending by subject; empty when the event names no one. */
  readonly personal: readonly AuditPersonalRef[];
  readonly previousHash: string;
  readonly hash: string;
}

/**
 * The personal values one event holds about one subject. The actor's part has `actorEmail`, `ip`
 * and `userAgent`; the target person's part has `targetLabel` and `changes` (email, profile,
 * provider profile). When actor and target are the same person, one part holds both.
 *
 * @example { actorEmail: "owner@clinic.org", ip: "203.0.113.4" }
 * @example { targetLabel: "Jane Smith RN", changes: { email: { before: "j@a.org", after: "j@b.org" } } }
 */
export interface AuditPersonalValues {
  readonly actorEmail?: string;
  readonly ip?: string;
  readonly userAgent?: string;
  readonly targetLabel?: string;
  readonly changes?: Readonly<Record<string, FieldChange>>;
}

/**
 * An erasable personal part of an audit event: one per (organization, event, subject). `salt` is 128
 * fresh random bits (32 hex digits), so the digest in the chain cannot confirm a guessed value once
 * the part is erased.
 *
 * @example { organizationId: "org_…", eventId: "evt_…", subject: "usr_…", salt: "9c0f…",
 *   values: { targetLabel: "Jane Smith RN" } }
 */
export interface AuditPersonalPart {
  readonly organizationId: string;
  readonly eventId: string;
  readonly subject: string;
  readonly salt: string;
  readonly values: AuditPersonalValues;
}

/**
 * An audit event as written before the chain and its personal parts were split (schema of
 * releases before erasure): every value inline, hashed whole. `splitAuditEvent` turns one into a
 * chained event and its personal parts; store migrations use it.
 *
 * @example { id, organizationId, sequence, at, actor: { userId, email }, action,
 *   target: { type: "user", id, label: "Jane Smith" }, outcome: "success", changes: {}, metadata: {},
 *   previousHash, hash }
 */
export interface LegacyAuditEvent {
  readonly id: string;
  readonly organizationId: string;
  readonly sequence: number;
  readonly at: string;
  readonly actor: { readonly userId: string | null; readonly email: string | null };
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string; readonly label: string };
  readonly outcome: "success" | "failure";
  readonly reason?: string | undefined;
  readonly changes: Readonly<Record<string, FieldChange>>;
  readonly metadata: RequestMetadata;
  readonly previousHash: string;
  readonly hash: string;
}

/**
 * An event as a writer composes it: {@link LegacyAuditEvent} before it is split, chained and hashed.
 *
 * @example { id, organizationId, sequence: 7, at, actor: { userId, email }, action: "user.disabled", target, outcome: "success", changes: {}, metadata: {} }
 */
export type AuditDraft = Omit<LegacyAuditEvent, "previousHash" | "hash" | "actor"> & {
  readonly actor: LegacyAuditEvent["actor"] & {
    /** A provisioning token's label, when a token acts. */
    readonly label?: string;
  };
};

/**
 * Query for `audit.list` (W14): time range, actor, target, action; newest first; cursor paging.
 *
 * @example { from: "2026-11-01T00:00:00.000Z", action: "user.disabled", limit: 50 }
 */
export const AuditQuerySchema = z.strictObject({
  from: z.optional(IsoDateSchema),
  to: z.optional(IsoDateSchema),
  actorId: z.optional(IdSchema),
  targetId: z.optional(IdSchema),
  action: z.optional(plainString(64, "Action")),
  limit: z.optional(z.int().check(z.gte(1), z.lte(500))),
  cursor: z.optional(z.nullable(plainString(200, "Cursor"))),
});
/** An audit query. @example { action: "user.disabled", from: "2026-11-01T00:00:00.000Z", limit: 50 } */
export type AuditQuery = z.input<typeof AuditQuerySchema>;
