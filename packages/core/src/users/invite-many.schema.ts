import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { LocationAccessSchema } from "./user.schema";

// Each invitee's fields are taken as given here and checked per row by the single invite's own
// schema (`users.invite`): one mistyped address fails its row, never the whole call.
const rowText = (max: number, label: string) =>
  z.string().check(z.maxLength(max, `${label} has at most ${max} characters.`));

/**
 * One person of `users.inviteMany`: an email, and a name when it is known. Without a name, core takes
 * one from an address shaped like first.last@ (see `namesFromEmail`).
 *
 * @example { email: "ines.okafor@harbor.example" }
 * @example { email: "drj@harbor.example", givenName: "Dana", familyName: "Jones" }
 */
export const InviteeSchema = z.strictObject({
  email: rowText(1000, "An email address"),
  givenName: z.optional(rowText(1000, "First name")),
  familyName: z.optional(rowText(1000, "Last name")),
});

/** One person to invite. @example { email: "ines.okafor@harbor.example" } */
export type Invitee = z.input<typeof InviteeSchema>;

/**
 * W2 for several people at once (reference 004: several emails, one role): every invitee gets the
 * same role and location access, and goes through exactly the rules of `users.invite`. Between 1 and
 * `policy.bulkMaxIds` invitees (default 500).
 *
 * @example { invitees: [{ email: "a.b@clinic.org" }, { email: "c.d@clinic.org" }], roleId, locationAccess: [locId], primaryLocationId: locId }
 */
export const InviteManyInputSchema = z.strictObject({
  invitees: z.array(InviteeSchema),
  roleId: IdSchema,
  locationAccess: LocationAccessSchema,
  primaryLocationId: IdSchema,
});

/**
 * Input of `users.inviteMany`.
 *
 * @example { invitees: parseInvitees("a.b@clinic.org, c.d@clinic.org"), roleId, locationAccess: "organization", primaryLocationId: locId }
 */
export type InviteManyInput = z.input<typeof InviteManyInputSchema>;
