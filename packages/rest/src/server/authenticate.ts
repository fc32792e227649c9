import type { Authenticate } from "./options";

/**
 * The default `authenticate`: a Staffroom session (step 2) from `Authorization: Bearer …` or the
 * HttpOnly session cookie, resolved by `directory.auth.authorize` — which touches the idle timer and
 * refuses with `rule`/`must_change_password` until the password is changed. No token: 401.
 *
 * @example
 * // Accept a vendor's own session, else a Staffroom one:
 * createRestHandler(directory, {
 *   authenticate: async (request, context) => (await vendorActor(request)) ?? authenticateWithSession(request, context),
 * });
 */
export const authenticateWithSession: Authenticate = async (
  _request,
  { sessionToken, directory, metadata },
) => {
  if (!sessionToken) return null;
  return directory.auth.authorize(sessionToken, metadata);
};
