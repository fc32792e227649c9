import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { storeWorld } from "@staffroom/core/store";
import { migrate, postgresStore } from "@staffroom/postgres";
import pg from "pg";
import { afterAll, describe, it } from "vitest";
import { closeRestWorlds, restWorldOver } from "../src/testing";
import { fuzzBackend, MAX_BODY, reportFuzz } from "./fuzz-harness";

/*
 * The route fuzz over the PostgreSQL store: PGlite in memory, and the real server at DATABASE_URL
 * (in a schema of its own, dropped afterwards). A refused request must leave every table exactly as
 * it was: the state is a digest of every row of every table.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const DATABASE_URL = process.env.DATABASE_URL || undefined;

const TABLES = [
  "organizations",
  "locations",
  "roles",
  "accounts",
  "users",
  "invitations",
  "sessions",
  "counters",
  "secret_tokens",
  "audit_events",
];

/** What both PGlite and a pg Pool offer. */
interface Queryable {
  query(text: string): Promise<{ rows: unknown[] }>;
}

/** A digest of every row of every table: any write changes it. */
function tableDigest(db: Queryable): () => Promise<unknown> {
  const sql = TABLES.map(
    (t) =>
      `SELECT '${t}' AS t, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS d FROM ${t} r`,
  ).join(" UNION ALL ");
  return async () => (await db.query(sql)).rows;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await closeRestWorlds();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("R14 fuzz: every route over the PostgreSQL store", () => {
  it(`PGlite: answers ${RUNS} generated requests (hostile text, forged cursors, impossible dates included) without a 5xx, and refusals change nothing`, async () => {
    const db = new PGlite({ extensions: { pg_trgm } });
    cleanups.push(() => db.close());
    await migrate(db);
    const world = await restWorldOver(await storeWorld(postgresStore({ client: db })), {
      handler: { maxBodyBytes: MAX_BODY },
    });
    const statuses = await fuzzBackend({ world, storeState: tableDigest(db), stateIsComplete: true }, RUNS);
    reportFuzz("PGlite", statuses, RUNS);
  }, 600_000);

  it.skipIf(DATABASE_URL === undefined)(
    `PostgreSQL (DATABASE_URL): answers ${RUNS} generated requests (hostile text, forged cursors, impossible dates included) without a 5xx, and refusals change nothing`,
    async () => {
      const url = DATABASE_URL ?? "";
      const schema = `fuzz_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Pool({ connectionString: url, max: 1 });
      // pg_trgm lives in public, created once under the lock the postgres package's tests use.
      await admin.query("SELECT pg_advisory_lock(1937006950, 2)");
      try {
        await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
      } finally {
        await admin.query("SELECT pg_advisory_unlock(1937006950, 2)");
      }
      await admin.query(`CREATE SCHEMA ${schema}`);
      const pool = new pg.Pool({
        connectionString: url,
        max: 10,
        options: `-c search_path=${schema},public`,
      });
      cleanups.push(async () => {
        await pool.end();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      });
      await migrate(pool);
      const world = await restWorldOver(await storeWorld(postgresStore({ client: pool })), {
        handler: { maxBodyBytes: MAX_BODY },
      });
      const statuses = await fuzzBackend(
        { world, storeState: tableDigest(pool), stateIsComplete: true },
        RUNS,
      );
      reportFuzz("PostgreSQL", statuses, RUNS);
    },
    600_000,
  );
});
