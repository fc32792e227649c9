import { DirectoryError } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { restAuth, restDirectory } from "../src/client";
import { closeRestWorlds } from "../src/testing";
import { cookiePair, sessionWorld } from "./session-world";

afterEach(closeRestWorlds);

const json = (value: unknown) => ({ "content-type": "application/json", body: JSON.stringify(value) });

/** A browser-like fetch: keeps the session cookie and sends Origin on unsafe methods. */
function browserFetch(origin: string): { fetch: typeof fetch; seen: string[] } {
  let cookie: string | null = null;
  const seen: string[] = [];
  const browser: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set("cookie", cookie);
    if (init?.method && init.method !== "GET") headers.set("origin", origin);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.getSetCookie()[0];
    if (set) cookie = set.includes("Max-Age=0") ? null : (set.split(";")[0] ?? null);
    const copy = res.clone();
    seen.push([...copy.headers].map(([k, v]) => `${k}: ${v}`).join("\n"), await copy.text());
    return res;
  };
  return { fetch: browser, seen };
}

describe("default authentication: Staffroom sessions", () => {
  it("R15 sign-in sets an HttpOnly, Secure, SameSite=Lax cookie scoped to the base path, and keeps the token out of the body", async () => {
    const w = await sessionWorld();
    const res = await w.fetch("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", origin: w.origin },
      body: JSON.stringify({ email: w.ownerEmail, password: w.password }),
    });
    expect(res.status).toBe(200);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(
      /^staffroom_session=[A-Za-z0-9_-]{20,}; Path=\/api\/staffroom; HttpOnly; Secure; SameSite=Lax; Expires=/,
    );
    const token = cookiePair(res).split("=")[1] ?? "";
    const body = await res.text();
    expect(body).not.toContain(token);
    expect(JSON.parse(body)).not.toHaveProperty("token");
    expect(JSON.parse(body).session.userId).toBe(w.backend.owner.id);
    const me = await w.fetch("/me", { headers: { cookie: cookiePair(res) } });
    expect(me.status).toBe(200);
    expect(await me.text()).not.toContain(token);
  });

  it("bearer transport returns the token and sets no cookie; bearer requests need no Origin", async () => {
    const w = await sessionWorld();
    const res = await w.fetch("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", "staffroom-session": "bearer" },
      body: JSON.stringify({ email: w.ownerEmail, password: w.password }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    const { token } = (await res.json()) as { token: string };
    expect(token.length).toBeGreaterThan(20);
    const created = await w.fetch(`/organizations/${w.backend.organization.id}/locations`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, ...json({}) },
      body: JSON.stringify({ name: "Harbor North" }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toMatch(
      /^\/api\/staffroom\/organizations\/org_\w+\/locations\/loc_\w+$/,
    );
  });

  it("no session is 401 with WWW-Authenticate; a signed-out cookie is dead; the cookie is cleared", async () => {
    const w = await sessionWorld();
    const anonymous = await w.fetch(`/organizations/${w.backend.organization.id}/users`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    const signIn = await w.fetch("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", origin: w.origin },
      body: JSON.stringify({ email: w.ownerEmail, password: w.password }),
    });
    const cookie = cookiePair(signIn);
    const out = await w.fetch("/auth/sign-out", { method: "POST", headers: { cookie, origin: w.origin } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^staffroom_session=; Path=\/api\/staffroom; .*Max-Age=0/);
    const after = await w.fetch("/me", { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: "unauthenticated" });
  });

  it("a session that must change its password is refused with rule must_change_password until it does", async () => {
    const w = await sessionWorld();
    const admin = w.backend.directory.forActor({
      organizationId: w.backend.organization.id,
      userId: w.backend.owner.id,
    });
    const desk = (await admin.roles.list()).find((r) => r.template === "front_desk");
    if (!desk) throw new Error("no role");
    const sam = await admin.users.create({
      email: "sam.change@staff.harbor.example",
      profile: { givenName: "Sam", familyName: "Change" },
      roleId: desk.id,
      locationAccess: [w.backend.location.id],
      primaryLocationId: w.backend.location.id,
      password: FIXTURE_PASSWORD,
      mustChangePassword: true,
    });
    const auth = restAuth({ baseUrl: w.baseUrl, session: "bearer" });
    const { token, session } = await auth.signIn({ email: sam.email, password: FIXTURE_PASSWORD });
    expect(session.mustChangePassword).toBe(true);
    const dir = restDirectory({ baseUrl: w.baseUrl, token });
    const refused = await dir.me().catch((e: unknown) => e);
    expect(DirectoryError.is(refused, "rule")).toBe(true);
    expect((refused as DirectoryError).rule).toBe("must_change_password");
    await auth.changePassword({
      token,
      currentPassword: FIXTURE_PASSWORD,
      newPassword: "quiet-river-stones-whisper-88",
    });
    expect((await dir.me()).user.id).toBe(sam.id);
    expect(dir.organizationId).toBe(w.backend.organization.id);
  });

  it("R15 a browser-style client works on the cookie alone, learns its organization from /me, and never sees the token", async () => {
    const w = await sessionWorld({ cookie: { secure: false } });
    const browser = browserFetch(w.origin);
    const dir = restDirectory({ baseUrl: w.baseUrl, fetch: browser.fetch });
    expect(dir.organizationId).toBe("");
    expect(dir.can("users.manage")).toBe(false);
    const signedIn = await dir.auth.signIn({ email: w.ownerEmail, password: w.password });
    expect(signedIn.token).toBe("");
    const page = await dir.users.list({ limit: 5 });
    expect(dir.organizationId).toBe(w.backend.organization.id);
    expect(page.total).toBeGreaterThan(0);
    // Learning the organization is not a me(): can() answers from the caller's own me() only.
    expect(dir.can("users.manage")).toBe(false);
    await dir.me();
    expect(dir.can("users.manage")).toBe(true);
    const location = await dir.locations.create({ name: "Cookie Clinic" });
    expect((await dir.locations.archive(location.id, { version: location.version })).archived).toBe(true);
    expect((await dir.auth.session("")).userId).toBe(w.backend.owner.id);
    await dir.auth.signOut("");
    expect(dir.can("users.manage")).toBe(false);
    expect(dir.organizationId).toBe("");
    await expect(dir.users.list()).rejects.toMatchObject({ code: "unauthenticated" });
    // The token appeared in exactly one place: the Set-Cookie of the sign-in.
    const transcript = browser.seen.join("\n");
    const setCookie = /staffroom_session=([A-Za-z0-9_-]{20,})/.exec(transcript);
    expect(setCookie).not.toBeNull();
    const token = setCookie?.[1] ?? "";
    expect(transcript.split(token).length - 1).toBe(1);
    expect(transcript).not.toMatch(/Secure/);
  });
});
