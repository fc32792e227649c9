import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clientThrottleKey } from "@staffroom/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_SIGN_IN } from "../src/seed";
import { type DemoServer, startDemoServer } from "./server";
import { openDatabase } from "./store";

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A request with the path sent as written (fetch would normalise `..` away) and any Host header. */
function raw(
  server: DemoServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Raw> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port,
        path,
        method: options.method ?? "GET",
        headers: options.headers ?? {},
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

async function signInBearer(server: DemoServer, email: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", "staffroom-session": "bearer" },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe("the demo server", () => {
  let folder: string;
  let server: DemoServer;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "staffroom-demo-"));
    const app = join(folder, "dist");
    await mkdir(join(app, "assets"), { recursive: true });
    await writeFile(
      join(app, "index.html"),
      '<!doctype html><meta name="csp-nonce" content="__CSP_NONCE__"><title>app</title>',
    );
    await writeFile(join(app, "assets", "app-1.js"), "console.log('app')");
    await writeFile(join(folder, "secret.txt"), "outside the app");
    server = await startDemoServer({ port: 0, quiet: true, appDir: app });
  });

  afterAll(async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 and names its URL without a trailing slash", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves the app, its assets, and index.html for the app's own routes", async () => {
    const home = await raw(server, "/");
    expect(home.status).toBe(200);
    expect(home.body).toContain("<title>app</title>");
    expect(home.headers["referrer-policy"]).toBe("no-referrer");
    const route = await raw(server, "/accept-invitation?token=abc");
    expect(route.body).toContain("<title>app</title>");
    // Each page gets its own style nonce, in the CSP and in the page; no inline script is allowed.
    const nonces = [home, route].map((page) => {
      const csp = String(page.headers["content-security-policy"]);
      expect(csp).toContain("script-src 'self';");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(page.body).toContain(`content="${nonce}"`);
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
    const asset = await raw(server, "/assets/app-1.js");
    expect(asset.body).toBe("console.log('app')");
    expect(asset.headers["cache-control"]).toContain("immutable");
    expect((await raw(server, "/assets/missing.js")).status).toBe(404);
    expect((await raw(server, "/", { method: "DELETE" })).status).toBe(405);
  });

  it("never serves a file outside the app folder", async () => {
    for (const path of [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/..%5csecret.txt",
    ]) {
      const answer = await raw(server, path);
      expect(answer.body, path).not.toContain("outside the app");
      expect(answer.status, path).toBe(404);
    }
  });

  it("answers only to its own loopback names (no DNS rebinding)", async () => {
    const port = new URL(server.url).port;
    expect((await raw(server, "/demo/outbox", { headers: { host: `evil.example:${port}` } })).status).toBe(
      421,
    );
    expect((await raw(server, "/demo/config", { headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it("signs in from each of its own loopback names, http://localhost:PORT too; a foreign origin, another port or a name it does not listen on is refused", async () => {
    const port = Number(new URL(server.url).port);
    const signIn = (host: string, origin: string) =>
      raw(server, "/api/auth/sign-in", {
        method: "POST",
        // What Chromium sends for the app's own fetch from a page at `origin`.
        headers: { host, origin, "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: JSON.stringify({ email: DEMO_SIGN_IN.email, password: DEMO_PASSWORD }),
      });
    for (const name of ["localhost", "127.0.0.1"]) {
      const answer = await signIn(`${name}:${port}`, `http://${name}:${port}`);
      expect(answer.status, name).toBe(200);
      expect(String(answer.headers["set-cookie"]), name).toMatch(/^staffroom_session=/);
    }
    for (const origin of [
      "http://evil.example",
      `http://localhost:${port + 1}`,
      `http://[::1]:${port}`,
      `https://localhost:${port}`,
    ]) {
      const answer = await signIn(`localhost:${port}`, origin);
      expect(answer.status, origin).toBe(403);
      expect(JSON.parse(answer.body), origin).toMatchObject({ code: "forbidden" });
    }
  });

  it("answers a 5 MB body with the 413 problem every time, through the same Node adapter", async () => {
    const body = JSON.stringify({ email: "x".repeat(5 * 1024 * 1024), password: "p" });
    const attempt = async (): Promise<string> => {
      try {
        const response = await fetch(`${server.url}/api/auth/sign-in`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        const problem = (await response.json()) as { type: string };
        return `${response.status} ${response.headers.get("connection")} ${problem.type}`;
      } catch (error) {
        // What a reset looks like to fetch: the answer never arrives.
        return `error ${String((error as { cause?: { code?: string } }).cause?.code ?? error)}`;
      }
    };
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) outcomes.push(await attempt());
    outcomes.push(...(await Promise.all(Array.from({ length: 12 }, attempt))));
    expect(outcomes).toEqual(
      Array.from({ length: 24 }, () => "413 close https://staffroom.dev/problems/payload_too_large"),
    );
  });

  it("tells the in-browser wiring how many extra users to seed", async () => {
    const response = await fetch(`${server.url}/demo/config`);
    expect(await response.json()).toEqual({ users: 0 });
  });

  it("keeps mail in its outbox, newest first, with links to the app's pages", async () => {
    for (const email of [DEMO_SIGN_IN.email, "adam.admin@harbor.example"]) {
      const sent = await fetch(`${server.url}/api/auth/password-reset`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email }),
      });
      expect(sent.status).toBe(204);
    }
    const { messages } = (await (await fetch(`${server.url}/demo/outbox`)).json()) as {
      messages: Record<string, unknown>[];
    };
    expect(messages.map((m) => m.to)).toEqual(["adam.admin@harbor.example", DEMO_SIGN_IN.email]);
    expect(Object.keys(messages[0] ?? {}).sort()).toEqual([
      "kind",
      "link",
      "sentAt",
      "subject",
      "text",
      "to",
    ]);
    expect(messages[0]?.kind).toBe("password_reset");
    expect(String(messages[0]?.link)).toMatch(
      new RegExp(`^${server.url}/reset-password#token=[A-Za-z0-9_-]+$`),
    );
  });

  it("serves FHIR 4.0.1 on /fhir/r4 with a bearer session: Nina Patel by NPI, her role at her clinics; 401 OperationOutcome without one", async () => {
    const anonymous = await fetch(`${server.url}/fhir/r4/Practitioner`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { resourceType: string }).resourceType).toBe("OperationOutcome");
    const token = await signInBearer(server, DEMO_SIGN_IN.email, DEMO_PASSWORD);
    const get = async (path: string) => {
      const response = await fetch(`${server.url}/fhir/r4${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/fhir+json; charset=utf-8");
      return (await response.json()) as {
        total: number;
        entry?: {
          fullUrl: string;
          resource: {
            id: string;
            identifier?: { system: string; value: string }[];
            location?: { display: string }[];
          };
        }[];
      };
    };
    const byName = await get("/Practitioner?name=patel");
    expect(byName.total).toBe(1);
    const nina = byName.entry?.[0];
    expect(nina?.fullUrl).toBe(`${server.url}/fhir/r4/Practitioner/${nina?.resource.id}`);
    const npi =
      nina?.resource.identifier?.find((i) => i.system === "http://hl7.org/fhir/sid/us-npi")?.value ?? "";
    expect(npi).toMatch(/^\d{10}$/);
    const byNpi = await get(`/Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|${npi}`);
    expect(byNpi.entry?.map((e) => e.resource.id)).toEqual([nina?.resource.id]);
    const role = await get(`/PractitionerRole?practitioner=Practitioner/${nina?.resource.id}`);
    expect(role.entry?.[0]?.resource.location?.map((l) => l.display).sort()).toEqual([
      "Downtown Clinic",
      "Northside Clinic",
    ]);
  });

  it("sets the session cookie HttpOnly, Secure and scoped to the API", async () => {
    const response = await fetch(`${server.url}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ email: DEMO_SIGN_IN.email, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/^staffroom_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/api");
  });

  it("resets to the seed on a same-origin POST only: sessions end and the outbox empties", async () => {
    const token = await signInBearer(server, "adam.admin@harbor.example", DEMO_PASSWORD);
    const me = () => fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);

    const crossSite = await raw(server, "/demo/reset", {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    const fetchedCrossSite = await raw(server, "/demo/reset", {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(fetchedCrossSite.status).toBe(403);
    expect((await me()).status).toBe(200);
    expect((await raw(server, "/demo/reset")).status).toBe(405);

    const reset = await fetch(`${server.url}/demo/reset`, { method: "POST" });
    expect(reset.status).toBe(204);
    expect((await me()).status).toBe(401);
    const { messages } = (await (await fetch(`${server.url}/demo/outbox`)).json()) as { messages: unknown[] };
    expect(messages).toEqual([]);
    // The seed is back: Adam signs in again with the demo password.
    expect(await signInBearer(server, "adam.admin@harbor.example", DEMO_PASSWORD)).not.toBe("");
  });
});

describe("the demo server on ::1", () => {
  let folder: string;
  let server: DemoServer;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "staffroom-demo-v6-"));
    const app = join(folder, "dist");
    await mkdir(app, { recursive: true });
    await writeFile(join(app, "index.html"), "<!doctype html><title>app</title>");
    server = await startDemoServer({ port: 0, host: "::1", quiet: true, appDir: app });
  });

  afterAll(async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("signs in from http://[::1]:PORT and http://localhost:PORT, and refuses 127.0.0.1 (it does not listen there)", async () => {
    const port = Number(new URL(server.url).port);
    expect(server.url).toBe(`http://[::1]:${port}`);
    const signIn = (origin: string) =>
      raw(server, "/api/auth/sign-in", {
        method: "POST",
        headers: {
          host: new URL(origin).host,
          origin,
          "sec-fetch-site": "same-origin",
          "content-type": "application/json",
        },
        body: JSON.stringify({ email: DEMO_SIGN_IN.email, password: DEMO_PASSWORD }),
      });
    expect((await signIn(`http://[::1]:${port}`)).status).toBe(200);
    expect((await signIn(`http://localhost:${port}`)).status).toBe(200);
    // 127.0.0.1 does not reach this server: not as its Host (421), not as an Origin (403).
    expect((await signIn(`http://127.0.0.1:${port}`)).status).toBe(421);
    const foreign = await raw(server, "/api/auth/sign-in", {
      method: "POST",
      headers: {
        host: `[::1]:${port}`,
        origin: `http://127.0.0.1:${port}`,
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      },
      body: JSON.stringify({ email: DEMO_SIGN_IN.email, password: DEMO_PASSWORD }),
    });
    expect(foreign.status).toBe(403);
  });
});

describe("the demo server over PGlite", () => {
  let folder: string;

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("throttles a client's failed sign-ins with the rate limiter in its own database: 429 with Retry-After", async () => {
    folder = await mkdtemp(join(tmpdir(), "staffroom-demo-pglite-"));
    const app = join(folder, "dist");
    await mkdir(app, { recursive: true });
    await writeFile(join(app, "index.html"), "<!doctype html><title>app</title>");
    const dataDir = join(folder, "pglite");
    // The client's window already holds 100 failures, written where the server will count: in the
    // demo's PGlite (core's key for sign-in failures from 127.0.0.1; 100 is the default limit).
    const database = await openDatabase({ kind: "pglite", dataDir });
    const { rateLimiter } = await database.open(false);
    for (let i = 0; i < 100; i++) {
      await rateLimiter.hit(
        String(clientThrottleKey("sign_in", "127.0.0.1")),
        { limit: 100, windowMs: 15 * 60_000 },
        Date.now(),
      );
    }
    await database.close();
    const server = await startDemoServer({
      port: 0,
      quiet: true,
      appDir: app,
      store: { kind: "pglite", dataDir },
    });
    try {
      const response = await fetch(`${server.url}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json", "staffroom-session": "bearer" },
        body: JSON.stringify({ email: DEMO_SIGN_IN.email, password: DEMO_PASSWORD }),
      });
      expect(response.status).toBe(429);
      const wait = Number(response.headers.get("retry-after"));
      expect(wait).toBeGreaterThan(800);
      expect(wait).toBeLessThanOrEqual(900);
      expect(await response.json()).toMatchObject({
        code: "rate_limited",
        details: { retryAfterSeconds: wait },
      });
    } finally {
      await server.close();
    }
  }, 120_000);
});
