import type { ResolvedOptions } from "./options";
import { transport } from "./rest-problem";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins a browser request may come from: the handler's own (and its aliases), and the CORS allow-list. @example isAllowedOrigin("https://app.ehr.example", request, settings) // true when allow-listed */
export function isAllowedOrigin(origin: string, request: Request, settings: ResolvedOptions): boolean {
  if (settings.corsOrigins.has(origin) || settings.originAliases.has(origin)) return true;
  const own = settings.publicOrigin ?? new URL(request.url).origin;
  return origin === own;
}

/**
 * CSRF defence for requests a browser could send with ambient credentials (cookies): an unsafe
 * method without `Authorization: Bearer` must come from an allowed origin — by `Origin`, or by
 * `Sec-Fetch-Site: same-origin` — or carry no cookie and no browser marker at all (a server-side
 * client, which cannot be forged into sending someone's cookie). Refused with 403 before anything runs.
 *
 * @example checkCsrf(request, settings, tokenSource === "bearer");
 */
export function checkCsrf(request: Request, settings: ResolvedOptions, bearer: boolean): void {
  if (SAFE.has(request.method) || bearer) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (origin !== null && origin !== "null") {
    if (isAllowedOrigin(origin, request, settings)) return;
    throw transport.crossSite();
  }
  if (site !== null) {
    if (site === "same-origin") return;
    throw transport.crossSite();
  }
  if (origin === "null") throw transport.crossSite();
  if (request.headers.get("cookie") === null) return;
  throw transport.crossSite();
}
