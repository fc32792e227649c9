import type { DirectoryAuth, SignInResult } from "@staffroom/core";

/**
 * What the REST wiring holds instead of a session token: the token lives in an HttpOnly cookie the
 * page never sees, and `restAuth` answers `""`. The app's session state reads an empty token as
 * "signed out", so it holds this stand-in and the adapter below turns it back into `""`, which
 * `restAuth` sends as "use the cookie".
 *
 * @example <OrganizationSwitcher token={COOKIE_SESSION} onSwitched={accept} />
 */
export const COOKIE_SESSION = "cookie-session";

const toWire = (token: string): string => (token === COOKIE_SESSION ? "" : token);
const fromWire = (result: SignInResult): SignInResult =>
  result.token === "" ? { ...result, token: COOKIE_SESSION } : result;

/**
 * `restAuth`/`restDirectory(…).auth` with {@link COOKIE_SESSION} standing for the cookie, both ways.
 *
 * @example
 * const auth = cookieSessionAuth(restDirectory({ baseUrl: "/api" }).auth);
 * const { token } = await auth.signIn({ email, password }); // token === COOKIE_SESSION
 * await auth.organizations(token);                          // sent with the cookie
 */
export function cookieSessionAuth(auth: DirectoryAuth): DirectoryAuth {
  return {
    signIn: async (input) => fromWire(await auth.signIn(input)),
    signOut: (token) => auth.signOut(toWire(token)),
    session: (token) => auth.session(toWire(token)),
    authorize: (token, metadata) => auth.authorize(toWire(token), metadata),
    organizations: (token) => auth.organizations(toWire(token)),
    switchOrganization: async (input) =>
      fromWire(await auth.switchOrganization({ ...input, token: toWire(input.token) })),
    changePassword: (input) => auth.changePassword({ ...input, token: toWire(input.token) }),
    requestPasswordReset: (input) => auth.requestPasswordReset(input),
    completePasswordReset: (input) => auth.completePasswordReset(input),
    invitation: (token) => auth.invitation(token),
    acceptInvitation: (input) => auth.acceptInvitation(input),
  };
}
