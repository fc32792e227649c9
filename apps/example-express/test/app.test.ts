import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { memoryStore } from "@staffroom/core/memory";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { OWNER, seedExample } from "../src/seed";

const SECRET = "example-scim-secret-0123456789";

describe("Express: REST and SCIM side by side on one origin, over real HTTP", () => {
  let server: Server;
  let base = "";

  beforeAll(async () => {
    // The public URL must be the server's own origin (the REST handler's CSRF check); a fixed port
    // picked by the OS first, then the app built for it.
    const probe = (await import("node:net")).createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    base = `http://127.0.0.1:${port}`;
    const { app, directory } = createApp({ store: memoryStore(), publicUrl: base });
    await seedExample(directory, SECRET);
    server = app.listen(port, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("signs in through REST, lists users, creates a user through SCIM, and REST sees the new user", async () => {
    const signIn = await fetch(`${base}/api/staffroom/auth/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Staffroom-Session": "bearer" },
      body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
    });
    expect(signIn.status).toBe(200);
    const { token, session } = (await signIn.json()) as {
      token: string;
      session: { organizationId: string };
    };
    const list = async () => {
      const response = await fetch(`${base}/api/staffroom/organizations/${session.organizationId}/users`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: { email: string }[] }).items.map((u) => u.email);
    };
    expect(await list()).toEqual([OWNER.email]);

    const created = await fetch(`${base}/scim/v2/Users`, {
      method: "POST",
      headers: { Authorization: `Bearer ${SECRET}`, "Content-Type": "application/scim+json" },
      body: JSON.stringify({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName: "sam.lee@clinic.example",
        name: { givenName: "Sam", familyName: "Lee" },
      }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
    const user = (await created.json()) as { id: string; meta: { location: string } };
    expect(user.meta.location).toBe(`${base}/scim/v2/Users/${user.id}`);
    expect(await list()).toEqual(expect.arrayContaining([OWNER.email, "sam.lee@clinic.example"]));
  });

  it("keeps the two doors apart: a session token is no SCIM token, a SCIM token no session", async () => {
    const signIn = await fetch(`${base}/api/staffroom/auth/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Staffroom-Session": "bearer" },
      body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const scimWithSession = await fetch(`${base}/scim/v2/Users`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(scimWithSession.status).toBe(401);
    const restWithScim = await fetch(`${base}/api/staffroom/me`, {
      headers: { Authorization: `Bearer ${SECRET}` },
    });
    expect(restWithScim.status).toBe(401);
  });
});
