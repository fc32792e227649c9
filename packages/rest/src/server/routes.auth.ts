import type { SignInResult } from "@staffroom/core";
import {
  AcceptInvitationResultSchema,
  ActorSchema,
  InvitationViewSchema,
  OrganizationChoiceSchema,
  SessionViewSchema,
} from "@staffroom/core/schemas";
import * as z from "zod/mini";
import {
  AcceptInvitationBodySchema,
  ChangePasswordBodySchema,
  CompletePasswordResetBodySchema,
  InvitationTokenBodySchema,
  PasswordResetRequestBodySchema,
  SignInBodySchema,
  SignInResponseSchema,
  SwitchOrganizationBodySchema,
} from "../shared/auth-schemas";
import { SESSION_TRANSPORT_HEADER } from "../shared/wire";
import { clearSessionCookie, sessionCookie } from "./cookies";
import { type BaseContext, noContent, ok, type Route, type RouteResult } from "./route";
import { parseBody } from "./validate";

const tags = ["auth"] as const;

/**
 * A new session goes back as an HttpOnly cookie, or — when the request sent
 * `Staffroom-Session: bearer` — as `token` in the body and no cookie (servers, native apps, tests).
 */
function sessionResult(c: BaseContext, result: SignInResult): RouteResult {
  const bearer = c.request.headers.get(SESSION_TRANSPORT_HEADER)?.trim().toLowerCase() === "bearer";
  if (bearer) return ok(result);
  const { token, ...rest } = result;
  return ok(rest, { cookies: [sessionCookie(c.settings, c.request, token, result.session.expiresAt)] });
}

/**
 * `directory.auth` over HTTP (W3, W13). Session tokens travel in the cookie or `Authorization:
 * Bearer`; mailed tokens (invitation, reset) travel in POST bodies, never in URLs.
 *
 * @example router.add(...authRoutes);
 */
export const authRoutes: readonly Route[] = [
  {
    method: "POST",
    path: "/auth/sign-in",
    auth: "public",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "auth.signIn",
      summary:
        "Sign in; the session comes back as an HttpOnly cookie, or as `token` with `Staffroom-Session: bearer`",
      tags,
      body: SignInBodySchema,
      success: 200,
      response: SignInResponseSchema,
      errors: ["validation", "unauthenticated", "rule", "rate_limited"],
    },
    handle: async (c) => {
      const body = parseBody(SignInBodySchema, c.body);
      const result = await c.directory.auth.signIn({
        email: body.email,
        password: body.password,
        ...(body.organizationId !== undefined ? { organizationId: body.organizationId } : {}),
        metadata: c.metadata,
      });
      return sessionResult(c, result);
    },
  },
  {
    method: "POST",
    path: "/auth/sign-out",
    auth: "public",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "auth.signOut",
      summary: "End the session (idempotent) and clear the cookie",
      tags,
      success: 204,
      response: null,
      errors: [],
    },
    handle: async (c) => {
      if (c.sessionToken) await c.directory.auth.signOut(c.sessionToken);
      return noContent(c.tokenSource === "bearer" ? undefined : [clearSessionCookie(c.settings, c.request)]);
    },
  },
  {
    method: "GET",
    path: "/auth/session",
    auth: "session",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "auth.session",
      summary: "The current session; touches its idle timer",
      tags,
      success: 200,
      response: SessionViewSchema,
      errors: ["unauthenticated"],
    },
    handle: async (c) => ok(await c.directory.auth.session(c.token)),
  },
  {
    method: "GET",
    path: "/auth/actor",
    auth: "session",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "auth.authorize",
      summary: "The actor of the current session; refuses with must_change_password",
      tags,
      success: 200,
      response: z.omit(ActorSchema, { metadata: true }),
      errors: ["unauthenticated", "rule"],
    },
    handle: async (c) => {
      const actor = await c.directory.auth.authorize(c.token, c.metadata);
      return ok({ organizationId: actor.organizationId, userId: actor.userId });
    },
  },
  {
    method: "GET",
    path: "/auth/organizations",
    auth: "session",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "auth.organizations",
      summary: "Organizations the signed-in person may switch to",
      tags,
      success: 200,
      response: z.array(OrganizationChoiceSchema),
      errors: ["unauthenticated"],
    },
    handle: async (c) => ok(await c.directory.auth.organizations(c.token)),
  },
  {
    method: "POST",
    path: "/auth/switch-organization",
    auth: "session",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "auth.switchOrganization",
      summary: "End this session and open one in another organization of the same person (W3)",
      tags,
      body: SwitchOrganizationBodySchema,
      success: 200,
      response: SignInResponseSchema,
      errors: ["validation", "unauthenticated", "rule"],
    },
    handle: async (c) => {
      const body = parseBody(SwitchOrganizationBodySchema, c.body);
      const result = await c.directory.auth.switchOrganization({
        token: c.token,
        organizationId: body.organizationId,
        metadata: c.metadata,
      });
      return sessionResult(c, result);
    },
  },
  {
    method: "POST",
    path: "/auth/change-password",
    auth: "session",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "auth.changePassword",
      summary: "Change the signed-in person's password (the forced change too); other sessions end",
      tags,
      body: ChangePasswordBodySchema,
      success: 200,
      response: SessionViewSchema,
      errors: ["validation", "unauthenticated", "rule"],
    },
    handle: async (c) => {
      const body = parseBody(ChangePasswordBodySchema, c.body);
      return ok(
        await c.directory.auth.changePassword({
          token: c.token,
          currentPassword: body.currentPassword,
          newPassword: body.newPassword,
        }),
      );
    },
  },
  {
    method: "POST",
    path: "/auth/password-reset",
    auth: "public",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "auth.requestPasswordReset",
      summary: "Email a reset link when the email has an account; the same answer either way",
      tags,
      body: PasswordResetRequestBodySchema,
      success: 204,
      response: null,
      errors: ["validation", "rate_limited"],
    },
    handle: async (c) => {
      const body = parseBody(PasswordResetRequestBodySchema, c.body);
      await c.directory.auth.requestPasswordReset({ email: body.email, metadata: c.metadata });
      return noContent();
    },
  },
  {
    method: "POST",
    path: "/auth/password-reset/complete",
    auth: "public",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "auth.completePasswordReset",
      summary: "Set a new password with a mailed reset token; every session ends",
      tags,
      body: CompletePasswordResetBodySchema,
      success: 204,
      response: null,
      errors: ["validation", "rule"],
    },
    handle: async (c) => {
      const body = parseBody(CompletePasswordResetBodySchema, c.body);
      await c.directory.auth.completePasswordReset({
        token: body.token,
        password: body.password,
        metadata: c.metadata,
      });
      return noContent();
    },
  },
  {
    method: "POST",
    path: "/auth/invitation",
    auth: "public",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "auth.invitation",
      summary: "What the accept-invitation page shows for a mailed token (POST keeps the token out of URLs)",
      tags,
      body: InvitationTokenBodySchema,
      success: 200,
      response: InvitationViewSchema,
      errors: ["validation"],
    },
    handle: async (c) => {
      const body = parseBody(InvitationTokenBodySchema, c.body);
      return ok(await c.directory.auth.invitation(body.token));
    },
  },
  {
    method: "POST",
    path: "/auth/invitation/accept",
    auth: "public",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "auth.acceptInvitation",
      summary: "Accept an invitation: a new account sets its password, an existing one joins (W3)",
      tags,
      body: AcceptInvitationBodySchema,
      success: 200,
      response: AcceptInvitationResultSchema,
      errors: ["validation", "conflict", "rule"],
    },
    handle: async (c) => {
      const body = parseBody(AcceptInvitationBodySchema, c.body);
      return ok(
        await c.directory.auth.acceptInvitation({
          token: body.token,
          ...(body.password !== undefined ? { password: body.password } : {}),
          metadata: c.metadata,
        }),
      );
    },
  },
];
