import { DirectoryError, type VersionOption } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { restDirectory } from "../src/client";
import { closeRestWorlds, ownerOf, type RestWorld, restWorld } from "../src/testing";
import { call, commits, org, problem } from "./helpers";

afterEach(closeRestWorlds);

async function staff(world: RestWorld) {
  const owner = await ownerOf(world);
  const roles = await owner.roles.list();
  const desk = roles.find((r) => r.template === "front_desk");
  if (!desk) throw new Error("no front desk role");
  const user = await owner.users.create({
    email: `sam.${Math.random().toString(36).slice(2, 8)}@staff.harbor.example`,
    profile: { givenName: "Sam", familyName: "Lee" },
    roleId: desk.id,
    locationAccess: [world.location.id],
    primaryLocationId: world.location.id,
    password: FIXTURE_PASSWORD,
  });
  return { owner, user, desk };
}

describe("versions over HTTP (R12)", () => {
  it("reads carry the version as a strong ETag", async () => {
    const world = await restWorld();
    const { user } = await staff(world);
    const res = await call(world, org(world, `/users/${user.id}`));
    expect(res.headers.get("etag")).toBe(`"${user.version}"`);
    const organization = await call(world, org(world));
    expect(organization.headers.get("etag")).toBe(`"${world.organization.version}"`);
  });

  it("R12 a write without If-Match is 428 and writes nothing, on every conditional route", async () => {
    const world = await restWorld();
    const { user, desk } = await staff(world);
    const before = commits(world);
    const attempts: [string, string, unknown][] = [
      ["PATCH", `/users/${user.id}`, { profile: { title: "RN" } }],
      ["DELETE", `/users/${user.id}`, undefined],
      ["POST", `/users/${user.id}/disable`, undefined],
      ["POST", `/users/${user.id}/restore`, undefined],
      ["POST", `/users/${user.id}/password-reset`, { mode: "link" }],
      ["POST", `/users/${user.id}/unlock`, undefined],
      ["POST", `/users/${user.id}/invitation/resend`, undefined],
      ["DELETE", `/users/${user.id}/invitation`, undefined],
      ["PATCH", `/roles/${desk.id}`, { name: "Desk" }],
      ["DELETE", `/roles/${desk.id}`, undefined],
      ["PATCH", `/locations/${world.location.id}`, { name: "Uptown" }],
      ["POST", `/locations/${world.location.id}/archive`, undefined],
      ["PATCH", "", { name: "Renamed" }],
    ];
    for (const [method, path, json] of attempts) {
      for (const ifMatch of [undefined, "*"]) {
        const res = await call(world, org(world, path), {
          method,
          json,
          ...(ifMatch ? { headers: { "if-match": ifMatch } } : {}),
        });
        expect(res.status, `${method} ${path} If-Match ${ifMatch}`).toBe(428);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(await problem(res)).toMatchObject({ status: 428, code: "precondition_required" });
      }
    }
    // A bulk action carries a version per row in its body: a row without one is 428 for the whole call.
    const bulk = await call(world, org(world, "/users/bulk"), {
      method: "POST",
      json: { action: "disable", items: [{ id: user.id }] },
    });
    expect(bulk.status).toBe(428);
    expect(await problem(bulk)).toMatchObject({ status: 428, code: "precondition_required" });
    expect(commits(world)).toBe(before);
  });

  it("a stale If-Match is 412 and writes nothing; the current one succeeds", async () => {
    const world = await restWorld();
    const { user } = await staff(world);
    const updated = await call(world, org(world, `/users/${user.id}`), {
      method: "PATCH",
      json: { profile: { title: "RN" } },
      headers: { "if-match": `"${user.version}"` },
    });
    expect(updated.status).toBe(200);
    const etag = updated.headers.get("etag");
    expect(etag).toBe(`"${user.version + 1}"`);
    const before = commits(world);
    for (const path of [`/users/${user.id}`, `/users/${user.id}/disable`]) {
      const res = await call(world, org(world, path), {
        method: path.endsWith("disable") ? "POST" : "PATCH",
        ...(path.endsWith("disable") ? {} : { json: { profile: { title: "NP" } } }),
        headers: { "if-match": `"${user.version}"` },
      });
      expect(res.status).toBe(412);
      expect(await problem(res)).toMatchObject({ code: "stale", status: 412 });
    }
    expect(commits(world)).toBe(before);
    const owner = await ownerOf(world);
    expect((await owner.users.get(user.id)).profile.title).toBe("RN");
  });

  it("If-Match must be one strong tag naming a version (400 otherwise), and only where a write is conditional", async () => {
    const world = await restWorld();
    const { user } = await staff(world);
    const before = commits(world);
    for (const value of ['W/"1"', "1", '"1", "2"', '"abc"', '"-1"', '"1.5"']) {
      const res = await call(world, org(world, `/users/${user.id}/disable`), {
        method: "POST",
        headers: { "if-match": value },
      });
      expect(res.status, value).toBe(400);
      expect(await problem(res)).toMatchObject({ code: "validation" });
    }
    const bulk = await call(world, org(world, "/users/bulk"), {
      method: "POST",
      headers: { "if-match": `"${user.version}"` },
      json: { action: "disable", items: [{ id: user.id, version: user.version }] },
    });
    expect(bulk.status).toBe(400);
    expect((await problem(bulk)).issues?.[0]).toMatchObject({ code: "not_conditional" });
    expect(commits(world)).toBe(before);
  });

  it("R12 the client sends exactly the version it is given as If-Match and never reads one itself", async () => {
    const world = await restWorld();
    const { user } = await staff(world);
    const sent: { method: string; path: string; ifMatch: string | null }[] = [];
    const client = restDirectory({
      baseUrl: world.baseUrl,
      organizationId: world.organization.id,
      token: world.token(world.owner.id),
      fetch: async (input, init) => {
        const url = new URL(String(input));
        sent.push({
          method: init?.method ?? "GET",
          path: url.pathname.replace(/^.*\/organizations\/[^/]+/, ""),
          ifMatch: new Headers(init?.headers).get("if-match"),
        });
        return fetch(input, init);
      },
    });
    const before = commits(world);
    // No version: one request, without If-Match, refused as a local call is; no read before it.
    const missing = await client.users.disable(user.id, {} as VersionOption).catch((e: unknown) => e);
    expect(DirectoryError.is(missing, "precondition_required")).toBe(true);
    // A value that is not a version is refused on `version`, as locally.
    const malformed = await client.users
      .disable(user.id, { version: "3" } as unknown as VersionOption)
      .catch((e: unknown) => e);
    expect(malformed).toMatchObject({ code: "validation", issues: [{ path: ["version"] }] });
    // A stale version is sent as given and refused.
    await client.users.update(user.id, { profile: { title: "RN" } }, { version: user.version });
    const stale = await client.users.disable(user.id, { version: user.version }).catch((e: unknown) => e);
    expect(DirectoryError.is(stale, "stale")).toBe(true);
    expect(commits(world)).toBe(before + 1);
    // The current one succeeds.
    expect((await client.users.disable(user.id, { version: user.version + 1 })).status).toBe("disabled");
    expect(sent).toEqual([
      { method: "POST", path: `/users/${user.id}/disable`, ifMatch: null },
      { method: "POST", path: `/users/${user.id}/disable`, ifMatch: 'W/"0"' },
      { method: "PATCH", path: `/users/${user.id}`, ifMatch: `"${user.version}"` },
      { method: "POST", path: `/users/${user.id}/disable`, ifMatch: `"${user.version}"` },
      { method: "POST", path: `/users/${user.id}/disable`, ifMatch: `"${user.version + 1}"` },
    ]);
  });
});
