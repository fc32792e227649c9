// bench-results.json: every benchmark of a package writes its figures there (name, value, unit,
// budget, met), beside the table it prints. Several benchmarks share one file; each replaces only
// its own entries, so `pnpm bench` and a single bench run leave a complete file.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

/**
 * Replaces the entries of `bench` in `file` with `entries` ({ name, value, unit, budget?, met? }).
 *
 * @example writeResults(new URL("../bench-results.json", import.meta.url), "stores", [{ name: "…", value: 1200, unit: "req/s", budget: ">= 1000", met: true }])
 */
export function writeResults(file, bench, entries) {
  let previous = { results: [] };
  try {
    previous = JSON.parse(readFileSync(file, "utf8"));
  } catch {}
  const kept = (previous.results ?? []).filter((r) => r.bench !== bench);
  const now = new Date().toISOString();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
  const fresh = entries.map((e) => ({
    bench,
    name: e.name,
    value: e.value,
    unit: e.unit,
    budget: e.budget ?? null,
    met: e.met ?? null,
    ...(e.baseline !== undefined ? { baseline: e.baseline } : {}),
    at: now,
    machine,
    load,
  }));
  writeFileSync(file, `${JSON.stringify({ results: [...kept, ...fresh] }, null, 2)}\n`);
}

/**
 * A budget as a predicate and its text. `atLeast(1000)` for throughput, `atMost(10)` for latency.
 *
 * @example const b = atLeast(1000); b.met(1200) // true; b.text // ">= 1000"
 */
export const atLeast = (n) => ({ text: `>= ${n}`, met: (v) => v >= n });
/** @example atMost(10).met(12) // false */
export const atMost = (n) => ({ text: `<= ${n}`, met: (v) => v <= n });
