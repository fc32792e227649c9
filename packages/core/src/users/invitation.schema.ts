import * as z from "zod/mini";
import { EmailSchema } from "../primitives/contact.schema";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";

/**
 * An invitation: a pending user's single-use token. Only the token's SHA-256 is stored (R15); the
 * token itself exists only in the email.
 *
 * @example { id: "inv_…", organizationId, userId, email: "sam@clinic.org", expiresAt: "…", sentCount: 1, … }
 */
export const InvitationSchema = z.strictObject({
  id: IdSchema,
  organizationId: IdSchema,
  userId: IdSchema,
  email: EmailSchema,
  tokenHash: z.string(),
  invitedBy: z.nullable(IdSchema),
  sentCount: z.int(),
  lastSentAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
  revokedAt: z.nullable(IsoDateSchema),
  acceptedAt: z.nullable(IsoDateSchema),
  createdAt: IsoDateSchema,
});
/** An invitation as stored. */
export type Invitation = z.infer<typeof InvitationSchema>;
