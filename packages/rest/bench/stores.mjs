// `pnpm bench:stores` (after `pnpm build`): the REST handler over each store, as a vendor runs it —
// server processes (bench/rest-instance.mjs) over 10 000 seeded users, loaded from this process:
//
// 1. mixed: 50 readers (users.list, the six shapes of the list benchmark in turn, pages of 50) and
//    10 writers (PATCH a user with If-Match, alternating a title and a role) for BENCH_SECONDS (30)
//    — on memory, PGlite and PostgreSQL, one server process each;
// 2. first page of 50, autocannon, 50 connections, BENCH_CANNON_SECONDS (10) — PostgreSQL;
// 3. scale-out on PostgreSQL: one, then two server processes over the same schema behind a
//    round-robin TCP balancer (bench/round-robin.mjs), first page of 50 and the mixed load.
//
// Every measure is split into BENCH_ROUNDS (3) slices taken in turn with the measures it is
// compared with, so a busy machine weighs on both alike. With BENCH_BASELINE_MODULE (the path of
// another build of @staffroom/postgres's dist/index.js, e.g. the previous release) the PGlite and
// PostgreSQL measures also run that build, interleaved the same way: the baseline of the same run.
//
// PostgreSQL: DATABASE_URL, else a throwaway server from packages/postgres/scripts/start-postgres.sh,
// else skipped. BENCH_STORES=memory,pglite,postgres picks stores. Figures go to bench-results.json
// (bench "stores") beside the printed table.
import { execFileSync, fork } from "node:child_process";
import { loadavg } from "node:os";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import pg from "pg";
import { restAuth } from "../dist/client.js";
import { cannon, mixed } from "./load.mjs";
import { atLeast, writeResults } from "./results.mjs";
import { roundRobin } from "./round-robin.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CANNON_SECONDS = Number(process.env.BENCH_CANNON_SECONDS ?? 10);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const STORES = (process.env.BENCH_STORES ?? "memory,pglite,postgres").split(",");
const BASELINE = process.env.BENCH_BASELINE_MODULE;
const RESULTS = new URL("../bench-results.json", import.meta.url);
const MIX = "mixed 50 readers + 10 writers";
const FIRST_PAGE = { status: "active", limit: 50 };

/** Starts one server process; resolves with what it reports once it listens. */
function startServer(env) {
  // Relative to the working directory: the command line names the bench, not the checkout.
  const child = fork(
    relative(process.cwd(), fileURLToPath(new URL("./rest-instance.mjs", import.meta.url))),
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const ready = new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code, signal) =>
      reject(new Error(`server exited (${code ?? signal}) before it was ready`)),
    );
  });
  return ready.then(async (info) => {
    const { token } = await restAuth({ baseUrl: info.baseUrl, session: "bearer" }).signIn({
      email: info.email,
      password: FIXTURE_PASSWORD,
    });
    return {
      ...info,
      token,
      stats: () =>
        new Promise((resolve) => {
          child.once("message", resolve);
          child.send("stats");
        }),
      stop: () =>
        exited
          ? Promise.resolve()
          : new Promise((resolve) => {
              child.once("exit", resolve);
              child.send("stop");
            }),
    };
  });
}

/** The six users.list shapes of the PostgreSQL list benchmark, as REST queries, pages of 50. */
const readsOf = (s) => [
  { status: "active", limit: 50 },
  { search: "son", locationId: s.locationIds[2], sort: "email", direction: "desc", limit: 50 },
  { search: "priya p", roleId: s.frontDeskId, practitioner: false, limit: 50 },
  { admin: false, sort: "lastSignInAt", direction: "desc", limit: 50 },
  { locationId: s.locationIds[1], limit: 50 },
  { search: "12", status: "active", limit: 50 },
];

/**
 * A measure made of slices: `run(seconds)` against `endpoint`, with the server CPU of `servers`.
 * Sums requests and CPU over its slices.
 */
function measure(name, endpoint, servers, run) {
  const acc = {
    name,
    requests: 0,
    seconds: 0,
    cpuMs: 0,
    last: null,
    errors: 0,
    non2xx: 0,
    reads: 0,
    writes: 0,
  };
  acc.slice = async (seconds) => {
    const before = await Promise.all(servers.map((s) => s.stats()));
    const r = await run(endpoint, seconds);
    const after = await Promise.all(servers.map((s) => s.stats()));
    acc.cpuMs += after.reduce((n, a, i) => n + a.cpuMs - before[i].cpuMs, 0);
    // Event loop busy time of the busiest server: near 100 % means that process is the bottleneck.
    acc.busy = Math.max(
      acc.busy ?? 0,
      ...after.map((a, i) => (a.elu.active - before[i].elu.active) / (seconds * 1000)),
    );
    acc.requests += r.requests;
    acc.seconds += seconds;
    acc.errors += r.errors;
    acc.non2xx += r["non-2xx"];
    acc.reads += Math.round((r["reads/s"] ?? 0) * seconds);
    acc.writes += Math.round((r["writes/s"] ?? 0) * seconds);
    acc.last = r;
  };
  acc.row = () => ({
    "req/s": Math.round(acc.requests / acc.seconds),
    ...(acc.writes > 0
      ? { "reads/s": Math.round(acc.reads / acc.seconds), "writes/s": Math.round(acc.writes / acc.seconds) }
      : {}),
    "p50 ms (last slice)": acc.last?.["p50 ms"] ?? acc.last?.["read p50 ms"],
    "server CPU µs/req": Math.round((acc.cpuMs * 1000) / Math.max(1, acc.requests)),
    "busiest event loop %": Math.round((acc.busy ?? 0) * 100),
    "non-2xx": acc.non2xx,
    errors: acc.errors,
  });
  return acc;
}

/** Runs the slices of `measures` in turn, ROUNDS times, `seconds` in all for each measure. */
async function interleaved(measures, seconds) {
  for (let round = 0; round < ROUNDS; round++) for (const m of measures) await m.slice(seconds / ROUNDS);
}

const mixedRun = (endpoint, seconds) =>
  mixed(endpoint, {
    readers: 50,
    writers: 10,
    seconds,
    reads: readsOf(endpoint),
    roleIds: endpoint.roleIds.slice(1, 3),
  });
const firstPageRun = (endpoint, seconds) => cannon([endpoint], FIRST_PAGE, { connections: 50, seconds });

function postgresUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  try {
    const script = fileURLToPath(new URL("../../postgres/scripts/start-postgres.sh", import.meta.url));
    const out = execFileSync(script, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    return out.trim().split("\n").at(-1);
  } catch {
    return null;
  }
}

const rows = [];
const entries = [];
/** Adds the table row and the result entry of a measure (current build), with its baseline. */
function record(store, processes, load, m, budget, base) {
  const row = { store, processes, load, ...m.row() };
  if (base) row["release 0.1 req/s"] = base.row()["req/s"];
  rows.push(row);
  if (base) rows.push({ store, processes, load: `${load} — release 0.1`, ...base.row() });
  console.log(JSON.stringify(row));
  entries.push({
    name: `${store}: ${load}, ${processes} process${processes > 1 ? "es" : ""}`,
    value: row["req/s"],
    unit: "req/s",
    ...(budget ? { budget: budget.text, met: budget.met(row["req/s"]) } : {}),
    ...(base ? { baseline: base.row()["req/s"] } : {}),
  });
}

const started = [];
const variants = (env) => [
  { label: "current", env },
  ...(BASELINE ? [{ label: "release 0.1", env: { ...env, BENCH_POSTGRES_MODULE: BASELINE } }] : []),
];

try {
  if (STORES.includes("memory")) {
    const server = await startServer({ STORE: "memory", SEED: "1" });
    started.push(server);
    await firstPageRun(server, 2);
    const m = measure("memory mixed", server, [server], mixedRun);
    await interleaved([m], SECONDS);
    record("memory", 1, `${MIX}, ${SECONDS} s`, m);
    await server.stop();
  }

  if (STORES.includes("pglite")) {
    const servers = [];
    for (const v of variants({ STORE: "pglite", SEED: "1" }))
      servers.push({ ...v, server: await startServer(v.env) });
    started.push(...servers.map((s) => s.server));
    for (const { server } of servers) await firstPageRun(server, 2);
    const ms = servers.map(({ label, server }) => measure(`pglite ${label}`, server, [server], mixedRun));
    await interleaved(ms, SECONDS);
    record("pglite", 1, `${MIX}, ${SECONDS} s`, ms[0], atLeast(500), ms[1]);
    for (const { server } of servers) await server.stop();
  }

  if (STORES.includes("postgres")) {
    const url = postgresUrl();
    if (!url) console.log("\n== PostgreSQL: SKIPPED — no DATABASE_URL and no server could be started ==");
    else {
      const admin = new pg.Pool({ connectionString: url, max: 1 });
      await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
      const schemas = [];
      const lbs = [];
      try {
        const servers = [];
        for (const v of variants({ STORE: "postgres", SEED: "1", DATABASE_URL: url })) {
          const schema = `bench_rest_${process.pid}_${servers.length}`;
          await admin.query(`CREATE SCHEMA ${schema}`);
          schemas.push(schema);
          const server = await startServer({ ...v.env, BENCH_SCHEMA: schema });
          started.push(server);
          await admin.query(`VACUUM ANALYZE ${schema}.users`);
          servers.push({ ...v, schema, server });
        }
        for (const { server } of servers) await firstPageRun(server, 2);
        const mixes = servers.map(({ label, server }) =>
          measure(`postgres ${label}`, server, [server], mixedRun),
        );
        await interleaved(mixes, SECONDS);
        record("postgres", 1, `${MIX}, ${SECONDS} s`, mixes[0], atLeast(1000), mixes[1]);
        const pages = servers.map(({ label, server }) =>
          measure(`postgres first page ${label}`, server, [server], firstPageRun),
        );
        await interleaved(pages, CANNON_SECONDS);
        record(
          "postgres",
          1,
          "first page of 50, autocannon 50 connections",
          pages[0],
          atLeast(1500),
          pages[1],
        );

        // Scale-out: one, then two processes of the current build on one schema, behind a
        // round-robin balancer, interleaved.
        const first = servers[0].server;
        const second = await startServer({
          STORE: "postgres",
          DATABASE_URL: url,
          BENCH_SCHEMA: servers[0].schema,
          BENCH_WORLD: JSON.stringify(first.world),
        });
        started.push(second);
        const one = await roundRobin([first.port]);
        const two = await roundRobin([first.port, second.port]);
        lbs.push(one, two);
        const via = (lb) => ({ ...first, baseUrl: `http://127.0.0.1:${lb.port}/api/staffroom` });
        const scaleFirst = [
          measure("1 process", via(one), [first], firstPageRun),
          measure("2 processes", via(two), [first, second], firstPageRun),
        ];
        await interleaved(scaleFirst, CANNON_SECONDS);
        record("postgres", 1, "balancer: first page of 50, 50 connections", scaleFirst[0]);
        record("postgres", 2, "balancer: first page of 50, 50 connections", scaleFirst[1]);
        const scaleMix = [
          measure("1 process", via(one), [first], mixedRun),
          measure("2 processes", via(two), [first, second], mixedRun),
        ];
        await interleaved(scaleMix, SECONDS);
        record("postgres", 1, `balancer: ${MIX}`, scaleMix[0]);
        record("postgres", 2, `balancer: ${MIX}`, scaleMix[1]);
        const gain = (m) => +(m[1].row()["req/s"] / Math.max(1, m[0].row()["req/s"])).toFixed(2);
        entries.push(
          {
            name: "postgres: scale-out gain, first page of 50 (2 vs 1 process)",
            value: gain(scaleFirst),
            unit: "×",
            budget: "> 1",
            met: gain(scaleFirst) > 1,
          },
          {
            name: `postgres: scale-out gain, ${MIX} (2 vs 1 process)`,
            value: gain(scaleMix),
            unit: "×",
            budget: "> 1",
            met: gain(scaleMix) > 1,
          },
        );
      } finally {
        for (const lb of lbs) await lb.close();
        for (const s of started.splice(0)) await s.stop().catch(() => undefined);
        for (const schema of schemas) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    }
  }
} finally {
  for (const s of started) await s.stop().catch(() => undefined);
}

console.log(
  `\n== REST over stores — 10 000 users, bearer session, loopback, ${ROUNDS} interleaved slices a measure; load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")} ==`,
);
console.table(rows);
for (const e of entries.filter((e) => e.budget))
  console.log(
    `${e.met ? "met   " : "MISSED"} ${e.name}: ${e.value} ${e.unit} (budget ${e.budget}${e.baseline !== undefined ? `; release 0.1: ${e.baseline}` : ""})`,
  );
writeResults(RESULTS, "stores", entries);
