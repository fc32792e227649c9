import { runConformanceSuite, runLocalBoundarySuite, runProvisioningSuite } from "@staffroom/core/testing";
import { afterAll } from "vitest";
import { DATABASE_URL, serverDatabase } from "./support/databases";
import { reportServerRunSkipped } from "./support/server-gate";
import { lazyDatabase, postgresWorld } from "./support/world";

const url = DATABASE_URL;
if (url === undefined) reportServerRunSkipped("conformance suite");
else {
  const db = lazyDatabase(() => serverDatabase(url));
  afterAll(db.close);
  runConformanceSuite("PostgreSQL", async () => postgresWorld(await db.get()));
  runLocalBoundarySuite("PostgreSQL", async () => postgresWorld(await db.get()));
  runProvisioningSuite("PostgreSQL", async () => postgresWorld(await db.get()));
}
