import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";
import { RequestMetadataSchema } from "./audit.schema";

// Wire-only (core builds these, never parses them): kept apart from the schemas the service parses with.

/** A before/after pair of a changed privilege field. @example FieldChangeSchema.parse({ before: "rol_a…", after: "rol_b…" }) */
export const FieldChangeSchema = z.strictObject({ before: z.unknown(), after: z.unknown() });
/** A before/after pair of a changed field. @example { before: "rol_a…", after: "rol_b…" } */
export type FieldChange = z.infer<typeof FieldChangeSchema>;

/**
 * One audit event as `audit.list` returns it (R18): who did what to whom, when, from where, with the
 * outcome and the before/after of changed fields. It is the chained event (see
 * {@link AuditChainedEvent}) with the personal values of its subjects joined back in.
 *
 * A person's values can be erased (W6: deleting a user erases them from the organization). Then
 * `actor.email` or `target.label` is null and `erased` is true, and the person's personal changes
 * (email, profile, provider details) are absent from `changes`; ids, action, time, outcome and the
 * before/after of privilege and state fields stay. A null `actor.email` with `erased: false` is an
 * event no person caused (or one by an unknown account, whose typed email is never recorded).
 * `target.label` is null when erased or never known (an unknown account); `reason` says why a
 * failure failed (for example `locked`) when that helps a reviewer, and is never a secret.
 *
 * @example AuditEventSchema.parse((await admin.audit.list({ limit: 1 })).items[0]).actor.erased
 */
export const AuditEventSchema = z.strictObject({
  id: IdSchema,
  organizationId: IdSchema,
  sequence: z.int(),
  at: IsoDateSchema,
  actor: z.strictObject({
    userId: z.nullable(z.string()),
    email: z.nullable(z.string()),
    erased: z.boolean(),
    /**
     * When a provisioning token acted (`userId` is its `ptk_…` id): its label. A token is not a
     * person, so its label, and the request's address and user agent, stay in the chain.
     */
    label: z.optional(z.string()),
  }),
  action: z.string(),
  target: z.strictObject({
    type: z.string(),
    id: z.string(),
    label: z.nullable(z.string()),
    erased: z.boolean(),
  }),
  outcome: z.enum(["success", "failure"]),
  reason: z.optional(z.string()),
  changes: z.record(z.string(), FieldChangeSchema),
  metadata: RequestMetadataSchema,
  previousHash: z.string(),
  hash: z.string(),
});
/**
 * One audit event as `audit.list` returns it.
 *
 * @example { id: "evt_…", organizationId, sequence: 12, at: "2026-11-23T12:00:00.000Z",
 *   actor: { userId: "usr_…", email: "owner@clinic.org", erased: false }, action: "user.role_changed",
 *   target: { type: "user", id: "usr_…", label: "Jane Smith RN", erased: false }, outcome: "success",
 *   changes: { roleId: { before: "rol_a…", after: "rol_b…" } }, metadata: { ip: "203.0.113.4" },
 *   previousHash: "…", hash: "…" }
 * @example // after the target was deleted
 * { …, target: { type: "user", id: "usr_…", label: null, erased: true }, changes: { roleId: … } }
 */
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/**
 * What `audit.verify()` found. `firstBadSequence` is the first edited, inserted or removed event.
 * `head` is the newest verified link: a chain cannot show that events were cut off its end, so
 * record the head somewhere else (a log line, a ticket, another system) and compare it later.
 *
 * @example AuditVerificationSchema.parse(await admin.audit.verify()).ok
 */
export const AuditVerificationSchema = z.strictObject({
  ok: z.boolean(),
  checked: z.int(),
  firstBadSequence: z.nullable(z.int()),
  problem: z.nullable(z.enum(["edited", "inserted", "removed"])),
  head: z.nullable(z.strictObject({ sequence: z.int(), hash: z.string() })),
});
/**
 * What `audit.verify()` found.
 *
 * @example { ok: true, checked: 1204, firstBadSequence: null, problem: null, head: { sequence: 1204, hash: "9f…" } }
 */
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
