import type { TestDatabase } from "./databases";

/** A statement on a test database's client (PGlite or a Pool). */
export type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** The client of a test database as a {@link Query}. @example await queryOf(db)("SELECT 1") */
export const queryOf =
  (db: TestDatabase): Query =>
  (text, params) =>
    (db.client as { query: Query }).query(text, params);

/**
 * Every row of every table of the test schema, as PostgreSQL prints it (`row::text`), with the
 * table names: for proofs that a value is nowhere in the database, not only absent from the API.
 *
 * @example expect((await dumpSchema(db)).text).not.toContain("Quillon");
 */
export async function dumpSchema(db: TestDatabase): Promise<{ tables: string[]; text: string }> {
  const q = queryOf(db);
  const { rows } = await q(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables = rows.map((r) => String(r.table_name));
  const out: string[] = [];
  for (const table of tables) {
    const dumped = await q(`SELECT t::text AS line FROM "${table.replace(/"/g, '""')}" t`);
    out.push(`-- ${table}`, ...dumped.rows.map((r) => String(r.line)));
  }
  return { tables, text: out.join("\n") };
}
