import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Route, resolveOptions, routeTable } from "../src/server";
import { closeRestWorlds, type RestWorld, restWorld } from "../src/testing";

/*
 * Throws generated requests at every route of the table: methods, paths with garbage and foreign
 * ids, query strings, headers (content types, If-Match, credentials, origins) and bodies (JSON of
 * any shape, near-valid inputs, non-JSON, bad UTF-8, oversized). Every answer must be < 500 with a
 * problem document on refusal, and a refused request must leave the store exactly as it was.
 */

const ROUTES = routeTable(resolveOptions({}));
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const MAX_BODY = 8 * 1024;

interface Ids {
  readonly org: string;
  readonly otherOrg: string;
  readonly users: readonly string[];
  readonly roles: readonly string[];
  readonly locations: readonly string[];
  readonly tokens: readonly string[];
}

let world: RestWorld;
let ids: Ids;

beforeAll(async () => {
  world = await restWorld({ handler: { maxBodyBytes: MAX_BODY } });
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
  ids = {
    org: world.organization.id,
    otherOrg: other.organization.id,
    users: [world.owner.id, staff.id, readerUser.id, pending.id, other.owner.id],
    roles: [...roles.map((r) => r.id)],
    locations: [world.location.id, other.location.id],
    tokens: [world.token(world.owner.id), world.token(readerUser.id), world.token(other.owner.id)],
  };
});

afterAll(closeRestWorlds);

/** Everything a refused request must not change: the commit count and what the owners can see. */
async function snapshot(): Promise<string> {
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
  return JSON.stringify({
    commits: world.backend.store.stats().commits,
    mails: world.mailer.outbox.length,
    mine: await look(ids.org, world.owner.id),
    other: await look(ids.otherOrg, otherOwner),
  });
}

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));
const wellFormedId = fc.stringMatching(/^(usr|rol|loc|org)_[0-9a-z]{10,40}$/);

function segment(name: string): fc.Arbitrary<string> {
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
        "%2F",
        "me",
        "counts",
        "a".repeat(300),
      ),
    },
  );
}

function pathFor(route: Route): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1] ?? "");
  return fc.tuple(...names.map(segment)).map((values) => {
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
  "mode",
  "features",
  "seats",
  "mainContactUserId",
  "token",
  "currentPassword",
  "newPassword",
  "organizationId",
  "status",
  "version",
  "__proto__",
  "constructor",
];

const nearValid = () =>
  fc.dictionary(
    fc.constantFrom(...FIELDS),
    fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...ids.users, ...ids.roles, ...ids.locations)),
    { maxKeys: 6 },
  );

const body = () =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant<string | Uint8Array<ArrayBuffer> | null>(null) },
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? "null") },
    { weight: 4, arbitrary: nearValid().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 100 }).map((u) => new Uint8Array(u)) },
    { weight: 1, arbitrary: fc.constantFrom("[".repeat(5000), `{"name":"${"x".repeat(MAX_BODY)}"}`, "{}") },
  );

const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom("status", "search", "limit", "admin", "cursor", "sort", "from", "action", "x"),
    printable(8),
  ),
  printable(20),
  { maxKeys: 4 },
);

/** `arbitrary` with probability `share`, else undefined (header absent). */
const sometimes = <T>(share: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof(
    { weight: Math.round(share * 100), arbitrary },
    { weight: Math.round((1 - share) * 100), arbitrary: fc.constant(undefined) },
  );

const headers = (route: Route) =>
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
  });

const METHODS = ["GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS"] as const;

function request(): fc.Arbitrary<{ method: string; path: string; init: RequestInit }> {
  return fc
    .constantFrom(...ROUTES)
    .chain((route) =>
      fc.record({
        route: fc.constant(route),
        path: pathFor(route),
        method: fc.oneof(
          { weight: 8, arbitrary: fc.constant(route.method) },
          { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
        ),
        query: route.doc.query
          ? query
          : fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: query }),
        body: route.body === "none" ? fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, body()) : body(),
        headers: headers(route),
      }),
    )
    .map(({ path, method, query: q, body: b, headers: h }) => {
      const out: Record<string, string> = {};
      if (h.contentType !== undefined) out["content-type"] = h.contentType;
      if (h.ifMatch !== undefined) out["if-match"] = h.ifMatch;
      if (h.auth !== undefined) out.authorization = h.auth;
      if (h.origin !== undefined) out.origin = h.origin;
      if (h.cookie !== undefined) out.cookie = h.cookie;
      if (h.session !== undefined) out["staffroom-session"] = h.session;
      if (h.forwardedFor !== undefined) out["x-forwarded-for"] = h.forwardedFor;
      if (h.requestId !== undefined) out["x-request-id"] = h.requestId;
      const search = new URLSearchParams(q).toString();
      const sendsBody = b !== null && method !== "GET" && method !== "OPTIONS";
      return {
        method,
        path: `${path}${search ? `?${search}` : ""}`,
        init: { method, headers: out, ...(sendsBody ? { body: b } : {}) },
      };
    });
}

describe("fuzz: every route, generated requests", () => {
  it(`answers ${RUNS} generated requests without a 5xx, and refusals change nothing`, async () => {
    let state = await snapshot();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request(), async ({ method, path, init }) => {
        const res = await fetch(`${world.baseUrl}${path}`, init);
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${method} ${path} → ${text.slice(0, 300)}`).toBeLessThan(500);
        const after = await snapshot();
        if (res.status >= 400) {
          expect(res.headers.get("content-type")).toBe("application/problem+json");
          const problem = JSON.parse(text) as { status: number; code?: string; type: string };
          expect(problem.status).toBe(res.status);
          expect(problem.code).toBeTypeOf("string");
          expect(after, `${method} ${path} was refused (${res.status}) but changed the store`).toBe(state);
        }
        state = after;
      }),
      { numRuns: RUNS },
    );
    const refused = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
    console.info(
      `fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(refused).toBeGreaterThan(RUNS / 3);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
  }, 120_000);
});
