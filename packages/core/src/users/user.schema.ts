import * as z from "zod/mini";
import { EmailSchema, PhoneSchema } from "../primitives/contact.schema";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";
import { optionalText, text } from "../primitives/text.schema";
import { CredentialAlertSchema } from "./credential.schema";
import { ProviderProfileSchema } from "./provider.schema";

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
  // Typed initials are 1–4 letters; derived ones are the names' first letters (none for a name without one).
  initials: z.string().check(z.trim(), z.regex(/^[\p{L}\p{N}]{0,4}$/u, "Initials are 1–4 letters.")),
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
/** Location access: org-wide or a list of location ids. @example "organization" // or ["loc_a…", "loc_b…"] */
export type LocationAccess = z.infer<typeof LocationAccessSchema>;

/** Flags beside the role (W10, reference 001 and 003). */
export const FlagsSchema = z.strictObject({
  practitioner: z.boolean(),
  diary: z.boolean(),
  caseManager: z.boolean(),
});
/** A user's flags. @example { practitioner: true, diary: true, caseManager: false } */
export type Flags = z.infer<typeof FlagsSchema>;

/**
 * A user: an account's membership of one organization, as returned by every read. Plain,
 * serialisable data. `locked` and `lastSignInAt` come from the account; `credentialAlert` is the
 * provider's earliest credential expiry when it is past or within 30 days of the directory clock's
 * date (issue 15), else null.
 *
 * @example const user = UserSchema.parse(await response.json());
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
  credentialAlert: z.nullable(CredentialAlertSchema),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  lastSignInAt: z.nullable(IsoDateSchema),
  invitedAt: z.nullable(IsoDateSchema),
  version: z.int(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
/**
 * A user as returned by the directory.
 *
 * @example const user = await admin.users.get(id); user.displayName // "Jane Smith RN"
 */
export type User = z.infer<typeof UserSchema>;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Derives initials from a name: the first letter (or digit) of the given name and of the family
 * name, upper-cased where that stays one character — letters, as typed initials must be.
 *
 * @example deriveInitials("Jane", "van der Berg") // "JV"
 * @example deriveInitials("(Jane)", "O'Brien") // "JO"
 */
export function deriveInitials(givenName: string, familyName: string): string {
  const first = (s: string) => {
    const letter = Array.from(s).find((c) => LETTER_OR_DIGIT.test(c)) ?? "";
    const upper = letter.toLocaleUpperCase();
    return Array.from(upper).length === 1 ? upper : letter;
  };
  return `${first(givenName)}${first(familyName)}`;
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
