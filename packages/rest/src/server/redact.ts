const BEARER = /(bearer\s+)[^\s"',;]+/gi;
const SECRET_FIELD =
  /((?:"|')?(?:password|currentPassword|newPassword|token|secret|cookie)(?:"|')?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;}]+)/gi;
const SESSION_COOKIE = /(staffroom_session=)[^\s;]+/gi;
/** Long opaque runs (tokens, hashes), but not Staffroom ids (`usr_…`). */
const OPAQUE = /(?<![A-Za-z0-9_-])(?![a-z]{3}_[0-9a-z]{10,40}(?![A-Za-z0-9_-]))[A-Za-z0-9_-]{32,}/g;

/** Body fields whose values are secrets wherever they are nested. */
const SECRET_KEY = /^(?:password|currentPassword|newPassword|token|secret)$/i;
/** Shorter values are left alone: masking them would mask ordinary words. */
const SHORTEST_KNOWN = 4;

/**
 * The values of a request body's secret fields (`password`, `currentPassword`, `newPassword`, `token`,
 * `secret`, at any depth), so a log line can mask them where no pattern would find them: a
 * password service that fails with "… while checking "quiet-river-stones"" names no field.
 *
 * @example secretValues({ token: "abc", profile: { password: "hunter2-hunter2" } }) // ["abc", "hunter2-hunter2"]
 */
export function secretValues(body: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8 || body === null || typeof body !== "object") return out;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string" && SECRET_KEY.test(key)) out.push(value);
    else secretValues(value, out, depth + 1);
  }
  return out;
}

/**
 * Masks what could be a secret in a log line (R15: no secret in a log): every `known` secret of the
 * request (also in the NFKC, lower-cased form core checks passwords in), bearer tokens, session
 * cookies, password and token fields, and any long opaque run of token characters.
 *
 * @example redact('login failed for {"password":"hunter2"}') // 'login failed for {"password":[redacted]}'
 * @example redact('checking "quiet-river-stones"', ["Quiet-River-Stones"]) // 'checking "[redacted]"'
 */
export function redact(text: string, known: readonly string[] = []): string {
  const forms = new Set<string>();
  for (const value of known) {
    const normalised = value.normalize("NFKC");
    for (const form of [value, normalised, normalised.toLowerCase()]) {
      if (form.length >= SHORTEST_KNOWN) forms.add(form);
    }
  }
  let masked = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length))
    masked = masked.split(form).join("[redacted]");
  return masked
    .replace(BEARER, "$1[redacted]")
    .replace(SESSION_COOKIE, "$1[redacted]")
    .replace(SECRET_FIELD, "$1[redacted]")
    .replace(OPAQUE, "[redacted]");
}
