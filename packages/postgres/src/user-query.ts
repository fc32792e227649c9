import type { UserStatus } from "@staffroom/core";
import type { StoreUserCount, StoreUserQuery, UserAnchor } from "@staffroom/core/store";

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
type UserFilter = Pick<
  StoreUserQuery,
  "statuses" | "locationId" | "roleIds" | "practitioner" | "scopeLocationIds" | "credentialExpiry"
> & {
  readonly terms?: readonly string[];
  readonly licence?: string;
};

/**
 * The WHERE conditions of a user filter over `users u`, with the same meaning as the memory
 * store's: every term a substring of the search text, org-wide users pass location filters.
 *
 * @example userConditions(orgId, { statuses: ["active"] }, p) // ["u.organization_id = $1", "u.status = $2"]
 */
export function userConditions(organizationId: string, f: UserFilter, p: Params): string[] {
  const where = [`u.organization_id = ${p.add(organizationId)}`];
  const statuses = [...new Set(f.statuses)];
  // A single value as `=` keeps the sort indexes usable for ordered scans.
  if (!ALL_STATUSES.every((s) => statuses.includes(s))) {
    if (statuses.length === 0) where.push("false");
    else if (statuses.length === 1) where.push(`u.status = ${p.add(statuses[0])}`);
    else where.push(`u.status = ANY(${p.add(statuses)}::text[])`);
  }
  if (f.roleIds !== undefined) {
    const roles = [...new Set(f.roleIds)];
    if (roles.length === 0) where.push("false");
    else if (roles.length === 1) where.push(`u.role_id = ${p.add(roles[0])}`);
    else where.push(`u.role_id = ANY(${p.add(roles)}::text[])`);
  }
  if (f.practitioner !== undefined) where.push(`u.practitioner = ${p.add(f.practitioner)}`);
  if (f.licence !== undefined) where.push(`u.licences @> ARRAY[${p.add(f.licence)}::text]`);
  if (f.locationId !== undefined)
    where.push(`(u.org_wide OR u.location_ids @> ARRAY[${p.add(f.locationId)}::text])`);
  if (f.scopeLocationIds !== undefined)
    where.push(`(u.org_wide OR u.location_ids && ${p.add([...new Set(f.scopeLocationIds)])}::text[])`);
  if (f.credentialExpiry !== undefined) {
    // Dates are YYYY-MM-DD (core validates them), so byte order ("C") is date order in every
    // database collation; a user without an expiring credential has a NULL minimum and never matches.
    const earliest = `(SELECT min((c->>'expiresOn') COLLATE "C") FROM jsonb_array_elements(u.provider->'credentials') c)`;
    const { from, to } = f.credentialExpiry;
    where.push(`${earliest} <= ${p.add(to)}::text`);
    if (from !== undefined) where.push(`${earliest} >= ${p.add(from)}::text`);
  }
  for (const term of f.terms ?? []) {
    if (term.length > 0) where.push(`u.search LIKE ${p.add(containsPattern(term))}`);
  }
  return where;
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
 * ORDER BY and the keyset condition for rows after `anchor`: key in the query's direction, then
 * id ascending in both directions (so descending is not the reverse of ascending).
 *
 * @example userOrder("name", "desc", anchor, p) // { orderBy: "u.name_key DESC, u.id ASC", after: "…" }
 */
export function userOrder(
  sort: StoreUserQuery["sort"],
  direction: StoreUserQuery["direction"],
  anchor: UserAnchor | null,
  p: Params,
): { orderBy: string; after: string | null } {
  const bySort = SORT_KEYS[sort];
  if (!bySort || (direction !== "asc" && direction !== "desc"))
    throw new Error(`Unknown user order ${String(sort)}:${String(direction)}.`);
  const key = bySort[direction];
  const orderBy = `${key} ${direction === "asc" ? "ASC" : "DESC"}, u.id ASC`;
  if (anchor === null) return { orderBy, after: null };
  const rawKey = anchor.key ?? (direction === "asc" ? "infinity" : "-infinity");
  const k = isInstantSort(sort) ? `${p.add(rawKey)}::timestamptz` : p.add(rawKey);
  const id = p.add(anchor.id);
  const after =
    direction === "asc"
      ? `(${key}, u.id) > (${k}, ${id})`
      : `${key} <= ${k} AND (${key} < ${k} OR u.id > ${id})`;
  return { orderBy, after };
}

/** The filter of `countUsers`, widened to the shared filter type. @example countFilter(filter) */
export const countFilter = (filter: StoreUserCount): UserFilter => filter;
