// `pnpm --filter @staffroom/rest bench:reset` (after `pnpm build`): how long POST /auth/password-reset
// takes to answer for an email that has an account and for one that has none, through REST
// (node:http on 127.0.0.1, fetch from the same process) over the memory store, PGlite and — when
// DATABASE_URL is set — a real PostgreSQL server. If the two differ, the answer time tells an
// attacker which emails have accounts (W13 promises the same answer either way).
//
// Known and unknown emails are asked in one shuffled sequence (seeded, so runs compare), one
// request at a time, each known email once (so the per-account limit of 3 per window never drops
// one). The mailer takes BENCH_MAIL_MS (default 20 ms) per message, a fast SMTP relay's hand-off.
// The per-client throttle is set out of the way (every request comes from 127.0.0.1): this
// measures the answer, not the throttle.
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { createDirectory, manualClock, pbkdf2Hasher } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";
import { standardBootstrap } from "@staffroom/core/testing";
import { migrate, postgresStore } from "@staffroom/postgres";
import pg from "pg";
import { createRestHandler, toNodeListener } from "../dist/server.js";

const PER_KIND = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const MAIL_MS = Number(process.env.BENCH_MAIL_MS ?? 20);
const BASE = "/api/staffroom";

/** A mailer that takes MAIL_MS per message, as handing a message to a relay does. */
function slowMailer() {
  let sent = 0;
  return {
    get sent() {
      return sent;
    },
    async send() {
      await new Promise((resolve) => setTimeout(resolve, MAIL_MS));
      sent += 1;
    },
  };
}

/** A deterministic PRNG (mulberry32), so every run asks in the same order. */
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

async function measure(label, store) {
  const mailer = slowMailer();
  const directory = createDirectory({
    store,
    mailer,
    clock: manualClock("2026-11-23T12:00:00Z"),
    passwords: pbkdf2Hasher({ iterations: 1000 }),
    // Off the benchmark's way: every request comes from one address, and no email is asked twice.
    policy: { clientResetRequestsPerWindow: 1_000_000 },
  });
  const { organization, location, user } = await directory.bootstrap(standardBootstrap());
  const admin = directory.forActor({ organizationId: organization.id, userId: user.id });
  const roles = await admin.roles.list();
  const frontDesk = roles.find((r) => r.name === "Front Desk") ?? roles[0];
  const known = [];
  for (let i = 0; i < PER_KIND + WARM_UP; i++) {
    const email = `staff.${i}@harbor-bench.example`;
    await admin.users.create({
      email,
      profile: { givenName: "Bench", familyName: `Person ${i}` },
      roleId: frontDesk.id,
      locationAccess: [location.id],
      primaryLocationId: location.id,
      password: "amber-kettle-orchard-plume-19",
    });
    known.push(email);
  }
  const handler = createRestHandler(directory, { basePath: BASE, onError: () => undefined });
  const server = createServer({ keepAliveTimeout: 10_000 }, toNodeListener(handler));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}${BASE}/auth/password-reset`;
  const ask = async (email) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ email }),
    });
    await response.text();
    const took = performance.now() - started;
    if (response.status !== 204) throw new Error(`${label}: HTTP ${response.status} for ${email}`);
    return took;
  };
  const next = random(7);
  const sequence = [
    ...known.slice(WARM_UP).map((email) => ({ kind: "known", email })),
    ...Array.from({ length: PER_KIND }, (_, i) => ({
      kind: "unknown",
      email: `nobody.${i}@harbor-bench.example`,
    })),
  ];
  for (let i = sequence.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sequence[i], sequence[j]] = [sequence[j], sequence[i]];
  }
  for (let i = 0; i < WARM_UP; i++) {
    await ask(known[i]);
    await ask(`warm.${i}@harbor-bench.example`);
  }
  const samples = { known: [], unknown: [] };
  for (const { kind, email } of sequence) samples[kind].push(await ask(email));
  // Mail still on its way (when it is sent after answering) must arrive before the count is read.
  if (typeof directory.settled === "function") await directory.settled();
  await new Promise((resolve) => setTimeout(resolve, MAIL_MS + 50));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  const k = summarise(samples.known);
  const u = summarise(samples.unknown);
  return {
    store: label,
    "known median ms": ms(k.median),
    "unknown median ms": ms(u.median),
    "median gap ms": ms(k.median - u.median),
    "known p95 ms": ms(k.p95),
    "unknown p95 ms": ms(u.p95),
    "p95 gap ms": ms(k.p95 - u.p95),
    "links mailed": mailer.sent,
  };
}

console.log(
  `\n== POST /auth/password-reset over HTTP on 127.0.0.1: ${PER_KIND} known + ${PER_KIND} unknown emails, ` +
    `shuffled, one at a time, mail hand-off ${MAIL_MS} ms ==`,
);
const rows = [await measure("memory", memoryStore())];
const lite = new PGlite();
await migrate(lite);
rows.push(await measure("PGlite", postgresStore({ client: lite })));
await lite.close();
if (process.env.DATABASE_URL) {
  const schema = `bench_reset_${process.pid}`;
  const admin = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 10,
    options: `-c search_path=${schema},public`,
  });
  try {
    await migrate(pool);
    rows.push(await measure("PostgreSQL", postgresStore({ client: pool })));
  } finally {
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
} else {
  console.log("PostgreSQL: skipped (set DATABASE_URL to include a real server)");
}
console.table(rows);
