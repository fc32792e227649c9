import { runPropertySuite } from "@staffroom/core/testing";
import { afterAll } from "vitest";
import { pgliteDatabase } from "./support/databases";
import { lazyDatabase, postgresWorld } from "./support/world";

const db = lazyDatabase(pgliteDatabase);
afterAll(db.close);

// 15 runs per property (core's default is 25): PGlite is several times slower than a server, and
// the server run below covers the default count.
runPropertySuite("PGlite", async () => postgresWorld(await db.get()), { numRuns: 15 });
