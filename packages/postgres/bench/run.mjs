// `pnpm bench` (after `pnpm build`): users.list (search + filter + sort + page of 50) through the
// StaffDirectory API over 100 000 users of one organization, on a real PostgreSQL server
// (DATABASE_URL, else one started by scripts/start-postgres.sh, else reported as skipped) and on
// PGlite. In the same run and on the same rows, each shape is also run the way release 0.1 of this
// store ran it (bench/previous-release.mjs): the baseline, measured under the same load.
// Budgets: every shape median ≤ 10 ms and p95 ≤ 20 ms on PostgreSQL, median ≤ 15 ms on PGlite.
// BENCH_USERS, BENCH_RUNS and BENCH_ONLY=postgres|pglite tune a run. Figures go to
// bench-results.json beside the printed tables.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
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
import { previousRelease, readOnly } from "./previous-release.mjs";

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(here, "../bench-results.json");
const BUDGETS = {
  PostgreSQL: { median: 10, p95: 20 },
  PGlite: { median: 15, p95: null },
};

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
  const actor = { orgId: organization.id, userId: user.id };
  return { admin, actor, locations, roles, seedMs };
}

/** The six shapes of issue 16; `__pages` reads that many pages and times the last. */
const shapesOf = (locations, roles) => {
  const frontDesk = roles.find((r) => r.name === "Front Desk");
  return {
    "first page, by name (active tab)": { status: "active" },
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
    "admin filter + sort last sign-in desc": { admin: false, sort: "lastSignInAt", direction: "desc" },
    "location filter + page 3": { locationId: locations[1].id, __pages: 3 },
    "search by NPI prefix '12' (2 characters)": { search: "12", status: "active" },
  };
};

async function listBench(label, client) {
  const { admin, actor, locations, roles, seedMs } = await world(client);
  const plain = roles.filter((r) => r.name !== "Administrator").map((r) => r.id);
  const rows = [];
  const all = [];
  const allBefore = [];
  for (const [name, q] of Object.entries(shapesOf(locations, roles))) {
    const { __pages = 1, ...query } = q;
    const current = async () => {
      let page = await admin.users.list({ ...query, limit: 50 });
      for (let p = 1; p < __pages && page.nextCursor; p++)
        page = await admin.users.list({ ...query, limit: 50, cursor: page.nextCursor });
      return page.total;
    };
    const old = {
      ...query,
      ...(query.admin === false ? { roleIds: plain } : {}),
      ...(query.roleId ? { roleIds: [query.roleId] } : {}),
    };
    const before = () =>
      readOnly(client, async (run) => {
        let page = await previousRelease(run, actor, old);
        for (let p = 1; p < __pages && page.anchor; p++)
          page = await previousRelease(run, actor, { ...old, anchor: page.anchor });
        return page.total;
      });
    for (let i = 0; i < 5; i++) {
      await current();
      await before();
    }
    const samples = [];
    const samplesBefore = [];
    let total = 0;
    let totalBefore = 0;
    // Interleaved, so the two see the same load.
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      total = await current();
      samples.push((performance.now() - t) / __pages);
      t = performance.now();
      totalBefore = await before();
      samplesBefore.push((performance.now() - t) / __pages);
    }
    if (total !== totalBefore) throw new Error(`${name}: total ${total}, release 0.1 counted ${totalBefore}`);
    all.push(...samples);
    allBefore.push(...samplesBefore);
    const s = summarise(samples);
    const b = summarise(samplesBefore);
    const budget = BUDGETS[label];
    rows.push({
      query: name,
      matches: total,
      "median ms": +s.median.toFixed(2),
      "p95 ms": +s.p95.toFixed(2),
      "release 0.1 median ms": +b.median.toFixed(2),
      "release 0.1 p95 ms": +b.p95.toFixed(2),
      budget: `median ≤ ${budget.median}${budget.p95 ? `, p95 ≤ ${budget.p95}` : ""}`,
      met: s.median <= budget.median && (budget.p95 === null || s.p95 <= budget.p95),
    });
  }
  return { rows, overall: summarise(all), overallBefore: summarise(allBefore), seedMs };
}

const entries = [];
function report(label, version, { rows, overall, overallBefore, seedMs }) {
  console.log(
    `\n== users.list over ${USERS.toLocaleString("en-US")} users on ${label} ${version} (seeded in ${(seedMs / 1000).toFixed(1)} s; ${RUNS} runs a shape; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}) ==`,
  );
  console.table(rows);
  console.log(
    `all shapes: median ${overall.median.toFixed(2)} ms, p95 ${overall.p95.toFixed(2)} ms (release 0.1: ${overallBefore.median.toFixed(2)} / ${overallBefore.p95.toFixed(2)} ms)`,
  );
  const budget = BUDGETS[label];
  for (const r of rows) {
    entries.push({
      name: `${label}: ${r.query}, median`,
      value: r["median ms"],
      unit: "ms",
      budget: `<= ${budget.median}`,
      met: r["median ms"] <= budget.median,
      baseline: r["release 0.1 median ms"],
    });
    entries.push({
      name: `${label}: ${r.query}, p95`,
      value: r["p95 ms"],
      unit: "ms",
      budget: budget.p95 === null ? null : `<= ${budget.p95}`,
      met: budget.p95 === null ? null : r["p95 ms"] <= budget.p95,
      baseline: r["release 0.1 p95 ms"],
    });
  }
}

async function onPGlite() {
  const db = new PGlite({ extensions: { pg_trgm } });
  try {
    await migrate(db);
    const { rows } = await db.query("SHOW server_version");
    report("PGlite", `(${rows[0].server_version}, in memory, pg_trgm)`, await listBench("PGlite", db));
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
    report("PostgreSQL", rows[0].server_version, await listBench("PostgreSQL", pool));
  } finally {
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const only = process.env.BENCH_ONLY;
if (!only || only === "postgres") await onPostgres();
if (!only || only === "pglite") await onPGlite();

// bench-results.json: this run's entries replace the previous ones of the same name.
let previous = { results: [] };
try {
  previous = JSON.parse(readFileSync(RESULTS, "utf8"));
} catch {}
const at = new Date().toISOString();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;
const load = loadavg()
  .map((n) => n.toFixed(2))
  .join(" ");
const names = new Set(entries.map((e) => e.name));
writeFileSync(
  RESULTS,
  `${JSON.stringify(
    {
      results: [
        ...(previous.results ?? []).filter((r) => !names.has(r.name)),
        ...entries.map((e) => ({ bench: "users.list", ...e, at, machine, load })),
      ],
    },
    null,
    2,
  )}\n`,
);
