import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCIM_URN } from "../src/index";
import { memoryBackend } from "./support/databases";
import { type ScimWorld, scimWorld } from "./support/scim-world";

const q = (s: string) => encodeURIComponent(s);
let w: ScimWorld;
const ids: string[] = [];

beforeAll(async () => {
  w = await scimWorld(await memoryBackend());
  for (const [i, name] of ["Ana", "Ben", "Cy", "Di", "Ed"].entries()) {
    const { body } = await w.scim("POST", "/Users", {
      schemas: [SCIM_URN.user],
      userName: `${name.toLowerCase()}@harbor.example`,
      name: { givenName: name, familyName: "Moss" },
      externalId: `ext-${i}`,
      active: i !== 4,
    });
    ids.push(body.id);
  }
});
afterAll(() => w.close());

describe("requests a client can get wrong: answered 4xx with a SCIM Error, never a 5xx", () => {
  it("malformed JSON, a body that is no object, bytes that are not UTF-8 and an empty body are 400 invalidSyntax", async () => {
    for (const raw of ["{", "[]", "42", "", "\u0000"]) {
      const { status, body } = await w.scim("POST", "/Users", undefined, { raw });
      expect(status, JSON.stringify(raw)).toBe(400);
      expect(body).toMatchObject({ schemas: [SCIM_URN.error], status: "400", scimType: "invalidSyntax" });
    }
    const response = await fetch(`${w.base}/Users`, {
      method: "POST",
      headers: { Authorization: `Bearer ${w.secret}`, "Content-Type": "application/scim+json" },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(response.status).toBe(400);
  });

  it("a media type that is not JSON is 415; a body over 1 MiB is 413", async () => {
    const text = await w.scim("POST", "/Users", undefined, {
      raw: "userName=x",
      headers: { "Content-Type": "text/plain" },
    });
    expect(text.status).toBe(415);
    const big = await w.scim("POST", "/Users", {
      userName: "x@harbor.example",
      title: "x".repeat(1_100_000),
    });
    expect(big.status).toBe(413);
    expect(big.body.status).toBe("413");
  });

  it("unknown endpoints are 404, a wrong method is 405 with Allow; /Bulk is not offered", async () => {
    for (const path of ["/Bulk", "/Me", "/Users/a/b", "/Nope", ""]) {
      const { status, body } = await w.scim("GET", path);
      expect(status, path).toBe(404);
      expect(body.schemas).toEqual([SCIM_URN.error]);
    }
    const wrong = await w.scim("DELETE", "/Users");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
  });

  it("a filter that does not parse, names an unknown attribute or compares wrongly is 400 invalidFilter", async () => {
    for (const filter of [
      'userName eq "unclosed',
      "userName eq",
      'nickName eq "x"',
      "userName gt true",
      'active eq "yes"',
      'emails[type eq "work"',
      '((((userName eq "a"',
      'userName eq "a" and',
      `${"(".repeat(40)}userName eq "a"${")".repeat(40)}`,
    ]) {
      const { status, body } = await w.scim("GET", `/Users?filter=${q(filter)}`);
      expect(status, filter).toBe(400);
      expect(body.scimType).toBe("invalidFilter");
    }
  });

  it("a filter without an indexed eq term (userName, emails, externalId, id, displayName) is 400 invalidFilter saying which terms work", async () => {
    const { status, body } = await w.scim("GET", `/Users?filter=${q("active eq true")}`);
    expect(status).toBe(400);
    expect(body.detail).toMatch(/userName/);
  });

  it("filters combine with and, or and not, and any operator applies to the candidates", async () => {
    const cases: [string, string[]][] = [
      ['userName eq "ana@harbor.example" or externalId eq "ext-1"', [ids[0] as string, ids[1] as string]],
      ['userName eq "ana@harbor.example" and active eq false', []],
      ['externalId eq "ext-4" and active eq false', [ids[4] as string]],
      ['userName eq "ben@harbor.example" and not (name.givenName sw "Z")', [ids[1] as string]],
      ['displayName eq "Cy Moss"', [ids[2] as string]],
      ['displayName eq "cy moss" and name.familyName co "os"', [ids[2] as string]],
      [`id eq "${ids[3]}"`, [ids[3] as string]],
      ['id eq "not-an-id"', []],
    ];
    for (const [filter, expected] of cases) {
      const { status, body } = await w.scim("GET", `/Users?filter=${q(filter)}`);
      expect(status, filter).toBe(200);
      expect(body.Resources.map((u: { id: string }) => u.id).sort(), filter).toEqual([...expected].sort());
    }
  });

  it("pages with startIndex and count across active, pending and disabled users; count=0 counts only; past the end is empty", async () => {
    const all = await w.scim("GET", "/Users?count=200");
    const total = all.body.totalResults;
    expect(total).toBe((await w.allUsers()).length);
    const seen: string[] = [];
    for (let start = 1; start <= total; start += 2) {
      const page = await w.scim("GET", `/Users?startIndex=${start}&count=2`);
      expect(page.body).toMatchObject({ totalResults: total, startIndex: start });
      expect(page.body.itemsPerPage).toBe(page.body.Resources.length);
      seen.push(...page.body.Resources.map((u: { id: string }) => u.id));
    }
    expect(seen).toEqual(all.body.Resources.map((u: { id: string }) => u.id));
    expect(new Set(seen).size).toBe(total);
    expect(seen.at(-1)).toBe(ids[4]);
    const none = await w.scim("GET", "/Users?count=0");
    expect(none.body).toMatchObject({ totalResults: total, itemsPerPage: 0, Resources: [] });
    const past = await w.scim("GET", `/Users?startIndex=${total + 5}`);
    expect(past.body.Resources).toEqual([]);
    const clamped = await w.scim("GET", "/Users?count=100000&startIndex=-3");
    expect(clamped.body).toMatchObject({ startIndex: 1, itemsPerPage: total });
    const bad = await w.scim("GET", "/Users?count=ten");
    expect(bad).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
  });

  it("attributes and excludedAttributes shape the answer; id and schemas always stay", async () => {
    const only = await w.scim(
      "GET",
      `/Users/${ids[0]}?attributes=userName,name.givenName,${SCIM_URN.enterprise}:department`,
    );
    expect(only.body).toEqual({
      schemas: [SCIM_URN.user],
      id: ids[0],
      userName: "ana@harbor.example",
      name: { givenName: "Ana" },
    });
    const without = await w.scim("GET", `/Users/${ids[0]}?excludedAttributes=groups,meta,name.formatted,id`);
    expect(without.body).not.toHaveProperty("groups");
    expect(without.body).not.toHaveProperty("meta");
    expect(without.body.name).toEqual({ familyName: "Moss", givenName: "Ana" });
    expect(without.body.id).toBe(ids[0]);
  });

  it("PATCH bodies that are not PatchOp documents are 400 invalidSyntax; a remove without path is 400 noTarget; nothing changes", async () => {
    const before = await w.owner.users.get(ids[0] as string);
    for (const body of [
      {},
      { Operations: [] },
      { schemas: ["urn:x"], Operations: [{ op: "add", value: {} }] },
      { Operations: [{ op: "move", path: "title", value: "x" }] },
      { Operations: [{ op: "add", path: 7, value: "x" }] },
      { Operations: ["add"] },
    ]) {
      const answer = await w.scim("PATCH", `/Users/${ids[0]}`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.scimType).toBe("invalidSyntax");
    }
    const noTarget = await w.scim("PATCH", `/Users/${ids[0]}`, { Operations: [{ op: "remove" }] });
    expect(noTarget.body.scimType).toBe("noTarget");
    const badValue = await w.scim("PATCH", `/Users/${ids[0]}`, {
      Operations: [{ op: "replace", path: "active", value: "maybe" }],
    });
    expect(badValue.body.scimType).toBe("invalidValue");
    const badPath = await w.scim("PATCH", `/Users/${ids[0]}`, {
      Operations: [{ op: "replace", path: 'title[value eq "x"]', value: "x" }],
    });
    expect(badPath.body.scimType).toBe("invalidPath");
    expect(await w.owner.users.get(ids[0] as string)).toEqual(before);
  });

  it("a value core refuses is 400 invalidValue naming the SCIM attribute (phones in E.164, names not empty), writing nothing", async () => {
    const before = await w.owner.users.get(ids[1] as string);
    const phone = await w.scim("PATCH", `/Users/${ids[1]}`, {
      Operations: [
        { op: "replace", path: "title", value: "Changed first" },
        { op: "replace", path: 'phoneNumbers[type eq "work"].value', value: "555-0100" },
      ],
    });
    expect(phone.status).toBe(400);
    expect(phone.body.detail).toMatch(/^phoneNumbers\[type eq "work"\]\.value: /);
    const name = await w.scim("PUT", `/Users/${ids[1]}`, {
      userName: "ben@harbor.example",
      name: { givenName: " ", familyName: "Moss" },
    });
    expect(name.status).toBe(400);
    expect(await w.owner.users.get(ids[1] as string)).toEqual(before);
  });

  it("changing userName onto another user's is 409 uniqueness and writes nothing; so is another's externalId", async () => {
    const before = await w.owner.users.get(ids[2] as string);
    const email = await w.scim("PATCH", `/Users/${ids[2]}`, {
      Operations: [
        { op: "replace", path: "title", value: "Changed first" },
        { op: "replace", path: "userName", value: "ANA@harbor.example" },
      ],
    });
    expect(email).toMatchObject({ status: 409, body: { scimType: "uniqueness" } });
    const external = await w.scim("PATCH", `/Users/${ids[2]}`, {
      Operations: [{ op: "replace", path: "externalId", value: "ext-0" }],
    });
    expect(external).toMatchObject({ status: 409, body: { scimType: "uniqueness" } });
    expect(await w.owner.users.get(ids[2] as string)).toEqual(before);
  });
});
