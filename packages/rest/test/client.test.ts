import { DirectoryError, ERROR_STATUS, type ErrorCode, fail, RULE_CODES } from "@staffroom/core";
import { afterEach, describe, expect, it } from "vitest";
import { RestError, restDirectory } from "../src/client";
import { errorFromProblem, problemFromError } from "../src/shared/problem";
import { closeRestWorlds, restWorld } from "../src/testing";

afterEach(closeRestWorlds);

describe("problem documents ⇄ DirectoryError", () => {
  it("round-trips every code, rule, issue list and details exactly", () => {
    const errors: DirectoryError[] = [
      ...(Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => new DirectoryError({ code, message: "" })),
      ...RULE_CODES.map((rule) =>
        fail.rule(rule, `Refused by ${rule}.`, { limit: 3, label: "x", open: null }),
      ),
      fail.validation([
        { path: ["profile", "givenName"], code: "too_small", message: "First name is required." },
        { path: ["locationAccess", 2], code: "unknown_location", message: "This location does not exist." },
      ]),
    ];
    for (const error of errors) {
      const problem = problemFromError(error);
      expect(problem.status).toBe(ERROR_STATUS[error.code]);
      expect(problem.type).toBe(`https://staffroom.dev/problems/${error.code}`);
      const back = errorFromProblem(JSON.parse(JSON.stringify(problem)));
      expect(back).toBeInstanceOf(DirectoryError);
      expect(back?.toJSON()).toEqual(error.toJSON());
      expect(back?.message).toBe(error.message);
    }
  });

  it("is null for documents that carry no error code", () => {
    expect(errorFromProblem({ type: "about:blank", status: 500, title: "x", detail: "y" })).toBeNull();
    expect(errorFromProblem("<html>")).toBeNull();
    expect(errorFromProblem({ code: "teapot" })).toBeNull();
  });
});

describe("restDirectory", () => {
  it("rebuilds the same DirectoryError a local call throws", async () => {
    const world = await restWorld();
    const local = world.backend.directory.forActor({
      organizationId: world.organization.id,
      userId: world.owner.id,
    });
    const remote = world.as(world.owner.id);
    const bad = { email: "not an email", profile: { givenName: "" }, roleId: "x", bogus: true } as never;
    const calls: ((d: typeof local) => Promise<unknown>)[] = [
      (d) => d.users.create(bad),
      (d) => d.users.disable(world.owner.id, { version: world.owner.version }),
      (d) => d.users.disable(world.owner.id, {} as never),
      (d) => d.users.get("usr_zzzzzzzzzzzzzzzzzzzz"),
      (d) => d.users.get("../../etc"),
      (d) => d.locations.create({ name: "" }),
      (d) => d.users.list({ limit: 0 }),
    ];
    for (const call of calls) {
      const a = await call(local).catch((e: unknown) => e);
      const b = await call(remote).catch((e: unknown) => e);
      expect(b).toBeInstanceOf(DirectoryError);
      expect((b as DirectoryError).toJSON()).toEqual((a as DirectoryError).toJSON());
    }
  });

  it("R2 a client that learns its organization from its first call still answers can() and actions() only from its own me()", async () => {
    const world = await restWorld();
    const dir = restDirectory({ baseUrl: world.baseUrl, token: world.token(world.owner.id) });
    const owner = await dir.users.get(world.owner.id);
    expect(dir.organizationId).toBe(world.organization.id);
    expect(dir.can("users.manage")).toBe(false);
    expect(dir.users.actions(owner)).toEqual([]);
    await dir.me();
    expect(dir.can("users.manage")).toBe(true);
    expect(dir.users.actions(owner).map((o) => [o.action, o.verdict.allowed])).toEqual([
      ["edit", true],
      ["disable", false],
      ["resetPassword", false],
    ]);
  });

  it("sends the caller's headers and a token function's current token", async () => {
    const world = await restWorld();
    const seen: Headers[] = [];
    let token = world.token(world.owner.id);
    const dir = restDirectory({
      baseUrl: world.baseUrl,
      organizationId: world.organization.id,
      headers: () => ({ "x-tenant": "harbor" }),
      token: () => token,
      fetch: async (input, init) => {
        seen.push(new Headers(init?.headers));
        return fetch(input, init);
      },
    });
    await dir.organization.get();
    token = "expired";
    await expect(dir.organization.get()).rejects.toMatchObject({ code: "unauthenticated" });
    expect(seen[0]?.get("x-tenant")).toBe("harbor");
    expect(seen[1]?.get("authorization")).toBe("Bearer expired");
  });

  it("throws a RestError (not a DirectoryError) for a 5xx or an unreadable answer", async () => {
    const dir = restDirectory({
      baseUrl: "http://unused.invalid",
      organizationId: "org_aaaaaaaaaaaa",
      fetch: async () => new Response("<html>bad gateway</html>", { status: 502 }),
    });
    const error = await dir.users.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestError);
    expect((error as RestError).status).toBe(502);
    const internal = restDirectory({
      baseUrl: "http://unused.invalid",
      organizationId: "org_aaaaaaaaaaaa",
      fetch: async () =>
        Response.json(
          { type: "x", status: 500, title: "t", detail: "d", code: "validation" },
          { status: 500 },
        ),
    });
    expect(await internal.users.list().catch((e: unknown) => e)).toBeInstanceOf(RestError);
  });

  it("rejects (never throws synchronously) for ids that are not ids, without a request", async () => {
    let requests = 0;
    const dir = restDirectory({
      baseUrl: "http://unused.invalid",
      organizationId: "org_aaaaaaaaaaaa",
      fetch: async () => {
        requests += 1;
        return new Response(null, { status: 204 });
      },
    });
    for (const id of ["..", ".", "", "usr_short", "a/b"]) {
      const pending = dir.users.get(id);
      await expect(pending).rejects.toMatchObject({ code: "not_found" });
      await expect(dir.roles.delete(id, { version: 1 })).rejects.toMatchObject({ code: "not_found" });
    }
    expect(requests).toBe(0);
  });
});
