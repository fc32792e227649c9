import { runPropertySuite } from "@staffroom/core/testing";
import { afterAll } from "vitest";
import { DATABASE_URL, serverDatabase } from "./support/databases";
import { reportServerRunSkipped } from "./support/server-gate";
import { lazyDatabase, postgresWorld } from "./support/world";

const url = DATABASE_URL;
if (url === undefined) reportServerRunSkipped("property suite");
else {
  const db = lazyDatabase(() => serverDatabase(url));
  afterAll(db.close);
  // Core's default of 25 runs per property: about 25 s against a local server.
  runPropertySuite("PostgreSQL", async () => postgresWorld(await db.get()), { numRuns: 25 });
}
