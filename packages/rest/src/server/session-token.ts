import { readCookie } from "./cookies";
import type { ResolvedOptions } from "./options";

/** Where a request's Staffroom session token came from. @example { token: "…", source: "bearer" } */
export interface SessionTokenSource {
  readonly token: string | null;
  /** `bearer`: an `Authorization: Bearer` header (never sent by a browser on its own, so exempt from CSRF checks). */
  readonly source: "bearer" | "cookie" | null;
}

const BEARER = /^Bearer[ ]+(\S*)\s*$/i;

/**
 * The session token of a request: `Authorization: Bearer …` first, then the session cookie.
 *
 * @example sessionTokenOf(request, settings) // { token: "…", source: "cookie" }
 */
export function sessionTokenOf(request: Request, settings: ResolvedOptions): SessionTokenSource {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = BEARER.exec(authorization);
    if (match) return { token: match[1] ? match[1] : null, source: "bearer" };
  }
  const cookie = readCookie(request.headers.get("cookie"), settings.cookieName);
  return cookie ? { token: cookie, source: "cookie" } : { token: null, source: null };
}
