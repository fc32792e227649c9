import * as z from "zod/mini";
import { type Location, LocationInputSchema } from "../locations/location.schema";
import { EmailSchema } from "../primitives/contact.schema";
import type { User } from "../users/user.schema";
import { ProfileInputSchema } from "../users/user-input.schema";
import { type Organization, OrganizationInputSchema } from "./organization.schema";

/**
 * The input of `bootstrap`: the organization, its first location and its owner (the first
 * administrator and main contact), strict at every level (R14), the owner's email normalised (R1).
 * The owner needs a password; the service checks it against the policy (R16).
 *
 * @example BootstrapSchema.parse({ organization: { name: "Harbor Urgent Care" }, location: { name: "Downtown" }, owner })
 */
export const BootstrapSchema = z.strictObject({
  organization: OrganizationInputSchema,
  location: LocationInputSchema,
  owner: z.strictObject({
    email: EmailSchema,
    password: z.string().check(z.maxLength(1024)),
    profile: ProfileInputSchema,
  }),
});
/**
 * Input of `bootstrap`.
 *
 * @example
 * { organization: { name: "Harbor Urgent Care" }, location: { name: "Downtown" },
 *   owner: { email: "owner@harbor.example", password: "a long passphrase", profile: { givenName: "Olive", familyName: "Owner" } } }
 */
export type BootstrapInput = z.input<typeof BootstrapSchema>;

/** What `bootstrap` made. @example const { organization, location, user } = await directory.bootstrap(input); */
export interface BootstrapResult {
  readonly organization: Organization;
  readonly location: Location;
  readonly user: User;
}
