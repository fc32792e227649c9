import { afterEach, describe, expect, it } from "vitest";
import { resolveOptions } from "../src/server";
import { closeRestWorlds } from "../src/testing";
import { cookiePair, type SessionWorld, sessionWorld } from "./session-world";

afterEach(closeRestWorlds);

const APP = "https://app.ehr.example";

async function signedIn(w: SessionWorld): Promise<string> {
  const res = await w.fetch("/auth/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json", origin: w.origin },
    body: JSON.stringify({ email: w.ownerEmail, password: w.password }),
  });
  expect(res.status).toBe(200);
  return cookiePair(res);
}

function createLocation(w: SessionWorld, headers: Record<string, string>, name = "Forged Clinic") {
  return w.fetch(`/organizations/${w.backend.organization.id}/locations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ name }),
  });
}

describe("CSRF: cookie-authenticated writes", () => {
  it("are refused from a foreign origin, without Origin, cross-site or from an opaque origin; nothing is written", async () => {
    const w = await sessionWorld();
    const cookie = await signedIn(w);
    const before = w.backend.store.stats().commits;
    for (const headers of [
      { cookie },
      { cookie, origin: "https://evil.example" },
      { cookie, origin: "null" },
      { cookie, "sec-fetch-site": "cross-site" },
      { cookie, "sec-fetch-site": "same-site" },
      { cookie, origin: "https://evil.example", "sec-fetch-site": "same-origin" },
    ]) {
      const res = await createLocation(w, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({
        type: "https://staffroom.dev/problems/cross_site_request",
        code: "forbidden",
      });
    }
    expect(w.backend.store.stats().commits).toBe(before);
  });

  it("pass from the handler's own origin, from Sec-Fetch-Site same-origin, and from an allow-listed origin", async () => {
    const w = await sessionWorld({ cors: { origins: [APP] } });
    const cookie = await signedIn(w);
    expect((await createLocation(w, { cookie, origin: w.origin }, "A")).status).toBe(201);
    expect((await createLocation(w, { cookie, "sec-fetch-site": "same-origin" }, "B")).status).toBe(201);
    expect((await createLocation(w, { cookie, origin: APP }, "C")).status).toBe(201);
  });

  it("publicBaseUrl, not the Host header, is the own origin when set", async () => {
    const w = await sessionWorld({ publicBaseUrl: "https://ehr.example" });
    const cookie = await signedIn(w).catch(() => "");
    expect(cookie).toBe("");
    const res = await w.fetch("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://ehr.example" },
      body: JSON.stringify({ email: w.ownerEmail, password: w.password }),
    });
    expect(res.status).toBe(200);
    expect((await createLocation(w, { cookie: cookiePair(res), origin: w.origin })).status).toBe(403);
    expect((await createLocation(w, { cookie: cookiePair(res), origin: "https://ehr.example" })).status).toBe(
      201,
    );
  });

  it("originAliases name the same server under other names: same-origin for CSRF, without CORS headers; nothing else is", async () => {
    const w = await sessionWorld();
    const port = new URL(w.origin).port;
    const local = `http://localhost:${port}`;
    const aliased = await sessionWorld({ publicBaseUrl: w.origin, originAliases: [local] });
    const signIn = (origin: string) =>
      aliased.fetch("/auth/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json", origin, "sec-fetch-site": "same-origin" },
        body: JSON.stringify({ email: aliased.ownerEmail, password: aliased.password }),
      });
    const foreign = [
      "http://evil.example",
      `http://localhost:${Number(port) + 1}`,
      `https://localhost:${port}`,
      `http://localhost.evil.example:${port}`,
      `http://[::1]:${port}`,
    ];
    const refused: string[] = [];
    for (const origin of foreign) {
      if ((await signIn(origin)).status === 403) refused.push(origin);
    }
    expect(refused).toEqual(foreign);
    const own = await signIn(local);
    expect(own.status).toBe(200);
    expect(own.headers.get("access-control-allow-origin")).toBeNull();
    const cookie = cookiePair(own);
    expect((await createLocation(aliased, { cookie, origin: local }, "Aliased")).status).toBe(201);
    expect((await createLocation(aliased, { cookie, origin: "http://evil.example" })).status).toBe(403);
    expect(() => resolveOptions({ originAliases: ["javascript:alert(1)"] })).toThrow(TypeError);
    expect(() => resolveOptions({ originAliases: ["http://localhost:5180/app"] })).toThrow(TypeError);
  });

  it("sign-in itself is protected against login CSRF; bearer requests and cookie-less server calls are exempt", async () => {
    const w = await sessionWorld();
    const forged = await w.fetch("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ email: w.ownerEmail, password: w.password }),
    });
    expect(forged.status).toBe(403);
    const server = await w.fetch("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", "staffroom-session": "bearer" },
      body: JSON.stringify({ email: w.ownerEmail, password: w.password }),
    });
    expect(server.status).toBe(200);
    const { token } = (await server.json()) as { token: string };
    const bearer = await createLocation(w, {
      authorization: `Bearer ${token}`,
      origin: "https://evil.example",
    });
    expect(bearer.status).toBe(201);
  });

  it("reads are never blocked by the CSRF check (SameSite=Lax and CORS keep their answers from other sites)", async () => {
    const w = await sessionWorld();
    const cookie = await signedIn(w);
    const res = await w.fetch(`/organizations/${w.backend.organization.id}/users`, {
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("CORS", () => {
  it("answers preflights for allow-listed origins with credentials, methods and headers", async () => {
    const w = await sessionWorld({ cors: { origins: [APP], maxAgeSeconds: 120 } });
    const res = await w.fetch(`/organizations/${w.backend.organization.id}/users/usr_aaaaaaaaaaaa`, {
      method: "OPTIONS",
      headers: {
        origin: APP,
        "access-control-request-method": "PATCH",
        "access-control-request-headers": "if-match",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(APP);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, PATCH, DELETE, OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toContain("If-Match");
    expect(res.headers.get("access-control-max-age")).toBe("120");
    expect(res.headers.get("vary")).toBe("Origin");
  });

  it("gives other origins no CORS headers at all", async () => {
    const w = await sessionWorld({ cors: { origins: [APP] } });
    const preflight = await w.fetch("/auth/sign-in", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    const get = await w.fetch("/openapi.json", { headers: { origin: "https://evil.example" } });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("exposes ETag and the request id to allow-listed origins", async () => {
    const w = await sessionWorld({ cors: { origins: [APP] } });
    const cookie = await signedIn(w);
    const res = await w.fetch(`/organizations/${w.backend.organization.id}`, {
      headers: { cookie, origin: APP },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(APP);
    expect(res.headers.get("access-control-expose-headers")).toContain("ETag");
    expect(res.headers.get("etag")).toMatch(/^"\d+"$/);
  });
});
