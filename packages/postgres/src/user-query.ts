import type { UserStatus } from "@staffroom/core";
import type { StoreUserQuery, UserAnchor } from "@staffroom/core/store";

const ALL_STATUSES: readonly UserStatus[] = ["pending", "active", "disabled"];

/**
 * Bound parameters of one statement: `add` returns the placeholder of a new value. Values only
 * ever travel as parameters; SQL text is built from fixed fragments.
 *
 * @example const p = new Params(); const sql = `id = ${p.add(id)}`; await q.query(sql, p.values);
 */
export class Params {
  readonly values: unknown[] = [];

  /** Adds a value; returns its placeholder (`$1`, `$2` …). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * A LIKE pattern matching `term` as a plain substring: `\`, `%` and `_` in the term are escaped
 * (backslash is LIKE's default escape character).
 *
 * @example containsPattern("50%_off") // "%50\\%\\_off%"
 */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, "\\$&")}%`;
}

/** What `queryUsers` and `countUsers` filter on (the union of both contracts). */
export type UserFilter = Pick<
  StoreUserQuery,
  "statuses" | "locationId" | "roleIds" | "practitioner" | "scopeLocationIds" | "credentialExpiry"
> & {
  readonly terms?: readonly string[];
  readonly licence?: string;
};

/**
 * The integer of a two-character term in `search_bigrams` (migration 6's `staffroom_bigrams`:
 * first code point * 65536 + second, shifted into int4), or null when the term is not exactly two
 * characters of the Basic Multilingual Plane (a pair the column does not hold).
 *
 * @example bigramCode("12") // 3211314 - 2147483648
 */
export function bigramCode(term: string): number | null {
  const chars = [...term];
  if (chars.length !== 2) return null;
  const a = chars[0]?.codePointAt(0) ?? 0x10000;
  const b = chars[1]?.codePointAt(0) ?? 0x10000;
  if (a > 0xffff || b > 0xffff) return null;
  return a * 65536 + b - 2147483648;
}

/**
 * The condition that `term` is a substring of the search text, in the form an index serves:
 * three characters or more as LIKE (pg_trgm's GIN index), two as the pair in `search_bigrams`
 * (exact), one as `strpos` (a single character matches most users, so no index would pay; `strpos`
 * also keeps the planner off a full scan of the trigram index, which LIKE '%a%' can invite).
 */
function termCondition(alias: string, term: string, p: Params): string {
  const length = [...term].length;
  if (length >= 3) return `${alias}.search LIKE ${p.add(containsPattern(term))}`;
  const code = length === 2 ? bigramCode(term) : null;
  if (code !== null) return `${alias}.search_bigrams @> ARRAY[${p.add(code)}::integer]`;
  return `strpos(${alias}.search, ${p.add(term)}) > 0`;
}

/**
 * The WHERE conditions of a user filter over `users u`, with the same meaning as the memory
 * store's: every term a substring of the search text, org-wide users pass location filters. With
 * `alias` "t" and no terms or licence they read `user_tallies` instead, whose rows carry the same
 * columns (status, role, practitioner, org-wide, location set).
 *
 * @example userConditions(orgId, { statuses: ["active"] }, p) // ["u.organization_id = $1", "u.status = $2"]
 */
export function userConditions(organizationId: string, f: UserFilter, p: Params, alias = "u"): string[] {
  const u = alias;
  const where = [`${u}.organization_id = ${p.add(organizationId)}`];
  const statuses = [...new Set(f.statuses)];
  // A single value as `=` keeps the sort indexes usable for ordered scans.
  if (!ALL_STATUSES.every((s) => statuses.includes(s))) {
    if (statuses.length === 0) where.push("false");
    else if (statuses.length === 1) where.push(`${u}.status = ${p.add(statuses[0])}`);
    else where.push(`${u}.status = ANY(${p.add(statuses)}::text[])`);
  }
  if (f.roleIds !== undefined) {
    const roles = [...new Set(f.roleIds)];
    if (roles.length === 0) where.push("false");
    else if (roles.length === 1) where.push(`${u}.role_id = ${p.add(roles[0])}`);
    else where.push(`${u}.role_id = ANY(${p.add(roles)}::text[])`);
  }
  if (f.practitioner !== undefined) where.push(`${u}.practitioner = ${p.add(f.practitioner)}`);
  if (f.licence !== undefined) where.push(`${u}.licences @> ARRAY[${p.add(f.licence)}::text]`);
  if (f.locationId !== undefined)
    where.push(`(${u}.org_wide OR ${u}.location_ids @> ARRAY[${p.add(f.locationId)}::text])`);
  if (f.scopeLocationIds !== undefined)
    where.push(`(${u}.org_wide OR ${u}.location_ids && ${p.add([...new Set(f.scopeLocationIds)])}::text[])`);
  if (f.credentialExpiry !== undefined) {
    // Dates are YYYY-MM-DD (core validates them), so byte order ("C") is date order in every
    // database collation; a user without an expiring credential has a NULL minimum and never matches.
    const earliest = `(SELECT min((c->>'expiresOn') COLLATE "C") FROM jsonb_array_elements(${u}.provider->'credentials') c)`;
    const { from, to } = f.credentialExpiry;
    where.push(`${earliest} <= ${p.add(to)}::text`);
    if (from !== undefined) where.push(`${earliest} >= ${p.add(from)}::text`);
  }
  for (const term of f.terms ?? []) {
    if (term.length > 0) where.push(termCondition(u, term, p));
  }
  return where;
}

/** Whether the filter's total can come from `user_tallies`: no search term, licence or credential expiry (tallies hold none of them). */
export function tallied(f: UserFilter): boolean {
  return (
    f.licence === undefined && f.credentialExpiry === undefined && !(f.terms ?? []).some((t) => t.length > 0)
  );
}

/**
 * The total of a filter as one scalar SQL expression: the sum of its tally rows when
 * {@link tallied}, else an exact count of the matching users.
 *
 * @example totalExpression(orgId, { statuses: ["active"] }, p) // "(SELECT COALESCE(sum(t.n), 0)::int FROM user_tallies t WHERE …)"
 */
export function totalExpression(organizationId: string, f: UserFilter, p: Params): string {
  if (tallied(f))
    return `(SELECT COALESCE(sum(t.n), 0)::int FROM user_tallies t WHERE ${userConditions(organizationId, f, p, "t").join(" AND ")})`;
  return `(SELECT count(*)::int FROM users u WHERE ${userConditions(organizationId, f, p).join(" AND ")})`;
}

/**
 * The sort key expression of an order — from this fixed table only, never from input. Users
 * never signed in sort last in both directions: their key is +infinity ascending and -infinity
 * descending (the expressions of the `users_signed_in_*` indexes).
 */
const SORT_KEYS: Record<StoreUserQuery["sort"], Record<StoreUserQuery["direction"], string>> = {
  name: { asc: "u.name_key", desc: "u.name_key" },
  email: { asc: "u.email", desc: "u.email" },
  createdAt: { asc: "u.created_at", desc: "u.created_at" },
  lastSignInAt: {
    asc: "COALESCE(u.last_sign_in_at, 'infinity'::timestamptz)",
    desc: "COALESCE(u.last_sign_in_at, '-infinity'::timestamptz)",
  },
};

const isInstantSort = (sort: StoreUserQuery["sort"]): boolean =>
  sort === "createdAt" || sort === "lastSignInAt";

/**
 * The sort key expression of an order over `users u` (from the fixed table above).
 *
 * @example sortKey("lastSignInAt", "desc") // "COALESCE(u.last_sign_in_at, '-infinity'::timestamptz)"
 */
export function sortKey(sort: StoreUserQuery["sort"], direction: StoreUserQuery["direction"]): string {
  const bySort = SORT_KEYS[sort];
  if (!bySort || (direction !== "asc" && direction !== "desc"))
    throw new Error(`Unknown user order ${String(sort)}:${String(direction)}.`);
  return bySort[direction];
}

/**
 * ORDER BY and the keyset condition for rows after `anchor`: key in the query's direction, then
 * id ascending in both directions (so descending is not the reverse of ascending). `on` names the
 * key and id as another relation holds them (the search matches of a query), default `users u`.
 *
 * @example userOrder("name", "desc", anchor, p) // { orderBy: "u.name_key DESC, u.id ASC", after: "…" }
 */
export function userOrder(
  sort: StoreUserQuery["sort"],
  direction: StoreUserQuery["direction"],
  anchor: UserAnchor | null,
  p: Params,
  on?: { readonly key: string; readonly id: string },
): { orderBy: string; after: string | null } {
  sortKey(sort, direction);
  const key = on?.key ?? sortKey(sort, direction);
  const idColumn = on?.id ?? "u.id";
  const orderBy = `${key} ${direction === "asc" ? "ASC" : "DESC"}, ${idColumn} ASC`;
  if (anchor === null) return { orderBy, after: null };
  const rawKey = anchor.key ?? (direction === "asc" ? "infinity" : "-infinity");
  const k = isInstantSort(sort) ? `${p.add(rawKey)}::timestamptz` : p.add(rawKey);
  const id = p.add(anchor.id);
  const after =
    direction === "asc"
      ? `(${key}, ${idColumn}) > (${k}, ${id})`
      : `${key} <= ${k} AND (${key} < ${k} OR ${idColumn} > ${id})`;
  return { orderBy, after };
}
