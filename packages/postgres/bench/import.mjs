// `pnpm --filter @staffroom/postgres bench:import` (after `pnpm build`): issue 15's CSV import of
// 5 000 rows (core's importSample, 12 of them wrong) through the StaffDirectory API — a dry run, the
// commit, and the same file again (every row unchanged) — on core's memory store and on a real
// PostgreSQL server (DATABASE_URL, else scripts/start-postgres.sh, else skipped). Prints rows/s and
// writes them to bench/bench-results.json under "import".
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createDirectory, manualClock, memoryMailer, pbkdf2Hasher } from "@staffroom/core";
import { importSample, standardBootstrap } from "@staffroom/core/fixtures";
import { memoryStore } from "@staffroom/core/memory";
import pg from "pg";
import { migrate, postgresStore } from "../dist/index.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const here = dirname(fileURLToPath(import.meta.url));

async function importBench(store) {
  const directory = createDirectory({
    store,
    passwords: pbkdf2Hasher({ iterations: 1000 }),
    clock: manualClock("2026-12-06T09:00:00Z"),
    mailer: memoryMailer(),
    policy: { importMaxRows: ROWS },
  });
  // Features the sample uses (mobile login, provider fields) on; case management off, so the
  // sample's case-manager row is one of its 12 errors.
  const { organization, user } = await directory.bootstrap(
    standardBootstrap({
      organization: {
        name: "Bench Clinic",
        features: { mobileApp: true, providerDirectory: true, caseManagement: false, diary: true },
      },
    }),
  );
  const admin = directory.forActor({ organizationId: organization.id, userId: user.id });
  await admin.locations.create({ name: "Northside Clinic" });
  const roles = (await admin.roles.list()).filter((r) => r.template !== "administrator").map((r) => r.name);
  const locations = (await admin.locations.list()).map((l) => l.name);
  const { columns, rows } = importSample({ roles, locations, count: ROWS, domain: "bench.example" });
  const file = { columns, rows };
  const time = async (work) => {
    const t0 = performance.now();
    const report = await work();
    const ms = performance.now() - t0;
    return { ms, report };
  };
  const dry = await time(() => admin.users.import({ ...file, dryRun: true }));
  const commit = await time(() => admin.users.import({ ...file, dryRun: false }));
  const again = await time(() => admin.users.import({ ...file, dryRun: false }));
  if (JSON.stringify({ ...commit.report, dryRun: true }) !== JSON.stringify(dry.report)) {
    throw new Error("the commit's report differs from the dry run's");
  }
  const { created, invited, updated } = again.report.counts;
  if (created + invited + updated > 0) throw new Error("the second import changed something");
  const row = (label, { ms, report }) => ({
    run: label,
    rows: ROWS,
    ms: Math.round(ms),
    "rows/s": Math.round((ROWS / ms) * 1000),
    result: Object.entries(report.counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(", "),
  });
  return [row("dry run", dry), row("commit", commit), row("same file again", again)];
}

function serverUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  try {
    const out = execFileSync(join(here, "../scripts/start-postgres.sh"), {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    return out.trim().split("\n").at(-1);
  } catch {
    return null;
  }
}

async function onPostgres() {
  const url = serverUrl();
  if (!url) return null;
  const schema = `bench_import_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema},public` });
  try {
    await migrate(pool);
    const { rows } = await pool.query("SHOW server_version");
    return {
      label: `PostgreSQL ${rows[0].server_version}`,
      rows: await importBench(postgresStore({ client: pool })),
    };
  } finally {
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const results = {};
console.log(`\n== users.import of ${ROWS.toLocaleString("en-US")} rows: memory store ==`);
results.memory = await importBench(memoryStore());
console.table(results.memory);
if (process.env.BENCH_ONLY !== "memory") {
  const postgres = await onPostgres();
  if (postgres) {
    console.log(`\n== users.import of ${ROWS.toLocaleString("en-US")} rows: ${postgres.label} ==`);
    console.table(postgres.rows);
    results[postgres.label] = postgres.rows;
  } else console.log("\n== PostgreSQL: SKIPPED — no DATABASE_URL and no server could be started ==");
}

const file = join(here, "bench-results.json");
const previous = await readFile(file, "utf8").then(JSON.parse, () => ({}));
previous.import = {
  command: "pnpm --filter @staffroom/postgres bench:import",
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  // Other work on the machine skews the figures: the 1-minute load average when the run ended.
  load: Number(loadavg()[0]?.toFixed(1)),
  results,
};
await writeFile(file, `${JSON.stringify(previous, null, 2)}\n`);
