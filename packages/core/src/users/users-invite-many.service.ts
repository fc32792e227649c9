import * as z from "zod/mini";
import type { ActorSession } from "../directory/runner";
import { parseInput } from "../directory/validate";
import { DirectoryError, fail } from "../errors/directory-error";
import { EmailSchema } from "../primitives/contact.schema";
import { InviteManyInputSchema } from "./invite-many.schema";
import { namesFromEmail } from "./invitee-list";
import type { InviteManyResult } from "./user-results.schema";
import { inviteUser } from "./users-create.service";

const AddressSchema = z.strictObject({ email: EmailSchema });
const SAME_IN_LIST = "This email is already in the list.";
const NAME_NEEDED = "Give this person's name, as in First Last <email>.";

/**
 * W2 for several people (reference 004): each invitee goes through `users.invite` — its own
 * transaction, every rule of a single invite (R1, R2, R3, R8, R9 seats, R10) — so one bad row never
 * blocks the others, and the answer has a result per row in input order. An address listed twice
 * (ignoring case) is invited once; the repeat fails as `conflict`. A row without a name takes one from
 * its address (`namesFromEmail`) or fails as `validation`. The shared role and locations are checked
 * on each row, so a role the actor may not grant fails every row with the same reason.
 */
export async function inviteMany(s: ActorSession, raw: unknown): Promise<InviteManyResult> {
  const input = parseInput(InviteManyInputSchema, raw);
  const max = s.ctx.policy.bulkMaxIds;
  if (input.invitees.length === 0 || input.invitees.length > max) {
    throw fail.field(["invitees"], "invalid_invitees", `Give between 1 and ${max} email addresses.`);
  }
  const seen = new Set<string>();
  const results: InviteManyResult["results"] = [];
  for (const invitee of input.invitees) {
    const parsed = EmailSchema.safeParse(invitee.email);
    const email = parsed.success ? parsed.data : invitee.email.trim();
    try {
      // A bad address is that row's only error, as `users.invite` words it (not its missing name).
      if (!parsed.success) parseInput(AddressSchema, { email: invitee.email });
      if (seen.has(email)) {
        throw fail.conflict(SAME_IN_LIST, [
          { path: ["email"], code: "duplicate_email", message: SAME_IN_LIST },
        ]);
      }
      seen.add(email);
      const derived = namesFromEmail(email);
      const givenName = invitee.givenName ?? derived?.givenName;
      const familyName = invitee.familyName ?? derived?.familyName;
      if (givenName === undefined || familyName === undefined) {
        const field = givenName === undefined ? "givenName" : "familyName";
        throw fail.field(["profile", field], "name_required", NAME_NEEDED);
      }
      const { user, invitation } = await inviteUser(s, {
        email: invitee.email,
        profile: { givenName, familyName },
        roleId: input.roleId,
        locationAccess: input.locationAccess,
        primaryLocationId: input.primaryLocationId,
      });
      results.push({ email: user.email, ok: true, user, invitation });
    } catch (error) {
      if (!(error instanceof DirectoryError)) throw error;
      results.push({ email, ok: false, error: error.toJSON() });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
