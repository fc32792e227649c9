/**
 * The entity tag of a version (R12): strong, the version number in quotes.
 *
 * @example formatEtag(3) // "\"3\""
 */
export function formatEtag(version: number): string {
  return `"${version}"`;
}

/** What an `If-Match` header says. @example const condition: IfMatch = parseIfMatch(request.headers.get("if-match")) */
export type IfMatch =
  | { readonly kind: "absent" }
  | { readonly kind: "any" }
  | { readonly kind: "version"; readonly version: number }
  | { readonly kind: "invalid" };

const STRONG_VERSION = /^"(0|[1-9]\d{0,14})"$/;

/**
 * Reads an `If-Match` header: one strong entity tag naming a version (`"3"`), `*`, absent, or
 * invalid (weak tags, lists, anything else: a write names exactly the version it read).
 *
 * @example parseIfMatch('"3"') // { kind: "version", version: 3 }
 * @example parseIfMatch(null)  // { kind: "absent" }
 */
export function parseIfMatch(header: string | null): IfMatch {
  if (header === null) return { kind: "absent" };
  const value = header.trim();
  if (value === "") return { kind: "absent" };
  if (value === "*") return { kind: "any" };
  const match = STRONG_VERSION.exec(value);
  if (!match?.[1]) return { kind: "invalid" };
  return { kind: "version", version: Number(match[1]) };
}
