import type { DirectoryStore, User } from "@staffroom/core";
import { FHIR_SYSTEMS, isPublishedPractitioner, toFhirId } from "@staffroom/core/fhir";
import type { StoreWorld } from "@staffroom/core/store";
import { type FhirFixture, FIXTURE_PASSWORD, fhirFixture } from "@staffroom/core/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFhirHandler } from "../src/server";
import { serve } from "../src/testing";
import { r4Validator, verdicts } from "./fhir-validator";

type Json = Record<string, unknown> & {
  resourceType?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: { fullUrl: string; resource: Json }[];
  issue?: { severity: string; code: string; diagnostics?: string; expression?: string[] }[];
  id?: string;
};

/** Percent-encodes a value; a lone surrogate (which encodeURIComponent refuses) goes as its WTF-8 bytes. */
function encodeLoosely(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .replace(/[\uD800-\uDFFF]/g, "%ED%A0%80")
      .split("%ED%A0%80")
      .map((part) => encodeURIComponent(part))
      .join("%ED%A0%80");
  }
}

/** What a backend gives the suite: a fresh world over its store, and how to close it. */
export interface FhirBackend {
  readonly world: StoreWorld<DirectoryStore>;
  readonly close?: () => Promise<void>;
}

/** Every published practitioner the directory `dir` shows. */
async function visiblePractitioners(world: StoreWorld<DirectoryStore>, userId: string): Promise<User[]> {
  const dir = await world.as(userId);
  const out: User[] = [];
  for (const status of ["active", "disabled"] as const) {
    let cursor: string | null = null;
    do {
      const page = await dir.users.list({ status, practitioner: true, limit: 200, cursor });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return out.filter(isPublishedPractitioner);
}

/**
 * The FHIR endpoint over real HTTP, default authentication (Staffroom sessions: bearer and cookie):
 * search, read, paging, scope, errors and a fuzz of query strings, every answer validated.
 */
export function fhirSuite(label: string, open: () => Promise<FhirBackend>): void {
  describe(`${label}: FHIR 4.0.1 endpoint (US Core) over HTTP`, () => {
    let backend: FhirBackend;
    let world: StoreWorld<DirectoryStore>;
    let fixture: FhirFixture;
    let base: string;
    let close: () => Promise<void>;
    let validate: (r: unknown) => string[];
    let medplumOnly: (r: unknown) => string[];
    const tokens = new Map<string, string>();
    const tally = verdicts();

    async function tokenOf(user: { id: string; email: string }): Promise<string> {
      const known = tokens.get(user.id);
      if (known) return known;
      const { token } = await world.auth.signIn({
        email: user.email,
        password: FIXTURE_PASSWORD,
        organizationId: fixture.organization.id,
      });
      tokens.set(user.id, token);
      return token;
    }

    /** GET a path (relative to the FHIR base, or absolute) as a user (default the owner; null: no session). */
    async function get(
      path: string,
      as: { id: string; email: string } | null = world.owner,
      headers: Record<string, string> = {},
    ) {
      const h: Record<string, string> = { ...headers };
      if (as) h.authorization = `Bearer ${await tokenOf(as)}`;
      const res = await fetch(path.startsWith("http") ? path : `${base}${path}`, { headers: h });
      const text = await res.text();
      const fhirJson = res.headers.get("content-type")?.startsWith("application/fhir+json") ?? false;
      return { res, text, json: (fhirJson ? JSON.parse(text) : null) as Json };
    }

    /** Asserts a 200 FHIR JSON answer that validates, and counts it. */
    function ok(answer: { res: Response; json: Json }): Json {
      expect(answer.res.status, JSON.stringify(answer.json)).toBe(200);
      expect(answer.res.headers.get("content-type")).toBe("application/fhir+json; charset=utf-8");
      const issues = validate(answer.json);
      tally.add(answer.json, issues);
      expect(issues).toEqual([]);
      return answer.json;
    }

    /** Asserts an OperationOutcome answer with this status and issue code; returns it. */
    function outcome(answer: { res: Response; json: Json }, status: number, code: string): Json {
      expect(answer.res.status, JSON.stringify(answer.json)).toBe(status);
      expect(answer.json.resourceType).toBe("OperationOutcome");
      expect(answer.json.issue?.[0]?.code).toBe(code);
      const issues = validate(answer.json);
      tally.add(answer.json, issues);
      expect(issues).toEqual([]);
      return answer.json;
    }

    /** Every entry of a search, following `next` links; checks `total` on each page. */
    async function everyPage(
      path: string,
      as: { id: string; email: string } = world.owner,
    ): Promise<{ ids: string[]; pages: number; total: number }> {
      let url: string | undefined = path;
      const ids: string[] = [];
      let pages = 0;
      let total = -1;
      while (url) {
        const bundle = ok(await get(url, as));
        if (total < 0) total = bundle.total ?? -1;
        expect(bundle.total).toBe(total);
        ids.push(
          ...(bundle.entry ?? []).map((e) => `${String(e.resource.resourceType)}/${String(e.resource.id)}`),
        );
        url = bundle.link?.find((l) => l.relation === "next")?.url;
        pages++;
        expect(pages).toBeLessThan(100);
      }
      return { ids, pages, total };
    }

    beforeAll(async () => {
      ({ validate, medplumOnly } = await r4Validator());
      backend = await open();
      world = backend.world;
      fixture = await fhirFixture(world, { seeded: 150 });
      const served = await serve(
        createFhirHandler(world.directory, { basePath: "/fhir/r4", defaultCount: 20 }),
      );
      base = `${served.url}/fhir/r4`;
      close = served.close;
    }, 300_000);

    afterAll(async () => {
      console.info(`${label}: R4 validator verdicts over HTTP:`, JSON.stringify(tally.summary()));
      await close?.();
      await backend?.close?.();
    });

    it("pages through every published practitioner once with next links and a constant total; each page validates", async () => {
      const expected = (await visiblePractitioners(world, world.owner.id)).map(
        (u) => `Practitioner/${toFhirId(u.id)}`,
      );
      expect(expected.length).toBeGreaterThan(50);
      const { ids, pages, total } = await everyPage("/Practitioner?_count=25");
      expect(total).toBe(expected.length);
      expect(pages).toBe(Math.ceil(expected.length / 25));
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...expected].sort());
      const roles = await everyPage("/PractitionerRole?_count=200");
      expect(roles.ids.map((id) => id.replace("PractitionerRole/", "Practitioner/")).sort()).toEqual(
        [...expected].sort(),
      );
      const first = ok(await get("/Practitioner"));
      expect(first.entry?.length).toBe(20);
      expect(first.link?.find((l) => l.relation === "self")?.url).toBe(`${base}/Practitioner?_count=20`);
      const { frontDesk, pending } = fixture.people;
      expect(ids).not.toContain(`Practitioner/${toFhirId(frontDesk.id)}`);
      expect(ids).not.toContain(`Practitioner/${toFhirId(pending.id)}`);
    });

    it("active=true and active=false split the practitioners; _count=0 answers the total alone", async () => {
      const all = ok(await get("/Practitioner?_count=0"));
      expect(all.entry).toBeUndefined();
      expect(all.link?.some((l) => l.relation === "next")).toBe(false);
      const active = await everyPage("/Practitioner?active=true&_count=200");
      const disabled = await everyPage("/Practitioner?active=false&_count=200");
      expect(active.total + disabled.total).toBe(all.total);
      expect(disabled.ids).toContain(`Practitioner/${toFhirId(fixture.people.disabled.id)}`);
      expect(ok(await get("/Practitioner?active=true&active=false")).total).toBe(0);
    });

    it("reads each type by id with an ETag; a non-practitioner, an invitee and a malformed id are 404 OperationOutcomes", async () => {
      const { orgWide, frontDesk, pending } = fixture.people;
      const practitioner = await get(`/Practitioner/${toFhirId(orgWide.id)}`);
      expect(ok(practitioner).id).toBe(toFhirId(orgWide.id));
      expect(practitioner.res.headers.get("etag")).toMatch(/^W\/"\d+"$/);
      expect(ok(await get(`/PractitionerRole/${toFhirId(orgWide.id)}`)).resourceType).toBe(
        "PractitionerRole",
      );
      expect(ok(await get(`/Location/${toFhirId(fixture.locations.closed.id)}`)).status).toBe("inactive");
      expect(ok(await get(`/Organization/${toFhirId(fixture.organization.id)}`)).name).toBe(
        fixture.organization.name,
      );
      const missing = outcome(await get(`/Practitioner/${toFhirId("usr_zzzzzzzzzzzz")}`), 404, "not-found");
      for (const path of [
        `/Practitioner/${toFhirId(frontDesk.id)}`,
        `/PractitionerRole/${toFhirId(pending.id)}`,
        `/Practitioner/${orgWide.id}`,
        "/Practitioner/USR-0000000001",
        `/Location/${toFhirId(orgWide.id)}`,
        "/Organization/org-zzzzzzzzzz",
        "/Patient/abc",
        "/Practitioner/a/b/c",
        "/Practitioner/%E0%A4%A",
      ]) {
        expect(outcome(await get(path), 404, "not-found")).toEqual(missing);
      }
    });

    it("identifier=us-npi|NPI finds exactly its holder; a part of an NPI, another system or |NPI finds nobody", async () => {
      const { noPhone } = fixture.people;
      const npi = noPhone.provider?.npi ?? "";
      const exact = ok(
        await get(`/Practitioner?identifier=${encodeURIComponent(`${FHIR_SYSTEMS.npi}|${npi}`)}`),
      );
      expect(exact.total).toBe(1);
      expect(exact.entry?.[0]?.resource.id).toBe(toFhirId(noPhone.id));
      expect(ok(await get(`/Practitioner?identifier=${npi}`)).total).toBe(1);
      expect(ok(await get(`/Practitioner?identifier=${npi.slice(0, 9)}`)).total).toBe(0);
      expect(
        ok(await get(`/Practitioner?identifier=${encodeURIComponent(`http://example.org|${npi}`)}`)).total,
      ).toBe(0);
      expect(ok(await get(`/Practitioner?identifier=${encodeURIComponent(`|${npi}`)}`)).total).toBe(0);
      const local = ok(
        await get(
          `/Practitioner?identifier=${encodeURIComponent(`${FHIR_SYSTEMS.staffroomUser}|${noPhone.id}`)}`,
        ),
      );
      expect(local.entry?.map((e) => e.resource.id)).toEqual([toFhirId(noPhone.id)]);
      // A phone number holds ten digits too: the NPI search must not find its owner.
      const phone = fixture.people.orgWide.profile.primaryPhone?.slice(-10) ?? "";
      expect(ok(await get(`/Practitioner?identifier=${phone}`)).total).toBe(0);
      const both = ok(await get(`/Practitioner?identifier=${npi},${fixture.people.orgWide.provider?.npi}`));
      expect(both.total).toBe(2);
    });

    it("name= matches the start of any name part ignoring case and accents; :exact and :contains; CJK", async () => {
      const { unusual, cjk, orgWide } = fixture.people;
      const idsOf = (b: Json) => (b.entry ?? []).map((e) => e.resource.id);
      expect(idsOf(ok(await get(`/Practitioner?name=${encodeURIComponent("nguyen o'brien")}`)))).toEqual([
        toFhirId(unusual.id),
      ]);
      const nguyens = ok(await get("/Practitioner?name=nguyen&_count=200"));
      expect(idsOf(nguyens)).toContain(toFhirId(unusual.id));
      for (const e of nguyens.entry ?? [])
        expect(JSON.stringify(e.resource.name).toLowerCase()).toMatch(/"nguy(e|ễ)n/);
      expect(idsOf(ok(await get(`/Practitioner?name=${encodeURIComponent("JOSÉ-MARÍA")}`)))).toEqual([
        toFhirId(unusual.id),
      ]);
      expect(idsOf(ok(await get("/Practitioner?name=brien")))).toEqual([]);
      expect(idsOf(ok(await get("/Practitioner?name:contains=brien")))).toEqual([toFhirId(unusual.id)]);
      expect(idsOf(ok(await get(`/Practitioner?name:exact=${encodeURIComponent("李")}`)))).toEqual([
        toFhirId(cjk.id),
      ]);
      expect(idsOf(ok(await get("/Practitioner?name:exact=everywhere")))).toEqual([]);
      expect(idsOf(ok(await get("/Practitioner?name=everywhere&name=olga")))).toEqual([toFhirId(orgWide.id)]);
      // core's search also looks at emails; FHIR's name does not.
      expect(ok(await get("/Practitioner?name=harbor")).total).toBe(0);
      const paged = await everyPage("/Practitioner?name=a&_count=7");
      expect(new Set(paged.ids).size).toBe(paged.total);
    });

    it("PractitionerRole?practitioner= and ?location= and ?specialty=; an archived or unknown clinic names nobody", async () => {
      const { orgWide, atClosed, atBayview } = fixture.people;
      const byPractitioner = ok(
        await get(`/PractitionerRole?practitioner=Practitioner/${toFhirId(orgWide.id)}`),
      );
      expect(byPractitioner.entry?.map((e) => e.resource.id)).toEqual([toFhirId(orgWide.id)]);
      expect(ok(await get(`/PractitionerRole?practitioner=${toFhirId(orgWide.id)}`)).total).toBe(1);
      expect(
        ok(
          await get(
            `/PractitionerRole?practitioner=${encodeURIComponent(`${base}/Practitioner/${toFhirId(orgWide.id)}`)}`,
          ),
        ).total,
      ).toBe(1);
      const northside = `Location/${toFhirId(fixture.locations.northside.id)}`;
      const atNorthside = await everyPage(`/PractitionerRole?location=${northside}&_count=10`);
      const all = (await everyPage("/PractitionerRole?_count=200")).ids;
      const expected: string[] = [];
      for (const id of all) {
        const role = ok(await get(`/${id}`));
        if ((role.location as { reference: string }[] | undefined)?.some((l) => l.reference === northside))
          expected.push(id);
      }
      expect([...atNorthside.ids].sort()).toEqual(expected.sort());
      expect(atNorthside.ids).toContain(`PractitionerRole/${toFhirId(orgWide.id)}`);
      expect(atNorthside.ids).toContain(`PractitionerRole/${toFhirId(atClosed.id)}`);
      expect(atNorthside.ids).not.toContain(`PractitionerRole/${toFhirId(atBayview.id)}`);
      expect(
        ok(await get(`/PractitionerRole?location=Location/${toFhirId(fixture.locations.closed.id)}`)).total,
      ).toBe(0);
      expect(ok(await get("/PractitionerRole?location=loc-zzzzzzzzzz")).total).toBe(0);
      const specialty = ok(
        await get(
          `/PractitionerRole?specialty=${encodeURIComponent("http://nucc.org/provider-taxonomy|363LF0000X")}`,
        ),
      );
      expect(specialty.entry?.map((e) => e.resource.id)).toContain(toFhirId(orgWide.id));
      const chained = ok(await get(`/PractitionerRole?practitioner.name=olga&location=${northside}`));
      expect(chained.entry?.map((e) => e.resource.id)).toEqual([toFhirId(orgWide.id)]);
    });

    it("Location and Organization searches; $export gives every resource once as NDJSON, each valid", async () => {
      const locations = await everyPage("/Location?_count=2");
      expect(locations.total).toBe(4);
      expect(ok(await get("/Location?name=north")).total).toBe(1);
      expect(ok(await get("/Organization")).total).toBe(1);
      expect(ok(await get(`/Organization?_id=${toFhirId(fixture.organization.id)}`)).total).toBe(1);
      const exported = await get("/$export");
      expect(exported.res.status).toBe(200);
      expect(exported.res.headers.get("content-type")).toBe("application/fhir+ndjson; charset=utf-8");
      const lines = exported.text
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as Json);
      const count = (type: string) => lines.filter((l) => l.resourceType === type).length;
      const practitioners = (await visiblePractitioners(world, world.owner.id)).length;
      expect([
        count("Organization"),
        count("Location"),
        count("Practitioner"),
        count("PractitionerRole"),
      ]).toEqual([1, 4, practitioners, practitioners]);
      for (const line of lines) {
        const issues = validate(line);
        tally.add(line, issues);
        expect(issues).toEqual([]);
      }
      const only = await get("/$export?_type=Location");
      expect(only.text.trimEnd().split("\n")).toHaveLength(4);
      outcome(await get("/$export?_type=Patient"), 400, "not-supported");
    });

    it("R4/R5 a delegated manager's FHIR view holds only what their directory shows; another organization's ids answer as random ids", async () => {
      const manager = fixture.manager;
      const expected = (await visiblePractitioners(world, manager.id)).map(
        (u) => `Practitioner/${toFhirId(u.id)}`,
      );
      const seen = await everyPage("/Practitioner?_count=50", manager);
      expect([...seen.ids].sort()).toEqual([...expected].sort());
      expect(seen.ids).toContain(`Practitioner/${toFhirId(fixture.people.orgWide.id)}`);
      expect(seen.ids).not.toContain(`Practitioner/${toFhirId(fixture.people.atBayview.id)}`);
      const random = outcome(
        await get(`/Practitioner/${toFhirId("usr_zzzzzzzzzzzz")}`, manager),
        404,
        "not-found",
      );
      expect(
        outcome(
          await get(`/Practitioner/${toFhirId(fixture.people.atBayview.id)}`, manager),
          404,
          "not-found",
        ),
      ).toEqual(random);
      expect(
        outcome(await get(`/Location/${toFhirId(fixture.locations.bayview.id)}`, manager), 404, "not-found"),
      ).toEqual(random);
      const role = ok(await get(`/PractitionerRole/${toFhirId(fixture.people.orgWide.id)}`, manager));
      expect(role.location).toEqual([
        {
          reference: `Location/${toFhirId(fixture.locations.downtown.id)}`,
          display: fixture.locations.downtown.name,
        },
      ]);
      expect((await everyPage("/Location", manager)).ids).toEqual([
        `Location/${toFhirId(fixture.locations.downtown.id)}`,
      ]);
      const exported = (await get("/$export", manager)).text
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as Json);
      expect(exported.filter((r) => r.resourceType === "Practitioner").length).toBe(expected.length);

      const other = await world.bootstrapAnother();
      const otherOwner = await world.as(other.owner.id, other.organization.id);
      const org = await otherOwner.organization.get();
      await otherOwner.organization.update(
        { features: { providerDirectory: true } },
        { version: org.version },
      );
      const roles = await otherOwner.roles.list();
      const stranger = await otherOwner.users.create({
        email: "stranger@cedar.example",
        profile: { givenName: "Stan", familyName: "Stranger", title: "MD" },
        roleId: roles[0]?.id ?? "",
        locationAccess: [other.location.id],
        primaryLocationId: other.location.id,
        flags: { practitioner: true },
        password: FIXTURE_PASSWORD,
      });
      const ownerRandom = outcome(
        await get(`/Practitioner/${toFhirId("usr_zzzzzzzzzzzz")}`),
        404,
        "not-found",
      );
      for (const path of [
        `/Practitioner/${toFhirId(stranger.id)}`,
        `/PractitionerRole/${toFhirId(stranger.id)}`,
        `/Location/${toFhirId(other.location.id)}`,
        `/Organization/${toFhirId(other.organization.id)}`,
      ]) {
        expect(outcome(await get(path), 404, "not-found")).toEqual(ownerRandom);
      }
      expect(ok(await get(`/Practitioner?_id=${toFhirId(stranger.id)}`)).total).toBe(0);
      expect(ok(await get(`/PractitionerRole?practitioner=${toFhirId(stranger.id)}`)).total).toBe(0);
    });

    it("401 without a session or with an unknown one; the cookie session works like the bearer one; 403 without users.view", async () => {
      // locations.manage reads locations and any member reads the organization: FHIR still needs users.view.
      const role = await fixture.owner.roles.create({
        name: "Sites only",
        permissions: ["locations.manage"],
      });
      const sitesOnly = await fixture.owner.users.create({
        email: "sites.only@fhir.harbor.example",
        profile: { givenName: "Sid", familyName: "Sites" },
        roleId: role.id,
        locationAccess: "organization",
        primaryLocationId: fixture.locations.downtown.id,
        password: FIXTURE_PASSWORD,
      });
      for (const path of [
        "/Practitioner",
        `/Practitioner/${toFhirId(fixture.people.orgWide.id)}`,
        "/Location",
        "/Organization",
        "/$export",
      ]) {
        const anonymous = await get(path, null);
        outcome(anonymous, 401, "login");
        expect(anonymous.res.headers.get("www-authenticate")).toBe('Bearer realm="staffroom"');
        outcome(await get(path, null, { authorization: "Bearer not-a-session-token-at-all" }), 401, "login");
        outcome(await get(path, fixture.noView), 403, "forbidden");
        outcome(await get(path, sitesOnly), 403, "forbidden");
      }
      const token = await tokenOf(world.owner);
      const byCookie = await get("/Organization", null, { cookie: `staffroom_session=${token}` });
      expect(ok(byCookie).total).toBe(1);
      const metadata = await get("/metadata", null);
      expect(metadata.res.status).toBe(200);
      expect(metadata.json.resourceType).toBe("CapabilityStatement");
      expect(medplumOnly(metadata.json)).toEqual([]);
    });

    it("bad parameters are 400 OperationOutcomes naming the parameter; unknown ones are ignored unless Prefer: handling=strict", async () => {
      const cases: [string, string, string][] = [
        ["/Practitioner?_count=abc", "_count", "invalid"],
        ["/Practitioner?_count=-1", "_count", "invalid"],
        ["/Practitioner?_count=1&_count=2", "_count", "invalid"],
        ["/Practitioner?_cursor=not-a-cursor!", "_cursor", "invalid"],
        ["/Practitioner?_cursor=eyJvIjotMX0", "_cursor", "invalid"],
        ["/Practitioner?active=maybe", "active", "invalid"],
        ["/Practitioner?identifier:of-type=x", "identifier:of-type", "not-supported"],
        ["/Practitioner?name:fuzzy=x", "name:fuzzy", "not-supported"],
        ["/PractitionerRole?practitioner=Patient/x", "practitioner", "invalid"],
        [
          "/PractitionerRole?location=https://elsewhere.example/Location/loc-0000000000",
          "location",
          "invalid",
        ],
        ["/Practitioner?name=%00", "name", "invalid"],
        [`/Practitioner?name=${"a".repeat(3000)}`, "name", "invalid"],
        ["/Practitioner?_total=sometimes", "_total", "invalid"],
      ];
      for (const [path, parameter, code] of cases) {
        const answer = outcome(await get(path), 400, code);
        expect(answer.issue?.[0]?.expression).toEqual([parameter]);
      }
      const page = ok(await get("/Practitioner?_count=5"));
      const next = page.link?.find((l) => l.relation === "next")?.url ?? "";
      const cursor = new URL(next).searchParams.get("_cursor") ?? "";
      outcome(await get(`/Location?_cursor=${cursor}`), 400, "invalid");
      outcome(await get(`/Practitioner?name=a&_cursor=${cursor}`), 400, "invalid");
      const lenient = ok(await get("/Practitioner?_count=3&unknown=1&_sort=name"));
      expect(lenient.link?.find((l) => l.relation === "self")?.url).toBe(`${base}/Practitioner?_count=3`);
      outcome(
        await get("/Practitioner?unknown=1", world.owner, { prefer: "handling=strict" }),
        400,
        "not-supported",
      );
      outcome(await get("/Practitioner?_format=xml"), 406, "not-supported");
      outcome(
        await get("/Practitioner", world.owner, { accept: "application/fhir+xml" }),
        406,
        "not-supported",
      );
      const post = await fetch(`${base}/Practitioner`, {
        method: "POST",
        headers: { authorization: `Bearer ${await tokenOf(world.owner)}` },
        body: "{}",
      });
      expect(post.status).toBe(405);
      expect(post.headers.get("allow")).toBe("GET, OPTIONS");
    });

    it("a fuzz of 400 generated query strings answers without a 5xx, every body a valid Bundle or OperationOutcome", async () => {
      const names = [
        "_id",
        "identifier",
        "name",
        "name:exact",
        "name:contains",
        "active",
        "practitioner",
        "location",
        "specialty",
        "practitioner.identifier",
        "practitioner.name",
        "_count",
        "_cursor",
        "_format",
        "_total",
        "_pretty",
        "x",
        "name:bogus",
        "_sort",
        "",
      ];
      const values = fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.string({ unit: "binary", maxLength: 12 }),
        fc.constantFrom(
          "",
          "|",
          ",",
          "\\",
          "%",
          "%00",
          "0",
          "-1",
          "201",
          "true",
          "false",
          "Practitioner/",
          `${FHIR_SYSTEMS.npi}|`,
          "eyJwIjowLCJjIjpudWxsfQ",
          "eyJwIjo5LCJjIjoiYSJ9",
          "usr-0000000000",
          "Location/loc-0000000000",
          "\u0000",
          "\uD800",
          "a".repeat(3000),
        ),
        fc.stringMatching(/^[0-9]{10}$/),
      );
      const type = fc.constantFrom(
        "Practitioner",
        "PractitionerRole",
        "Location",
        "Organization",
        "$export",
        "Practitioner/usr-0000000000",
        "metadata",
      );
      const query = fc.array(fc.tuple(fc.constantFrom(...names), values), { maxLength: 5 });
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(type, query, async (t, params) => {
          const qs = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeLoosely(v)}`).join("&");
          const answer = await get(`/${t}?${qs}`);
          statuses.set(answer.res.status, (statuses.get(answer.res.status) ?? 0) + 1);
          expect(answer.res.status).toBeLessThan(500);
          if (t === "$export" && answer.res.status === 200) return;
          const issues = t === "metadata" ? medplumOnly(answer.json) : validate(answer.json);
          expect(issues).toEqual([]);
        }),
        { numRuns: 400, seed: 1515 },
      );
      console.info(`${label}: FHIR fuzz statuses`, JSON.stringify(Object.fromEntries([...statuses].sort())));
      expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    }, 120_000);
  });
}
