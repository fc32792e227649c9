import { DirectoryError } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import { afterEach, describe, expect, it } from "vitest";
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

  it("a write without If-Match is 428 and writes nothing, on every conditional route", async () => {
    const world = await restWorld();
    const { user, desk } = await staff(world);
    const before = commits(world);
    const attempts: [string, string, unknown][] = [
      ["PATCH", `/users/${user.id}`, { profile: { title: "RN" } }],
      ["DELETE", `/users/${user.id}`, undefined],
      ["POST", `/users/${user.id}/disable`, undefined],
      ["POST", `/users/${user.id}/restore`, undefined],
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
      json: { action: "disable", ids: [user.id] },
    });
    expect(bulk.status).toBe(400);
    expect((await problem(bulk)).issues?.[0]).toMatchObject({ code: "not_conditional" });
    expect(commits(world)).toBe(before);
  });

  it("the client sends the version it saw, re-reads once when that is stale, and passes explicit stale versions through", async () => {
    const world = await restWorld();
    const { owner, user } = await staff(world);
    const other = world.as(world.owner.id);
    // Another client changes the user: this client's remembered version is now stale.
    await other.users.update(user.id, { profile: { title: "RN" } }, { version: user.version });
    const disabled = await owner.users.disable(user.id);
    expect(disabled.status).toBe("disabled");
    // An explicit stale version is the caller's check: it fails, as locally.
    const error = await owner.users.restore(user.id, { version: user.version }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DirectoryError);
    expect((error as DirectoryError).toJSON()).toEqual(
      new DirectoryError({ code: "stale", message: "" }).toJSON(),
    );
    // A version the client never saw is read first.
    const fresh = world.as(world.owner.id);
    expect((await fresh.users.restore(user.id)).status).toBe("active");
    // A required version stays required: 428 like a local call.
    const missing = await fresh.users
      .update(user.id, { profile: { title: "NP" } }, {} as { version: number })
      .catch((e: unknown) => e);
    expect(DirectoryError.is(missing, "precondition_required")).toBe(true);
  });
});
