// Profiling aid, not part of `pnpm bench`: one benchmark server under autocannon for a few seconds.
// `PROFILE=1 node bench/profile-server.mjs` writes the server thread's CPU profile to /tmp/cpuprof-server.
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { FIXTURE_PASSWORD } from "@staffroom/core/testing";
import { restAuth } from "../dist/client.js";
import { cannon } from "./load.mjs";

const worker = new Worker(new URL("./server-worker.mjs", import.meta.url), {
  ...(process.env.PROFILE ? { execArgv: ["--cpu-prof", "--cpu-prof-dir=/tmp/cpuprof-server"] } : {}),
  ...(process.env.YOUNG_MB
    ? { resourceLimits: { maxYoungGenerationSizeMb: Number(process.env.YOUNG_MB) } }
    : {}),
});
const info = await new Promise((resolve) => worker.once("message", resolve));
const { token } = await restAuth({ baseUrl: info.baseUrl, session: "bearer" }).signIn({
  email: info.email,
  password: FIXTURE_PASSWORD,
});
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const cpu = () =>
  new Promise((resolve) => {
    worker.once("message", (m) => resolve(m.cpuMs));
    worker.postMessage("cpu");
  });
const before = performance.eventLoopUtilization();
const cpuBefore = await cpu();
const limit = Number(process.env.LIMIT ?? 50);
const result = await cannon([{ ...info, token }], { status: "active", limit }, { connections: 50, seconds });
const cpuMs = (await cpu()) - cpuBefore;
console.table([{ ...result, "server CPU µs/request": Math.round((cpuMs * 1000) / result.requests) }]);
console.log(
  `main thread (autocannon) busy ${Math.round(performance.eventLoopUtilization(before).utilization * 100)}%`,
);
worker.postMessage("stop");
await new Promise((resolve) => worker.once("exit", resolve));
