// `pnpm bench:stores` (after `pnpm build`): the REST handler over each store, as a vendor runs it —
// server processes (bench/store-server.mjs) over 10 000 seeded users, loaded from this process:
//
// 1. mixed: 50 readers (users.list, six shapes in turn) + 10 writers (PATCH a user, If-Match),
//    for BENCH_SECONDS (30) — on memory, PGlite and PostgreSQL, one server process each;
// 2. first page of 50, autocannon, 50 connections, 10 s — on PostgreSQL, one server process;
// 3. scale-out on PostgreSQL: one, then two server processes over the same schema behind a
//    round-robin TCP balancer (bench/round-robin.mjs), first page of 50 and the mixed load.
//
// PostgreSQL: DATABASE_URL, else a throwaway server from packages/postgres/scripts/start-postgres.sh,
// else skipped. BENCH_STORES=memory,pglite,postgres picks stores; BENCH_SECONDS, BENCH_CANNON_SECONDS
// shorten a run. Figures go to bench-results.json (bench "stores") beside the printed tables, with
// the baseline (bench/baseline.json: main before issue 16) where one was measured.
import { execFileSync, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import pg from "pg";
import { restAuth } from "../dist/client.js";
import { cannon, mixed } from "./load.mjs";
import { atLeast, writeResults } from "./results.mjs";
import { roundRobin } from "./round-robin.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CANNON_SECONDS = Number(process.env.BENCH_CANNON_SECONDS ?? 10);
const STORES = (process.env.BENCH_STORES ?? "memory,pglite,postgres").split(",");
const RESULTS = new URL("../bench-results.json", import.meta.url);
const baseline = JSON.parse(readFileSync(new URL("./baseline.json", import.meta.url), "utf8"));

/** Starts one server process; resolves with what it reports once it listens. */
function startServer(env) {
  const child = fork(fileURLToPath(new URL("./store-server.mjs", import.meta.url)), {
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
  const ask = () =>
    new Promise((resolve) => {
      child.once("message", resolve);
      child.send("stats");
    });
  return ready.then((info) => ({
    ...info,
    stats: ask,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.send("stop");
      }),
  }));
}

async function signIn(baseUrl, email) {
  const { token } = await restAuth({ baseUrl, session: "bearer" }).signIn({
    email,
    password: FIXTURE_PASSWORD,
  });
  return token;
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

/** Server CPU (ms, summed over `servers`) spent while `run` ran, per request. */
async function measured(servers, run) {
  const before = await Promise.all(servers.map((s) => s.stats()));
  const result = await run();
  const after = await Promise.all(servers.map((s) => s.stats()));
  const cpuMs = after.reduce((n, a, i) => n + a.cpuMs - before[i].cpuMs, 0);
  return { ...result, "server CPU µs/req": Math.round((cpuMs * 1000) / Math.max(1, result.requests)) };
}

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
const record = (row, name, budget) => {
  rows.push(row);
  console.log(JSON.stringify(row));
  const value = row["req/s"];
  const base = baseline.stores?.[name];
  entries.push({
    name,
    value,
    unit: "req/s",
    ...(budget ? { budget: budget.text, met: budget.met(value) } : {}),
    ...(base !== undefined ? { baseline: base } : {}),
  });
  if (base !== undefined) row.baseline = base;
};
const MIX = "mixed 50 readers + 10 writers";
const mixOptions = (s) => ({
  readers: 50,
  writers: 10,
  seconds: SECONDS,
  reads: readsOf(s),
  roleIds: s.roleIds.slice(1, 3),
});

async function single(kind, env, budget) {
  const server = await startServer({ STORE: kind, SEED: "1", ...env });
  const endpoint = { ...server, token: await signIn(server.baseUrl, server.email) };
  await cannon([endpoint], { status: "active", limit: 50 }, { connections: 50, seconds: 2 }); // warm-up
  const row = { store: kind, processes: 1, load: MIX };
  Object.assign(row, await measured([server], () => mixed(endpoint, mixOptions(server))));
  record(row, `${kind}: ${MIX}, ${SECONDS} s`, budget);
  return { server, endpoint };
}

if (STORES.includes("memory")) {
  const { server } = await single("memory", {});
  await server.stop();
}
if (STORES.includes("pglite")) {
  const { server } = await single("pglite", {}, atLeast(500));
  await server.stop();
}
if (STORES.includes("postgres")) {
  const url = postgresUrl();
  if (!url) console.log("\n== PostgreSQL: SKIPPED — no DATABASE_URL and no server could be started ==");
  else {
    const schema = `bench_rest_${process.pid}`;
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
    await admin.query(`CREATE SCHEMA ${schema}`);
    const env = { DATABASE_URL: url, BENCH_SCHEMA: schema };
    const started = [];
    let lb;
    try {
      const { server, endpoint } = await single("postgres", env, atLeast(1000));
      started.push(server);
      await admin.query(`VACUUM ANALYZE ${schema}.users`);
      const first = { store: "postgres", processes: 1, load: "autocannon first page of 50, 50 connections" };
      Object.assign(
        first,
        await measured([server], () =>
          cannon([endpoint], { status: "active", limit: 50 }, { connections: 50, seconds: CANNON_SECONDS }),
        ),
      );
      record(first, `postgres: first page of 50, autocannon 50 connections, 1 process`, atLeast(1500));

      // Scale-out: the same load through a round-robin balancer, first over one process, then two.
      lb = await roundRobin([server.port]);
      const viaLb = (s) => ({ ...endpoint, baseUrl: `http://127.0.0.1:${s}/api/staffroom` });
      const scale = async (processes, servers) => {
        const ep = viaLb(lb.port);
        const a = { store: "postgres", processes, load: "balancer: first page of 50, 50 connections" };
        Object.assign(
          a,
          await measured(servers, () =>
            cannon([ep], { status: "active", limit: 50 }, { connections: 50, seconds: CANNON_SECONDS }),
          ),
        );
        record(a, `postgres: first page of 50 behind the balancer, ${processes} process(es)`);
        const b = { store: "postgres", processes, load: `balancer: ${MIX}` };
        Object.assign(b, await measured(servers, () => mixed(ep, mixOptions(server))));
        record(b, `postgres: ${MIX} behind the balancer, ${processes} process(es)`);
        return [a["req/s"], b["req/s"]];
      };
      const one = await scale(1, [server]);
      await lb.close();
      const second = await startServer({
        STORE: "postgres",
        ...env,
        BENCH_WORLD: JSON.stringify(server.world),
      });
      started.push(second);
      lb = await roundRobin([server.port, second.port]);
      const two = await scale(2, [server, second]);
      entries.push(
        {
          name: "postgres: scale-out gain, first page of 50 (2 vs 1 process)",
          value: +(two[0] / one[0]).toFixed(2),
          unit: "×",
          budget: "> 1",
          met: two[0] > one[0],
        },
        {
          name: `postgres: scale-out gain, ${MIX} (2 vs 1 process)`,
          value: +(two[1] / one[1]).toFixed(2),
          unit: "×",
          budget: "> 1",
          met: two[1] > one[1],
        },
      );
    } finally {
      await lb?.close();
      for (const s of started) await s.stop();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
}

console.log(
  `\n== REST over stores — 10 000 users, bearer session, loopback; load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")} ==`,
);
console.table(rows);
for (const e of entries.filter((e) => e.budget))
  console.log(
    `${e.met ? "met   " : "MISSED"} ${e.name}: ${e.value} ${e.unit} (budget ${e.budget}${e.baseline !== undefined ? `; before: ${e.baseline}` : ""})`,
  );
writeResults(RESULTS, "stores", entries);
