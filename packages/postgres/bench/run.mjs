// `pnpm bench` (after `pnpm build`): users.list (search + filter + sort + page of 50) through the
// StaffDirectory API over 100 000 users of one organization, on PGlite and on a real PostgreSQL
// server (DATABASE_URL, else one started by scripts/start-postgres.sh, else reported as skipped).
// Budget: median ≤ 20 ms on PostgreSQL.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createDirectory, manualClock, pbkdf2Hasher } from "@staffroom/core";
import {
  fixtureLocations,
  fixtureUsers,
  seedUsersIntoStore,
  standardBootstrap,
} from "@staffroom/core/testing";
import pg from "pg";
import { migrate, postgresStore } from "../dist/index.js";

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const here = dirname(fileURLToPath(import.meta.url));

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

/** The store's own inserts, in transactions of 5 000 users: the rows are exactly what the store writes. */
async function world(client) {
  const store = postgresStore({ client });
  const directory = createDirectory({
    store,
    passwords: pbkdf2Hasher({ iterations: 1000 }),
    clock: manualClock("2026-11-23T12:00:00Z"),
  });
  const { organization, location, user } = await directory.bootstrap(standardBootstrap());
  const admin = directory.forActor({ organizationId: organization.id, userId: user.id });
  const locations = [location];
  for (const input of fixtureLocations({ count: 7, seed: 3 }))
    locations.push(await admin.locations.create(input));
  const roles = await admin.roles.list();
  const inputs = fixtureUsers({
    count: USERS,
    seed: 11,
    locationIds: locations.map((l) => l.id),
    roleIds: roles.filter((r) => r.name !== "Administrator").map((r) => r.id),
    features: { providerDirectory: true },
  });
  const t0 = performance.now();
  await seedUsersIntoStore(store, inputs, { organizationId: organization.id });
  const seedMs = performance.now() - t0;
  // What autovacuum does on a live server: statistics for the planner, a visibility map for
  // index-only counts.
  await client.query("VACUUM ANALYZE");
  return { admin, locations, roles, seedMs };
}

async function listBench(label, client) {
  const { admin, locations, roles, seedMs } = await world(client);
  const frontDesk = roles.find((r) => r.name === "Front Desk");
  const queries = {
    "first page, by name": { status: "active" },
    "search 'son' + location + sort email desc": {
      search: "son",
      locationId: locations[2].id,
      sort: "email",
      direction: "desc",
    },
    "search 'priya p' + role + practitioner": {
      search: "priya p",
      roleId: frontDesk.id,
      practitioner: false,
    },
    "admin filter + sort last sign-in": { admin: false, sort: "lastSignInAt", direction: "desc" },
    "location filter + page 3": { locationId: locations[1].id, __pages: 3 },
    "search by NPI prefix '12'": { search: "12", status: "active" },
  };
  const rows = [];
  const all = [];
  for (const [name, q] of Object.entries(queries)) {
    const { __pages = 1, ...query } = q;
    for (let i = 0; i < 5; i++) await admin.users.list({ ...query, limit: 50 });
    const samples = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      let page = await admin.users.list({ ...query, limit: 50 });
      for (let p = 1; p < __pages && page.nextCursor; p++)
        page = await admin.users.list({ ...query, limit: 50, cursor: page.nextCursor });
      samples.push((performance.now() - t) / __pages);
      total = page.total;
    }
    all.push(...samples);
    const s = summarise(samples);
    rows.push({
      on: label,
      query: name,
      matches: total,
      "median ms": s.median.toFixed(2),
      "p95 ms": s.p95.toFixed(2),
    });
  }
  return { rows, overall: summarise(all), seedMs };
}

function report(label, { rows, overall, seedMs }, budget) {
  console.log(
    `\n== users.list over ${USERS.toLocaleString("en-US")} users on ${label} (seeded in ${(seedMs / 1000).toFixed(1)} s${budget ? "; budget: median ≤ 20 ms" : ""}) ==`,
  );
  console.table(rows);
  console.log(`all queries: median ${overall.median.toFixed(2)} ms, p95 ${overall.p95.toFixed(2)} ms`);
}

async function onPGlite() {
  const db = new PGlite({ extensions: { pg_trgm } });
  try {
    await migrate(db);
    report("PGlite (in memory, pg_trgm)", await listBench("PGlite", db), false);
  } finally {
    await db.close();
  }
}

function serverUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  try {
    const out = execFileSync(join(here, "../scripts/start-postgres.sh"), {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    return out.trim().split("\n").at(-1);
  } catch {
    return null;
  }
}

async function onPostgres() {
  const url = serverUrl();
  if (!url) {
    console.log("\n== PostgreSQL: SKIPPED — no DATABASE_URL and no server could be started ==");
    return;
  }
  const schema = `bench_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema},public` });
  try {
    await migrate(pool);
    const { rows } = await pool.query("SHOW server_version");
    report(`PostgreSQL ${rows[0].server_version}`, await listBench("PostgreSQL", pool), true);
  } finally {
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const only = process.env.BENCH_ONLY;
if (!only || only === "postgres") await onPostgres();
if (!only || only === "pglite") await onPGlite();
