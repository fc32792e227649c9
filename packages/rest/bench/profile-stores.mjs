// `pnpm bench:profile` (after `pnpm build`): where a REST request over PostgreSQL spends its time.
// One server process (bench/rest-instance.mjs) serves `GET …/users?status=active&limit=50` to
// autocannon (PROFILE_CONNECTIONS = 50 connections, PROFILE_SECONDS = 10 s) for each pool size in
// PROFILE_POOLS (4,10,20),
// under a V8 CPU profile. Reported per request: the server's CPU, the PostgreSQL backends' CPU (from
// /proc, the backends of the server's pool), SQL statements and their round-trip time as the server
// sees it, and the server's CPU by component (pg driver, store, core, REST handler, zod, Node HTTP,
// JSON, GC). Seeding happens in a separate, unprofiled process. Figures go to bench-results.json
// (bench "profile").
import { execFileSync, fork } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import pg from "pg";
import { restAuth } from "../dist/client.js";
import { summarise } from "./cpuprofile-summary.mjs";
import { cannon } from "./load.mjs";
import { writeResults } from "./results.mjs";

const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const POOLS = (process.env.PROFILE_POOLS ?? "4,10,20").split(",").map(Number);
const LIMIT = Number(process.env.LIMIT ?? 50);
/** 50 loads the server; 1 measures a request alone (CPU per request is steadier on a busy machine). */
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 50);

function start(env, execArgv = []) {
  // Relative to the working directory: the command line names the bench, not the checkout.
  const child = fork(
    relative(process.cwd(), fileURLToPath(new URL("./rest-instance.mjs", import.meta.url))),
    {
      env: { ...process.env, ...env },
      execArgv,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const ready = new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
  return ready.then((info) => ({
    ...info,
    stats: () =>
      new Promise((resolve) => {
        child.once("message", resolve);
        child.send("stats");
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.send("stop");
      }),
  }));
}

/** CPU (ms) of the PostgreSQL backends serving the bench's pools, by pid. */
async function backendCpu(admin) {
  const { rows } = await admin.query(
    "SELECT pid FROM pg_stat_activity WHERE application_name = 'staffroom-bench'",
  );
  const out = new Map();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {}
  }
  return out;
}

const url =
  process.env.DATABASE_URL ??
  execFileSync(fileURLToPath(new URL("../../postgres/scripts/start-postgres.sh", import.meta.url)), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .at(-1);
const schema = `bench_profile_${process.pid}`;
const admin = new pg.Pool({ connectionString: url, max: 1 });
await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
await admin.query(`CREATE SCHEMA ${schema}`);
const env = { STORE: "postgres", DATABASE_URL: url, BENCH_SCHEMA: schema };
const rows = [];
const components = [];
try {
  const seeder = await start({ ...env, SEED: "1" });
  const world = seeder.world;
  await seeder.stop();
  await admin.query(`VACUUM ANALYZE ${schema}.users`);
  for (const pool of POOLS) {
    const dir = mkdtempSync(join(tmpdir(), "staffroom-cpuprof-"));
    const server = await start(
      { ...env, POOL: String(pool), COUNT_STATEMENTS: "1", BENCH_WORLD: JSON.stringify(world) },
      // The V8 profiler costs CPU of its own: PROFILE_CPU=0 measures without it.
      process.env.PROFILE_CPU === "0" ? [] : ["--cpu-prof", `--cpu-prof-dir=${dir}`],
    );
    const { token } = await restAuth({ baseUrl: server.baseUrl, session: "bearer" }).signIn({
      email: server.email,
      password: FIXTURE_PASSWORD,
    });
    const endpoint = { ...server, token };
    const query = { status: "active", limit: LIMIT };
    await cannon([endpoint], query, { connections: 50, seconds: 2 }); // warm-up: pool, JIT, plans
    const before = await server.stats();
    const pgBefore = await backendCpu(admin);
    const result = await cannon([endpoint], query, { connections: CONNECTIONS, seconds: SECONDS });
    const after = await server.stats();
    const pgAfter = await backendCpu(admin);
    let pgMs = 0;
    for (const [pid, ms] of pgAfter) pgMs += ms - (pgBefore.get(pid) ?? 0);
    const n = Math.max(1, result.requests);
    const served = after.requests;
    rows.push({
      pool,
      "req/s": result["req/s"],
      "p50 ms": result["p50 ms"],
      "server CPU µs/req": Math.round(((after.cpuMs - before.cpuMs) * 1000) / n),
      "PostgreSQL CPU µs/req": Math.round((pgMs * 1000) / n),
      "statements/req": +((after.statements - before.statements) / n).toFixed(2),
      "SQL round trips ms/req": +((after.statementMs - before.statementMs) / n).toFixed(2),
      "non-2xx": result["non-2xx"],
    });
    await server.stop();
    // The profile covers the whole life of the process (start, warm-up and the run): per-request
    // figures divide by every request it served.
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    if (file && pool === POOLS[POOLS.length > 1 ? 1 : 0])
      components.push(...summarise(join(dir, file), served));
  }
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
console.log(
  `\n== REST over PostgreSQL, one server process, first page of ${LIMIT} (autocannon, ${CONNECTIONS} connections, ${SECONDS} s)${process.env.BENCH_POSTGRES_MODULE ? ` with ${process.env.BENCH_POSTGRES_MODULE}` : ""}; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")} ==`,
);
console.table(rows);
console.log(`\nserver CPU by component (pool ${POOLS[POOLS.length > 1 ? 1 : 0]}, per request):`);
console.table(components);
writeResults(new URL("../bench-results.json", import.meta.url), "profile", [
  ...rows.flatMap((r) => [
    { name: `profile pool ${r.pool}: req/s`, value: r["req/s"], unit: "req/s" },
    { name: `profile pool ${r.pool}: server CPU per request`, value: r["server CPU µs/req"], unit: "µs" },
    {
      name: `profile pool ${r.pool}: PostgreSQL CPU per request`,
      value: r["PostgreSQL CPU µs/req"],
      unit: "µs",
    },
    {
      name: `profile pool ${r.pool}: statements per request`,
      value: r["statements/req"],
      unit: "statements",
    },
  ]),
  ...components.map((c) => ({ name: `profile server CPU: ${c.group}`, value: c["µs/req"], unit: "µs/req" })),
]);
