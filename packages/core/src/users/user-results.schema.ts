import * as z from "zod/mini";
import { DirectoryErrorDataSchema } from "../errors/error.schema";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";
import { UserSchema } from "./user.schema";

/*
 * What the directory answers about users beyond a `User`: the wire-only schemas of the users
 * feature. Core builds these values but never parses them, so they live apart from the schemas the
 * service parses with and stay out of bundles that do not check a wire (`@staffroom/core/schemas`
 * exports them).
 */

/** `users.counts`: users per status tab, within the actor's scope. @example StatusCountsSchema.parse({ active: 52, pending: 4, disabled: 3 }) */
export const StatusCountsSchema = z.strictObject({ active: z.int(), pending: z.int(), disabled: z.int() });
/** Counts per status tab. @example { active: 52, pending: 4, disabled: 3 } */
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

/**
 * What an admin sees of an invitation (never the hash): `users.invitation`, `users.resendInvitation`.
 *
 * @example InvitationSummarySchema.parse(await admin.users.invitation(id)).expired
 */
export const InvitationSummarySchema = z.strictObject({
  userId: IdSchema,
  email: z.string(),
  sentCount: z.int(),
  lastSentAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
  expired: z.boolean(),
});
/**
 * What an admin sees of an invitation.
 *
 * @example { userId: "usr_…", email: "sam@clinic.org", sentCount: 1, lastSentAt: "…", expiresAt: "…", expired: false }
 */
export type InvitationSummary = z.infer<typeof InvitationSummarySchema>;

/**
 * The outcome of a bulk action, one entry per user in input order (a repeated id counts once).
 *
 * @example BulkResultSchema.parse(await admin.users.bulk(input)).failed
 */
export const BulkResultSchema = z.strictObject({
  results: z.array(
    z.union([
      z.strictObject({ id: z.string(), ok: z.literal(true), user: z.nullable(UserSchema) }),
      z.strictObject({ id: z.string(), ok: z.literal(false), error: DirectoryErrorDataSchema }),
    ]),
  ),
  succeeded: z.int(),
  failed: z.int(),
});
/**
 * The outcome of `users.bulk`.
 *
 * @example { results: [{ id: "usr_a…", ok: true, user }, { id: "usr_b…", ok: false, error }], succeeded: 1, failed: 1 }
 */
export type BulkResult = z.infer<typeof BulkResultSchema>;

/** `users.invite`: the pending user and its invitation. @example InviteResultSchema.parse(await admin.users.invite(input)).invitation.expiresAt */
export const InviteResultSchema = z.strictObject({ user: UserSchema, invitation: InvitationSummarySchema });
/** The result of `users.invite`. @example const { user, invitation } = await admin.users.invite(input); */
export type InviteResult = z.infer<typeof InviteResultSchema>;

/**
 * `users.inviteMany`: one entry per invitee in input order — the pending user and its invitation, or
 * the error a single invite of that row gives; `email` is the address as core normalized it (as
 * given, trimmed, when it is not an address).
 *
 * @example InviteManyResultSchema.parse(await admin.users.inviteMany(input)).failed
 */
export const InviteManyResultSchema = z.strictObject({
  results: z.array(
    z.union([
      z.strictObject({
        email: z.string(),
        ok: z.literal(true),
        user: UserSchema,
        invitation: InvitationSummarySchema,
      }),
      z.strictObject({ email: z.string(), ok: z.literal(false), error: DirectoryErrorDataSchema }),
    ]),
  ),
  succeeded: z.int(),
  failed: z.int(),
});
/**
 * The outcome of `users.inviteMany`.
 *
 * @example { results: [{ email: "a.b@x.org", ok: true, user, invitation }, { email: "nope", ok: false, error }], succeeded: 1, failed: 1 }
 */
export type InviteManyResult = z.infer<typeof InviteManyResultSchema>;

/** `users.delete`, `users.revokeInvitation`. @example DeleteResultSchema.parse({ id: "usr_…", accountDeleted: true }) */
export const DeleteResultSchema = z.strictObject({ id: IdSchema, accountDeleted: z.boolean() });
/**
 * The result of `users.delete`: whether the account went too (no other organization left).
 *
 * @example { id: "usr_…", accountDeleted: true }
 */
export type DeleteResult = z.infer<typeof DeleteResultSchema>;
