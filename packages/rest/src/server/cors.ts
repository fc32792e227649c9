import type { ResolvedOptions } from "./options";

const ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, Staffroom-Session, X-Request-Id";
const EXPOSED_HEADERS = "ETag, Location, X-Request-Id";

/**
 * CORS headers for an allow-listed origin (credentials included); none for any other origin, so the
 * browser keeps the response from the page.
 *
 * @example corsHeaders(request, settings) // { "Access-Control-Allow-Origin": "https://app.ehr.example", … }
 */
export function corsHeaders(request: Request, settings: ResolvedOptions): Record<string, string> {
  const origin = request.headers.get("origin");
  const base: Record<string, string> = settings.corsOrigins.size ? { Vary: "Origin" } : {};
  if (!origin || !settings.corsOrigins.has(origin)) return base;
  return {
    ...base,
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Expose-Headers": EXPOSED_HEADERS,
  };
}

/**
 * The answer to a CORS preflight: 204 with the allowed methods and headers for an allow-listed
 * origin, 204 without any CORS header otherwise (the browser then refuses the real request).
 *
 * @example preflight(request, settings, ["GET", "PATCH"])
 */
export function preflightHeaders(
  request: Request,
  settings: ResolvedOptions,
  methods: readonly string[],
): Record<string, string> {
  const headers = corsHeaders(request, settings);
  const allow = [...methods, "OPTIONS"].join(", ");
  if (!headers["Access-Control-Allow-Origin"]) return { ...headers, Allow: allow };
  return {
    ...headers,
    Allow: allow,
    "Access-Control-Allow-Methods": allow,
    "Access-Control-Allow-Headers": ALLOWED_HEADERS,
    "Access-Control-Max-Age": String(settings.corsMaxAge),
  };
}
