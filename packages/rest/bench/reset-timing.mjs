// `pnpm --filter @staffroom/rest bench:reset` (after `pnpm build`): how long POST /auth/password-reset
// takes to answer for an email that has an account and for one that has none, through REST
// (node:http on 127.0.0.1) over the memory store, PGlite and — when DATABASE_URL is set — a real
// PostgreSQL server. If the two differ, the answer time tells an attacker which emails have
// accounts (W13 promises the same answer either way).
//
// The server runs on a worker thread (reset-timing-server.mjs), the client here, so work the server
// does after answering cannot delay the client's reading of the answer (as for a remote client).
// Known and unknown emails are asked one request at a time in one shuffled order, each known email
// once (so the per-account limit of 3 per window never drops one). The "after known / after
// unknown" columns split the times by the kind of the request before: work a server does after
// answering can only show in later requests' times (it does on PGlite, which runs in the server's
// own thread). The mailer takes BENCH_MAIL_MS (default 20 ms) per message, a fast SMTP relay's hand-off.
// The per-client throttle is set out of the way (every request comes from 127.0.0.1): this
// measures the answer, not the throttle.
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import pg from "pg";

const PER_KIND = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const MAIL_MS = Number(process.env.BENCH_MAIL_MS ?? 20);
const BASE = "/api/staffroom";

/** A deterministic PRNG (mulberry32). */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

const ms = (value) => Number(value.toFixed(2));

function next(worker) {
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

async function measure(kind, extra = {}) {
  const worker = new Worker(new URL("./reset-timing-server.mjs", import.meta.url), {
    workerData: { kind, users: PER_KIND + WARM_UP, mailMs: MAIL_MS, basePath: BASE, ...extra },
  });
  const { port, known } = await next(worker);
  const url = `http://127.0.0.1:${port}${BASE}/auth/password-reset`;
  const ask = async (email) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ email }),
    });
    await response.text();
    const took = performance.now() - started;
    if (response.status !== 204) throw new Error(`${kind}: HTTP ${response.status} for ${email}`);
    return took;
  };
  // One shuffled sequence (seeded, so runs compare): a request's predecessor is as likely to be
  // known for a known email as for an unknown one.
  const shuffle = random(7);
  const sequence = [
    ...known.slice(WARM_UP).map((email) => ({ kind: "known", email })),
    ...Array.from({ length: PER_KIND }, (_, i) => ({
      kind: "unknown",
      email: `nobody.${i}@harbor-bench.example`,
    })),
  ];
  for (let i = sequence.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [sequence[i], sequence[j]] = [sequence[j], sequence[i]];
  }
  for (let i = 0; i < WARM_UP; i++) {
    await ask(known[i]);
    await ask(`warm.${i}@harbor-bench.example`);
  }
  const samples = { known: [], unknown: [] };
  // Also by the kind of the request before: work a server does after answering one request can
  // only show in the next one's time.
  const afterKnown = [];
  const afterUnknown = [];
  let previous = "unknown";
  for (const { kind: which, email } of sequence) {
    const took = await ask(email);
    samples[which].push(took);
    (previous === "known" ? afterKnown : afterUnknown).push(took);
    previous = which;
  }
  worker.postMessage("stop");
  const { sent } = await next(worker);
  await worker.terminate();
  const k = summarise(samples.known);
  const u = summarise(samples.unknown);
  return {
    store: kind,
    "known median ms": ms(k.median),
    "unknown median ms": ms(u.median),
    "median gap ms": ms(k.median - u.median),
    "known p95 ms": ms(k.p95),
    "unknown p95 ms": ms(u.p95),
    "p95 gap ms": ms(k.p95 - u.p95),
    "after known median ms": ms(summarise(afterKnown).median),
    "after unknown median ms": ms(summarise(afterUnknown).median),
    "links mailed": sent,
  };
}

console.log(
  `\n== POST /auth/password-reset over HTTP on 127.0.0.1: ${PER_KIND} known + ${PER_KIND} unknown emails, ` +
    `shuffled, one at a time, mail hand-off ${MAIL_MS} ms ==`,
);
const rows = [await measure("memory"), await measure("PGlite")];
if (process.env.DATABASE_URL) {
  const schema = `bench_reset_${process.pid}`;
  const admin = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    rows.push(await measure("PostgreSQL", { databaseUrl: process.env.DATABASE_URL, schema }));
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
} else {
  console.log("PostgreSQL: skipped (set DATABASE_URL to include a real server)");
}
console.table(rows);
