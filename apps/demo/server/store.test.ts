import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDirectory } from "@staffroom/core";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, redact } from "./store";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function bootstrap(store: Parameters<typeof createDirectory>[0]["store"]): Promise<void> {
  await createDirectory({ store }).bootstrap({
    organization: { name: "Harbor Urgent Care" },
    location: { name: "Downtown Clinic" },
    owner: {
      email: "olive.owner@harbor.example",
      password: "harbor-demo-2026-long",
      profile: { givenName: "Olive", familyName: "Owner" },
    },
  });
}

describe("the demo's store", () => {
  it("keeps PGlite data across restarts, empties it on reset, and starts over on --reset", async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), "demo-store-")), "nested", "pglite");
    dirs.push(path.dirname(path.dirname(dataDir)));
    const first = await openDatabase({ kind: "pglite", dataDir });
    const opened = await first.open(false);
    expect(opened.fresh).toBe(true);
    await bootstrap(opened.store);
    await first.close();

    const second = await openDatabase({ kind: "pglite", dataDir });
    expect((await second.open(false)).fresh).toBe(false); // durable: the restart found the data
    const emptied = await second.open(true); // POST /demo/reset
    expect(emptied.fresh).toBe(true);
    await bootstrap(emptied.store); // the same email again: the old account is really gone
    await second.close();

    const third = await openDatabase({ kind: "pglite", dataDir }, { reset: true }); // --reset
    expect((await third.open(false)).fresh).toBe(true);
    await third.close();
  }, 120_000);

  it("counts per-client throttling where the data lives: PGlite keeps it across restarts and empties it on reset; memory starts afresh", async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), "demo-limits-")), "pglite");
    dirs.push(path.dirname(dataDir));
    const rule = { limit: 2, windowMs: 60_000 };
    const now = Date.parse("2026-11-23T08:00:00Z");
    const first = await openDatabase({ kind: "pglite", dataDir });
    await (await first.open(false)).rateLimiter.hit("k", rule, now);
    await first.close();
    const second = await openDatabase({ kind: "pglite", dataDir });
    expect((await (await second.open(false)).rateLimiter.hit("k", rule, now)).count).toBe(2);
    expect((await (await second.open(true)).rateLimiter.hit("k", rule, now)).count).toBe(1);
    await second.close();
    const memory = await openDatabase({ kind: "memory" });
    await (await memory.open(false)).rateLimiter.hit("k", rule, now);
    expect((await (await memory.open(true)).rateLimiter.hit("k", rule, now)).count).toBe(1);
  }, 120_000);

  it("hides a connection string's password in what it prints", () => {
    expect(redact("postgres://staff:s3cret@127.0.0.1:5432/staffroom")).toBe(
      "postgres://staff:***@127.0.0.1:5432/staffroom",
    );
    expect(redact("not a url")).toBe("(an unparsable DATABASE_URL)");
  });
});
