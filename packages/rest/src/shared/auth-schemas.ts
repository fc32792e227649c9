import {
  AcceptInvitationInputSchema,
  ChangePasswordInputSchema,
  CompletePasswordResetInputSchema,
  PasswordResetRequestInputSchema,
  SignInInputSchema,
  SignInResultSchema,
  SwitchOrganizationInputSchema,
} from "@staffroom/core/schemas";
import * as z from "zod/mini";

/*
 * The request bodies of `directory.auth` over HTTP: core's input schemas less what the server fills
 * in itself (the session token from the cookie or bearer header, the request metadata from the
 * request). Strict, as core's are: unknown fields are refused.
 */

const serverFilled = { metadata: true } as const;

/** Sign-in body. @example SignInBodySchema.parse({ email: "olive@harbor.example", password: "…" }) */
export const SignInBodySchema = z.omit(SignInInputSchema, serverFilled);

/** Organization switch body. @example SwitchOrganizationBodySchema.parse({ organizationId: "org_…" }) */
export const SwitchOrganizationBodySchema = z.omit(SwitchOrganizationInputSchema, {
  token: true,
  metadata: true,
});

/** Password change body (the session comes from the cookie or bearer token). @example ChangePasswordBodySchema.parse({ currentPassword: "…", newPassword: "…" }) */
export const ChangePasswordBodySchema = z.omit(ChangePasswordInputSchema, { token: true });

/** Forgotten-password body. @example PasswordResetRequestBodySchema.parse({ email: "sam@harbor.example" }) */
export const PasswordResetRequestBodySchema = z.omit(PasswordResetRequestInputSchema, serverFilled);

/** Completing a reset with the mailed token. @example CompletePasswordResetBodySchema.parse({ token: "…", password: "…" }) */
export const CompletePasswordResetBodySchema = z.omit(CompletePasswordResetInputSchema, serverFilled);

/** An invitation token (POSTed so it never lands in a URL or an access log). @example InvitationTokenBodySchema.parse({ token: "…" }) */
export const InvitationTokenBodySchema = z.pick(AcceptInvitationInputSchema, { token: true });

/** Accepting an invitation: a new account sets a password; an existing one just joins. @example AcceptInvitationBodySchema.parse({ token: "…", password: "a long passphrase" }) */
export const AcceptInvitationBodySchema = z.omit(AcceptInvitationInputSchema, serverFilled);

/**
 * Sign-in and switch responses: core's SignInResult, whose `token` is present only when the request
 * asked for bearer transport (otherwise the session is an HttpOnly cookie).
 *
 * @example SignInResponseSchema.parse(await response.json()).session.userId
 */
export const SignInResponseSchema = z.extend(SignInResultSchema, { token: z.optional(z.string()) });
