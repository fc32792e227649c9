import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { closeRestWorlds, type RestWorld, restWorld } from "../src/testing";
import { call, commits, org, problem } from "./helpers";

afterEach(closeRestWorlds);

/** A raw request over node:http, so the test controls Content-Length and chunking itself. */
function rawPost(
  world: RestWorld,
  path: string,
  headers: Record<string, string>,
  chunks: readonly string[],
): Promise<{ status: number; body: string }> {
  const url = new URL(`${world.baseUrl}${path}`);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const locationInput = { name: "Harbor North" };

describe("bodies, media types and sizes", () => {
  it("R14 refuses wrong media types (415), malformed JSON, bad UTF-8, empty bodies (400) — writing nothing", async () => {
    const world = await restWorld();
    const before = commits(world);
    const path = org(world, "/locations");
    const cases: [Record<string, string>, string | Uint8Array<ArrayBuffer>, number, string][] = [
      [{ "content-type": "text/plain" }, JSON.stringify(locationInput), 415, "unsupported_media_type"],
      [{ "content-type": "application/x-www-form-urlencoded" }, "name=x", 415, "unsupported_media_type"],
      [{ "content-type": "application/json; charset=latin1" }, "{}", 415, "unsupported_media_type"],
      [{ "content-type": "application/json" }, '{"name": "x"', 400, "validation"],
      [{ "content-type": "application/json" }, "", 400, "validation"],
      [
        { "content-type": "application/json" },
        new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]),
        400,
        "validation",
      ],
      [{ "content-type": "application/json" }, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", 400, "validation"],
    ];
    for (const [headers, body, status, kind] of cases) {
      const res = await call(world, path, { method: "POST", headers, body });
      expect(res.status, JSON.stringify(headers)).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const p = await problem(res);
      expect(p.status).toBe(status);
      expect(p.type.endsWith(kind === "validation" ? "/validation" : `/${kind}`)).toBe(true);
      expect(p.code).toBe("validation");
    }
    expect(commits(world)).toBe(before);
  });

  it("refuses bodies over the limit with 413: by Content-Length before reading, and while streaming a chunked body", async () => {
    const world = await restWorld({ handler: { maxBodyBytes: 1024 } });
    const before = commits(world);
    const big = JSON.stringify({ name: "x".repeat(5000) });
    const declared = await call(world, org(world, "/locations"), { method: "POST", json: JSON.parse(big) });
    expect(declared.status).toBe(413);
    expect(await problem(declared)).toMatchObject({
      type: "https://staffroom.dev/problems/payload_too_large",
      status: 413,
      code: "validation",
    });
    const chunked = await rawPost(
      world,
      org(world, "/locations"),
      {
        authorization: `Bearer ${world.token(world.owner.id)}`,
        "content-type": "application/json",
        "transfer-encoding": "chunked",
      },
      Array.from({ length: 10 }, () => "x".repeat(500)),
    );
    expect(chunked.status).toBe(413);
    const giant = await call(world, org(world, "/users/bulk"), {
      method: "POST",
      json: {
        action: "disable",
        items: Array.from({ length: 100_000 }, () => ({ id: "usr_aaaaaaaaaaaaaaaa", version: 1 })),
      },
    });
    expect(giant.status).toBe(413);
    expect(commits(world)).toBe(before);
    // The server is still fine afterwards.
    expect((await call(world, org(world, "/locations"))).status).toBe(200);
  });

  it("refuses unknown body fields with one issue per field, as a local call would (R14)", async () => {
    const world = await restWorld();
    const before = commits(world);
    const res = await call(world, org(world, "/locations"), {
      method: "POST",
      json: { name: "X", archived: true, organizationId: "org_aaaaaaaaaaaa" },
    });
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.issues?.map((i) => [i.path, i.code])).toEqual([
      [["archived"], "unknown_field"],
      [["organizationId"], "unknown_field"],
    ]);
    const signIn = await call(world, "/auth/sign-in", {
      as: null,
      method: "POST",
      json: { email: "a@b.example", password: "x", metadata: { ip: "1.2.3.4" } },
    });
    expect(signIn.status).toBe(400);
    expect((await problem(signIn)).issues?.[0]).toMatchObject({ path: ["metadata"], code: "unknown_field" });
    const noBody = await call(world, org(world, `/users/${world.owner.id}/unlock`), {
      method: "POST",
      headers: { "if-match": `"${world.owner.version}"` },
      json: { force: true },
    });
    expect(noBody.status).toBe(400);
    expect((await problem(noBody)).issues?.[0]).toMatchObject({ code: "unexpected_body" });
    expect(commits(world)).toBe(before);
  });

  it("R14 types query parameters from the schema and refuses unknown or repeated ones", async () => {
    const world = await restWorld();
    const ok = await call(
      world,
      org(world, "/users?admin=true&limit=1&status=active&sort=email&direction=desc"),
    );
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { items: unknown[] }).items).toHaveLength(1);
    for (const [query, path] of [
      ["bogus=1", ["bogus"]],
      ["limit=abc", ["limit"]],
      ["limit=0", ["limit"]],
      ["admin=yes", ["admin"]],
      ["status=active&status=pending", ["status"]],
      ["__proto__=1", ["__proto__"]],
    ] as const) {
      const res = await call(world, org(world, `/users?${query}`));
      expect(res.status, query).toBe(400);
      expect((await problem(res)).issues?.map((i) => i.path)).toContainEqual(path);
    }
    const counts = await call(world, org(world, "/users/counts?admin=false&limit=5"));
    expect(counts.status).toBe(200);
    const unexpected = await call(world, org(world, `/users/${world.owner.id}?expand=all`));
    expect(unexpected.status).toBe(400);
    expect((await problem(unexpected)).issues?.[0]).toMatchObject({
      path: ["expand"],
      code: "unknown_field",
    });
  });
});

describe("request metadata", () => {
  it("R14/R18 a User-Agent carrying C1 controls (bytes 0x80–0x9F) is recorded cleaned, not refused and not stored raw", async () => {
    const world = await restWorld();
    const res = await call(world, org(world, "/locations"), {
      method: "POST",
      json: locationInput,
      headers: { "user-agent": "Agent\x85\x9b[31m/1.0" },
    });
    expect(res.status).toBe(201);
    const owner = world.backend.directory.forActor({
      organizationId: world.organization.id,
      userId: world.owner.id,
    });
    const event = (await owner.audit.list({ action: "location.created", limit: 1 })).items[0];
    expect(event?.metadata.userAgent).toBe("Agent\ufffd\ufffd[31m/1.0");
  });
});

describe("paths", () => {
  it("ids that are not ids, unknown routes and wrong methods get clear 4xx problems", async () => {
    const world = await restWorld();
    const before = commits(world);
    for (const path of [
      org(world, "/users/not-an-id"),
      org(world, "/users/usr_SHOUTING00000"),
      org(world, "/users/%E0%A4%A"),
      org(world, "/users/usr_aaaaaaaaaaaa%2F..%2F..%2Froles"),
      org(world, "/users/"),
      org(world, "/nothing-here"),
      "/organizations/not-an-org/users",
      "/",
    ]) {
      const res = await call(world, path);
      expect(res.status, path).toBe(404);
      expect(await problem(res)).toMatchObject({ code: "not_found", status: 404 });
    }
    const wrong = await call(world, org(world, "/usage"), { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    expect(await problem(wrong)).toMatchObject({ type: "https://staffroom.dev/problems/method_not_allowed" });
    const outside = await fetch(`${world.baseUrl.replace("/api/staffroom", "")}/elsewhere`);
    expect(outside.status).toBe(404);
    expect(commits(world)).toBe(before);
  });

  it("another organization's ids answer 404, exactly like missing ids (R5)", async () => {
    const world = await restWorld();
    const other = await world.bootstrapAnother();
    const missing = await call(world, org(world, "/users/usr_zzzzzzzzzzzzzzzzzzzz"));
    const foreignUser = await call(world, org(world, `/users/${other.owner.id}`));
    const foreignLocation = await call(world, org(world, `/locations/${other.location.id}`));
    expect(foreignUser.status).toBe(404);
    expect(foreignLocation.status).toBe(404);
    expect(await problem(foreignUser)).toEqual(await problem(missing));
    // The other organization's path with this organization's actor: 404 whatever follows.
    const before = commits(world);
    for (const [method, suffix] of [
      ["GET", ""],
      ["GET", "/users"],
      ["GET", `/users/${other.owner.id}`],
      ["POST", `/users/${other.owner.id}/disable`],
      ["PATCH", ""],
    ] as const) {
      const res = await call(world, `/organizations/${other.organization.id}${suffix}`, {
        method,
        headers: { "if-match": '"1"' },
        ...(method === "PATCH" ? { json: { name: "Taken over" } } : {}),
      });
      expect(res.status, `${method} ${suffix}`).toBe(404);
    }
    expect(commits(world)).toBe(before);
  });
});
