/**
 * A row as a driver returns it: column name → parsed value.
 *
 * @example { id: "usr_0000000001", version: 3 }
 */
export type SqlRow = Record<string, unknown>;

/**
 * What runs one statement. Parameters are always bound, never interpolated.
 *
 * @example const rows = await q.query("SELECT id FROM users WHERE id = $1", [id]);
 */
export interface SqlQueryable {
  query(text: string, params?: readonly unknown[]): Promise<SqlRow[]>;
}

/**
 * Options of one {@link SqlClient.transaction}.
 *
 * @example { readOnly: true }
 */
export interface SqlTransactionOptions {
  /** A read-only snapshot (REPEATABLE READ READ ONLY). Default false: READ COMMITTED, read-write. */
  readonly readOnly?: boolean;
}

/**
 * The store's only view of a database: statements and transactions. Two adapters implement it —
 * a node-postgres `Pool` and a PGlite instance — so every SQL statement of the store is written once.
 *
 * @example
 * const client = toSqlClient(new Pool({ connectionString }));
 * await client.transaction((q) => q.query("SELECT 1"));
 */
export interface SqlClient extends SqlQueryable {
  /** Which driver is behind it. */
  readonly kind: "pg" | "pglite";
  /**
   * Runs `work` in BEGIN … COMMIT on one connection; ROLLBACK and rethrow (unchanged) when it
   * rejects. Concurrent calls never interleave on one connection.
   */
  transaction<T>(work: (q: SqlQueryable) => Promise<T>, options?: SqlTransactionOptions): Promise<T>;
  /** Ends the pool (pg) or closes the database (PGlite). Idempotent. */
  close(): Promise<void>;
}

/**
 * The part of a node-postgres `PoolClient` the store uses. Declared structurally so the package
 * needs neither `pg` nor its types at runtime.
 *
 * @example const client: PgPoolClientLike = await pool.connect();
 */
export interface PgPoolClientLike {
  query(text: string, values?: unknown[]): Promise<{ rows: SqlRow[] }>;
  /** A named (prepared) statement: `{ name, text, values }`, as node-postgres takes it. */
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: SqlRow[] }>;
  release(error?: Error | boolean): void;
}

/**
 * The part of a node-postgres `Pool` the store uses (a `pg.Pool` satisfies it).
 *
 * @example const pool: PgPoolLike = new Pool({ connectionString: process.env.DATABASE_URL });
 */
export interface PgPoolLike {
  connect(): Promise<PgPoolClientLike>;
  query(text: string, values?: unknown[]): Promise<{ rows: SqlRow[] }>;
  end(): Promise<void>;
  readonly totalCount: number;
}

/**
 * The part of a PGlite transaction the store uses.
 *
 * @example await db.transaction((tx: PGliteTransactionLike) => tx.query("SELECT 1"));
 */
export interface PGliteTransactionLike {
  query(text: string, params?: unknown[]): Promise<{ rows: SqlRow[] }>;
}

/**
 * The part of a PGlite instance the store uses (a `PGlite` satisfies it).
 *
 * @example const db: PGliteLike = new PGlite({ extensions: { pg_trgm } });
 */
export interface PGliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: SqlRow[] }>;
  exec(text: string): Promise<unknown>;
  transaction<T>(callback: (tx: PGliteTransactionLike) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly closed: boolean;
}

/**
 * What `postgresStore` and `migrate` accept: a node-postgres `Pool` or a PGlite instance.
 *
 * @example postgresStore({ client: new Pool({ connectionString }) })
 */
export type PostgresClient = PgPoolLike | PGliteLike;
