import { type MemoryWorldOptions, type StoreWorld, storeWorld } from "@staffroom/core/store";
import { type PostgresStore, postgresRateLimiter, postgresStore } from "../../src/index";
import type { TestDatabase } from "./databases";

/** Options of {@link postgresWorld}: core's world options. @example { policy: { invitationResendIntervalMs: 0 } } */
export type PostgresWorldOptions = MemoryWorldOptions;

/** A conformance world over a PostgreSQL store, with its directory, store, mailer and clock. */
export type PostgresWorld = StoreWorld<PostgresStore>;

/**
 * A fresh world (core's `storeWorld`) on `postgresStore` and `postgresRateLimiter` over an emptied
 * test database, with one bootstrapped organization — what `memoryWorld` is for the memory store.
 *
 * @example runConformanceSuite("PGlite", () => postgresWorld(database()));
 */
export async function postgresWorld(
  db: TestDatabase,
  options: PostgresWorldOptions = {},
): Promise<PostgresWorld> {
  await db.reset();
  // The store is not closed per world: the file's database outlives its worlds.
  // Per-client throttling counts in the same database, as several server instances would share it.
  return storeWorld(postgresStore({ client: db.client }), {
    rateLimiter: postgresRateLimiter({ client: db.client }),
    ...options,
  });
}

/**
 * One database per test file, created on first use and closed by `close()` (call it in afterAll).
 *
 * @example const db = lazyDatabase(pgliteDatabase); afterAll(db.close);
 */
export function lazyDatabase(open: () => Promise<TestDatabase>): {
  get(): Promise<TestDatabase>;
  close(): Promise<void>;
} {
  let opened: Promise<TestDatabase> | null = null;
  return {
    get: () => {
      opened ??= open();
      return opened;
    },
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}
