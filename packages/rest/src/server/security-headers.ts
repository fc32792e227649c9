import type { ResolvedOptions } from "./options";

/** A header list: name and value pairs, in order (Set-Cookie may repeat). */
export type HeaderList = [string, string][];

const ALWAYS: HeaderList = [
  ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "no-referrer"],
  ["X-Frame-Options", "DENY"],
  ["Cross-Origin-Resource-Policy", "same-origin"],
];

/**
 * Headers on every response: nothing may render, frame or sniff it, no referrer leaves, and nothing
 * is cached (every answer but the OpenAPI document is about someone's session or data).
 *
 * @example headers.push(...securityHeaders(settings, { cacheable: false }))
 */
export function securityHeaders(
  settings: ResolvedOptions,
  options: { readonly cacheable: boolean },
): HeaderList {
  return [
    ...ALWAYS,
    ["Cache-Control", options.cacheable ? "public, max-age=300" : "no-store"],
    ...(settings.hsts ? ([["Strict-Transport-Security", settings.hsts]] as HeaderList) : []),
  ];
}
