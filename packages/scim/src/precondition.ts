import { ScimError } from "./error";

/**
 * A client's `If-Match` (RFC 7644 §3.14, RFC 9110 §13.1.1): `"*"` (any current version), or the
 * opaque values of the entity tags it lists, weak or strong alike (SCIM's `meta.version` is a weak
 * tag, and §3.14 sends it back as it came). A tag that is not shaped like one matches nothing.
 *
 * @example ifMatchOf(request) // ["3"] for If-Match: W/"3"
 */
export type IfMatch = "*" | readonly string[];

const TAG = /^(?:W\/)?"([\x21\x23-\x7e]*)"$/;

function tagsOf(header: string | null): IfMatch | null {
  if (header === null || header.trim() === "") return null;
  if (header.trim() === "*") return "*";
  // A tag that does not parse is kept as a value no version has, so the precondition fails.
  return header.split(",").map((part) => TAG.exec(part.trim())?.[1] ?? "\u0000");
}

/**
 * The request's `If-Match`, or null when it sent none.
 *
 * @example ifMatchOf(new Request(url, { headers: { "If-Match": 'W/"3"' } })) // ["3"]
 */
export function ifMatchOf(request: Request): IfMatch | null {
  return tagsOf(request.headers.get("if-match"));
}

/**
 * Whether the request's `If-None-Match` names this version (then a GET answers 304).
 *
 * @example ifNoneMatchHolds(request, 'W/"3"') // true for If-None-Match: W/"3"
 */
export function ifNoneMatchHolds(request: Request, etag: string): boolean {
  const tags = tagsOf(request.headers.get("if-none-match"));
  const value = TAG.exec(etag)?.[1];
  return tags !== null && (tags === "*" || (value !== undefined && tags.includes(value)));
}

/**
 * A resource's `meta.version` and `ETag`: a weak tag of core's version (R12), which every change
 * of the resource moves on.
 *
 * @example etagOf(3) // 'W/"3"'
 */
export function etagOf(version: number): string {
  return `W/"${version}"`;
}

/**
 * 412 unless `If-Match` names `version` (or is `*`, or absent). Core checks the same version again
 * when it writes (R12), so a write racing this request is refused there too.
 *
 * @example requireMatch(ifMatch, user.version, "User usr_…");
 */
export function requireMatch(ifMatch: IfMatch | null, version: number, what: string): void {
  if (ifMatch === null || ifMatch === "*" || ifMatch.includes(String(version))) return;
  throw preconditionFailed(what, version);
}

/**
 * The 412 of a failed `If-Match`: the resource is not the version the client read.
 *
 * @example throw preconditionFailed("User usr_…", 4);
 */
export function preconditionFailed(what: string, version?: number): ScimError {
  const now = version === undefined ? "" : ` (it is ${etagOf(version)} now)`;
  return new ScimError(
    412,
    null,
    `${what} changed since it was read${now}: If-Match names another version. Read it again.`,
  );
}
