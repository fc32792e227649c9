// `pnpm bench`: prints every figure the issues ask for, with the budgets beside them.
import { authBench } from "./auth.bench.mjs";
import { canBench } from "./can.bench.mjs";
import { listBench } from "./list.bench.mjs";

console.log("\n== can(): decisions per second (budget ≥ 1 000 000/s) ==");
console.table(await canBench());

console.log("\n== sign-in and session() (session() budget ≥ 100 000/s) ==");
console.table(await authBench());

for (const count of [10_000, 100_000]) {
  const { rows, overall, seedMs } = await listBench(count);
  console.log(
    `\n== users.list over ${count.toLocaleString("en-US")} users (seeded in ${Math.round(seedMs)} ms; budget at 100 000: median ≤ 10 ms) ==`,
  );
  console.table(rows);
  console.log(
    `all queries: median ${overall.median.toFixed(3)} ms, p95 ${overall.p95.toFixed(3)} ms, p99 ${overall.p99.toFixed(3)} ms`,
  );
}
