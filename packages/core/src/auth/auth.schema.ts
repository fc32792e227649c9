import * as z from "zod/mini";
import { RequestMetadataSchema } from "../audit/audit.schema";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";
import { UserSchema } from "../users/user.schema";

/*
 * The wire of `directory.auth` (W3, W13): what each call takes and answers. Credentials and tokens
 * are plain strings here on purpose: core gives its one answer for every bad credential (R17), so a
 * malformed email or token must reach it rather than fail a schema with a different answer.
 */

/**
 * An organization the signed-in person belongs to (for the switcher).
 *
 * @example OrganizationChoiceSchema.parse({ organizationId: "org_…", name: "Harbor Urgent Care", userId: "usr_…", current: true })
 */
export const OrganizationChoiceSchema = z.strictObject({
  organizationId: IdSchema,
  name: z.string(),
  userId: IdSchema,
  current: z.boolean(),
});
/** An organization to switch to. @example { organizationId: "org_…", name: "Harbor Urgent Care", userId: "usr_…", current: true } */
export type OrganizationChoice = z.infer<typeof OrganizationChoiceSchema>;

/**
 * A resolved session: who is signed in, where, until when. While `mustChangePassword` is true the
 * session can do nothing but `changePassword` (R16, W5); `idleExpiresAt` is when it ends unless used
 * again, `expiresAt` when it ends whatever happens.
 *
 * @example SessionViewSchema.parse(await directory.auth.session(token)).idleExpiresAt
 */
export const SessionViewSchema = z.strictObject({
  organizationId: IdSchema,
  organizationName: z.string(),
  userId: IdSchema,
  user: UserSchema,
  mustChangePassword: z.boolean(),
  createdAt: IsoDateSchema,
  idleExpiresAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
});
/**
 * A resolved session.
 *
 * @example { organizationId: "org_…", userId: "usr_…", user, organizationName: "Harbor Urgent Care",
 *   mustChangePassword: false, createdAt: "…", idleExpiresAt: "…", expiresAt: "…" }
 */
export type SessionView = z.infer<typeof SessionViewSchema>;

/**
 * A new session: the opaque token (shown once; only its SHA-256 is stored), its view, and the
 * organizations the person may switch to.
 *
 * @example SignInResultSchema.parse(await directory.auth.signIn({ email, password })).session.userId
 */
export const SignInResultSchema = z.strictObject({
  token: z.string(),
  session: SessionViewSchema,
  organizations: z.array(OrganizationChoiceSchema),
});
/** A new session. @example const { token, session, organizations } = await directory.auth.signIn({ email, password }); */
export type SignInResult = z.infer<typeof SignInResultSchema>;

/**
 * What the accept-invitation page shows for a token. `existingAccount` is true when the email already
 * has an account: accepting just joins, no new password.
 *
 * @example InvitationViewSchema.parse(await directory.auth.invitation(token)).existingAccount
 */
export const InvitationViewSchema = z.strictObject({
  organizationId: IdSchema,
  organizationName: z.string(),
  email: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  invitedBy: z.nullable(z.string()),
  existingAccount: z.boolean(),
  expiresAt: IsoDateSchema,
});
/**
 * What the accept-invitation page shows.
 *
 * @example { organizationName: "Harbor Urgent Care", email: "sam@harbor.example", givenName: "Sam",
 *   familyName: "Lee", invitedBy: "Olive Owner", existingAccount: false, expiresAt: "…" }
 */
export type InvitationView = z.infer<typeof InvitationViewSchema>;

/**
 * The outcome of accepting an invitation: `activated` (a new account set its password) or `joined`
 * (an existing account joined another organization).
 *
 * @example AcceptInvitationResultSchema.parse(await directory.auth.acceptInvitation({ token, password })).outcome
 */
export const AcceptInvitationResultSchema = z.strictObject({
  outcome: z.enum(["activated", "joined"]),
  organizationId: IdSchema,
  organizationName: z.string(),
  email: z.string(),
  userId: IdSchema,
});
/**
 * The outcome of accepting an invitation.
 *
 * @example { outcome: "joined", organizationId: "org_…", organizationName: "Harbor Urgent Care", email: "sam@harbor.example", userId: "usr_…" }
 */
export type AcceptInvitationResult = z.infer<typeof AcceptInvitationResultSchema>;

const metadata = z.optional(RequestMetadataSchema);

/**
 * `auth.signIn`: with several organizations, `organizationId` chooses one (default: the most
 * recently used). `metadata` is what a server relays of the request (R18).
 *
 * @example SignInInputSchema.parse({ email: "olive@harbor.example", password: "a long passphrase" })
 */
export const SignInInputSchema = z.strictObject({
  email: z.string(),
  password: z.string(),
  organizationId: z.optional(z.string()),
  metadata,
});
/** Input of `auth.signIn`. @example { email: "olive@harbor.example", password: "a long passphrase" } */
export type SignInInput = z.input<typeof SignInInputSchema>;

/** `auth.switchOrganization`. @example SwitchOrganizationInputSchema.parse({ token, organizationId: "org_…" }) */
export const SwitchOrganizationInputSchema = z.strictObject({
  token: z.string(),
  organizationId: z.string(),
  metadata,
});
/** Input of `auth.switchOrganization`. @example { token, organizationId: "org_…" } */
export type SwitchOrganizationInput = z.input<typeof SwitchOrganizationInputSchema>;

/** `auth.changePassword` (the forced change too). @example ChangePasswordInputSchema.parse({ token, currentPassword: "…", newPassword: "…" }) */
export const ChangePasswordInputSchema = z.strictObject({
  token: z.string(),
  currentPassword: z.string(),
  newPassword: z.string(),
});
/** Input of `auth.changePassword`. @example { token, currentPassword: "old passphrase", newPassword: "a new long passphrase" } */
export type ChangePasswordInput = z.input<typeof ChangePasswordInputSchema>;

/** `auth.requestPasswordReset` (forgotten password). @example PasswordResetRequestInputSchema.parse({ email: "sam@harbor.example" }) */
export const PasswordResetRequestInputSchema = z.strictObject({ email: z.string(), metadata });
/** Input of `auth.requestPasswordReset`. @example { email: "sam@harbor.example" } */
export type PasswordResetRequestInput = z.input<typeof PasswordResetRequestInputSchema>;

/** `auth.completePasswordReset` with the mailed token. @example CompletePasswordResetInputSchema.parse({ token, password: "a new long passphrase" }) */
export const CompletePasswordResetInputSchema = z.strictObject({
  token: z.string(),
  password: z.string(),
  metadata,
});
/** Input of `auth.completePasswordReset`. @example { token, password: "a new long passphrase" } */
export type CompletePasswordResetInput = z.input<typeof CompletePasswordResetInputSchema>;

/**
 * `auth.acceptInvitation`: a new account must set `password`; an existing account just joins.
 *
 * @example AcceptInvitationInputSchema.parse({ token, password: "a long passphrase" })
 */
export const AcceptInvitationInputSchema = z.strictObject({
  token: z.string(),
  password: z.optional(z.string()),
  metadata,
});
/** Input of `auth.acceptInvitation`. @example { token, password: "a long passphrase" } */
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInputSchema>;
