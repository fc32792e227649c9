import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist-server/main.js", import.meta.url));
const SECRET = "demo-cli-scim-token-0123456789abcdef";

/** Resolves with the SCIM base URL the CLI prints, or rejects when it exits or stays silent. */
function scimLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no SCIM line in: ${out}`)), 25_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /SCIM\s+(http:\/\/\S+\/scim\/v2)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo exited (${code}): ${out}`));
    });
  });
}

/**
 * The command the demo's README gives (`pnpm demo --memory --scim-token …` runs this after the
 * build): the flag reaches the server, which registers the secret and answers SCIM with it.
 */
describe("node dist-server/main.js --scim-token <secret> (pnpm demo --scim-token)", () => {
  let child: ChildProcess | null = null;
  let base = "";

  beforeAll(async () => {
    if (!existsSync(MAIN))
      throw new Error(`build the demo first (pnpm --filter @staffroom/demo build): ${MAIN}`);
    child = spawn(process.execPath, [MAIN, "--memory", "--port", "0", "--scim-token", SECRET], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: "" },
    });
    base = await scimLine(child);
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });

  it("prints the SCIM endpoint, answers the secret at /scim/v2 (a create gets the default role) and refuses another with 401", async () => {
    const headers = { Authorization: `Bearer ${SECRET}`, "Content-Type": "application/scim+json" };
    const config = await fetch(`${base}/ServiceProviderConfig`, { headers });
    expect(config.status).toBe(200);
    const created = await fetch(`${base}/Users`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName: "cli.hire@harbor.example",
        name: { givenName: "Cli", familyName: "Hire" },
      }),
    });
    expect(created.status).toBe(201);
    expect(
      ((await created.json()) as { groups: { display: string }[] }).groups.map((g) => g.display),
    ).toContain("Read-only Staff");
    const wrong = await fetch(`${base}/Users`, {
      headers: { Authorization: "Bearer another-secret-0123456789abcdef" },
    });
    expect(wrong.status).toBe(401);
  });
});
