import { DirectoryError, memoryRateLimiter, type RateLimiter } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { restAuth } from "../src/client";
import { closeRestWorlds, type RestWorld, restWorld } from "../src/testing";
import { call, problem } from "./helpers";

afterEach(closeRestWorlds);

/** A world whose clients may fail `failures` sign-ins and ask `resets` reset links per 15 minutes. */
function throttledWorld(
  failures: number,
  resets: number,
  handler: { trustProxy?: boolean | number } = {},
  rateLimiter?: RateLimiter,
): Promise<RestWorld> {
  return restWorld({
    policy: { clientSignInFailures: failures, clientResetRequests: resets },
    handler,
    ...(rateLimiter ? { rateLimiter } : {}),
  });
}

function signInCall(world: RestWorld, email: string, password: string, headers: Record<string, string> = {}) {
  return call(world, "/auth/sign-in", { method: "POST", as: null, json: { email, password }, headers });
}

describe("per-client throttling over HTTP (W13 abuse)", () => {
  it("a throttled sign-in is a 429 problem with Retry-After equal to details.retryAfterSeconds; the client rebuilds the same error", async () => {
    const world = await throttledWorld(2, 30);
    for (let i = 0; i < 2; i++)
      expect((await signInCall(world, `nobody.${i}@x.example`, "wrong")).status).toBe(401);
    const res = await signInCall(world, world.owner.email, FIXTURE_PASSWORD);
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("900");
    const body = await problem(res);
    expect(body).toMatchObject({
      type: "https://staffroom.dev/problems/rate_limited",
      status: 429,
      code: "rate_limited",
      details: { retryAfterSeconds: 900 },
    });
    const error = await restAuth({ baseUrl: world.baseUrl, session: "bearer" })
      .signIn({ email: world.owner.email, password: FIXTURE_PASSWORD })
      .catch((e: unknown) => e);
    expect(DirectoryError.is(error, "rate_limited")).toBe(true);
    expect((error as DirectoryError).toJSON()).toEqual({
      code: "rate_limited",
      message: body.detail,
      details: { retryAfterSeconds: 900 },
    });
    world.clock.advance(60_000);
    expect((await signInCall(world, world.owner.email, FIXTURE_PASSWORD)).headers.get("retry-after")).toBe(
      "840",
    );
  });

  it("a throttled reset request is a 429 with Retry-After too, for a known and an unknown email alike", async () => {
    const world = await throttledWorld(100, 1);
    const reset = (email: string) =>
      call(world, "/auth/password-reset", { method: "POST", as: null, json: { email } });
    expect((await reset("nobody@x.example")).status).toBe(204);
    const known = await reset(world.owner.email);
    const unknown = await reset("nobody.else@x.example");
    expect([known.status, unknown.status]).toEqual([429, 429]);
    expect(known.headers.get("retry-after")).toBe("900");
    expect(await known.text()).toBe(await unknown.text());
  });

  it("without trustProxy a client cannot escape its throttle by making up X-Forwarded-For addresses", async () => {
    const world = await throttledWorld(3, 30, { trustProxy: false });
    for (let i = 0; i < 3; i++) {
      const res = await signInCall(world, `nobody.${i}@x.example`, "wrong", {
        "x-forwarded-for": `198.51.100.${i}`,
      });
      expect(res.status).toBe(401);
    }
    const res = await signInCall(world, world.owner.email, FIXTURE_PASSWORD, {
      "x-forwarded-for": "198.51.100.99",
    });
    expect(res.status).toBe(429);
  });

  it("behind two proxies (trustProxy: 2) the client is the address the outer proxy appended: made-up entries before it and the proxy's own after it do not count", async () => {
    const world = await throttledWorld(3, 30, { trustProxy: 2 });
    const via = (client: string, madeUp = "10.9.9.9") => ({
      "x-forwarded-for": `${madeUp}, ${client}, 192.0.2.254`,
    });
    for (let i = 0; i < 3; i++) {
      expect(
        (await signInCall(world, `nobody.${i}@x.example`, "wrong", via("203.0.113.5", `10.0.0.${i}`))).status,
      ).toBe(401);
    }
    expect(
      (await signInCall(world, world.owner.email, FIXTURE_PASSWORD, via("203.0.113.5", "10.1.1.1"))).status,
    ).toBe(429);
    // Another client behind the same load balancer is not slowed.
    expect((await signInCall(world, world.owner.email, FIXTURE_PASSWORD, via("203.0.113.6"))).status).toBe(
      200,
    );
    const [event] = (await world.as(world.owner.id).audit.list({ action: "auth.sign_in", limit: 1 })).items;
    expect(event?.metadata.ip).toBe("203.0.113.6");
  });

  it("two server instances sharing one rate limiter throttle a client together", async () => {
    const shared = memoryRateLimiter();
    const one = await throttledWorld(4, 30, {}, shared);
    const two = await throttledWorld(4, 30, {}, shared);
    for (let i = 0; i < 4; i++) {
      const world = i % 2 === 0 ? one : two;
      expect((await signInCall(world, `nobody.${i}@x.example`, "wrong")).status).toBe(401);
    }
    expect((await signInCall(one, one.owner.email, FIXTURE_PASSWORD)).status).toBe(429);
    expect((await signInCall(two, two.owner.email, FIXTURE_PASSWORD)).status).toBe(429);
  });

  it("resending an invitation too soon is a 429 with the seconds left until it may go again", async () => {
    const world = await restWorld();
    const owner = world.backend.directory.forActor({
      organizationId: world.organization.id,
      userId: world.owner.id,
    });
    const desk = (await owner.roles.list()).find((r) => r.template === "front_desk");
    const { user } = await owner.users.invite({
      email: "sam.invitee@harbor.example",
      profile: { givenName: "Sam", familyName: "Invitee" },
      roleId: desk?.id ?? "",
      locationAccess: [world.location.id],
      primaryLocationId: world.location.id,
    });
    world.clock.advance(15_000);
    const res = await call(
      world,
      `/organizations/${world.organization.id}/users/${user.id}/invitation/resend`,
      {
        method: "POST",
        headers: { "if-match": `"${user.version}"` },
      },
    );
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("45");
    expect(await problem(res)).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: 45 } });
  });

  it("a gateway's own 429 (no Staffroom problem) reaches the caller as rate_limited with its Retry-After", async () => {
    const gateway = async () =>
      new Response("<html>slow down</html>", { status: 429, headers: { "retry-after": "30" } });
    const auth = restAuth({ baseUrl: "https://ehr.example/api", session: "bearer", fetch: gateway });
    const error = await auth.requestPasswordReset({ email: "a@b.example" }).catch((e: unknown) => e);
    expect(DirectoryError.is(error, "rate_limited")).toBe(true);
    expect((error as DirectoryError).details).toEqual({ retryAfterSeconds: 30 });
    const dated = async () =>
      new Response("", { status: 429, headers: { "retry-after": "Wed, 21 Oct 2026 07:28:00 GMT" } });
    const plain = await restAuth({ baseUrl: "https://ehr.example/api", session: "bearer", fetch: dated })
      .requestPasswordReset({ email: "a@b.example" })
      .catch((e: unknown) => e);
    expect((plain as DirectoryError).toJSON()).toEqual({ code: "rate_limited", message: expect.any(String) });
  });
});
