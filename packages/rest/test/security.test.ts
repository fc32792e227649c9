import { randomToken, tokenFromLink } from "@staffroom/core";
import { sha256Hex } from "@staffroom/core/store";
import { memoryWorld } from "@staffroom/core/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRestHandler, directoryLinks, type RestErrorEvent, redact } from "../src/server";
import { closeRestWorlds, restWorld, serve } from "../src/testing";
import { call, org } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
  return closeRestWorlds();
});

const SECURITY = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-resource-policy": "same-origin",
};

describe("response headers", () => {
  it("every answer — success, refusal, preflight, unknown route — carries the security headers and no-store", async () => {
    const world = await restWorld({ handler: { hsts: { maxAgeSeconds: 600, includeSubDomains: true } } });
    const responses = [
      await call(world, org(world, "/users")),
      await call(world, org(world, "/users"), { as: null }),
      await call(world, org(world, "/nope")),
      await call(world, org(world, "/users"), { method: "OPTIONS" }),
      await call(world, org(world, "/locations"), { method: "POST", json: { name: "" } }),
    ];
    for (const res of responses) {
      for (const [name, value] of Object.entries(SECURITY)) expect(res.headers.get(name), name).toBe(value);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("strict-transport-security")).toBe("max-age=600; includeSubDomains");
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-z]+$/);
    }
    const doc = await call(world, "/openapi.json", { as: null });
    expect(doc.headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("echoes a well-formed X-Request-Id into the response and the audit trail, and replaces a malformed one", async () => {
    const world = await restWorld();
    const res = await call(world, org(world, "/locations"), {
      method: "POST",
      json: { name: "Traced Clinic" },
      headers: { "x-request-id": "req-42.abc" },
    });
    expect(res.headers.get("x-request-id")).toBe("req-42.abc");
    const events = await world.as(world.owner.id).audit.list({ limit: 1 });
    expect(events.items[0]?.metadata.requestId).toBe("req-42.abc");
    const bad = await call(world, org(world, "/users"), { headers: { "x-request-id": "a b\tc" } });
    expect(bad.headers.get("x-request-id")).not.toBe("a b\tc");
  });
});

describe("R15 secrets stay out of answers and logs", () => {
  it("an unexpected error is a bare 500 problem; onError hears it with the message redacted", async () => {
    const backend = await memoryWorld();
    const token = randomToken();
    const heard: RestErrorEvent[] = [];
    const handler = createRestHandler(backend.directory, {
      authenticate: async () => {
        throw new Error(`store down while resolving Bearer ${token} {"password":"hunter2-hunter2"} ${token}`);
      },
      onError: (event) => heard.push(event),
    });
    const { url } = await serve(handler);
    const res = await fetch(`${url}/organizations/${backend.organization.id}/users`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({
      type: "https://staffroom.dev/problems/internal",
      title: "Internal error",
      status: 500,
      detail: "Something went wrong on the server. Quote the request id when you report it.",
    });
    expect(body).not.toContain(token);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.route).toBe("/organizations/{orgId}/users");
    expect(heard[0]?.requestId).toBe(res.headers.get("x-request-id"));
    expect(heard[0]?.message).not.toContain(token);
    expect(heard[0]?.message).not.toContain("hunter2");
    expect(heard[0]?.message).toContain("store down");
  });

  it("the default logger writes one redacted line", async () => {
    const backend = await memoryWorld();
    const token = randomToken();
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    });
    const handler = createRestHandler(backend.directory, {
      authenticate: async () => {
        throw new TypeError(`cannot read session staffroom_session=${token}; token=${token}`);
      },
    });
    const res = await handler(
      new Request(`http://127.0.0.1/organizations/${backend.organization.id}/me`, {
        headers: { cookie: `staffroom_session=${token}` },
      }),
    );
    expect(res.status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("[staffroom/rest]");
    expect(lines[0]).toContain("TypeError");
    expect(lines[0]).not.toContain(token);
  });

  it("redact() masks tokens, cookies and password fields but keeps ids readable", () => {
    const token = randomToken();
    const text = `user usr_abcdefghij0123456789 sent Bearer ${token}, cookie staffroom_session=${token}; {"newPassword": "s3cret pass", "token":"${token}"} hash ${"a".repeat(64)}`;
    const out = redact(text);
    expect(out).toContain("usr_abcdefghij0123456789");
    expect(out).not.toContain(token);
    expect(out).not.toContain("s3cret");
    expect(out).not.toContain("a".repeat(64));
  });

  it("a component failing with the request's secrets in its message: no log line and no 500 problem holds a password, a token or a token's hash", async () => {
    let armed = false;
    const world = await restWorld({
      // A password service that, once down, names the password it was asked about in its error.
      isCommonPassword: (password) => {
        if (armed) throw new Error(`common-password service unavailable while checking "${password}"`);
        return false;
      },
    });
    const lines: string[] = [];
    for (const level of ["error", "warn", "info", "log", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(" "));
      });
    }
    const owner = world.backend.directory.forActor({
      organizationId: world.organization.id,
      userId: world.owner.id,
    });
    const desk = (await owner.roles.list()).find((r) => r.template === "front_desk");
    if (!desk) throw new Error("no role");
    const person = (email: string) => ({
      email,
      profile: { givenName: "Odile", familyName: "Marchetti" },
      roleId: desk.id,
      locationAccess: [world.location.id],
      primaryLocationId: world.location.id,
    });
    const password = "harbor-willow-cinder-mast-52";
    const sam = await owner.users.create({ ...person("odile@staff.harbor.example"), password });
    const { user: invitee } = await owner.users.invite(person("invitee@staff.harbor.example"));
    await world.backend.directory.auth.requestPasswordReset({ email: sam.email });
    await world.backend.directory.settled();
    const invitation = tokenFromLink(world.mailer.latest(invitee.email, "invitation")?.link) ?? "";
    const reset = tokenFromLink(world.mailer.latest(sam.email, "password_reset")?.link) ?? "";
    const signedIn = await call(world, "/auth/sign-in", {
      as: null,
      method: "POST",
      json: { email: sam.email, password },
      headers: { "staffroom-session": "bearer" },
    });
    const session = ((await signedIn.json()) as { token: string }).token;
    const chosen = [
      "amber-quay-lattice-fjord-31",
      "tessellate-nimbus-oriel-64",
      "marram-plover-estuary-19",
      "gannet-shingle-dune-crest-85",
    ] as const;

    armed = true;
    const answers = [
      await call(world, "/auth/password-reset/complete", {
        as: null,
        method: "POST",
        json: { token: reset, password: chosen[0] },
      }),
      await call(world, "/auth/invitation/accept", {
        as: null,
        method: "POST",
        json: { token: invitation, password: chosen[1] },
      }),
      await fetch(`${world.baseUrl}/auth/change-password`, {
        method: "POST",
        headers: { authorization: `Bearer ${session}`, "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: password, newPassword: chosen[2] }),
      }),
      await call(world, org(world, "/users"), {
        method: "POST",
        json: { ...person("third@staff.harbor.example"), password: chosen[3] },
      }),
    ];
    const bodies: string[] = [];
    for (const res of answers) {
      expect(res.status).toBe(500);
      bodies.push(await res.text());
    }
    // Every failure was logged, so the check below can fail.
    expect(lines).toHaveLength(answers.length);
    const tokens = [invitation, reset, session];
    const secrets = [password, ...chosen, ...tokens, ...(await Promise.all(tokens.map(sha256Hex)))];
    for (const text of [...lines, ...bodies]) {
      expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
      expect(text).not.toMatch(/[A-Za-z0-9_-]{32,}/);
    }
    expect(lines.every((line) => line.includes("common-password service unavailable"))).toBe(true);
  });

  it("no problem document of a refused password or token echoes it: reset, invitation, password change, create", async () => {
    const world = await restWorld();
    const owner = world.backend.directory.forActor({
      organizationId: world.organization.id,
      userId: world.owner.id,
    });
    const desk = (await owner.roles.list()).find((r) => r.template === "front_desk");
    if (!desk) throw new Error("no role");
    const person = (email: string) => ({
      email,
      profile: { givenName: "Odile", familyName: "Marchetti" },
      roleId: desk.id,
      locationAccess: [world.location.id],
      primaryLocationId: world.location.id,
    });
    const password = "harbor-willow-cinder-mast-52";
    const sam = await owner.users.create({ ...person("odile@staff.harbor.example"), password });
    const { user: invitee } = await owner.users.invite(person("invitee@staff.harbor.example"));
    await world.backend.directory.auth.requestPasswordReset({ email: sam.email });
    await world.backend.directory.settled();
    const invitation = tokenFromLink(world.mailer.latest(invitee.email, "invitation")?.link) ?? "";
    const reset = tokenFromLink(world.mailer.latest(sam.email, "password_reset")?.link) ?? "";
    const signedIn = await call(world, "/auth/sign-in", {
      as: null,
      method: "POST",
      json: { email: sam.email, password },
      headers: { "staffroom-session": "bearer" },
    });
    const session = ((await signedIn.json()) as { token: string }).token;
    const unknown = randomToken();
    const refused = {
      short: "tiny-secret",
      personal: "odile-marchetti-harbor",
      wrongCurrent: "not-the-current-one-93",
      afterUnknown: "amber-quay-lattice-fjord-31",
    };
    const answers = [
      await call(world, "/auth/password-reset/complete", {
        as: null,
        method: "POST",
        json: { token: reset, password: refused.short },
      }),
      await call(world, "/auth/password-reset/complete", {
        as: null,
        method: "POST",
        json: { token: unknown, password: refused.afterUnknown },
      }),
      await call(world, "/auth/invitation/accept", {
        as: null,
        method: "POST",
        json: { token: invitation, password: refused.personal },
      }),
      await call(world, "/auth/invitation", { as: null, method: "POST", json: { token: unknown } }),
      await fetch(`${world.baseUrl}/auth/change-password`, {
        method: "POST",
        headers: { authorization: `Bearer ${session}`, "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: refused.wrongCurrent, newPassword: refused.afterUnknown }),
      }),
      await call(world, org(world, "/users"), {
        method: "POST",
        json: { ...person("third@staff.harbor.example"), password: refused.short },
      }),
    ];
    expect(answers.map((res) => res.status)).toEqual([400, 404, 400, 404, 400, 400]);
    const tokens = [invitation, reset, session, unknown];
    const secrets = [
      password,
      ...Object.values(refused),
      ...tokens,
      ...(await Promise.all(tokens.map(sha256Hex))),
    ];
    for (const res of answers) {
      const text = `${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${await res.text()}`;
      expect(text).toContain("application/problem+json");
      expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    }
  });

  it("R17 sign-in failures say the same for an unknown email and a wrong password, and never echo the password", async () => {
    const world = await restWorld();
    const answers: string[] = [];
    for (const email of [world.owner.email, "nobody@nowhere.example"]) {
      const res = await call(world, "/auth/sign-in", {
        as: null,
        method: "POST",
        json: { email, password: "wrong-password-lantern-77" },
        headers: { "staffroom-session": "bearer" },
      });
      expect(res.status).toBe(401);
      const text = await res.text();
      expect(text).not.toContain("wrong-password-lantern-77");
      answers.push(text);
    }
    expect(answers[0]).toBe(answers[1]);
  });
});

describe("request metadata in the audit trail (R18)", () => {
  it("records the socket address and user agent; ignores X-Forwarded-For unless trustProxy", async () => {
    const strict = await restWorld({ handler: { trustProxy: false } });
    await call(strict, org(strict, "/locations"), {
      method: "POST",
      json: { name: "Socket Clinic" },
      headers: { "x-forwarded-for": "203.0.113.66", "user-agent": "audit-test/1.0" },
    });
    const [event] = (await strict.as(strict.owner.id).audit.list({ limit: 1 })).items;
    expect(event?.metadata).toMatchObject({ ip: "127.0.0.1", userAgent: "audit-test/1.0" });
    const proxied = await restWorld({ handler: { trustProxy: true } });
    await call(proxied, org(proxied, "/locations"), {
      method: "POST",
      json: { name: "Proxied Clinic" },
      headers: { "x-forwarded-for": "198.51.100.1, 203.0.113.66" },
    });
    const [forwarded] = (await proxied.as(proxied.owner.id).audit.list({ limit: 1 })).items;
    expect(forwarded?.metadata.ip).toBe("203.0.113.66");
  });
});

describe("R15 mailed tokens", () => {
  it("never appear in an HTTP answer: invite, resend, reset link, invitation lookup", async () => {
    const world = await restWorld({ policy: { invitationResendIntervalMs: 0 } });
    const owner = world.backend.directory.forActor({
      organizationId: world.organization.id,
      userId: world.owner.id,
    });
    const desk = (await owner.roles.list()).find((r) => r.template === "front_desk");
    if (!desk) throw new Error("no role");
    const texts: string[] = [];
    const keep = async (res: Response) => {
      texts.push([...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n"), await res.text());
      return res;
    };
    const invited = await keep(
      await call(world, org(world, "/invitations"), {
        method: "POST",
        json: {
          email: "mailed.token@staff.harbor.example",
          profile: { givenName: "Mailed", familyName: "Token" },
          roleId: desk.id,
          locationAccess: [world.location.id],
          primaryLocationId: world.location.id,
        },
      }),
    );
    expect(invited.status).toBe(201);
    const invitee = (JSON.parse(texts[1] ?? "{}") as { user: { id: string; version: number } }).user;
    const userId = invitee.id;
    await keep(
      await call(world, org(world, `/users/${userId}/invitation/resend`), {
        method: "POST",
        headers: { "if-match": `"${invitee.version}"` },
      }),
    );
    await keep(await call(world, org(world, `/users/${userId}/invitation`)));
    await keep(
      await call(world, org(world, `/users/${world.owner.id}/password-reset`), {
        method: "POST",
        headers: { "if-match": `"${world.owner.version}"` },
        json: { mode: "link" },
      }),
    );
    const tokens = world.mailer.outbox
      .map((m) => tokenFromLink(m.link))
      .filter((t): t is string => t !== null);
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    const view = await keep(
      await call(world, "/auth/invitation", { as: null, method: "POST", json: { token: tokens[1] } }),
    );
    expect(view.status).toBe(200);
    const transcript = texts.join("\n");
    for (const token of tokens) expect(transcript).not.toContain(token);
  });

  it("directoryLinks builds links from the public base URL with the token in the fragment", () => {
    const links = directoryLinks("https://ehr.example/app/", { resetPassword: "/account/reset" });
    expect(links.acceptInvitation("abc_DEF-123")).toBe(
      "https://ehr.example/accept-invitation#token=abc_DEF-123",
    );
    expect(links.resetPassword("xyz")).toBe("https://ehr.example/account/reset#token=xyz");
    expect(tokenFromLink(links.acceptInvitation("abc_DEF-123"))).toBe("abc_DEF-123");
    expect(() => directoryLinks("javascript:alert(1)")).toThrow(TypeError);
  });
});
