import { DirectoryError } from "../errors/directory-error";
import { isId } from "../primitives/ids.schema";
import { isInstant } from "../primitives/instant.schema";
import { isPlainText } from "../primitives/text.schema";
import type { StoreAuditQuery, StoreSessionQuery, StoreUserQuery } from "./records";

// Cursors are opaque to callers: base64url of a small JSON array tied to the query that made it.
// Every DirectoryStore uses these helpers (memoryStore and @staffroom/postgres do), so all stores
// make and refuse cursors the same way and the conformance suite's cursor tests mean one thing.
//
// Validated field by field, not signed. A cursor grants nothing: it only says where a page of a
// query starts, and the query is re-run with the caller's own permissions and scope, so a forged
// position can show nothing the caller could not reach by paging. What a forgery can do is hand a
// store a value it cannot take (a NUL, a year 275760, an integer past PostgreSQL's range), so every
// field is checked against what a store itself writes: ids by the id pattern, text keys by the
// text primitive, instants in the canonical form inside the years 0001–9999, audit sequences inside
// PostgreSQL's integer. Signing would need a key shared by every server instance, would break every
// open cursor when it rotates, and would still not spare the checks a store relies on.

const CURSOR_VERSION = 1;
/** Longer input is not a cursor this store made (keeps decoding cheap on garbage). */
const MAX_CURSOR_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * The error for a cursor this store did not make, or made for another query.
 *
 * @example throw invalidCursor();
 */
export function invalidCursor(): DirectoryError {
  const message = "The page cursor is not valid.";
  return new DirectoryError({
    code: "validation",
    message,
    issues: [{ path: ["cursor"], code: "invalid_cursor", message }],
  });
}

/** FNV-1a (32 bit) of the JSON of `parts`, base 36: ties a cursor to the query that made it. */
function fingerprint(parts: unknown): string {
  const text = JSON.stringify(parts);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

// btoa/atob rather than Buffer: core and its stores also run in browsers and workers.
function encode(payload: readonly unknown[]): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(JSON.stringify(payload))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decode(cursor: unknown): unknown[] {
  if (typeof cursor !== "string" || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH)
    throw invalidCursor();
  if (!BASE64URL.test(cursor)) throw invalidCursor();
  let value: unknown;
  try {
    const base64 = cursor.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    // UTF-8 through percent-escapes: decodeURIComponent throws on malformed UTF-8, as a fatal
    // TextDecoder would, and core declares no DOM types.
    let escaped = "";
    for (let i = 0; i < binary.length; i++)
      escaped += `%${binary.charCodeAt(i).toString(16).padStart(2, "0")}`;
    value = JSON.parse(decodeURIComponent(escaped));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(value) || value[0] !== CURSOR_VERSION) throw invalidCursor();
  return value;
}

const sortedUnique = (values: readonly string[] | undefined): string[] | null =>
  values === undefined ? null : [...new Set(values)].sort();

/**
 * Fingerprint of everything that decides a user query's membership and order (not its limit or
 * cursor).
 *
 * @example userQueryFingerprint(orgId, query) // "1k3x9a"
 */
export function userQueryFingerprint(organizationId: string, query: StoreUserQuery): string {
  return fingerprint([
    organizationId,
    sortedUnique(query.statuses),
    sortedUnique(query.terms),
    query.locationId ?? null,
    sortedUnique(query.roleIds),
    query.practitioner ?? null,
    sortedUnique(query.scopeLocationIds),
    query.sort,
    query.direction,
    // Appended only when set, so the cursors of every other query keep their fingerprint.
    ...(query.credentialExpiry ? [[query.credentialExpiry.from ?? null, query.credentialExpiry.to]] : []),
  ]);
}

/**
 * A position in a user order: the last row's sort key (null for a user never signed in) and id.
 *
 * @example { key: "smith jane", id: "usr_0000000001" }
 */
export interface UserAnchor {
  readonly key: string | null;
  readonly id: string;
}

/** The cursor after `anchor`. @example encodeUserCursor(fp, { key: "smith jane", id }) */
export function encodeUserCursor(fp: string, anchor: UserAnchor): string {
  return encode([CURSOR_VERSION, fp, anchor.key, anchor.id]);
}

/** The longest text sort key a store writes (a lower-cased "family given" name, or an email). */
const MAX_TEXT_KEY = 512;

/** An instant exactly as `toISOString()` writes it, inside every store's range. */
const isCanonicalInstant = (key: string): boolean =>
  isInstant(key) && new Date(Date.parse(key)).toISOString() === key;

/** Whether `key` is a sort key a store could have written for `sort`. */
function isSortKey(sort: StoreUserQuery["sort"], key: unknown): boolean {
  if (key === null) return sort === "lastSignInAt";
  if (typeof key !== "string") return false;
  if (sort === "createdAt" || sort === "lastSignInAt") return isCanonicalInstant(key);
  return key.length <= MAX_TEXT_KEY && isPlainText(key);
}

/**
 * Decodes a user cursor made for the query with fingerprint `fp`; throws {@link invalidCursor}
 * otherwise. Each field must be one a store writes: the id shaped like an id, the key plain
 * single-line text for name and email orders and a canonical instant (years 0001–9999) for the
 * instant orders — so no forged value ever reaches a store's query.
 *
 * @example const anchor = decodeUserCursor(query.cursor, fp, query.sort);
 */
export function decodeUserCursor(cursor: string, fp: string, sort: StoreUserQuery["sort"]): UserAnchor {
  const value = decode(cursor);
  const [, cursorFp, key, id] = value;
  if (value.length !== 4 || cursorFp !== fp || !isId(id) || !isSortKey(sort, key)) throw invalidCursor();
  return { key: key as string | null, id };
}

/**
 * Fingerprint of an audit query's filters.
 *
 * @example auditQueryFingerprint(orgId, { action: "user.disabled", limit: 50, cursor: null })
 */
export function auditQueryFingerprint(organizationId: string, query: StoreAuditQuery): string {
  return fingerprint([
    organizationId,
    query.from ?? null,
    query.to ?? null,
    query.actorId ?? null,
    query.targetId ?? null,
    query.action ?? null,
  ]);
}

/** The audit cursor: the sequence of the last event returned. @example encodeAuditCursor(fp, 120) */
export function encodeAuditCursor(fp: string, sequence: number): string {
  return encode([CURSOR_VERSION, fp, sequence]);
}

/** Audit sequences start at 1 and live in a PostgreSQL `integer` column. */
const MAX_SEQUENCE = 2_147_483_647;

/**
 * Decodes an audit cursor made for the query with fingerprint `fp`; throws {@link invalidCursor}
 * otherwise. The sequence must be a whole number from 1 to 2 147 483 647, as stored.
 *
 * @example const before = decodeAuditCursor(query.cursor, fp);
 */
export function decodeAuditCursor(cursor: string, fp: string): number {
  const value = decode(cursor);
  const [, cursorFp, sequence] = value;
  if (
    value.length !== 3 ||
    cursorFp !== fp ||
    typeof sequence !== "number" ||
    !Number.isInteger(sequence) ||
    sequence < 1 ||
    sequence > MAX_SEQUENCE
  )
    throw invalidCursor();
  return sequence;
}

/**
 * Fingerprint of what decides a session query's membership (not its times, which move between
 * pages, nor its limit or cursor).
 *
 * @example sessionQueryFingerprint(orgId, query) // "0x9k2m"
 */
export function sessionQueryFingerprint(organizationId: string, query: StoreSessionQuery): string {
  return fingerprint([organizationId, query.userId ?? null, sortedUnique(query.scopeLocationIds)]);
}

/**
 * A position in the session order: the last row's `createdAt` and id.
 *
 * @example { createdAt: "2026-03-01T09:00:00.000Z", id: "ses_0000000001" }
 */
export interface SessionAnchor {
  readonly createdAt: string;
  readonly id: string;
}

/** The cursor after `anchor`. @example encodeSessionCursor(fp, { createdAt, id }) */
export function encodeSessionCursor(fp: string, anchor: SessionAnchor): string {
  return encode([CURSOR_VERSION, fp, anchor.createdAt, anchor.id]);
}

/**
 * Decodes a session cursor made for the query with fingerprint `fp`; throws {@link invalidCursor}
 * otherwise. The instant must be canonical (years 0001–9999) and the id shaped like an id.
 *
 * @example const after = decodeSessionCursor(query.cursor, fp);
 */
export function decodeSessionCursor(cursor: string, fp: string): SessionAnchor {
  const value = decode(cursor);
  const [, cursorFp, createdAt, id] = value;
  if (
    value.length !== 4 ||
    cursorFp !== fp ||
    typeof createdAt !== "string" ||
    !isCanonicalInstant(createdAt) ||
    !isId(id)
  )
    throw invalidCursor();
  return { createdAt, id };
}
