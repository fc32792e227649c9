import { runConformanceSuite, runLocalBoundarySuite, runProvisioningSuite } from "@staffroom/core/testing";
import { afterAll } from "vitest";
import { pgliteDatabase } from "./support/databases";
import { lazyDatabase, postgresWorld } from "./support/world";

const db = lazyDatabase(pgliteDatabase);
afterAll(db.close);

runConformanceSuite("PGlite", async () => postgresWorld(await db.get()));
runLocalBoundarySuite("PGlite", async () => postgresWorld(await db.get()));
runProvisioningSuite("PGlite", async () => postgresWorld(await db.get()));
