// Where a server process's CPU went, from a V8 CPU profile (`node --cpu-prof`): self time grouped
// by who runs it — the pg driver, core, the REST handler, the PostgreSQL store, zod, Node's HTTP
// and streams, JSON, the garbage collector — as µs per request.
import { readFileSync } from "node:fs";

const GROUPS = [
  [
    "pg driver (protocol, types)",
    /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(pg|pg-protocol|pg-types|pg-pool|postgres-[a-z]+|pgpass|pg-cloudflare)\//,
  ],
  ["@staffroom/postgres (store, rows)", /packages\/postgres\/dist\//],
  ["@staffroom/core (service, rules, views)", /packages\/core\/dist\//],
  ["@staffroom/rest (handler, routes, JSON)", /packages\/rest\/dist\//],
  ["zod", /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?zod\//],
  ["PGlite (WebAssembly PostgreSQL)", /@electric-sql\/pglite/],
  ["Node HTTP, net, streams, timers", /^node:|^internal\/|node:internal/],
];

function group(frame) {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === "(garbage collector)") return "garbage collector";
    if (functionName === "(idle)") return "(idle)";
    if (functionName === "(program)") return "(program: V8/native outside JS)";
    if (/stringify|parse/i.test(functionName)) return "JSON (native)";
    return "other native builtins";
  }
  for (const [name, re] of GROUPS) if (re.test(url)) return name;
  return "other JavaScript";
}

/**
 * Self time per group, in µs per request (`requests` served while the profile ran), idle excluded.
 *
 * @example summarise("/tmp/cpuprof/x.cpuprofile", 12000) // [{ group: "pg driver …", "µs/req": 85 }, …]
 */
export function summarise(file, requests) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const g = group(node.callFrame);
    self.set(g, (self.get(g) ?? 0) + (deltas[i] ?? 0));
  }
  self.delete("(idle)");
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([g, us]) => ({
      group: g,
      "µs/req": Math.round(us / requests),
      share: `${Math.round((100 * us) / total)} %`,
    }))
    .concat([{ group: "total (busy)", "µs/req": Math.round(total / requests), share: "100 %" }]);
}
