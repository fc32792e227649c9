import * as z from "zod/mini";
import { type Location, LocationInputSchema } from "../locations/location.schema";
import { EmailSchema } from "../primitives/contact.schema";
import type { User } from "../users/user.schema";
import { type ProfileInput, ProfileInputSchema } from "../users/user-input.schema";
import { type Organization, type OrganizationInput, OrganizationInputSchema } from "./organization.schema";

/**
 * Input of `bootstrap`: the organization, its first location and its owner (the first administrator
 * and main contact). The owner needs a password.
 *
 * @example
 * { organization: { name: "Harbor Urgent Care" }, location: { name: "Downtown" },
 *   owner: { email: "owner@harbor.example", password: "a long passphrase", profile: { givenName: "Olive", familyName: "Owner" } } }
 */
export interface BootstrapInput {
  readonly organization: OrganizationInput;
  readonly location: { readonly name: string; readonly group?: string | null };
  readonly owner: { readonly email: string; readonly password: string; readonly profile: ProfileInput };
}

/**
 * What `bootstrap` made.
 *
 * @example const { organization, location, user } = await directory.bootstrap(input);
 */
export interface BootstrapResult {
  readonly organization: Organization;
  readonly location: Location;
  readonly user: User;
}

/**
 * The input of `bootstrap`, as parsed: strict at every level (R14), the owner's email normalised
 * (R1). The owner's password is checked against the policy (R16) by the service, not here.
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
