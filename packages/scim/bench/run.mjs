// `pnpm bench` (after `pnpm build`): the SCIM requests an identity provider repeats most — a
// `userName eq` look-up and a page of 100 users — over real HTTP on loopback, through the SCIM
// handler, a provisioning token and core, against 100 000 users of one organization on a real
// PostgreSQL server (DATABASE_URL, else one started by packages/postgres/scripts/start-postgres.sh,
// else reported as skipped). Also on the memory store, for comparison.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createDirectory, manualClock, pbkdf2Hasher } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import {
  fixtureLocations,
  fixtureUsers,
  seedUsersIntoStore,
  standardBootstrap,
} from "@staffroom/core/testing";
import { migrate, postgresStore } from "@staffroom/postgres";
import { toNodeListener } from "@staffroom/rest/server";
import pg from "pg";
import { createScimHandler } from "../dist/index.js";

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
/** The middle of the users: half of them paged past. */
const DEEP = Math.floor(USERS / 2) + 1;
const here = dirname(fileURLToPath(import.meta.url));

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** An organization with USERS users (the store's own inserts, 5 000 a transaction), a token and provisioning settings. */
async function world(store, vacuum) {
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
  const staff = roles.filter((r) => r.name !== "Administrator");
  const inputs = fixtureUsers({
    count: USERS,
    seed: 11,
    locationIds: locations.map((l) => l.id),
    roleIds: staff.map((r) => r.id),
    features: { providerDirectory: true },
  });
  const t0 = performance.now();
  await seedUsersIntoStore(store, inputs, { organizationId: organization.id });
  const seedMs = performance.now() - t0;
  await vacuum();
  const { secret } = await admin.provisioning.createToken({
    label: "Bench IdP",
    roleIds: staff.map((r) => r.id),
    locationAccess: "organization",
  });
  const settings = await admin.provisioning.settings();
  await admin.provisioning.updateSettings(
    {
      defaultRoleId: staff[0].id,
      defaultLocationAccess: [location.id],
      defaultPrimaryLocationId: location.id,
      groups: [{ displayName: `${locations[1].name} staff`, locationAccess: [locations[1].id] }],
    },
    { version: settings.version },
  );
  return { directory, secret, emails: inputs.map((i) => i.email), seedMs };
}

async function serveScim(directory) {
  const server = createServer({ keepAliveTimeout: 5000 }, toNodeListener(createScimHandler(directory)));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    base: `http://127.0.0.1:${port}/scim/v2`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function bench(label, store, vacuum) {
  const { directory, secret: token, emails, seedMs } = await world(store, vacuum);
  const server = await serveScim(directory);
  const get = async (path) => {
    const response = await fetch(`${server.base}${path}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/scim+json" },
    });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  let n = 0;
  let sequential = 0;
  let deep = 0;
  const pick = () => emails[(n++ * 7919) % emails.length];
  const queries = {
    'filter=userName eq "<someone>"': async () => {
      const email = pick();
      const body = await get(`/Users?filter=${encodeURIComponent(`userName eq "${email.toUpperCase()}"`)}`);
      if (body.totalResults !== 1) throw new Error(`no match for ${email}`);
    },
    'filter=userName eq "<nobody>" (Okta step 3)': async () => {
      const body = await get(
        `/Users?filter=${encodeURIComponent(`userName eq "nobody.${n++}@atko.example"`)}`,
      );
      if (body.totalResults !== 0) throw new Error("matched nobody");
    },
    "startIndex=1&count=100": async () => {
      const body = await get("/Users?startIndex=1&count=100");
      if (body.Resources.length !== 100) throw new Error("short page");
    },
    "startIndex=1, 101, 201 … &count=100 (sequential, as Okta imports)": async () => {
      const body = await get(`/Users?startIndex=${1 + 100 * (sequential++ % (USERS / 100 - 1))}&count=100`);
      if (body.Resources.length !== 100) throw new Error("short page");
    },
    [`startIndex=${DEEP}+k&count=100 (a cold jump into the middle)`]: async () => {
      const body = await get(`/Users?startIndex=${DEEP + 7 * deep++}&count=100`);
      if (body.Resources.length !== 100) throw new Error("short page");
    },
  };
  const rows = [];
  for (const [name, run] of Object.entries(queries)) {
    const runs = name.includes("cold") ? Math.max(10, Math.floor(RUNS / 10)) : RUNS;
    for (let i = 0; i < 5; i++) await run();
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    }
    const s = summarise(samples);
    rows.push({
      on: label,
      request: `GET /Users?${name}`,
      runs,
      "median ms": s.median.toFixed(2),
      "p95 ms": s.p95.toFixed(2),
      "p99 ms": s.p99.toFixed(2),
    });
  }
  await server.close();
  console.log(
    `\n== SCIM over HTTP on 127.0.0.1, ${USERS.toLocaleString("en-US")} users on ${label} (seeded in ${(seedMs / 1000).toFixed(1)} s) ==`,
  );
  console.table(rows);
}

function serverUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  try {
    const out = execFileSync(join(here, "../../postgres/scripts/start-postgres.sh"), {
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
  const schema = `scim_bench_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: 8, options: `-c search_path=${schema},public` });
  try {
    await migrate(pool);
    const { rows } = await pool.query("SHOW server_version");
    await bench(`PostgreSQL ${rows[0].server_version}`, postgresStore({ client: pool }), () =>
      pool.query("VACUUM ANALYZE"),
    );
  } finally {
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const only = process.env.BENCH_ONLY;
if (!only || only === "postgres") await onPostgres();
if (!only || only === "memory") await bench("the memory store", memoryStore(), async () => {});
