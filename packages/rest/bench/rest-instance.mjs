// One REST server process of the store benchmarks (bench/stores.mjs), started with `fork()`: the
// fetch handler over a memory store, PGlite in memory, or a pg.Pool on a PostgreSQL schema — the
// wiring a vendor's server (and the demo's) uses: `createRestHandler(createDirectory({ store,
// rateLimiter }))` behind node:http. With SEED=1 it seeds 10 000 users (core's fixtures); without,
// it attaches to a schema another process seeded (two stateless instances over one database).
//
// Environment: STORE=memory|pglite|postgres, DATABASE_URL + BENCH_SCHEMA (postgres), POOL (pg pool
// size, default 10), SEED=1, USERS (default 10 000), COUNT_STATEMENTS=1 (count SQL statements and
// their round-trip time, for the profile), BENCH_POSTGRES_MODULE (a path to another build of
// @staffroom/postgres — an earlier release — to measure it the same way).
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { createDirectory, memoryRateLimiter, pbkdf2Hasher } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import {
  fixtureLocations,
  fixtureUsers,
  seedUsersIntoStore,
  standardBootstrap,
} from "@staffroom/core/testing";
import { createRestHandler, toNodeListener } from "../dist/server.js";

// A bench instance lives as long as its bench: it stops when told ("stop") or when the bench
// goes away (the IPC channel closes). A stray SIGTERM from another tool on a shared machine is not
// its bench speaking, so it is ignored.
process.on("SIGTERM", () => {});
process.on("disconnect", () => process.exit(0));

const KIND = process.env.STORE ?? "memory";
const USERS = Number(process.env.USERS ?? 10_000);
const POOL = Number(process.env.POOL ?? 10);
const SEED = process.env.SEED === "1";

/** Statements run and their summed round-trip time (ms), when COUNT_STATEMENTS=1. */
const statements = { count: 0, ms: 0 };
const counting = process.env.COUNT_STATEMENTS === "1";

/** Wraps a pg.Pool so every statement of the store is counted and timed (round trip, as Node sees it). */
function countedPool(pool) {
  const time = async (run) => {
    const t = performance.now();
    try {
      return await run();
    } finally {
      statements.count += 1;
      statements.ms += performance.now() - t;
    }
  };
  return {
    get totalCount() {
      return pool.totalCount;
    },
    query: (text, values) => time(() => pool.query(text, values)),
    end: () => pool.end(),
    connect: async () => {
      const client = await pool.connect();
      return {
        release: (error) => client.release(error),
        query: (text, values) => time(() => client.query(text, values)),
      };
    },
  };
}

async function openStore() {
  if (KIND === "memory")
    return { store: memoryStore(), rateLimiter: memoryRateLimiter(), close: async () => {} };
  const { migrate, postgresRateLimiter, postgresStore } = await import(
    process.env.BENCH_POSTGRES_MODULE ?? "@staffroom/postgres"
  );
  if (KIND === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const db = new PGlite({ extensions: { pg_trgm } });
    await migrate(db);
    return {
      store: postgresStore({ client: db }),
      rateLimiter: postgresRateLimiter({ client: db }),
      close: () => db.close(),
    };
  }
  const pg = (await import("pg")).default;
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: POOL,
    options: `-c search_path=${process.env.BENCH_SCHEMA},public`,
    application_name: "staffroom-bench",
  });
  if (SEED) await migrate(pool);
  const client = counting ? countedPool(pool) : pool;
  return {
    store: postgresStore({ client }),
    rateLimiter: postgresRateLimiter({ client: pool }),
    close: () => pool.end(),
  };
}

const { store, rateLimiter, close } = await openStore();
const directory = createDirectory({ store, rateLimiter, passwords: pbkdf2Hasher({ iterations: 1000 }) });

/** Seeds the benchmark organization: the owner, 8 locations and USERS users (core's fixtures). */
async function seed() {
  const { organization, location, user } = await directory.bootstrap(standardBootstrap());
  const admin = directory.forActor({ organizationId: organization.id, userId: user.id });
  const locations = [location];
  for (const input of fixtureLocations({ count: 7, seed: 3 }))
    locations.push(await admin.locations.create(input));
  const roles = await admin.roles.list();
  await seedUsersIntoStore(
    store,
    fixtureUsers({
      count: USERS,
      seed: 11,
      locationIds: locations.map((l) => l.id),
      roleIds: roles.filter((r) => r.name !== "Administrator").map((r) => r.id),
      features: { providerDirectory: true },
    }),
    { organizationId: organization.id },
  );
  return { organizationId: organization.id, ownerId: user.id };
}

/** What the load generator needs: ids of the seeded world (every process of one database agrees). */
async function describe(organizationId, ownerId) {
  const admin = directory.forActor({ organizationId, userId: ownerId });
  const [owner, locations, roles] = await Promise.all([
    admin.users.get(ownerId),
    admin.locations.list(),
    admin.roles.list(),
  ]);
  const plain = roles.filter((r) => r.name !== "Administrator");
  // Writers edit users of their own (one each, so they never race each other's versions).
  const writable = (
    await admin.users.list({
      status: "active",
      admin: false,
      practitioner: false,
      limit: 10,
      sort: "createdAt",
    })
  ).items;
  return {
    organizationId,
    email: owner.email,
    locationIds: locations.map((l) => l.id),
    roleIds: plain.map((r) => r.id),
    frontDeskId: plain.find((r) => r.name === "Front Desk")?.id,
    writers: writable.map((u) => ({ id: u.id, version: u.version, roleId: u.roleId })),
    active: (await admin.users.counts({})).active,
  };
}

const world = SEED ? await seed() : JSON.parse(process.env.BENCH_WORLD ?? "null");
if (!world) throw new Error("An attached server needs BENCH_WORLD (the seeding process's ids).");
const info = await describe(world.organizationId, world.ownerId);

const handler = createRestHandler(directory, { basePath: "/api/staffroom", onError: () => undefined });
const listener = toNodeListener(handler);
let served = 0;
const server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
  served += 1;
  return listener(req, res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();

process.send({
  type: "ready",
  baseUrl: `http://127.0.0.1:${port}/api/staffroom`,
  port,
  world,
  ...info,
});

process.on("message", async (message) => {
  if (message === "stats") {
    const cpu = process.cpuUsage();
    process.send({
      type: "stats",
      cpuMs: (cpu.user + cpu.system) / 1000,
      statements: statements.count,
      statementMs: statements.ms,
      elu: performance.eventLoopUtilization(),
      requests: served,
    });
  }
  if (message === "stop") {
    server.closeAllConnections();
    server.close();
    await close();
    process.exit(0);
  }
});
