import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OWNER } from "../server/seed";

const SECRET = "example-next-http-secret-0123456789";
const here = fileURLToPath(new URL("..", import.meta.url));
const NEXT = fileURLToPath(new URL("../node_modules/.bin/next", import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * The example built with `next build` and served by `next start`, driven over real HTTP: what a
 * browser and an identity provider reach in production.
 */
describe("Next.js server (next build, next start): REST and SCIM on one origin over HTTP", () => {
  let server: ChildProcess | null = null;
  let base = "";

  beforeAll(async () => {
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    await promisify(execFile)(NEXT, ["build"], { cwd: here, env, maxBuffer: 16 * 1024 * 1024 });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(NEXT, ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: here,
      env: { ...env, PUBLIC_URL: base, STAFFROOM_EXAMPLE_SCIM_TOKEN: SECRET },
      stdio: "ignore",
    });
    for (let i = 0; i < 200; i++) {
      try {
        await fetch(base);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error("next start did not answer");
  });

  afterAll(async () => {
    if (server?.pid !== undefined && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
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
        userName: "noor.haddad@clinic.example",
        name: { givenName: "Noor", familyName: "Haddad" },
      }),
    });
    expect(created.status).toBe(201);
    expect((await created.json()) as { meta: { location: string } }).toMatchObject({
      meta: { location: expect.stringMatching(new RegExp(`^${base}/scim/v2/Users/usr_`)) },
    });
    expect(await list()).toEqual(expect.arrayContaining([OWNER.email, "noor.haddad@clinic.example"]));
    const groups = await fetch(`${base}/scim/v2/Groups?excludedAttributes=members`, {
      headers: { Authorization: `Bearer ${SECRET}` },
    });
    expect(groups.status).toBe(200);
    expect(groups.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
  });
});
