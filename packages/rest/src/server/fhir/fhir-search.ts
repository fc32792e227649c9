import {
  DirectoryError,
  isId,
  type Location,
  type Organization,
  type StaffDirectory,
  type User,
  type UserQuery,
} from "@staffroom/core";
import {
  conceptMatches,
  type FhirPractitioner,
  type FhirPractitionerRole,
  fromFhirId,
  identifierMatches,
  isPublishedPractitioner,
  nameFields,
  stringMatches,
  type TokenValue,
  toPractitioner,
  toPractitionerRole,
} from "@staffroom/core/fhir";
import { decodeCursor, type FhirCursor, type FhirSearch, type StringParam } from "./fhir-params";
import { badParameter, FhirProblem } from "./fhir-problem";

/**
 * What a search runs against: the viewer's directory (every read goes through the public API, so
 * R2–R5 apply: a delegated manager finds only whom their directory shows) and what it already
 * loaded for this request.
 *
 * @example { staff, organization: await staff.organization.get(), locations: await staff.locations.list(), identifierSystem, scanLimit: 10_000 }
 */
export interface SearchContext {
  readonly staff: StaffDirectory<string>;
  readonly organization: Organization;
  /** The viewer's own `locations.list()`. */
  readonly locations: readonly Location[];
  readonly identifierSystem: string;
  /** Most users a search that must verify each candidate may look at (more is `too-costly`). */
  readonly scanLimit: number;
}

/** A page of practitioners: the users, the number of matches on every page, the next position. @example { users, total: 120, next: { phase: 0, cursor: "…" } } */
export interface PractitionerPage {
  readonly users: readonly User[];
  readonly total: number;
  readonly next: FhirCursor | null;
}

type Status = "active" | "disabled";

/** The statuses a search covers: published practitioners are active or disabled; `active=` narrows. */
function statusesOf(search: FhirSearch): Status[] {
  return (["active", "disabled"] as const).filter((s) => search.actives.every((a) => a === (s === "active")));
}

/** A core call whose refused cursor or search term is this endpoint's 400 on `_cursor`. */
async function listPage(ctx: SearchContext, query: UserQuery) {
  try {
    return await ctx.staff.users.list({ practitioner: true, ...query });
  } catch (error) {
    if (DirectoryError.is(error, "validation") && query.cursor) {
      throw badParameter("_cursor", "This _cursor does not belong to this search.");
    }
    throw error;
  }
}

/** The one location a keyset search narrows by, when that is all it filters on. */
function singleLocation(search: FhirSearch): string | null | undefined {
  if (search.locations.length !== 1) return undefined;
  const only = search.locations[0];
  return only && only.length === 1 ? (only[0] ?? null) : undefined;
}

/** Whether every match can come straight from core's paged, indexed query (no per-user check). */
function keysetOnly(search: FhirSearch): boolean {
  return (
    search.ids.length === 0 &&
    search.practitioners.length === 0 &&
    search.identifiers.length === 0 &&
    search.practitionerIdentifiers.length === 0 &&
    search.names.length === 0 &&
    search.practitionerNames.length === 0 &&
    search.specialties.length === 0 &&
    (search.locations.length === 0 || singleLocation(search) !== undefined)
  );
}

/** A live location the viewer can see, by FHIR id; null otherwise (then nothing matches). */
function visibleLiveLocation(ctx: SearchContext, fhirId: string): string | null {
  const id = fromFhirId(fhirId, "location");
  const found = id ? ctx.locations.find((l) => l.id === id && !l.archived) : undefined;
  return found ? found.id : null;
}

/**
 * Keyset paging through `users.list` (practitioner filter, one status after the other: active
 * then disabled), with core's own cursor inside ours; `total` from `users.counts`.
 */
async function keysetPage(
  ctx: SearchContext,
  search: FhirSearch,
  statuses: readonly Status[],
): Promise<PractitionerPage> {
  const fhirLocation = singleLocation(search);
  const locationId = fhirLocation ? visibleLiveLocation(ctx, fhirLocation) : undefined;
  if (locationId === null || statuses.length === 0) return { users: [], total: 0, next: null };
  const filter = locationId ? { locationId } : {};
  const counts = await ctx.staff.users.counts({ practitioner: true, ...filter });
  const totals = statuses.map((s) => counts[s]);
  const total = totals.reduce((a, b) => a + b, 0);
  let position = search.cursor ? decodeCursor(search.cursor) : { phase: 0, cursor: null };
  if ("offset" in position || position.phase >= statuses.length) {
    throw badParameter("_cursor", "This _cursor does not belong to this search.");
  }
  let phase = position.phase;
  let cursor = position.cursor;
  const users: User[] = [];
  while (users.length < search.count && phase < statuses.length) {
    if (totals[phase] === 0 && cursor === null) {
      phase++;
      continue;
    }
    const page = await listPage(ctx, {
      status: statuses[phase],
      ...filter,
      limit: Math.min(200, search.count - users.length),
      cursor,
    });
    users.push(...page.items);
    if (page.nextCursor) cursor = page.nextCursor;
    else {
      phase++;
      cursor = null;
    }
  }
  while (phase < statuses.length && cursor === null && totals[phase] === 0) phase++;
  position = { phase, cursor };
  const more = search.count > 0 && phase < statuses.length;
  return { users, total, next: more ? position : null };
}

/** Where a verified search takes its candidates from. */
type Source = { kind: "ids"; ids: string[] } | { kind: "search"; terms: string[] } | { kind: "all" };

function sourceOf(search: FhirSearch): Source {
  const idLists = [...search.ids, ...search.practitioners];
  if (idLists.length) {
    const first = idLists[0] ?? [];
    return {
      kind: "ids",
      ids: first.map((f) => fromFhirId(f, "user")).filter((id): id is string => id !== null),
    };
  }
  const tokenLists = [...search.identifiers, ...search.practitionerIdentifiers];
  if (tokenLists.length) {
    const ids: string[] = [];
    const terms: string[] = [];
    for (const token of tokenLists[0] ?? []) {
      if (token.code === undefined) return { kind: "all" };
      if (isId(token.code)) ids.push(token.code);
      // core's search looks in the NPI, so it finds every holder of a ten-digit value (and maybe more).
      else if (/^\d{10}$/.test(token.code)) terms.push(token.code);
      // Any other value is neither an NPI nor a Staffroom id: no identifier can match it.
    }
    if (terms.length === 0) return { kind: "ids", ids };
    if (ids.length === 0) return { kind: "search", terms };
    return { kind: "all" };
  }
  return { kind: "all" };
}

/** Every candidate of a source in the given statuses, at most `scanLimit` of them looked at. */
async function candidates(ctx: SearchContext, source: Source, statuses: readonly Status[]): Promise<User[]> {
  const out: User[] = [];
  const seen = new Set<string>();
  const keep = (user: User) => {
    if (seen.has(user.id) || !isPublishedPractitioner(user) || !statuses.includes(user.status as Status))
      return;
    seen.add(user.id);
    out.push(user);
  };
  if (source.kind === "ids") {
    for (const id of new Set(source.ids)) {
      try {
        keep(await ctx.staff.users.get(id));
      } catch (error) {
        if (!DirectoryError.is(error, "not_found")) throw error;
      }
    }
    return out;
  }
  let scanned = 0;
  const terms = source.kind === "search" ? source.terms : [undefined];
  for (const term of terms) {
    for (const status of statuses) {
      let cursor: string | null = null;
      do {
        const page = await listPage(ctx, { status, limit: 200, cursor, ...(term ? { search: term } : {}) });
        scanned += page.items.length;
        if (scanned > ctx.scanLimit) {
          throw new FhirProblem(
            400,
            "too-costly",
            `This search would look at more than ${ctx.scanLimit} practitioners; narrow it (identifier, _id, active, location).`,
          );
        }
        for (const user of page.items) keep(user);
        cursor = page.nextCursor;
      } while (cursor);
    }
  }
  return out;
}

const anyToken = (tokens: readonly TokenValue[], test: (t: TokenValue) => boolean) => tokens.some(test);
const anyString = (fields: readonly string[], param: StringParam) =>
  param.values.some((v) => stringMatches(fields, v, param.match));

/** Whether a practitioner (and their role) matches every verified parameter of a search. */
function matches(
  search: FhirSearch,
  practitioner: FhirPractitioner,
  role: () => FhirPractitionerRole,
): boolean {
  const id = practitioner.id;
  if (![...search.ids, ...search.practitioners].every((list) => list.includes(id))) return false;
  const identifiers = [...search.identifiers, ...search.practitionerIdentifiers];
  if (!identifiers.every((list) => anyToken(list, (t) => identifierMatches(practitioner.identifier, t))))
    return false;
  const fields = nameFields(practitioner.name);
  if (![...search.names, ...search.practitionerNames].every((p) => anyString(fields, p))) return false;
  if (search.specialties.length === 0 && search.locations.length === 0) return true;
  const r = role();
  if (!search.specialties.every((list) => anyToken(list, (t) => conceptMatches(r.specialty, t))))
    return false;
  const at = new Set((r.location ?? []).map((l) => l.reference));
  return search.locations.every((list) => list.some((l) => at.has(`Location/${l}`)));
}

/** A verified search: every candidate mapped and checked, then paged by offset. */
async function verifiedPage(
  ctx: SearchContext,
  search: FhirSearch,
  statuses: readonly Status[],
): Promise<PractitionerPage> {
  const position = search.cursor ? decodeCursor(search.cursor) : { offset: 0 };
  if (!("offset" in position)) throw badParameter("_cursor", "This _cursor does not belong to this search.");
  const found = (await candidates(ctx, sourceOf(search), statuses)).filter((user) =>
    matches(search, toPractitioner(user, { identifierSystem: ctx.identifierSystem }), () =>
      toPractitionerRole(user, ctx.organization, ctx.locations),
    ),
  );
  const users = found.slice(position.offset, position.offset + search.count);
  const end = position.offset + users.length;
  return {
    users,
    total: found.length,
    next: search.count > 0 && end < found.length ? { offset: end } : null,
  };
}

/**
 * A page of the practitioners a Practitioner or PractitionerRole search matches (the role of a
 * practitioner has the practitioner's id, so both searches select users). Searches by `active`
 * and one `location` page through core's indexed query; any other parameter makes every candidate
 * be mapped and checked with FHIR's own matching (so `name` ignores accents, `identifier` is exact),
 * with `_id`, `practitioner` and `identifier` narrowing the candidates first.
 *
 * @example const page = await practitionerPage(ctx, parseSearch("Practitioner", url.searchParams, options));
 */
export function practitionerPage(ctx: SearchContext, search: FhirSearch): Promise<PractitionerPage> {
  const statuses = statusesOf(search);
  return keysetOnly(search) ? keysetPage(ctx, search, statuses) : verifiedPage(ctx, search, statuses);
}

/**
 * One published practitioner by FHIR id, or null: a malformed id, a missing user, another
 * organization's, one outside the viewer's scope, a non-practitioner and an invitee all answer null.
 *
 * @example const user = await practitionerById(ctx.staff, "usr-0000000001");
 */
export async function practitionerById(staff: StaffDirectory<string>, fhirId: string): Promise<User | null> {
  const id = fromFhirId(fhirId, "user");
  if (!id) return null;
  try {
    const user = await staff.users.get(id);
    return isPublishedPractitioner(user) ? user : null;
  } catch (error) {
    if (DirectoryError.is(error, "not_found")) return null;
    throw error;
  }
}

/**
 * Offset paging over a list already in memory (locations, the organization), filtered by `_id`
 * and `name`.
 *
 * @example offsetPage(search, locations.map((l) => ({ id: toFhirId(l.id), names: [l.name], item: l })))
 */
export function offsetPage<T>(
  search: FhirSearch,
  items: readonly { readonly id: string; readonly names: readonly string[]; readonly item: T }[],
): { items: T[]; total: number; next: FhirCursor | null } {
  const position = search.cursor ? decodeCursor(search.cursor) : { offset: 0 };
  if (!("offset" in position)) throw badParameter("_cursor", "This _cursor does not belong to this search.");
  const found = items.filter(
    (entry) =>
      search.ids.every((list) => list.includes(entry.id)) &&
      search.names.every((p) => anyString(entry.names, p)),
  );
  const page = found.slice(position.offset, position.offset + search.count);
  const end = position.offset + page.length;
  return {
    items: page.map((entry) => entry.item),
    total: found.length,
    next: search.count > 0 && end < found.length ? { offset: end } : null,
  };
}
