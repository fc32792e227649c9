import * as z from "zod/mini";
import { EmailSchema, PhoneSchema } from "../primitives/contact.schema";
import { IdSchema } from "../primitives/ids.schema";
import { optionalText, plainString, text } from "../primitives/text.schema";
import { ProviderProfileSchema } from "./provider.schema";
import { FlagsSchema, LocationAccessSchema, LoginChannelsSchema } from "./user.schema";

/** Profile input: initials optional (derived when absent). */
export const ProfileInputSchema = z.strictObject({
  givenName: text(80, "First name"),
  familyName: text(80, "Last name"),
  initials: z.optional(
    z.nullable(z.string().check(z.trim(), z.regex(/^[\p{L}\p{N}]{0,4}$/u, "Initials are 1–4 letters."))),
  ),
  title: z.optional(optionalText(20, "Title")),
  jobTitle: z.optional(optionalText(80, "Job title")),
  primaryPhone: z.optional(z.nullable(PhoneSchema)),
  alternatePhone: z.optional(z.nullable(PhoneSchema)),
});

/** Profile fields accepted on create. @example { givenName: "Jane", familyName: "Smith", title: "RN" } */
export type ProfileInput = z.input<typeof ProfileInputSchema>;

const userFields = {
  profile: ProfileInputSchema,
  loginChannels: z.optional(z.partial(LoginChannelsSchema)),
  roleId: IdSchema,
  locationAccess: LocationAccessSchema,
  primaryLocationId: IdSchema,
  flags: z.optional(z.partial(FlagsSchema)),
  provider: z.optional(z.nullable(ProviderProfileSchema)),
  licences: z.optional(z.array(plainString(32, "Licence")).check(z.maxLength(20))),
};

/**
 * W1: create an active user directly. Unknown fields are rejected (R14). Without `password` the
 * account has none until the person sets one through a reset link (people an identity provider
 * provisions); with one, R16 applies.
 *
 * @example
 * { email: "jane@clinic.org", profile: { givenName: "Jane", familyName: "Smith", title: "RN" },
 *   roleId, locationAccess: [locId], primaryLocationId: locId, password: "a long passphrase",
 *   mustChangePassword: true }
 */
export const CreateUserInputSchema = z.strictObject({
  email: EmailSchema,
  ...userFields,
  password: z.optional(z.string().check(z.minLength(1, "Enter a password."), z.maxLength(1024))),
  mustChangePassword: z.optional(z.boolean()),
});

/**
 * Input for `users.create`.
 *
 * @example { email: "jane@clinic.org", profile: { givenName: "Jane", familyName: "Smith" }, roleId, locationAccess: [locId], primaryLocationId: locId, password }
 */
export type CreateUserInput = z.input<typeof CreateUserInputSchema>;

/**
 * W2: invite a user by email with a role and primary location; everything else optional.
 *
 * @example { email: "sam@clinic.org", profile: { givenName: "Sam", familyName: "Lee" }, roleId,
 *   locationAccess: [locId], primaryLocationId: locId }
 */
export const InviteUserInputSchema = z.strictObject({
  email: EmailSchema,
  ...userFields,
});

/**
 * Input for `users.invite`.
 *
 * @example { email: "sam@clinic.org", profile: { givenName: "Sam", familyName: "Lee" }, roleId, locationAccess: "organization", primaryLocationId: locId }
 */
export type InviteUserInput = z.input<typeof InviteUserInputSchema>;

/**
 * W4: a patch for `users.update`. Status, organization, account and password change only through
 * their own operations (R14); `mustChangePassword` through `resetPassword`.
 *
 * @example { profile: { title: "NP" }, roleId: "rol_…" }
 */
export const UserPatchSchema = z.strictObject({
  email: z.optional(EmailSchema),
  profile: z.optional(z.partial(ProfileInputSchema)),
  loginChannels: z.optional(z.partial(LoginChannelsSchema)),
  roleId: z.optional(IdSchema),
  locationAccess: z.optional(LocationAccessSchema),
  primaryLocationId: z.optional(IdSchema),
  flags: z.optional(z.partial(FlagsSchema)),
  provider: z.optional(z.nullable(ProviderProfileSchema)),
  licences: z.optional(z.array(plainString(32, "Licence")).check(z.maxLength(20))),
});

/** Patch for a user. @example { profile: { title: "NP" } } */
export type UserPatch = z.input<typeof UserPatchSchema>;
