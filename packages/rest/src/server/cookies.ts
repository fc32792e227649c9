import type { ResolvedOptions } from "./options";

/**
 * The value of one cookie in a `Cookie` header, or null.
 *
 * @example readCookie("a=1; staffroom_session=abc", "staffroom_session") // "abc"
 */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value.length > 0 ? value : null;
  }
  return null;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** `secure: false` is honoured only for a loopback host (a plain-http demo); anywhere else the cookie stays Secure. */
function secure(settings: ResolvedOptions, request: Request): boolean {
  return settings.cookieSecure || !LOOPBACK.has(new URL(request.url).hostname);
}

function attributes(settings: ResolvedOptions, request: Request): string[] {
  return [
    `Path=${settings.basePath || "/"}`,
    "HttpOnly",
    ...(secure(settings, request) ? ["Secure"] : []),
    "SameSite=Lax",
    ...(settings.cookieDomain ? [`Domain=${settings.cookieDomain}`] : []),
  ];
}

/**
 * `Set-Cookie` for a new session: HttpOnly, Secure (unless turned off and served on a loopback
 * host, for a plain-http demo), SameSite=Lax, scoped to the base path, expiring with the session's
 * absolute lifetime.
 *
 * @example sessionCookie(settings, request, token, session.expiresAt)
 */
export function sessionCookie(
  settings: ResolvedOptions,
  request: Request,
  token: string,
  expiresAt: string,
): string {
  const expires = new Date(expiresAt).toUTCString();
  return [`${settings.cookieName}=${token}`, ...attributes(settings, request), `Expires=${expires}`].join(
    "; ",
  );
}

/** `Set-Cookie` that removes the session cookie. @example clearSessionCookie(settings, request) */
export function clearSessionCookie(settings: ResolvedOptions, request: Request): string {
  return [`${settings.cookieName}=`, ...attributes(settings, request), "Max-Age=0"].join("; ");
}
