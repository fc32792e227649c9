import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { closeRestWorlds } from "../src/testing";
import { cookiePair, type SessionWorld, sessionWorld } from "./session-world";

afterEach(closeRestWorlds);

const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/** Signs in over HTTP from a browser with `userAgent`; returns the session cookie pair. */
async function signIn(w: SessionWorld, email: string, userAgent: string): Promise<string> {
  const res = await w.fetch("/auth/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json", origin: w.origin, "user-agent": userAgent },
    body: JSON.stringify({ email, password: FIXTURE_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return cookiePair(res);
}

/** A staff member made through the backend's own directory, who can sign in. */
async function staff(w: SessionWorld): Promise<{ id: string; email: string }> {
  const owner = w.backend.directory.forActor({
    organizationId: w.backend.organization.id,
    userId: w.backend.owner.id,
  });
  const desk = (await owner.roles.list()).find((r) => r.template === "front_desk");
  const user = await owner.users.create({
    email: "sam.rivera@staff.harbor.example",
    profile: { givenName: "Sam", familyName: "Rivera" },
    roleId: desk?.id ?? "",
    locationAccess: [w.backend.location.id],
    primaryLocationId: w.backend.location.id,
    password: FIXTURE_PASSWORD,
  });
  return { id: user.id, email: user.email };
}

describe("sessions over HTTP (W13)", () => {
  it("GET /sessions shows who is signed in with the browser of the User-Agent and the network of the socket, never the address itself", async () => {
    const w = await sessionWorld();
    const sam = await staff(w);
    const admin = await signIn(w, w.ownerEmail, FIREFOX_LINUX);
    await signIn(w, sam.email, CHROME_WINDOWS);
    const res = await w.fetch(`/organizations/${w.backend.organization.id}/sessions`, {
      headers: { cookie: admin },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain("127.0.0.1");
    expect(text).not.toContain(CHROME_WINDOWS);
    const page = JSON.parse(text) as { total: number; items: Record<string, unknown>[] };
    expect(page.total).toBe(2);
    const of = (id: string) => page.items.find((s) => s.userId === id);
    expect(of(sam.id)).toMatchObject({
      client: { browser: "Chrome", system: "Windows" },
      network: "127.0.0.0/24",
      self: false,
      end: { allowed: true },
    });
    expect(of(w.backend.owner.id)).toMatchObject({
      client: { browser: "Firefox", system: "Linux" },
      self: true,
      end: { allowed: false, code: "rule", rule: "self_change" },
    });
  });

  it("DELETE /sessions/{id} signs the person out at once (their cookie is 401), answers 204, then 404; your own is 422 self_change", async () => {
    const w = await sessionWorld();
    const sam = await staff(w);
    const admin = await signIn(w, w.ownerEmail, FIREFOX_LINUX);
    const samCookie = await signIn(w, sam.email, CHROME_WINDOWS);
    const base = `/organizations/${w.backend.organization.id}/sessions`;
    const list = (await (await w.fetch(base, { headers: { cookie: admin } })).json()) as {
      items: { id: string; userId: string }[];
    };
    const samSession = list.items.find((s) => s.userId === sam.id)?.id ?? "";
    const mine = list.items.find((s) => s.userId === w.backend.owner.id)?.id ?? "";
    expect((await w.fetch("/auth/session", { headers: { cookie: samCookie } })).status).toBe(200);
    const end = (id: string) =>
      w.fetch(`${base}/${id}`, { method: "DELETE", headers: { cookie: admin, origin: w.origin } });
    const ended = await end(samSession);
    expect(ended.status).toBe(204);
    expect(await ended.text()).toBe("");
    expect((await w.fetch("/auth/session", { headers: { cookie: samCookie } })).status).toBe(401);
    const again = await end(samSession);
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ code: "not_found" });
    const own = await end(mine);
    expect(own.status).toBe(422);
    expect(await own.json()).toMatchObject({ code: "rule", rule: "self_change" });
    expect((await w.fetch("/auth/session", { headers: { cookie: admin } })).status).toBe(200);
    expect((await end("not-a-session")).status).toBe(404);
  });

  it("without a session both routes are 401; a query is typed and checked (limit=0 is 400 on limit)", async () => {
    const w = await sessionWorld();
    const base = `/organizations/${w.backend.organization.id}/sessions`;
    expect((await w.fetch(base)).status).toBe(401);
    expect((await w.fetch(`${base}/ses_zzzzzzzzzzzzzzzzzzzz`, { method: "DELETE" })).status).toBe(401);
    const admin = await signIn(w, w.ownerEmail, FIREFOX_LINUX);
    const one = await w.fetch(`${base}?limit=1`, { headers: { cookie: admin } });
    expect(await one.json()).toMatchObject({ total: 1, nextCursor: null });
    const bad = await w.fetch(`${base}?limit=0`, { headers: { cookie: admin } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "validation", issues: [{ path: ["limit"] }] });
  });
});
