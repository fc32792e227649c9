import type {
  AcceptInvitationResult,
  Actor,
  DirectoryAuth,
  InvitationView,
  OrganizationChoice,
  SessionView,
  SignInResult,
} from "@staffroom/core";
import type * as z from "zod/mini";
import type { SignInResponseSchema } from "../shared/auth-schemas";
import { SESSION_TRANSPORT_HEADER } from "../shared/wire";
import { createHttp } from "./http";
import type { RestClientOptions } from "./options";

/** What sign-in and switch answer: a SignInResult whose token is there only for bearer transport. */
type SignInBody = z.infer<typeof SignInResponseSchema>;

const HEADER_SAFE = /^[\x21-\x7e]{1,1024}$/;

/**
 * `directory.auth` over HTTP. Session tokens go as `Authorization: Bearer`; an empty token means "the
 * session cookie" (a browser's HttpOnly cookie, which script never sees). With `session: "bearer"`,
 * `signIn` and `switchOrganization` return the token; with the default `cookie` they set the cookie
 * and return `token: ""`. Mailed tokens (invitation, reset) go in POST bodies, never in URLs.
 * `metadata` is relayed as `User-Agent`, `X-Forwarded-For` and `X-Request-Id`; the server believes
 * the forwarded ip only with `trustProxy` (a server-side caller relaying its own client's address).
 *
 * @example
 * const auth = restAuth({ baseUrl: "/api/staffroom" });
 * const { session } = await auth.signIn({ email, password });   // cookie set
 * await auth.changePassword({ token: "", currentPassword, newPassword });
 */
export function restAuth(options: RestClientOptions): DirectoryAuth {
  const http = createHttp(options);
  const transport: Record<string, string> =
    options.session === "bearer" ? { [SESSION_TRANSPORT_HEADER]: "bearer" } : {};
  const signedIn = (body: unknown): SignInResult => {
    const result = body as SignInBody;
    return { token: result.token ?? "", session: result.session, organizations: result.organizations };
  };
  return {
    async signIn(input) {
      const body = await http.send({
        method: "POST",
        operation: "auth.signIn",
        path: "/auth/sign-in",
        token: "",
        metadata: input.metadata,
        headers: transport,
        body: {
          email: input.email,
          password: input.password,
          ...(input.organizationId !== undefined ? { organizationId: input.organizationId } : {}),
        },
      });
      return signedIn(body.body);
    },
    async signOut(token) {
      if (token !== "" && !HEADER_SAFE.test(token)) return;
      await http.send({ method: "POST", operation: "auth.signOut", path: "/auth/sign-out", token });
    },
    async session(token) {
      return (await http.send({ method: "GET", operation: "auth.session", path: "/auth/session", token }))
        .body as SessionView;
    },
    async authorize(token, metadata) {
      const actor = (
        await http.send({ method: "GET", operation: "auth.authorize", path: "/auth/actor", token, metadata })
      ).body as Actor;
      return {
        organizationId: actor.organizationId,
        userId: actor.userId,
        ...(metadata ? { metadata } : {}),
      };
    },
    async organizations(token) {
      return (
        await http.send({
          method: "GET",
          operation: "auth.organizations",
          path: "/auth/organizations",
          token,
        })
      ).body as OrganizationChoice[];
    },
    async switchOrganization(input) {
      const body = await http.send({
        method: "POST",
        operation: "auth.switchOrganization",
        path: "/auth/switch-organization",
        token: input.token,
        metadata: input.metadata,
        headers: transport,
        body: { organizationId: input.organizationId },
      });
      return signedIn(body.body);
    },
    async changePassword(input) {
      const body = await http.send({
        method: "POST",
        operation: "auth.changePassword",
        path: "/auth/change-password",
        token: input.token,
        body: { currentPassword: input.currentPassword, newPassword: input.newPassword },
      });
      return body.body as SessionView;
    },
    async requestPasswordReset(input) {
      await http.send({
        method: "POST",
        operation: "auth.requestPasswordReset",
        path: "/auth/password-reset",
        token: "",
        metadata: input.metadata,
        body: { email: input.email },
      });
    },
    async completePasswordReset(input) {
      await http.send({
        method: "POST",
        operation: "auth.completePasswordReset",
        path: "/auth/password-reset/complete",
        token: "",
        metadata: input.metadata,
        body: { token: input.token, password: input.password },
      });
    },
    async invitation(token) {
      const body = await http.send({
        method: "POST",
        operation: "auth.invitation",
        path: "/auth/invitation",
        token: "",
        body: { token },
      });
      return body.body as InvitationView;
    },
    async acceptInvitation(input) {
      const body = await http.send({
        method: "POST",
        operation: "auth.acceptInvitation",
        path: "/auth/invitation/accept",
        token: "",
        metadata: input.metadata,
        body: { token: input.token, ...(input.password !== undefined ? { password: input.password } : {}) },
      });
      return body.body as AcceptInvitationResult;
    },
  };
}
