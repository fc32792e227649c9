const BEARER = /(bearer\s+)[^\s"',;]+/gi;
const SECRET_FIELD =
  /((?:"|')?(?:password|currentPassword|newPassword|token|secret|cookie)(?:"|')?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;}]+)/gi;
const SESSION_COOKIE = /(staffroom_session=)[^\s;]+/gi;
/** Long opaque runs (tokens, hashes), but not Staffroom ids (`usr_…`). */
const OPAQUE = /(?<![A-Za-z0-9_-])(?![a-z]{3}_[0-9a-z]{10,40}(?![A-Za-z0-9_-]))[A-Za-z0-9_-]{32,}/g;

/**
 * Masks what could be a secret in a log line: bearer tokens, session cookies, password and token
 * fields, and any long opaque run of token characters (R15: no secret in a log).
 *
 * @example redact('login failed for {"password":"hunter2"}') // 'login failed for {"password":[redacted]}'
 */
export function redact(text: string): string {
  return text
    .replace(BEARER, "$1[redacted]")
    .replace(SESSION_COOKIE, "$1[redacted]")
    .replace(SECRET_FIELD, "$1[redacted]")
    .replace(OPAQUE, "[redacted]");
}
