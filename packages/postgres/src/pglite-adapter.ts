import type { PGliteLike, SqlClient, SqlQueryable, SqlRow, SqlTransactionOptions } from "./sql-client";

/**
 * Wraps a PGlite instance. PGlite is one connection: its `transaction()` holds PGlite's own mutex,
 * and its `query()` waits on the same mutex, so concurrent transactions of one process queue one
 * behind the other instead of interleaving their statements. Do not start a transaction from
 * inside another's work: it waits for the outer one, which waits for it.
 *
 * @example const client = pgliteClient(new PGlite({ extensions: { pg_trgm } }));
 */
export function pgliteClient(db: PGliteLike): SqlClient {
  const query = async (text: string, params: readonly unknown[] = []): Promise<SqlRow[]> =>
    (await db.query(text, [...params])).rows;
  return {
    kind: "pglite",
    query,
    transaction<T>(work: (q: SqlQueryable) => Promise<T>, options: SqlTransactionOptions = {}) {
      return db.transaction(async (tx) => {
        if (options.readOnly) await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
        return work({ query: async (text, params = []) => (await tx.query(text, [...params])).rows });
      });
    },
    async close() {
      if (!db.closed) await db.close();
    },
  };
}
