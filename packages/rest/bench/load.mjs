// Load generators for the REST benchmark: autocannon against one or more servers at once, and the
// restDirectory client in a loop with a fixed number of concurrent calls.
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { restDirectory } from "../dist/client.js";

/** Query string of a users.list query. */
export const queryString = (query) =>
  new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();

/**
 * autocannon against every server at once (connections split evenly), for `seconds`. With several
 * servers, req/s and totals add up; p50 is their mean and p99 the worst of them.
 */
export async function cannon(servers, query, { connections, seconds }) {
  const queryOf = (s) => (typeof query === "function" ? query(s) : query);
  const each = Math.max(1, Math.round(connections / servers.length));
  const results = await Promise.all(
    servers.map((s) =>
      autocannon({
        url: `${s.baseUrl}/organizations/${s.organizationId}/users?${queryString(queryOf(s))}`,
        connections: each,
        duration: seconds,
        headers: { authorization: `Bearer ${s.token}` },
      }),
    ),
  );
  return {
    "req/s": Math.round(results.reduce((n, r) => n + r.requests.average, 0)),
    "p50 ms": Number((results.reduce((n, r) => n + r.latency.p50, 0) / results.length).toFixed(1)),
    "p99 ms": Math.max(...results.map((r) => r.latency.p99)),
    requests: results.reduce((n, r) => n + r.requests.total, 0),
    "non-2xx": results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
  };
}

/**
 * `concurrency` loops calling `dir.users.list(query)` through the client for `seconds`, spread over
 * the servers; `query` may be a function of the server (ids differ between instances).
 */
export async function throughClient(servers, query, { concurrency, seconds }) {
  const dirs = servers.map((s) => ({
    dir: restDirectory({ baseUrl: s.baseUrl, organizationId: s.organizationId, token: s.token }),
    query: typeof query === "function" ? query(s) : query,
  }));
  const samples = [];
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  const loop = async (i) => {
    const { dir, query: q } = dirs[i % dirs.length];
    while (performance.now() < end) {
      const t = performance.now();
      try {
        await dir.users.list(q);
        samples.push(performance.now() - t);
      } catch {
        failures += 1;
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => loop(i)));
  const elapsed = (performance.now() - start) / 1000;
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
  return {
    "req/s": Math.round(samples.length / elapsed),
    "p50 ms": Number(at(0.5).toFixed(1)),
    "p99 ms": Number(at(0.99).toFixed(1)),
    requests: samples.length,
    "non-2xx": failures,
    errors: 0,
  };
}
