import {
  type AcceptInvitationResult,
  type Actor,
  IdSchema,
  type InvitationView,
  IsoDateSchema,
  type OrganizationChoice,
  type SessionView,
  UserSchema,
} from "@staffroom/core";
import * as z from "zod/mini";
import { describes } from "./wire-schemas";

/*
 * Schemas of `directory.auth`'s wire: responses (checked against core's types like the directory's)
 * and request bodies (strict: unknown fields are refused; values stay plain strings so that core
 * gives its one answer for every bad credential, R17).
 */

/** A resolved session. @example SessionViewSchema.parse(await auth.session(token)).idleExpiresAt */
export const SessionViewSchema = z.object({
  organizationId: IdSchema,
  organizationName: z.string(),
  userId: IdSchema,
  user: UserSchema,
  mustChangePassword: z.boolean(),
  createdAt: IsoDateSchema,
  idleExpiresAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
});
describes<typeof SessionViewSchema, SessionView>(true);

/** An organization the signed-in person may switch to. @example OrganizationChoiceSchema.parse({ organizationId: "org_…", name: "Harbor", userId: "usr_…", current: true }) */
export const OrganizationChoiceSchema = z.object({
  organizationId: IdSchema,
  name: z.string(),
  userId: IdSchema,
  current: z.boolean(),
});
describes<typeof OrganizationChoiceSchema, OrganizationChoice>(true);

/** Sign-in and switch responses; `token` only when the request asked for bearer transport. @example SignInResponseSchema.parse(await response.json()).session.userId */
export const SignInResponseSchema = z.object({
  token: z.optional(z.string()),
  session: SessionViewSchema,
  organizations: z.array(OrganizationChoiceSchema),
});

/** What the accept-invitation page shows. @example InvitationViewSchema.parse(await auth.invitation(token)).existingAccount */
export const InvitationViewSchema = z.object({
  organizationId: IdSchema,
  organizationName: z.string(),
  email: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  invitedBy: z.nullable(z.string()),
  existingAccount: z.boolean(),
  expiresAt: IsoDateSchema,
});
describes<typeof InvitationViewSchema, InvitationView>(true);

/** The outcome of accepting an invitation. @example AcceptInvitationResultSchema.parse(await auth.acceptInvitation({ token, password })).outcome */
export const AcceptInvitationResultSchema = z.object({
  outcome: z.enum(["activated", "joined"]),
  organizationId: IdSchema,
  organizationName: z.string(),
  email: z.string(),
  userId: IdSchema,
});
describes<typeof AcceptInvitationResultSchema, AcceptInvitationResult>(true);

/** The actor a session or the handler's `authenticate` resolved to. @example ActorSchema.parse({ organizationId: "org_…", userId: "usr_…" }) */
export const ActorSchema = z.object({ organizationId: IdSchema, userId: IdSchema });
describes<typeof ActorSchema, Omit<Actor, "metadata">>(true);

/** Sign-in body. Core gives one answer for every bad credential (R17), so fields are plain strings. @example SignInBodySchema.parse({ email: "olive@harbor.example", password: "…" }) */
export const SignInBodySchema = z.strictObject({
  email: z.string(),
  password: z.string(),
  organizationId: z.optional(z.string()),
});

/** Organization switch body. @example SwitchOrganizationBodySchema.parse({ organizationId: "org_…" }) */
export const SwitchOrganizationBodySchema = z.strictObject({ organizationId: z.string() });

/** Password change body (the session comes from the cookie or bearer token). @example ChangePasswordBodySchema.parse({ currentPassword: "…", newPassword: "…" }) */
export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string(),
  newPassword: z.string(),
});

/** Forgotten-password body. @example PasswordResetRequestBodySchema.parse({ email: "sam@harbor.example" }) */
export const PasswordResetRequestBodySchema = z.strictObject({ email: z.string() });

/** Completing a reset with the mailed token. @example CompletePasswordResetBodySchema.parse({ token: "…", password: "…" }) */
export const CompletePasswordResetBodySchema = z.strictObject({ token: z.string(), password: z.string() });

/** An invitation token (POSTed so it never lands in a URL or an access log). @example InvitationTokenBodySchema.parse({ token: "…" }) */
export const InvitationTokenBodySchema = z.strictObject({ token: z.string() });

/** Accepting an invitation: a new account sets a password; an existing one just joins. @example AcceptInvitationBodySchema.parse({ token: "…", password: "a long passphrase" }) */
export const AcceptInvitationBodySchema = z.strictObject({
  token: z.string(),
  password: z.optional(z.string()),
});
