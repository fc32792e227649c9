import { preparedName } from "./prepared";
import type { PgPoolLike, SqlClient, SqlQueryable, SqlRow, SqlTransactionOptions } from "./sql-client";

const READ_ONLY_BEGIN = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

/**
 * Options of {@link pgClient}.
 *
 * @example { prepare: false } // behind PgBouncer before 1.21 in transaction mode
 */
export interface PgClientOptions {
  /**
   * Send the store's fixed statements as named prepared statements (parsed and planned once per
   * connection). Default true. Turn off behind a pooler that cannot carry them (PgBouncer before
   * 1.21 in transaction mode).
   */
  readonly prepare?: boolean;
}

/**
 * Wraps a node-postgres `Pool`: each transaction takes its own connection from the pool, runs
 * BEGIN … COMMIT on it and gives it back, so transactions of one process run side by side and
 * serialise only where their advisory locks or rows meet. Statements marked `prepared()` go as
 * named statements unless `prepare` is false.
 *
 * @example const client = pgClient(new Pool({ connectionString: process.env.DATABASE_URL }));
 */
export function pgClient(pool: PgPoolLike, options: PgClientOptions = {}): SqlClient {
  const prepare = options.prepare !== false;
  let closed = false;
  return {
    kind: "pg",
    query: async (text, params = []) => (await pool.query(text, [...params])).rows,
    async transaction<T>(work: (q: SqlQueryable) => Promise<T>, options: SqlTransactionOptions = {}) {
      const connection = await pool.connect();
      // Set when BEGIN, COMMIT or ROLLBACK itself failed: the connection's state is then unknown
      // and it is destroyed instead of going back to the pool.
      let destroy: Error | undefined;
      const control = async (text: string): Promise<void> => {
        try {
          await connection.query(text);
        } catch (error) {
          destroy = asError(error);
          throw error;
        }
      };
      try {
        await control(options.readOnly ? READ_ONLY_BEGIN : "BEGIN");
        // One statement at a time on the connection: callers may fire several at once (Promise.all),
        // which node-postgres only queues with a deprecation warning (and pg 9 will refuse).
        let tail: Promise<unknown> = Promise.resolve();
        const q: SqlQueryable = {
          query: (text, params = []): Promise<SqlRow[]> => {
            const name = prepare ? preparedName(text) : undefined;
            const run = tail.then(
              async () =>
                (
                  await (name === undefined
                    ? connection.query(text, [...params])
                    : connection.query({ name, text, values: [...params] }))
                ).rows,
            );
            tail = run.catch(() => {});
            return run;
          },
        };
        let result: T;
        try {
          result = await work(q);
        } catch (error) {
          await control("ROLLBACK").catch(() => {});
          throw error;
        }
        await control("COMMIT");
        return result;
      } finally {
        connection.release(destroy ?? false);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
