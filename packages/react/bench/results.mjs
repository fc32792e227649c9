// bench-results.json beside the printed tables: one row per figure (name, value, unit, budget,
// met, and the goal and the pre-#16 baseline where there is one), with the machine and date.
// Each bench replaces its own rows (`group`: "size" or "timing") and keeps the other's.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const FILE = path.resolve(import.meta.dirname, "..", "bench-results.json");

/** Writes `rows` (each `name` prefixed with `group: `) into bench-results.json. */
export function writeResults(rows, group) {
  const previous = existsSync(FILE) ? JSON.parse(readFileSync(FILE, "utf8")) : { results: [] };
  const kept = previous.results.filter((r) => !r.name.startsWith(`${group}: `));
  const cpus = os.cpus();
  const json = {
    date: new Date().toISOString(),
    machine: `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.platform()} ${os.release()}, Node ${process.versions.node}`,
    results: [...kept, ...rows],
  };
  writeFileSync(FILE, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), FILE)}`);
}
