import { storeWorld } from "@staffroom/core/store";
import { migrate, postgresStore } from "@staffroom/postgres";
import pg from "pg";
import { describe, it } from "vitest";
import { fhirSuite } from "./fhir-suite";

/*
 * The FHIR endpoint over a real PostgreSQL server (DATABASE_URL), in a schema of its own that is
 * dropped afterwards. Without DATABASE_URL the suite is skipped.
 */
const DATABASE_URL = process.env.DATABASE_URL || undefined;

if (DATABASE_URL) {
  fhirSuite("PostgreSQL", async () => {
    const schema = `fhir_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
    // pg_trgm lives in public, created once under the lock the postgres package's tests use.
    await admin.query("SELECT pg_advisory_lock(1937006950, 2)");
    try {
      await admin.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
    } finally {
      await admin.query("SELECT pg_advisory_unlock(1937006950, 2)");
    }
    await admin.query(`CREATE SCHEMA ${schema}`);
    const pool = new pg.Pool({
      connectionString: DATABASE_URL,
      max: 10,
      options: `-c search_path=${schema},public`,
    });
    await migrate(pool);
    return {
      world: await storeWorld(postgresStore({ client: pool })),
      close: async () => {
        await pool.end();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  });
} else {
  describe.skip("PostgreSQL: FHIR 4.0.1 endpoint (needs DATABASE_URL)", () => {
    it("is skipped without DATABASE_URL", () => {});
  });
}
