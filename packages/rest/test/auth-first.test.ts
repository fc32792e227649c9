import { afterEach, describe, expect, it } from "vitest";
import { type Route, resolveOptions, routeTable } from "../src/server";
import { closeRestWorlds } from "../src/testing";
import { problem } from "./helpers";
import { type SessionWorld, sessionWorld } from "./session-world";

// Authentication comes before anything reads the body: a caller without a valid session learns
// nothing about what the route would accept (field names, limits, media type) and costs the server no
// parsing. Every authenticated route that can carry a body, with every kind of bad body, answers 401.

afterEach(closeRestWorlds);

const MAX_BODY = 4 * 1024;
const ROUTES = routeTable(resolveOptions({})).filter((r) => r.auth !== "public" && r.method !== "GET");

/** A path for a route template, every id a well-formed id of the world's organization. */
function pathOf(route: Route, w: SessionWorld): string {
  return route.path
    .replace("{orgId}", w.backend.organization.id)
    .replace("{userId}", w.backend.owner.id)
    .replace("{locationId}", w.backend.location.id)
    .replace("{roleId}", "rol_aaaaaaaaaaaaaaaa");
}

const BAD_BODIES: readonly { name: string; type: string; body: string }[] = [
  { name: "malformed JSON", type: "application/json", body: '{"organizationId": ' },
  { name: "wrong fields and types", type: "application/json", body: '{"bogus":true,"organizationId":42}' },
  { name: "a wrong media type", type: "text/plain", body: "hello" },
  { name: "an oversized body", type: "application/json", body: JSON.stringify({ x: "y".repeat(MAX_BODY) }) },
];

/** A token of the right shape that names no session. */
const UNKNOWN_TOKEN = "a".repeat(43);

describe("authentication before the body", () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s: a bad token with any bad body is 401, and nothing is written",
    async (_name, route) => {
      const w = await sessionWorld({ maxBodyBytes: MAX_BODY });
      // A session that ended: a real token, signed out.
      const signedIn = await w.backend.directory.auth.signIn({ email: w.ownerEmail, password: w.password });
      await w.backend.directory.auth.signOut(signedIn.token);
      const credentials: readonly Record<string, string>[] = [
        { authorization: `Bearer ${UNKNOWN_TOKEN}` },
        { authorization: `Bearer ${signedIn.token}` },
        { cookie: `staffroom_session=${UNKNOWN_TOKEN}`, origin: w.origin },
      ];
      const before = w.backend.store.stats().commits;
      const seen: string[] = [];
      for (const credential of credentials) {
        for (const bad of BAD_BODIES) {
          const res = await w.fetch(pathOf(route, w), {
            method: route.method,
            headers: {
              ...credential,
              "content-type": bad.type,
              ...(route.ifMatch ? { "if-match": '"1"' } : {}),
            },
            body: bad.body,
          });
          const p = await problem(res);
          seen.push(`${Object.keys(credential)[0]} + ${bad.name}: ${res.status} ${p.code}`);
        }
      }
      expect(seen).toEqual(
        credentials.flatMap((c) =>
          BAD_BODIES.map((bad) => `${Object.keys(c)[0]} + ${bad.name}: 401 unauthenticated`),
        ),
      );
      expect(w.backend.store.stats().commits).toBe(before);
    },
  );

  it("a live session with a bad body still gets the body's own refusal (400, 413, 415)", async () => {
    const w = await sessionWorld({ maxBodyBytes: MAX_BODY });
    const { token } = await w.backend.directory.auth.signIn({ email: w.ownerEmail, password: w.password });
    const statuses: number[] = [];
    for (const path of ["/auth/switch-organization", "/auth/change-password"]) {
      for (const bad of BAD_BODIES) {
        const res = await w.fetch(path, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": bad.type },
          body: bad.body,
        });
        statuses.push(res.status);
      }
    }
    expect(statuses).toEqual([400, 400, 415, 413, 400, 400, 415, 413]);
  });
});
