import type { CredentialExpiryRange, StoreUserQuery } from "../store/records";
import type { UserStatus } from "../users/user.schema";
import { andInto, andNotInto, type Bits, forEachBit, hasBit, orInto, popcount } from "./bitset";
import type { Anchor, UserEntry } from "./user-entry";
import { userOrder } from "./user-entry";
import type { UserIndex } from "./user-index";

/** What `queryUsers` and `countUsers` filter on (the union of both contracts). @example { statuses: ["active"], practitioner: true } */
export interface UserFilter {
  readonly statuses: readonly UserStatus[];
  readonly terms?: readonly string[];
  readonly locationId?: string;
  readonly roleIds?: readonly string[];
  readonly practitioner?: boolean;
  readonly licence?: string;
  readonly credentialExpiry?: CredentialExpiryRange;
  readonly scopeLocationIds?: readonly string[];
}

/** Whether a user's earliest credential expiry lies in the range (dates compare as strings). */
function inExpiryRange(e: UserEntry, range: CredentialExpiryRange): boolean {
  const date = e.earliestExpiry;
  return date !== null && (range.from === undefined || date >= range.from) && date <= range.to;
}

/**
 * Uncommitted users of a transaction laid over the committed index: committed users whose id is in
 * `exclude` are ignored, and `extra` (the transaction's live versions) are considered instead.
 *
 * @example { exclude: new Set(["usr_0000000001"]), extra: [makeUserEntry(updatedRecord)] }
 */
export interface UserOverlay {
  readonly exclude: ReadonlySet<string>;
  readonly extra: readonly UserEntry[];
}

/**
 * How a query or count was answered, for tests and tuning.
 *
 * @example store.stats().lastUserQuery // { organizationUsers: 100000, candidates: 312, examined: 312, strategy: "sort-candidates" }
 */
export interface UserQueryStats {
  /** Users of the organization in the committed index. */
  readonly organizationUsers: number;
  /**
   * Size of the candidate set: the users passing the bitmap filters, or the trigram posting set when
   * that is smaller.
   */
  readonly candidates: number;
  /**
   * User entries looked at: candidates verified against search terms (only those passing the
   * bitmap filters), plus entries walked in a presorted index or gathered for sorting.
   */
  readonly examined: number;
  /**
   * `empty`: nothing matched; `sort-candidates`: few matches, sorted directly; `walk-sorted`: many
   * matches, the page was read from a presorted index from the cursor on; `count`: a count.
   */
  readonly strategy: "empty" | "sort-candidates" | "walk-sorted" | "count";
}

/** Result of {@link runUserQuery}. @example { items: [entry], total: 1, hasMore: false, stats } */
export interface UserQueryResult {
  readonly items: UserEntry[];
  readonly total: number;
  readonly hasMore: boolean;
  readonly stats: UserQueryStats;
}

const ALL_STATUSES: readonly UserStatus[] = ["pending", "active", "disabled"];

/** The full predicate, for a transaction's uncommitted users (which are in no index). */
function matches(e: UserEntry, f: UserFilter, terms: readonly string[]): boolean {
  if (!f.statuses.includes(e.status)) return false;
  if (f.roleIds && !f.roleIds.includes(e.roleId)) return false;
  if (f.practitioner !== undefined && e.practitioner !== f.practitioner) return false;
  if (f.licence !== undefined && !e.licences.includes(f.licence)) return false;
  if (f.credentialExpiry && !inExpiryRange(e, f.credentialExpiry)) return false;
  if (!e.orgWide) {
    if (f.locationId !== undefined && !e.locationIds.includes(f.locationId)) return false;
    const scope = f.scopeLocationIds;
    if (scope && !e.locationIds.some((id) => scope.includes(id))) return false;
  }
  return hasTerms(e, terms);
}

function hasTerms(e: UserEntry, terms: readonly string[]): boolean {
  for (const term of terms) if (!e.haystack.includes(term)) return false;
  return true;
}

/**
 * The bitmap of committed users passing every filter but the search terms: the status union,
 * intersected with each other filter's bitmap union, minus the transaction's excluded users.
 * Word-parallel: ~3 000 word operations per filter for 100 000 users.
 */
function filterBits(index: UserIndex, f: UserFilter, exclude: ReadonlySet<string>): Uint32Array {
  const words = index.words;
  const bits = new Uint32Array(words);
  if (ALL_STATUSES.every((s) => f.statuses.includes(s))) orInto(bits, index.all);
  else for (const status of new Set(f.statuses)) orInto(bits, index.byStatus.get(status));
  const union = (keys: Iterable<string>, map: Map<string, Bits>, orgWide: boolean) => {
    const out = new Uint32Array(words);
    if (orgWide) orInto(out, index.orgWide);
    for (const key of keys) orInto(out, map.get(key));
    return out;
  };
  if (f.roleIds) andInto(bits, union(new Set(f.roleIds), index.byRole, false));
  if (f.locationId !== undefined) andInto(bits, union([f.locationId], index.byLocation, true));
  if (f.scopeLocationIds) andInto(bits, union(new Set(f.scopeLocationIds), index.byLocation, true));
  if (f.licence !== undefined) andInto(bits, union([f.licence], index.byLicence, false));
  if (f.practitioner === true) andInto(bits, index.practitioners.words);
  else if (f.practitioner === false) andNotInto(bits, index.practitioners.words);
  // Credential expiry: the users whose earliest date lies in the range, from the index's date order.
  const range = f.credentialExpiry;
  if (range) andInto(bits, index.expiringBetween(range.from, range.to, words));
  for (const id of exclude) {
    const slot = index.entries.get(id)?.slot;
    if (slot !== undefined) bits[slot >>> 5] = (bits[slot >>> 5] as number) & ~(1 << (slot & 31));
  }
  return bits;
}

/** Matches of the search terms among the filtered users, through the smallest trigram posting set. */
function termMatches(
  index: UserIndex,
  bits: Uint32Array,
  terms: readonly string[],
  filtered: number,
): { rows: UserEntry[]; candidates: number; examined: number } {
  let posting: ReadonlySet<number> | null = null;
  for (const term of terms) {
    const set = index.trigrams.candidates(term);
    if (set && (posting === null || set.size < posting.size)) posting = set;
  }
  const rows: UserEntry[] = [];
  const bySlot = index.bySlot;
  let examined = 0;
  const verify = (slot: number): void => {
    const entry = bySlot[slot];
    examined++;
    if (entry && hasTerms(entry, terms)) rows.push(entry);
  };
  if (posting && posting.size < filtered) {
    for (const slot of posting) if (hasBit(bits, slot)) verify(slot);
    return { rows, candidates: posting.size, examined };
  }
  forEachBit(bits, verify);
  return { rows, candidates: filtered, examined };
}

const NO_OVERLAY: UserOverlay = { exclude: new Set(), extra: [] };

/**
 * Filters, sorts and pages one organization's users through its indexes (never a scan of the
 * store): bitmap filters, trigram candidates verified by substring, then either sorting the few
 * matches after the cursor (at most `smallLimit`) or walking the presorted index from the cursor.
 * `anchor` is the decoded cursor.
 *
 * @example runUserQuery(index, query, null, null, 2000).items.map((e) => e.record)
 */
export function runUserQuery(
  index: UserIndex | undefined,
  query: StoreUserQuery,
  anchor: Anchor | null,
  overlay: UserOverlay | null,
  smallLimit: number,
): UserQueryResult {
  const order = userOrder(query.sort, query.direction);
  const terms = query.terms.filter((t) => t.length > 0);
  const limit = Number.isFinite(query.limit) ? Math.max(0, Math.floor(query.limit)) : 0;
  const { exclude, extra } = overlay ?? NO_OVERLAY;
  const isAfter = (e: UserEntry): boolean => anchor === null || order.compareToAnchor(e, anchor) > 0;
  const organizationUsers = index?.size ?? 0;
  let total = 0;
  let candidates = 0;
  let examined = 0;
  const page = (rows: UserEntry[], more: boolean, strategy: UserQueryStats["strategy"]): UserQueryResult => ({
    items: rows.slice(0, limit),
    total,
    hasMore: more,
    stats: { organizationUsers, candidates, examined, strategy },
  });

  const extraAfter: UserEntry[] = [];
  for (const e of extra) {
    if (!matches(e, query, terms)) continue;
    total++;
    if (isAfter(e)) extraAfter.push(e);
  }
  extraAfter.sort(order.compare);
  if (!index) return page(extraAfter, extraAfter.length > limit, "empty");

  const bits = filterBits(index, query, exclude);
  const filtered = popcount(bits);
  candidates = filtered;
  let found: UserEntry[] | null = null;
  let count = filtered;
  if (terms.length > 0 && filtered > 0) {
    const result = termMatches(index, bits, terms, filtered);
    candidates = result.candidates;
    examined += result.examined;
    found = result.rows;
    count = found.length;
  }
  total += count;
  if (count === 0) return page(extraAfter, extraAfter.length > limit, "empty");

  if (count <= smallLimit) {
    const rows: UserEntry[] = [];
    const take = (e: UserEntry | undefined): void => {
      if (e && isAfter(e)) rows.push(e);
    };
    if (found) for (const e of found) take(e);
    else {
      examined += count;
      forEachBit(bits, (slot) => take(index.bySlot[slot]));
    }
    rows.push(...extraAfter);
    rows.sort(order.compare);
    return page(rows, rows.length > limit, "sort-candidates");
  }

  let member = bits;
  if (found) {
    member = new Uint32Array(bits.length);
    for (const e of found) member[e.slot >>> 5] = (member[e.slot >>> 5] as number) | (1 << (e.slot & 31));
  }
  const want = limit + 1;
  const rows: UserEntry[] = [];
  const startWhen = anchor === null ? null : (e: UserEntry) => order.compareToAnchor(e, anchor) > 0;
  index.sortedFor(query.sort, query.direction).forEachFrom(startWhen, (e) => {
    examined++;
    if (hasBit(member, e.slot)) rows.push(e);
    return rows.length < want;
  });
  if (extraAfter.length > 0) {
    rows.push(...extraAfter);
    rows.sort(order.compare);
  }
  return page(rows, rows.length > limit, "walk-sorted");
}

/**
 * Counts one organization's users matching `filter` through the indexes: a popcount of the bitmap
 * filters, plus substring checks of trigram candidates when there are search terms.
 *
 * @example countUserMatches(index, { statuses: ["active"], practitioner: true }, null).count
 */
export function countUserMatches(
  index: UserIndex | undefined,
  filter: UserFilter,
  overlay: UserOverlay | null,
): { count: number; stats: UserQueryStats } {
  const terms = (filter.terms ?? []).filter((t) => t.length > 0);
  const { exclude, extra } = overlay ?? NO_OVERLAY;
  let count = 0;
  for (const e of extra) if (matches(e, filter, terms)) count++;
  let candidates = 0;
  let examined = 0;
  if (index) {
    const bits = filterBits(index, filter, exclude);
    candidates = popcount(bits);
    if (terms.length === 0 || candidates === 0) count += candidates;
    else {
      const result = termMatches(index, bits, terms, candidates);
      candidates = result.candidates;
      examined = result.examined;
      count += result.rows.length;
    }
  }
  const stats: UserQueryStats = {
    organizationUsers: index?.size ?? 0,
    candidates,
    examined,
    strategy: "count",
  };
  return { count, stats };
}
