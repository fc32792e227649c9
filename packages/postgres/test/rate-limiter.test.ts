import { runRateLimiterContract } from "@staffroom/core/testing";
import { afterAll } from "vitest";
import { postgresRateLimiter } from "../src/index";
import { DATABASE_URL, pgliteDatabase, serverDatabase } from "./support/databases";
import { reportServerRunSkipped } from "./support/server-gate";
import { lazyDatabase } from "./support/world";

// Core's RateLimiter contract on `rate_limits`: two limiter instances per run, over one PGlite (two
// instances in one process) and over two Pools on one server schema (two server instances).
const lite = lazyDatabase(pgliteDatabase);
afterAll(lite.close);
runRateLimiterContract("PostgreSQL (PGlite), two instances", async () => {
  const { client } = await lite.get();
  return [postgresRateLimiter({ client }), postgresRateLimiter({ client, sweepEvery: 3 })];
});

const url = DATABASE_URL;
if (url === undefined) reportServerRunSkipped("RateLimiter contract");
else {
  const server = lazyDatabase(() => serverDatabase(url));
  afterAll(server.close);
  runRateLimiterContract("PostgreSQL (server), two instances on two pools", async () => {
    const db = await server.get();
    return [
      postgresRateLimiter({ client: db.client }),
      postgresRateLimiter({ client: db.newPool(), sweepEvery: 3 }),
    ];
  });
}
