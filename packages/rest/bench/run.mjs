// `pnpm bench`: users.list over HTTP on loopback against a memory store with 10 000 users.
//
// Servers run on worker threads (one core each at most); autocannon and the restDirectory client run
// on the main thread. Measured: one server thread, and two (the handler is stateless, DESIGN §8:
// instances scale out over a shared store; the memory store cannot be shared between threads, so
// each instance seeds the same 10 000 users). Budget: ≥ 3 000 list requests/s on the two cores.
import { Worker } from "node:worker_threads";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import { restAuth } from "../dist/client.js";
import { cannon, throughClient } from "./load.mjs";
import { atLeast, writeResults } from "./results.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const BUDGET = 3000;

async function startServer() {
  const worker = new Worker(new URL("./server-worker.mjs", import.meta.url));
  const info = await new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  const { token } = await restAuth({ baseUrl: info.baseUrl, session: "bearer" }).signIn({
    email: info.email,
    password: FIXTURE_PASSWORD,
  });
  return {
    ...info,
    token,
    /** The server thread's CPU time so far (ms), or null off Linux. */
    cpu: () =>
      new Promise((resolve) => {
        worker.once("message", (m) => resolve(m.cpuMs));
        worker.postMessage("cpu");
      }),
    stop: async () => {
      worker.postMessage("stop");
      await new Promise((resolve) => worker.once("exit", resolve));
    },
  };
}

const servers = [await startServer(), await startServer()];
const one = servers.slice(0, 1);
const FIRST_PAGE = { status: "active", limit: 50 };
const SEARCH = (s) => ({
  search: "son",
  locationId: s.locationId,
  sort: "email",
  direction: "desc",
  limit: 50,
});
const SMALL_PAGE = { status: "active", limit: 20 };
const options = { connections: CONNECTIONS, seconds: SECONDS };
const clientOptions = { concurrency: CONNECTIONS, seconds: SECONDS };

console.log(
  `\n== users.list over HTTP on 127.0.0.1 — 10 000 users (${servers[0].users.toLocaleString("en-US")} active), ` +
    `bearer session, ${CONNECTIONS} connections / calls in flight, ${SECONDS} s per row; budget ≥ ${BUDGET} req/s ==`,
);
await cannon(servers, FIRST_PAGE, { connections: CONNECTIONS, seconds: 2 }); // warm-up
/** Runs a load and adds the servers' CPU time per request (robust to other load on the machine). */
async function measured(group, run) {
  const before = await Promise.all(group.map((s) => s.cpu()));
  const result = await run();
  const after = await Promise.all(group.map((s) => s.cpu()));
  const cpuMs = after.reduce((n, v, i) => (v === null ? n : n + v - (before[i] ?? 0)), 0);
  return { ...result, "server CPU µs/req": Math.round((cpuMs * 1000) / Math.max(1, result.requests)) };
}

const rows = [
  {
    load: "autocannon",
    servers: 1,
    query: "first page of 50 by name",
    ...(await measured(one, () => cannon(one, FIRST_PAGE, options))),
  },
  {
    load: "autocannon",
    servers: 2,
    query: "first page of 50 by name",
    ...(await measured(servers, () => cannon(servers, FIRST_PAGE, options))),
  },
  {
    load: "autocannon",
    servers: 2,
    query: "search 'son' + location, 50 by email desc",
    ...(await measured(servers, () => cannon(servers, SEARCH, options))),
  },
  {
    load: "autocannon",
    servers: 2,
    query: "first page of 20 by name",
    ...(await measured(servers, () => cannon(servers, SMALL_PAGE, options))),
  },
  {
    load: "restDirectory",
    servers: 2,
    query: "first page of 50 by name",
    ...(await measured(servers, () => throughClient(servers, FIRST_PAGE, clientOptions))),
  },
  {
    load: "restDirectory",
    servers: 2,
    query: "search 'son' + location, 50 by email desc",
    ...(await measured(servers, () => throughClient(servers, SEARCH, clientOptions))),
  },
];
console.table(rows);
const budgetRow = rows[1];
console.log(
  `first page of 50 with two server threads: ${budgetRow["req/s"]} req/s — ${budgetRow["req/s"] >= BUDGET ? "within" : "BELOW"} budget (≥ ${BUDGET})`,
);
await Promise.all(servers.map((s) => s.stop()));
writeResults(
  new URL("../bench-results.json", import.meta.url),
  "memory",
  rows.map((r, i) => ({
    name: `memory: ${r.load}, ${r.servers} server thread${r.servers > 1 ? "s" : ""}, ${r.query}`,
    value: r["req/s"],
    unit: "req/s",
    ...(i === 1 ? { budget: atLeast(BUDGET).text, met: atLeast(BUDGET).met(r["req/s"]) } : {}),
  })),
);
