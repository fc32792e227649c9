import * as z from "zod/mini";
import { EmailSchema, PhoneSchema } from "../primitives/contact.schema";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";
import { optionalMultilineText, optionalText, plainString, text } from "../primitives/text.schema";
import { isValidNpi, SCHEDULING_STEPS, TAXONOMY_PATTERN } from "./provider.rules";

/** User status (DESIGN §2): pending → active ⇄ disabled → deleted. */
export const UserStatusSchema = z.enum(["pending", "active", "disabled"]);
/** A user's status. @example "active" */
export type UserStatus = z.infer<typeof UserStatusSchema>;

/**
 * Profile fields. `initials` are derived from the names unless set; `title` is shown after the name
 * ("Jane Smith RN").
 *
 * @example { givenName: "Jane", familyName: "Smith", initials: "JS", title: "RN", jobTitle: "Charge nurse",
 *   primaryPhone: "+14155550123", alternatePhone: null }
 */
export const ProfileSchema = z.strictObject({
  givenName: text(80, "First name"),
  familyName: text(80, "Last name"),
  initials: z.string().check(z.trim(), z.regex(/^[\p{L}\p{N}]{1,4}$/u, "Initials are 1–4 letters.")),
  title: optionalText(20, "Title"),
  jobTitle: optionalText(80, "Job title"),
  primaryPhone: z.nullable(PhoneSchema),
  alternatePhone: z.nullable(PhoneSchema),
});
/** A user's profile. */
export type Profile = z.infer<typeof ProfileSchema>;

/** Where a user may log in (the reference's "which products a user may log into"). */
export const LoginChannelsSchema = z.strictObject({ web: z.boolean(), mobile: z.boolean() });
/** Login channels. @example { web: true, mobile: false } */
export type LoginChannels = z.infer<typeof LoginChannelsSchema>;

/**
 * Location access (W9): the whole organization, or a set of locations.
 *
 * @example "organization"   // org-wide
 * @example ["loc_a…", "loc_b…"]
 */
export const LocationAccessSchema = z.union([
  z.literal("organization"),
  z.array(IdSchema).check(z.minLength(1, "Choose at least one location."), z.maxLength(500)),
]);
/** Location access: org-wide or a list of location ids. */
export type LocationAccess = z.infer<typeof LocationAccessSchema>;

/** Flags beside the role (W10, reference 001 and 003). */
export const FlagsSchema = z.strictObject({
  practitioner: z.boolean(),
  diary: z.boolean(),
  caseManager: z.boolean(),
});
/** A user's flags. @example { practitioner: true, diary: true, caseManager: false } */
export type Flags = z.infer<typeof FlagsSchema>;

/** An NPI, Luhn-checked over prefix 80840 (R11). */
export const NpiSchema = z
  .string()
  .check(
    z.trim(),
    z.regex(/^\d{10}$/, "An NPI has 10 digits."),
    z.refine(isValidNpi, "This NPI's check digit is wrong."),
  );

/** A provider type held at some locations (reference 003: several types per user, per organization). */
export const ProviderTypeAssignmentSchema = z.strictObject({
  type: text(40, "Provider type"),
  locationIds: z.array(IdSchema).check(z.maxLength(500)),
});
/** A provider type and where it applies. @example { type: "RN", locationIds: ["loc_…"] } */
export type ProviderTypeAssignment = z.infer<typeof ProviderTypeAssignmentSchema>;

/**
 * Provider profile (W10, R11).
 *
 * @example { npi: "1234567893", taxonomyCodes: ["207Q00000X"], bio: "Family physician.",
 *   providerTypes: [{ type: "MD", locationIds: ["loc_…"] }], capacity: 1, schedulingStep: 15 }
 */
export const ProviderProfileSchema = z.strictObject({
  npi: z.nullable(NpiSchema),
  taxonomyCodes: z
    .array(
      z.string().check(z.trim(), z.toUpperCase(), z.regex(TAXONOMY_PATTERN, "Not a NUCC taxonomy code.")),
    )
    .check(z.maxLength(15)),
  bio: optionalMultilineText(2000, "Bio"),
  providerTypes: z.array(ProviderTypeAssignmentSchema).check(z.maxLength(20)),
  capacity: z.int().check(z.gte(1, "Capacity is at least 1."), z.lte(100, "Capacity is at most 100.")),
  schedulingStep: z.union(
    SCHEDULING_STEPS.map((s) => z.literal(s)) as [z.ZodMiniLiteral<5>, ...z.ZodMiniLiteral<number>[]],
  ),
});
/** A provider profile. */
export type ProviderProfile = z.infer<typeof ProviderProfileSchema>;

/**
 * A user: an account's membership of one organization, as returned by every read. Plain,
 * serialisable data. `locked` and `lastSignInAt` come from the account.
 */
export const UserSchema = z.strictObject({
  id: IdSchema,
  organizationId: IdSchema,
  accountId: IdSchema,
  email: EmailSchema,
  status: UserStatusSchema,
  profile: ProfileSchema,
  displayName: z.string(),
  loginChannels: LoginChannelsSchema,
  roleId: IdSchema,
  locationAccess: LocationAccessSchema,
  primaryLocationId: IdSchema,
  flags: FlagsSchema,
  provider: z.nullable(ProviderProfileSchema),
  licences: z.array(z.string()),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  lastSignInAt: z.nullable(IsoDateSchema),
  invitedAt: z.nullable(IsoDateSchema),
  version: z.int(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
/** A user as returned by the directory. */
export type User = z.infer<typeof UserSchema>;

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
/** Profile fields accepted on create. */
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
 * W1: create a user directly, with a password or an invitation-free activation. Unknown fields are
 * rejected (R14).
 *
 * @example
 * { email: "jane@clinic.org", profile: { givenName: "Jane", familyName: "Smith", title: "RN" },
 *   roleId, locationAccess: [locId], primaryLocationId: locId, password: "a long passphrase",
 *   mustChangePassword: true }
 */
export const CreateUserInputSchema = z.strictObject({
  email: EmailSchema,
  ...userFields,
  password: z.string().check(z.minLength(1, "Enter a password."), z.maxLength(1024)),
  mustChangePassword: z.optional(z.boolean()),
});
/** Input for `users.create`. */
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
/** Input for `users.invite`. */
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
/** Patch for a user. */
export type UserPatch = z.input<typeof UserPatchSchema>;

/**
 * Derives initials from a name: first letter of the given name and of the family name.
 *
 * @example deriveInitials("Jane", "van der Berg") // "JV"
 */
export function deriveInitials(givenName: string, familyName: string): string {
  const first = (s: string) => Array.from(s.trim())[0] ?? "";
  return `${first(givenName)}${first(familyName)}`.toLocaleUpperCase();
}

/**
 * The name as shown in lists and on clinical notes: title after the name.
 *
 * @example displayName({ givenName: "Jane", familyName: "Smith", title: "RN" }) // "Jane Smith RN"
 */
export function displayName(profile: {
  givenName: string;
  familyName: string;
  title?: string | null;
}): string {
  return [profile.givenName, profile.familyName, profile.title].filter((p) => p && p.length > 0).join(" ");
}
