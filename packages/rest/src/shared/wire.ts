/**
 * Names shared by the server and the client.
 *
 * @example headers.set(SESSION_TRANSPORT_HEADER, "bearer")
 */

/** The session cookie's default name. @example readCookie(request.headers.get("cookie"), SESSION_COOKIE) */
export const SESSION_COOKIE = "staffroom_session";

/**
 * Sent on sign-in and organization switch to ask for the session token in the response body
 * (`bearer`) instead of an HttpOnly cookie (the default).
 *
 * @example fetch("/api/staffroom/auth/sign-in", { method: "POST", headers: { [SESSION_TRANSPORT_HEADER]: "bearer" }, body })
 */
export const SESSION_TRANSPORT_HEADER = "Staffroom-Session";

/** Correlates a request with its audit events and log lines; echoed on every response. @example response.headers.get(REQUEST_ID_HEADER) */
export const REQUEST_ID_HEADER = "X-Request-Id";

/** The request id shape accepted from a caller; anything else is replaced by a fresh one. @example REQUEST_ID_PATTERN.test("req-42.abc") // true */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
