import * as z from "zod/mini";
import { IdSchema, IsoDateSchema, plainString } from "./common.schema";

/** A before/after pair of a changed privilege field. */
export interface FieldChange {
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * One audit event (R18): who did what to whom, when, from where, with the outcome and the
 * before/after of privilege fields. Events chain per organization: `hash` covers the event and
 * `previousHash`.
 *
 * @example { id: "evt_…", organizationId, sequence: 12, at: "2026-11-23T12:00:00.000Z",
 *   actor: { userId: "usr_…", email: "owner@clinic.org" }, action: "user.role_changed",
 *   target: { type: "user", id: "usr_…", label: "Jane Smith RN" }, outcome: "success",
 *   changes: { roleId: { before: "rol_a…", after: "rol_b…" } }, metadata: { ip: "203.0.113.4" },
 *   previousHash: "…", hash: "…" }
 */
export interface AuditEvent {
  readonly id: string;
  readonly organizationId: string;
  readonly sequence: number;
  readonly at: string;
  readonly actor: { readonly userId: string | null; readonly email: string | null };
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string; readonly label: string };
  readonly outcome: "success" | "failure";
  /** Why a failure failed (for example `locked`), when that helps a reviewer. Never a secret. */
  readonly reason?: string;
  readonly changes: Readonly<Record<string, FieldChange>>;
  readonly metadata: RequestMetadata;
  readonly previousHash: string;
  readonly hash: string;
}

/** Request metadata recorded with every event. @example { ip: "203.0.113.4", userAgent: "…", requestId: "…" } */
export const RequestMetadataSchema = z.strictObject({
  ip: z.optional(plainString(64, "IP address")),
  userAgent: z.optional(plainString(512, "User agent")),
  requestId: z.optional(plainString(128, "Request id")),
});
/** Request metadata. */
export type RequestMetadata = z.infer<typeof RequestMetadataSchema>;

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
/** An audit query. */
export type AuditQuery = z.input<typeof AuditQuerySchema>;
