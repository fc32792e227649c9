import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { SCIM_URN } from "../src/index";
import {
  DATABASE_URL,
  memoryBackend,
  pgliteBackend,
  postgresBackend,
  type TestStore,
} from "./support/databases";
import { type ScimWorld, scimWorld } from "./support/scim-world";

/**
 * Fuzz: generated filters, PATCH bodies and POST/PUT bodies — grammar-shaped and hostile (NUL and
 * other controls, unpaired surrogates, quotes and backslashes, deep nesting, unknown and URN
 * names, wrong types), with and without an `If-Match` — sent over HTTP. Every answer is below 500 and a SCIM document; every
 * refusal leaves the directory as it was.
 */

const HOSTILE = [
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u0085",
  "\u2028",
  "\ud800",
  "\udfff",
  '"',
  "\\",
  '\\"',
  "'",
  "%00",
  "]",
  "[",
  ")",
  "(",
  "😀",
  "\u200d",
  "a".repeat(300),
];
const ATTRS = [
  "userName",
  "USERNAME",
  "name.givenName",
  "name.familyName",
  "name",
  "displayName",
  "title",
  "active",
  "emails",
  "emails.value",
  'emails[type eq "work"].value',
  'emails[type eq "work"]',
  'phoneNumbers[type eq "mobile"].value',
  "phoneNumbers",
  "externalId",
  "id",
  "meta.created",
  "meta.lastModified",
  "groups",
  "groups.value",
  "members",
  'members[value eq "usr_0000000001"]',
  `${SCIM_URN.enterprise}:employeeNumber`,
  `${SCIM_URN.enterprise}:department`,
  SCIM_URN.enterprise,
  `${SCIM_URN.user}:userName`,
  "urn:unknown:schema:attr",
  "nickName",
  "x.y.z",
  "$ref",
  "",
];
const OPS = ["eq", "EQ", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "Eq", "like", "=="];

const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...HOSTILE),
  fc
    .tuple(fc.string({ maxLength: 5 }), fc.constantFrom(...HOSTILE), fc.string({ maxLength: 5 }))
    .map((p) => p.join("")),
  fc.constantFrom(
    "ana@harbor.example",
    "ANA@HARBOR.EXAMPLE",
    "ext-1",
    "usr_0000000001",
    "2026-01-01T00:00:00Z",
  ),
);
const literal = fc.oneof(
  hostileText.map((s) => JSON.stringify(s)),
  fc.constantFrom("true", "false", "null", "1", "-2.5e3", "1e999", "tru", '"unclosed', "'single'"),
);
const comparison = fc
  .tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...OPS), literal)
  .map(([a, op, v]) => (op.toLowerCase() === "pr" ? `${a} pr` : `${a} ${op} ${v}`));
const filterText: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof(
    { weight: 4, arbitrary: comparison },
    {
      weight: 1,
      arbitrary: fc
        .tuple(tie("f"), fc.constantFrom("and", "or", "AND", "Or", "xor"), tie("f"))
        .map((p) => p.join(" ")),
    },
    { weight: 1, arbitrary: tie("f").map((f) => `not (${f})`) },
    { weight: 1, arbitrary: tie("f").map((f) => `(${f})`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("emails", "phoneNumbers", "members", "groups", "name"), tie("f"))
        .map(([a, f]) => `${a}[${f}]`),
    },
  ),
})).f;
const indexed = fc
  .tuple(
    fc.constantFrom(
      "userName",
      "emails.value",
      'emails[type eq "work"].value',
      "externalId",
      "displayName",
      "id",
    ),
    fc.constantFrom(
      "ana@harbor.example",
      "BEN@harbor.example",
      "ext-cy",
      "ana Fuzz",
      "nobody@harbor.example",
    ),
  )
  .map(([a, v]) => `${a} eq ${JSON.stringify(v)}`);
const plausibleFilter = fc
  .tuple(
    indexed,
    fc.option(
      fc.tuple(
        fc.constantFrom("and", "or"),
        fc.oneof(
          indexed,
          fc.constantFrom("active eq true", 'name.familyName co "uz"', "title pr", 'not (userName sw "z")'),
        ),
      ),
    ),
  )
  .map(([a, more]) => (more ? `${a} ${more[0]} ${more[1]}` : a));
const anyFilter = fc.oneof(
  { weight: 4, arbitrary: plausibleFilter },
  { weight: 5, arbitrary: filterText },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "(".repeat(500),
      `${"not (".repeat(60)}userName pr${")".repeat(60)}`,
      "a".repeat(5000),
    ),
  },
);

const jsonValue = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: hostileText },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      "False",
      "TRUE",
      [{ value: "usr_0000000001" }],
      { value: "x" },
      { active: "false", "name.givenName": "Q" },
      { [`${SCIM_URN.enterprise}:department`]: "D" },
    ),
  },
);
const operation = fc.record(
  {
    op: fc.oneof(fc.constantFrom("add", "Add", "replace", "Replace", "REMOVE", "remove"), hostileText),
    path: fc.oneof(fc.constantFrom(...ATTRS), hostileText, fc.constant(null), fc.integer()),
    value: jsonValue,
  },
  { requiredKeys: ["op"] },
);
const plausibleOperation = fc.oneof(
  fc.record({
    op: fc.constantFrom("replace", "Replace"),
    path: fc.constant("active"),
    value: fc.constantFrom<unknown>(true, false, "True", "False"),
  }),
  fc.record({
    op: fc.constantFrom("replace", "add"),
    path: fc.constantFrom("title", "name.givenName", `${SCIM_URN.enterprise}:department`),
    value: fc.constantFrom("Lead", "Zoë", "Ward 3"),
  }),
  fc.record({
    op: fc.constantFrom("Add", "Replace"),
    path: fc.constant('phoneNumbers[type eq "mobile"].value'),
    value: fc.constantFrom("+14155550123", "+442071838750"),
  }),
  fc.record({
    op: fc.constant("remove"),
    path: fc.constantFrom("title", "externalId", 'phoneNumbers[type eq "mobile"]'),
  }),
  fc.record({
    op: fc.constant("Add"),
    path: fc.constant("members"),
    value: fc.constantFrom<unknown>([{ value: "usr_nobody00000000000" }]),
  }),
);
const patchBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      schemas: fc.constant([SCIM_URN.patchOp]),
      Operations: fc.array(plausibleOperation, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      schemas: fc.constant([SCIM_URN.patchOp]),
      Operations: fc.array(operation, { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.record({ operations: fc.array(operation, { maxLength: 3 }) }) },
);
const resourceBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...ATTRS, "schemas", "password", "emails", "members"), jsonValue, {
    maxKeys: 8,
  }),
  fc.record({
    schemas: fc.constant([SCIM_URN.user]),
    userName: hostileText,
    name: fc.record({ givenName: hostileText, familyName: hostileText }),
    active: fc.oneof(fc.boolean(), hostileText),
    title: fc.option(hostileText),
    externalId: fc.option(hostileText),
    phoneNumbers: fc.array(
      fc.record({ type: fc.constantFrom("work", "mobile", "fax"), value: hostileText }),
      { maxLength: 2 },
    ),
  }),
);
type Request =
  | { kind: "filter"; resource: "Users" | "Groups"; filter: string; extra: string }
  | { kind: "patch"; resource: "Users" | "Groups"; target: number; body: unknown; ifMatch: string | null }
  | { kind: "put"; resource: "Users" | "Groups"; target: number; body: unknown; ifMatch: string | null }
  | { kind: "post"; resource: "Users" | "Groups"; body: unknown };
const resource = fc.constantFrom<"Users" | "Groups">("Users", "Users", "Groups");
/** `If-Match` (RFC 7644 §3.14): mostly none, as the IdPs send; else versions near the real ones, `*` and junk. */
const ifMatch: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom(
        'W/"1"',
        'W/"2"',
        '"3"',
        "*",
        'W/"1", W/"2"',
        "W/",
        '"',
        ",,",
        'W/"99999999999999999999"',
      ),
      fc.string({ unit: fc.constantFrom("W", "/", '"', ",", " ", "*", "1", "-", "e", "\\"), maxLength: 12 }),
    ),
  },
);
const request: fc.Arbitrary<Request> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("filter" as const),
      resource,
      filter: anyFilter,
      extra: fc.constantFrom(
        "",
        "&startIndex=0",
        "&count=-1",
        "&attributes=name.givenName,%00",
        "&excludedAttributes=members,x.y",
        "&count=1e3",
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("patch" as const),
      resource,
      target: fc.nat(6),
      body: patchBody,
      ifMatch,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("put" as const),
      resource,
      target: fc.nat(6),
      body: resourceBody,
      ifMatch,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("post" as const), resource, body: resourceBody }) },
);

interface Fixture {
  readonly w: ScimWorld;
  readonly users: string[];
  readonly groups: string[];
}

async function fixture(backend: TestStore): Promise<Fixture> {
  const w = await scimWorld(backend);
  const users: string[] = [w.world.owner.id, "usr_nobody00000000000", "00919288221112222"];
  for (const name of ["ana", "ben", "cy"]) {
    const { body } = await w.scim("POST", "/Users", {
      schemas: [SCIM_URN.user],
      userName: `${name}@harbor.example`,
      name: { givenName: name, familyName: "Fuzz" },
      externalId: `ext-${name}`,
    });
    users.push(body.id);
  }
  const groups = (
    (await w.scim("GET", "/Groups?excludedAttributes=members")).body.Resources as { id: string }[]
  ).map((g) => g.id);
  return { w, users, groups: [...groups, "grp_nobody000000000", "nope"] };
}

async function snapshot(w: ScimWorld): Promise<string> {
  const users = await w.allUsers();
  const attributes = await w.owner.provisioning.attributes(users.map((u) => u.id));
  const audit = await w.owner.audit.list({ limit: 1 });
  return JSON.stringify([users, attributes, audit.total]);
}

const condition = (tag: string | null): Record<string, string> => (tag === null ? {} : { "If-Match": tag });

async function send(f: Fixture, r: Request): Promise<{ status: number; body: unknown; refused: boolean }> {
  const ids = r.resource === "Users" ? f.users : f.groups;
  const target = "target" in r ? encodeURIComponent(ids[r.target % ids.length] as string) : "";
  let answer: { status: number; body: unknown };
  switch (r.kind) {
    case "filter":
      answer = await f.w.scim("GET", `/${r.resource}?filter=${encodeURIComponent(r.filter)}${r.extra}`);
      return { ...answer, refused: false };
    case "patch":
      answer = await f.w.scim("PATCH", `/${r.resource}/${target}`, r.body, { headers: condition(r.ifMatch) });
      break;
    case "put":
      answer = await f.w.scim("PUT", `/${r.resource}/${target}`, r.body, { headers: condition(r.ifMatch) });
      break;
    case "post":
      answer = await f.w.scim("POST", `/${r.resource}`, r.body);
  }
  return { ...answer, refused: answer.status >= 400 };
}

/** Runs `runs` generated requests on a fresh fixture; returns how many answered each status. */
async function fuzz(
  open: () => Promise<TestStore>,
  runs: number,
  seed: number,
): Promise<Record<string, number>> {
  const backend = await open();
  const f = await fixture(backend);
  const counts: Record<string, number> = {};
  try {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const before = await snapshot(f.w);
        const { status, body, refused } = await send(f, r);
        counts[status] = (counts[status] ?? 0) + 1;
        expect(status, JSON.stringify(r)).toBeLessThan(500);
        if (status !== 204) expect(typeof body === "object" && body !== null, JSON.stringify(r)).toBe(true);
        if (refused) {
          expect((body as { schemas?: unknown }).schemas, JSON.stringify(r)).toEqual([SCIM_URN.error]);
          expect((body as { status?: unknown }).status).toBe(String(status));
          expect(await snapshot(f.w), `a refusal changed something: ${JSON.stringify(r)}`).toBe(before);
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
  } finally {
    await f.w.close();
    await backend.close();
  }
  return counts;
}

describe("fuzz: generated filters and PATCH, PUT and POST bodies never get a 5xx, and refusals change nothing", () => {
  const seen: Record<string, Record<string, number>> = {};
  afterAll(() => console.info("[scim fuzz] answers by status:", JSON.stringify(seen)));

  it("memory: 1 500 generated requests", async () => {
    seen.memory = await fuzz(memoryBackend, 1500, 20261123);
    expect(Object.values(seen.memory).reduce((a, b) => a + b, 0)).toBe(1500);
    expect((seen.memory["200"] ?? 0) + (seen.memory["204"] ?? 0)).toBeGreaterThan(200);
  });

  it("PGlite: 300 generated requests", async () => {
    seen.PGlite = await fuzz(pgliteBackend, 300, 7);
    expect(Object.values(seen.PGlite).reduce((a, b) => a + b, 0)).toBe(300);
  });

  it.skipIf(!DATABASE_URL)("PostgreSQL (DATABASE_URL): 500 generated requests", async () => {
    const url = DATABASE_URL as string;
    seen.PostgreSQL = await fuzz(() => postgresBackend(url, 4), 500, 99);
    expect(Object.values(seen.PostgreSQL).reduce((a, b) => a + b, 0)).toBe(500);
  });
});
