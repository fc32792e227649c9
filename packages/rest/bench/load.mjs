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

/**
 * The mixed load of the store benchmarks: `readers` autocannon connections cycling through `reads`
 * (users.list queries) and `writers` connections each editing one user of its own (`PATCH …/users/{id}`
 * with `If-Match` the version it last saw, alternating a profile title and a role), at once, for
 * `seconds`, against one endpoint (a server, or a balancer in front of several).
 */
export async function mixed(endpoint, { readers, writers, seconds, reads, roleIds }) {
  const base = new URL(endpoint.baseUrl);
  const auth = { authorization: `Bearer ${endpoint.token}` };
  // The same objects across runs, each with the version it has now: a write still in flight when
  // an earlier run stopped may have moved it.
  const users = endpoint.writers.slice(0, writers);
  /** Reads a user's current version, role and title (a write may have moved them). */
  const refresh = async (u) => {
    const response = await fetch(
      `${endpoint.baseUrl}/organizations/${endpoint.organizationId}/users/${u.id}`,
      {
        headers: auth,
      },
    );
    const user = await response.json();
    u.version = user.version;
    u.roleId = user.roleId;
    u.title = user.profile.title;
  };
  await Promise.all(users.map(refresh));
  const [roleA, roleB] = roleIds;
  const inFlight = new Map();
  const readRun = autocannon({
    url: base.origin,
    connections: readers,
    duration: seconds,
    timeout: 30,
    headers: auth,
    requests: reads.map((query) => ({
      method: "GET",
      path: `${base.pathname}/organizations/${endpoint.organizationId}/users?${queryString(query)}`,
    })),
  });
  // autocannon resets a connection's context between requests, so users wait in a queue: a request
  // takes one (no two requests in flight ever edit the same user) and its response gives it back
  // with the version it now has.
  const writeRun = autocannon({
    url: base.origin,
    connections: writers,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (request, context) => {
          // A request that timed out never gives its user back: take the longest in flight.
          const u = users.shift() ?? [...inFlight.entries()].sort((x, y) => x[1] - y[1])[0]?.[0];
          if (!u) throw new Error("A writer found no user.");
          inFlight.set(u, performance.now());
          u.flip = !u.flip;
          const patch = u.flip
            ? { profile: { title: u.title === "RN" ? "MA" : "RN" } }
            : { roleId: u.roleId === roleA ? roleB : roleA };
          context.user = u;
          context.patch = patch;
          return {
            ...request,
            method: "PATCH",
            path: `${base.pathname}/organizations/${endpoint.organizationId}/users/${u.id}`,
            headers: { ...auth, "content-type": "application/json", "if-match": `"${u.version}"` },
            body: JSON.stringify(patch),
          };
        },
        onResponse: (status, body, context, headers) => {
          const u = context.user;
          inFlight.delete(u);
          if (status !== 200 && process.env.BENCH_DEBUG) console.log(status, String(body).slice(0, 300));
          // Stale: a write still in flight when an earlier run stopped moved the user. Read it again
          // before it goes back to the queue.
          if (status === 412) {
            refresh(u).then(
              () => users.push(u),
              () => users.push(u),
            );
            return;
          }
          if (status === 200) {
            const tag = headers.etag ?? headers.ETag;
            u.version = Number(String(tag).replace(/"/g, ""));
            if (context.patch.roleId) u.roleId = context.patch.roleId;
            else u.title = context.patch.profile.title;
          }
          users.push(u);
        },
      },
    ],
  });
  const [r, w] = await Promise.all([readRun, writeRun]);
  const total = r.requests.total + w.requests.total;
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ r: r.statusCodeStats, w: w.statusCodeStats }));
  return {
    "req/s": Math.round(total / seconds),
    "reads/s": Math.round(r.requests.total / seconds),
    "writes/s": Math.round(w.requests.total / seconds),
    "read p50 ms": r.latency.p50,
    "read p99 ms": r.latency.p99,
    "write p50 ms": w.latency.p50,
    "write p99 ms": w.latency.p99,
    requests: total,
    "non-2xx": r.non2xx + w.non2xx,
    errors: r.errors + w.errors + r.timeouts + w.timeouts,
  };
}
