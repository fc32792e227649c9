import type { DirectoryStore, StoreTransaction, TransactionOptions } from "@staffroom/core/store";
import { LOCK_SQL, lockKeys } from "./locks";
import type { PostgresClient, SqlClient } from "./sql-client";
import { toSqlClient } from "./to-sql-client";
import { PostgresTransaction } from "./transaction";

/**
 * Options of {@link postgresStore}.
 *
 * @example { client: new Pool({ connectionString: process.env.DATABASE_URL }) }
 */
export interface PostgresStoreOptions {
  /**
   * A node-postgres `Pool` or a PGlite instance, already migrated with `migrate(client)`. The
   * store uses the tables of the connection's `search_path`. `close()` ends it.
   */
  readonly client: PostgresClient;
  /**
   * With a Pool: send the store's fixed statements (point reads, writes, the session and actor
   * reads) as named prepared statements, parsed and planned once per connection. Default true.
   * Set false behind a pooler that cannot carry prepared statements (PgBouncer before 1.21 in
   * transaction mode). Lists, counts and audit queries are never prepared (their plans depend on
   * their values). Ignored for PGlite.
   */
  readonly prepare?: boolean;
}

/**
 * The {@link DirectoryStore} on PostgreSQL.
 *
 * @example const store: PostgresStore = postgresStore({ client: pool });
 */
export interface PostgresStore extends DirectoryStore {
  /** See {@link postgresStore} for how transactions run. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Ends the pool or closes the PGlite database. Idempotent. */
  close(): Promise<void>;
  /** Which driver is behind the store. */
  readonly driver: "pg" | "pglite";
}

/**
 * Creates the PostgreSQL store: one SQL code path over a node-postgres `Pool` (any number of
 * server instances sharing one database) or PGlite (PostgreSQL in WebAssembly, embedded).
 *
 * - A write transaction is BEGIN … COMMIT (READ COMMITTED) on one connection; it first takes a
 *   transaction-level advisory lock per name in `options.lock` (`pg_advisory_xact_lock` on a
 *   64-bit hash, in one global order, so no two transactions deadlock on them). Core locks the
 *   organization for every mutation, so rules that read then write (last administrator R6, seats
 *   R9, the audit chain R18) see every earlier commit, across every process on the database.
 * - Counters and single-use tokens are single statements (`UPDATE … WHERE … RETURNING`), atomic
 *   without any lock; `update*` methods are compare-and-set on `version`.
 * - A `readOnly` transaction is a REPEATABLE READ READ ONLY snapshot and takes no lock; a write
 *   inside it raises.
 * - When `work` rejects, the transaction rolls back and the rejection propagates unchanged.
 * - PGlite is one connection: transactions of one process queue behind each other. With either
 *   driver, do not start a transaction from inside another one's work.
 *
 * @param options `{ client }`: a `pg.Pool` or a `PGlite` instance, migrated.
 * @example
 * const pool = new Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const directory = createDirectory({ store: postgresStore({ client: pool }) });
 */
export function postgresStore(options: PostgresStoreOptions): PostgresStore {
  const sql: SqlClient = toSqlClient(options.client, { prepare: options.prepare ?? true });
  return {
    driver: sql.kind,
    transaction<T>(
      work: (tx: StoreTransaction) => Promise<T>,
      txOptions: TransactionOptions = {},
    ): Promise<T> {
      const readOnly = txOptions.readOnly === true;
      return sql.transaction(
        async (q) => {
          const locks = readOnly ? [] : lockKeys(txOptions.lock ?? []);
          if (locks.length > 0) await q.query(LOCK_SQL, [locks]);
          const tx = new PostgresTransaction(q, readOnly);
          try {
            return await work(tx);
          } finally {
            tx.finish();
          }
        },
        { readOnly },
      );
    },
    close: () => sql.close(),
  };
}
