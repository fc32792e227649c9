import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, startDemoServer } from "./server";

const SECRET = "demo-scim-token-0123456789abcdef";

describe("the demo server with --scim-token: SCIM 2.0 at /scim/v2 on the same origin", () => {
  let folder: string;
  let server: DemoServer;
  const scim = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${server.url}/scim/v2${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${init.token ?? SECRET}`,
        "Content-Type": "application/scim+json",
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "staffroom-demo-scim-"));
    const app = join(folder, "dist");
    await mkdir(app, { recursive: true });
    await writeFile(join(app, "index.html"), "<!doctype html><title>app</title>");
    server = await startDemoServer({ port: 0, quiet: true, appDir: app, scimToken: SECRET });
  });

  afterAll(async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("answers the token for Harbor Urgent Care: its users, the clinic groups the flag mapped, a create with the default role", async () => {
    const users = await scim("/Users?count=1&startIndex=1");
    expect(users.status).toBe(200);
    expect(users.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
    const list = (await users.json()) as { totalResults: number; Resources: { userName: string }[] };
    expect(list.totalResults).toBeGreaterThan(40);
    const olive = await scim(
      `/Users?filter=${encodeURIComponent('userName eq "olive.owner@harbor.example"')}`,
    );
    expect(((await olive.json()) as { totalResults: number }).totalResults).toBe(1);
    const groups = (await (await scim("/Groups?excludedAttributes=members")).json()) as {
      Resources: { displayName: string }[];
    };
    expect(groups.Resources.map((g) => g.displayName)).toEqual(
      expect.arrayContaining(["Front Desk", "Downtown Clinic staff"]),
    );
    const created = await scim("/Users", {
      method: "POST",
      body: JSON.stringify({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName: "new.hire@harbor.example",
        name: { givenName: "Noor", familyName: "Haddad" },
      }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { groups: { display: string }[]; active: boolean };
    expect(body.active).toBe(true);
    expect(body.groups.map((g) => g.display)).toContain("Read-only Staff");
  });

  it("refuses a wrong token with a SCIM 401, and an administrator (a role the token may not give) with R3's 403", async () => {
    const wrong = await scim("/Users", { token: "not-the-demo-secret-token-0000" });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { status: string }).status).toBe("401");
    const olive = (await (
      await scim(`/Users?filter=${encodeURIComponent('userName eq "olive.owner@harbor.example"')}`)
    ).json()) as {
      Resources: { id: string }[];
    };
    const off = await scim(`/Users/${olive.Resources[0]?.id}`, {
      method: "PATCH",
      body: JSON.stringify({ Operations: [{ op: "Replace", path: "active", value: "False" }] }),
    });
    expect(off.status).toBe(403);
    expect(((await off.json()) as { detail: string }).detail).toMatch(/^R2–R4/);
  });
});
