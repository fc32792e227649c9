import { memoryWorld } from "@staffroom/core/testing";
import { describe, expect, it } from "vitest";
import { createRestHandler } from "../src/server";
import { testActorSeam } from "../src/testing";

describe("the handler as a plain fetch handler (Bun, Deno, Next.js, workers)", () => {
  it("reads Request bodies and answers Responses whose bodies read normally", async () => {
    const backend = await memoryWorld();
    const seam = testActorSeam();
    const handler = createRestHandler(backend.directory, {
      basePath: "/api",
      authenticate: seam.authenticate,
    });
    const authorization = `Bearer ${seam.token(backend.organization.id, backend.owner.id)}`;
    const base = `https://ehr.example/api/organizations/${backend.organization.id}`;
    const created = await handler(
      new Request(`${base}/locations`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ name: "Edge Clinic" }),
      }),
    );
    expect(created.status).toBe(201);
    const location = (await created.json()) as { id: string; version: number };
    expect(created.headers.get("etag")).toBe(`"${location.version}"`);
    const list = await handler(new Request(`${base}/locations`, { headers: { authorization } }));
    const text = await list.text();
    expect(JSON.parse(text)).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "Edge Clinic" })]),
    );
    const outside = await handler(new Request("https://ehr.example/elsewhere"));
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ code: "not_found" });
  });

  it("keeps the cookie Secure off loopback even with cookie.secure false", async () => {
    const backend = await memoryWorld();
    const handler = createRestHandler(backend.directory, { cookie: { secure: false } });
    const signIn = (host: string) =>
      handler(
        new Request(`http://${host}/auth/sign-in`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: backend.owner.email, password: "correct-horse-battery-staple-42" }),
        }),
      );
    expect((await signIn("ehr.example")).headers.get("set-cookie")).toContain("; Secure;");
    expect((await signIn("localhost:3000")).headers.get("set-cookie")).not.toContain("Secure");
  });
});
