import type { DirectoryStore } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import fc from "fast-check";
import { expect } from "vitest";
import { type Route, resolveOptions, routeTable } from "../src/server";
import type { RestWorld } from "../src/testing";
import { FORGED_DATES, forgedCursor, HOSTILE_CHARS, WELL_FORMED_TEXT, withHostile } from "./fuzz-values";

/*
 * Throws generated requests at every route of the table: methods, paths with garbage and foreign
 * ids, query strings, headers (content types, If-Match, credentials, origins, user agents) and bodies
 * (JSON of any shape, near-valid inputs, non-JSON, bad UTF-8, oversized) — and, for the text
 * boundary (R14), near-valid requests carrying NUL, other controls, unpaired surrogates, forged
 * cursors and impossible dates into the public sign-in and reset routes, create, invite, update,
 * role, location and organization writes, list search and cursors, audit filters and cursors. Every
 * answer must be < 500 with a problem document on refusal, and a refused request must leave the
 * store exactly as it was. The same run goes over every backend (memory, PGlite, PostgreSQL).
 */

/** The largest body the fuzzed handler accepts. */
export const MAX_BODY = 8 * 1024;

const ROUTES = routeTable(resolveOptions({}));

/** What a fuzz run needs of a backend: the REST world over it and a digest of everything it stores. */
export interface FuzzBackend {
  readonly world: RestWorld<DirectoryStore>;
  /** Changes whenever anything in the store changes (commit count, or a digest of every table). */
  storeState(): Promise<unknown>;
  /**
   * Whether `storeState` alone sees every write (a digest of every row does; a commit count does
   * not say what changed), so the owners' views need not be read after every request. Default false.
   */
  readonly stateIsComplete?: boolean;
}

interface Ids {
  readonly org: string;
  readonly otherOrg: string;
  readonly users: readonly string[];
  readonly roles: readonly string[];
  readonly locations: readonly string[];
  readonly tokens: readonly string[];
  readonly emails: readonly string[];
  /** Real first-page cursors per users query string, and of the unfiltered audit list. */
  readonly userCursors: readonly (readonly [query: string, cursor: string])[];
  readonly auditCursor: string;
}

async function prepare(world: RestWorld<DirectoryStore>): Promise<Ids> {
  const owner = world.backend.directory.forActor({
    organizationId: world.organization.id,
    userId: world.owner.id,
  });
  const roles = await owner.roles.list();
  const desk = roles.find((r) => r.template === "front_desk");
  const reader = roles.find((r) => r.template === "read_only");
  if (!desk || !reader) throw new Error("templates missing");
  const base = { locationAccess: [world.location.id], primaryLocationId: world.location.id };
  const staff = await owner.users.create({
    email: "fuzz.staff@staff.harbor.example",
    profile: { givenName: "Fuzz", familyName: "Staff" },
    roleId: desk.id,
    password: FIXTURE_PASSWORD,
    ...base,
  });
  const readerUser = await owner.users.create({
    email: "fuzz.reader@staff.harbor.example",
    profile: { givenName: "Fuzz", familyName: "Reader" },
    roleId: reader.id,
    password: FIXTURE_PASSWORD,
    ...base,
  });
  const { user: pending } = await owner.users.invite({
    email: "fuzz.pending@staff.harbor.example",
    profile: { givenName: "Fuzz", familyName: "Pending" },
    roleId: desk.id,
    ...base,
  });
  const other = await world.bootstrapAnother();
  const userCursors: [string, string][] = [];
  for (const sort of ["name", "email", "createdAt", "lastSignInAt"] as const) {
    for (const direction of ["asc", "desc"] as const) {
      const page = await owner.users.list({ sort, direction, limit: 1 });
      if (page.nextCursor) userCursors.push([`sort=${sort}&direction=${direction}&limit=1`, page.nextCursor]);
    }
  }
  const audit = await owner.audit.list({ limit: 1 });
  if (!audit.nextCursor || userCursors.length !== 8) throw new Error("no second pages to forge cursors from");
  return {
    org: world.organization.id,
    otherOrg: other.organization.id,
    users: [world.owner.id, staff.id, readerUser.id, pending.id, other.owner.id],
    roles: [...roles.map((r) => r.id)],
    locations: [world.location.id, other.location.id],
    tokens: [world.token(world.owner.id), world.token(readerUser.id), world.token(other.owner.id)],
    emails: [world.owner.email, staff.email, readerUser.email, pending.email, other.owner.email],
    userCursors,
    auditCursor: audit.nextCursor,
  };
}

/** Everything a refused request must not change: the store's state and what the owners can see. */
async function snapshot(backend: FuzzBackend, ids: Ids): Promise<string> {
  const { world } = backend;
  const look = async (organizationId: string, userId: string) => {
    const d = world.backend.directory.forActor({ organizationId, userId });
    const users = await Promise.all(
      (["active", "pending", "disabled"] as const).map(async (status) =>
        (await d.users.list({ status, limit: 200 })).items.map((u) => [u.id, u.version, u.status]),
      ),
    );
    const audit = await d.audit.list({ limit: 1 });
    return {
      users,
      roles: (await d.roles.list()).map((r) => [r.id, r.version]),
      locations: (await d.locations.list()).map((l) => [l.id, l.version]),
      organization: (await d.organization.get()).version,
      audit: [audit.total, audit.items[0]?.id ?? null],
    };
  };
  const otherOwner = ids.users[4] ?? "";
  const store = await backend.storeState();
  const mails = world.mailer.outbox.length;
  if (backend.stateIsComplete) return JSON.stringify({ store, mails });
  return JSON.stringify({
    store,
    mails,
    mine: await look(ids.org, world.owner.id),
    other: await look(ids.otherOrg, otherOwner),
  });
}

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));
const wellFormedId = fc.stringMatching(/^(usr|rol|loc|org)_[0-9a-z]{10,40}$/);

/** Text a field might receive: hostile (in the middle, where no trim reaches), arbitrary UTF-16, or fine. */
const fieldText = (base: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: withHostile(base) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 24 }) },
    { weight: 1, arbitrary: fc.constantFrom(...WELL_FORMED_TEXT).map((w) => `${base} ${w}`) },
    { weight: 1, arbitrary: fc.constant(base) },
  );

function segment(ids: Ids, name: string): fc.Arbitrary<string> {
  const known =
    name === "orgId"
      ? [ids.org, ids.org, ids.org, ids.otherOrg]
      : name === "roleId"
        ? ids.roles
        : name === "locationId"
          ? ids.locations
          : ids.users;
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: wellFormedId },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "..",
        "%2e%2e",
        "usr_",
        "%00",
        "%",
        "%E0%A4%A",
        "%ED%A0%80",
        "%C2%85",
        "%2F",
        "me",
        "counts",
        "a".repeat(300),
      ),
    },
  );
}

function pathFor(ids: Ids, route: Route): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1] ?? "");
  return fc.tuple(...names.map((name) => segment(ids, name))).map((values) => {
    let path = route.path;
    names.forEach((name, i) => {
      path = path.replace(`{${name}}`, values[i] ?? "");
    });
    return path;
  });
}

const FIELDS = [
  "email",
  "profile",
  "roleId",
  "locationAccess",
  "primaryLocationId",
  "password",
  "name",
  "group",
  "permissions",
  "template",
  "action",
  "ids",
  "items",
  "mode",
  "features",
  "seats",
  "mainContactUserId",
  "sessionLimits",
  "token",
  "currentPassword",
  "newPassword",
  "organizationId",
  "status",
  "version",
  "__proto__",
  "constructor",
];

const nearValid = (ids: Ids) =>
  fc.dictionary(
    fc.constantFrom(...FIELDS),
    fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(...ids.users, ...ids.roles, ...ids.locations),
      fieldText("Harbor"),
    ),
    { maxKeys: 6 },
  );

const body = (ids: Ids) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant<string | Uint8Array<ArrayBuffer> | null>(null) },
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? "null") },
    { weight: 4, arbitrary: nearValid(ids).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 100 }).map((u) => new Uint8Array(u)) },
    { weight: 1, arbitrary: fc.constantFrom("[".repeat(5000), `{"name":"${"x".repeat(MAX_BODY)}"}`, "{}") },
  );

const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom("status", "search", "limit", "admin", "cursor", "sort", "from", "to", "action", "x"),
    printable(8),
  ),
  fc.oneof(printable(20), fieldText("smith"), fc.constantFrom(...FORGED_DATES)),
  { maxKeys: 4 },
);

/** `arbitrary` with probability `share`, else undefined (header absent). */
const sometimes = <T>(share: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof(
    { weight: Math.round(share * 100), arbitrary },
    { weight: Math.round((1 - share) * 100), arbitrary: fc.constant(undefined) },
  );

const headers = (ids: Ids, route: Route) =>
  fc.record({
    contentType: sometimes(
      0.9,
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "text/plain",
            "application/json; charset=utf-16",
            "multipart/form-data; boundary=x",
          ),
        },
      ),
    ),
    ifMatch: sometimes(
      route.ifMatch ? 0.85 : 0.1,
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('"1"', '"2"', '"3"', '"4"') },
        { weight: 2, arbitrary: fc.constantFrom('"0"', '"99"', "*", 'W/"1"', '"1", "2"') },
        { weight: 1, arbitrary: printable(12) },
      ),
    ),
    auth: sometimes(
      0.95,
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...ids.tokens).map((t) => `Bearer ${t}`) },
        { weight: 1, arbitrary: printable(40).map((t) => `Bearer ${t}`) },
        { weight: 1, arbitrary: printable(30) },
      ),
    ),
    origin: sometimes(0.15, fc.constantFrom("https://evil.example", "null", "http://127.0.0.1")),
    cookie: sometimes(
      0.15,
      printable(60).map((v) => `staffroom_session=${v}`),
    ),
    session: sometimes(0.2, fc.constantFrom("bearer", "cookie", "BEARER")),
    forwardedFor: sometimes(0.2, printable(40)),
    requestId: sometimes(0.2, printable(20)),
    // Header values are bytes; 0x80–0x9F arrive as C1 controls once read as Latin-1.
    userAgent: sometimes(
      0.2,
      fc.constantFrom("Agent\x85/1.0", "\x9b[31mred", "Mozilla/5.0 \xff\xfe", "ok/1"),
    ),
  });

const METHODS = ["GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS"] as const;

/** One generated request: method, path (with query) and fetch options. */
export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly init: RequestInit;
}

function headerRecord(h: {
  contentType?: string | undefined;
  ifMatch?: string | undefined;
  auth?: string | undefined;
  origin?: string | undefined;
  cookie?: string | undefined;
  session?: string | undefined;
  forwardedFor?: string | undefined;
  requestId?: string | undefined;
  userAgent?: string | undefined;
}): Record<string, string> {
  const out: Record<string, string> = {};
  if (h.contentType !== undefined) out["content-type"] = h.contentType;
  if (h.ifMatch !== undefined) out["if-match"] = h.ifMatch;
  if (h.auth !== undefined) out.authorization = h.auth;
  if (h.origin !== undefined) out.origin = h.origin;
  if (h.cookie !== undefined) out.cookie = h.cookie;
  if (h.session !== undefined) out["staffroom-session"] = h.session;
  if (h.forwardedFor !== undefined) out["x-forwarded-for"] = h.forwardedFor;
  if (h.requestId !== undefined) out["x-request-id"] = h.requestId;
  if (h.userAgent !== undefined) out["user-agent"] = h.userAgent;
  return out;
}

function anyRequest(ids: Ids): fc.Arbitrary<FuzzRequest> {
  return fc
    .constantFrom(...ROUTES)
    .chain((route) =>
      fc.record({
        route: fc.constant(route),
        path: pathFor(ids, route),
        method: fc.oneof(
          { weight: 8, arbitrary: fc.constant(route.method) },
          { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
        ),
        query: route.doc.query
          ? query
          : fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: query }),
        body:
          route.body === "none"
            ? fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, body(ids))
            : body(ids),
        headers: headers(ids, route),
      }),
    )
    .map(({ path, method, query: q, body: b, headers: h }) => {
      const search = new URLSearchParams(q).toString();
      const sendsBody = b !== null && method !== "GET" && method !== "OPTIONS";
      return {
        method,
        path: `${path}${search ? `?${search}` : ""}`,
        init: { method, headers: headerRecord(h), ...(sendsBody ? { body: b } : {}) },
      };
    });
}

const json = (ids: Ids, method: string, path: string, value: unknown, ifMatch?: string): FuzzRequest => ({
  method,
  path,
  init: {
    method,
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${ids.tokens[0] ?? ""}`,
      ...(ifMatch ? { "if-match": ifMatch } : {}),
    },
    body: JSON.stringify(value),
  },
});

const get = (ids: Ids, path: string): FuzzRequest => ({
  method: "GET",
  path,
  init: { method: "GET", headers: { authorization: `Bearer ${ids.tokens[0] ?? ""}` } },
});

/** A valid create/invite input with `text` in one of its text fields (or the whole input valid). */
function userInput(ids: Ids, field: string, text: string, n: number): Record<string, unknown> {
  const email = `fuzz.${n}@staff.harbor.example`;
  const profile: Record<string, unknown> = { givenName: "Ann", familyName: "Lee", jobTitle: "Nurse" };
  const input: Record<string, unknown> = {
    email,
    profile,
    roleId: ids.roles[1] ?? "",
    locationAccess: [ids.locations[0] ?? ""],
    primaryLocationId: ids.locations[0] ?? "",
  };
  if (field === "email") input.email = `fuzz.${n}.${text}@staff.harbor.example`;
  else if (field === "licences") input.licences = [text];
  else if (field.startsWith("credential.")) {
    // Issue 15: a practitioner's credential with the text in one field (number, state, issuer, expiry).
    const credential: Record<string, unknown> = {
      kind: "state_licence",
      number: "A123456",
      state: "CA",
      issuer: null,
      expiresOn: "2027-03-31",
    };
    credential[field.slice("credential.".length)] = text;
    input.flags = { practitioner: true };
    input.provider = {
      npi: null,
      taxonomyCodes: [],
      bio: null,
      providerTypes: [],
      capacity: 1,
      schedulingStep: 15,
      credentials: [credential],
    };
  } else profile[field] = text;
  return input;
}

/**
 * Near-valid requests aimed at the text boundary: one hostile value in an otherwise valid input of
 * the public auth routes, user, role, location and organization writes, list search, audit filters,
 * and forged cursors on the list and audit routes.
 */
function hostileRequest(ids: Ids): fc.Arbitrary<FuzzRequest> {
  const o = `/organizations/${ids.org}`;
  const email = fc.constantFrom(...ids.emails);
  const userField = fc.constantFrom(
    "email",
    "givenName",
    "familyName",
    "title",
    "jobTitle",
    "licences",
    "credential.number",
    "credential.state",
    "credential.issuer",
    "credential.expiresOn",
  );
  const ifMatch = fc.constantFrom('"1"', '"2"', '"3"');
  return fc.oneof(
    fc.tuple(email, fc.constantFrom(...HOSTILE_CHARS), fc.boolean()).chain(([address, bad, inOrg]) =>
      fc.nat({ max: address.length - 2 }).map((i) => {
        // Inside the address (never at an end, where a trim would drop whitespace).
        const at = i + 1;
        const body = inOrg
          ? {
              email: address,
              password: "not-the-password-1",
              organizationId: `${ids.org.slice(0, 6)}${bad}${ids.org.slice(6)}`,
            }
          : { email: `${address.slice(0, at)}${bad}${address.slice(at)}`, password: "not-the-password-1" };
        return json(ids, "POST", "/auth/sign-in", body);
      }),
    ),
    fc.tuple(email, fc.constantFrom(...HOSTILE_CHARS), fc.nat({ max: 10 })).map(([address, bad, i]) => {
      const at = 1 + (i % (address.length - 2));
      return json(ids, "POST", "/auth/password-reset", {
        email: `${address.slice(0, at)}${bad}${address.slice(at)}`,
      });
    }),
    fc
      .tuple(userField, fieldText("Ann"), fc.nat({ max: 1_000_000 }), fc.boolean())
      .map(([field, text, n, invite]) =>
        invite
          ? json(ids, "POST", `${o}/invitations`, userInput(ids, field, text, n))
          : json(ids, "POST", `${o}/users`, {
              ...userInput(ids, field, text, n),
              password: FIXTURE_PASSWORD,
            }),
      ),
    fc
      .tuple(fc.constantFrom(...ids.users.slice(1, 4)), userField, fieldText("Ann"), ifMatch)
      .map(([id, field, text, version]) => {
        const patch =
          field === "email"
            ? { email: `x.${text}@staff.harbor.example` }
            : field === "licences"
              ? { licences: [text] }
              : field.startsWith("credential.")
                ? (({ flags, provider }) => ({ flags, provider }))(userInput(ids, field, text, 0))
                : { profile: { [field]: text } };
        return json(ids, "PATCH", `${o}/users/${id}`, patch, version);
      }),
    fc
      .tuple(fieldText("Scheduler"), fieldText("Books\nvisits"), fc.nat({ max: 1_000_000 }))
      .map(([name, description, n]) =>
        json(ids, "POST", `${o}/roles`, { name: `${name} ${n}`, description, template: "read_only" }),
      ),
    fc
      .tuple(fc.constantFrom(...ids.roles), fieldText("Front"), ifMatch)
      .map(([id, name, version]) => json(ids, "PATCH", `${o}/roles/${id}`, { name }, version)),
    fc
      .tuple(fieldText("Uptown"), fieldText("North"), fc.nat({ max: 1_000_000 }))
      .map(([name, group, n]) => json(ids, "POST", `${o}/locations`, { name: `${name} ${n}`, group })),
    fc
      .tuple(fieldText("Main"), ifMatch)
      .map(([name, version]) =>
        json(ids, "PATCH", `${o}/locations/${ids.locations[0] ?? ""}`, { name }, version),
      ),
    fc
      .tuple(fc.constantFrom("name", "providerTypes", "licenceLabel"), fieldText("Harbor"), ifMatch)
      .map(([field, text, version]) => {
        const patch =
          field === "name"
            ? { name: text }
            : field === "providerTypes"
              ? { providerTypes: ["MD", text] }
              : { licenceTypes: [{ key: "mobile", label: text, seats: null }] };
        return json(ids, "PATCH", o, patch, version);
      }),
    fc
      .tuple(
        fc.constantFrom("search", "action", "from", "to"),
        fieldText("smith"),
        fc.constantFrom(...FORGED_DATES),
      )
      .map(([name, text, date]) => {
        const value = name === "from" || name === "to" ? date : text;
        const params = new URLSearchParams({ [name]: value }).toString();
        return get(ids, name === "search" ? `${o}/users?${params}` : `${o}/audit-events?${params}`);
      }),
    fc
      .tuple(fc.constantFrom(...ids.userCursors), fc.nat({ max: 1000 }))
      .map(([[q, cursor], seed]) => get(ids, `${o}/users?${q}&cursor=${forgedCursor(cursor, 2, 3, seed)}`)),
    fc
      .nat({ max: 1000 })
      .map((seed) =>
        get(ids, `${o}/audit-events?limit=1&cursor=${forgedCursor(ids.auditCursor, 2, null, seed)}`),
      ),
  );
}

/**
 * Runs `runs` generated requests against a backend and asserts no 5xx, a problem document on every
 * refusal and no change on any refusal; returns the statuses seen.
 *
 * @example const statuses = await fuzzBackend(backend, 1000);
 */
export async function fuzzBackend(backend: FuzzBackend, runs: number): Promise<Map<number, number>> {
  const { world } = backend;
  const ids = await prepare(world);
  let state = await snapshot(backend, ids);
  const statuses = new Map<number, number>();
  const requests = fc.oneof(
    { weight: 1, arbitrary: anyRequest(ids) },
    { weight: 1, arbitrary: hostileRequest(ids) },
  );
  await fc.assert(
    fc.asyncProperty(requests, async ({ method, path, init }) => {
      const res = await fetch(`${world.baseUrl}${path}`, init);
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `${method} ${path} → ${text.slice(0, 300)}`).toBeLessThan(500);
      const after = await snapshot(backend, ids);
      if (res.status >= 400) {
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        const problem = JSON.parse(text) as { status: number; code?: string; type: string };
        expect(problem.status).toBe(res.status);
        expect(problem.code).toBeTypeOf("string");
        expect(after, `${method} ${path} was refused (${res.status}) but changed the store`).toBe(state);
      }
      state = after;
    }),
    { numRuns: runs },
  );
  return statuses;
}

/**
 * The statuses of a run as one line, and the checks every run must pass: enough refusals, some
 * successes.
 *
 * @example reportFuzz("PGlite", statuses, 1000);
 */
export function reportFuzz(label: string, statuses: ReadonlyMap<number, number>, runs: number): void {
  const sorted = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
  const total = [...statuses.values()].reduce((n, c) => n + c, 0);
  const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  console.info(`fuzz ${label}: ${total} requests, 5xx = ${fivexx}, statuses ${JSON.stringify(sorted)}`);
  const refused = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
  expect(total).toBe(runs);
  expect(fivexx).toBe(0);
  expect(refused).toBeGreaterThan(runs / 3);
  expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
}
