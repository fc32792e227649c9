import type { DirectoryStore } from "@staffroom/core";
import { memoryStore } from "@staffroom/core/memory";

/** Options of {@link openStore}. */
export interface StoreOptions {
  /**
   * Start from an empty store even when a durable one has data (`--reset`). The memory store is
   * always empty, so it ignores this. Default false.
   */
  readonly reset?: boolean;
}

/** An open store: the store, how to close it, and whether it is empty (so the caller seeds it). */
export interface OpenStore {
  readonly store: DirectoryStore;
  close(): Promise<void>;
  /** True when the store holds nothing yet: the server seeds it. */
  readonly fresh: boolean;
}

/**
 * The demo server's one store factory — the only module that knows which store backs the demo.
 * Today: core's `memoryStore()` (state lives as long as the process). The PostgreSQL issue swaps the
 * body for PGlite or a `DATABASE_URL` without touching the rest of the server, which only ever sees
 * a `DirectoryStore`, seeds it when `fresh`, and calls `close()` on shutdown and before `/demo/reset`
 * opens the store again with `reset: true`.
 *
 * @example
 * const { store, close, fresh } = await openStore({ reset: false });
 * if (fresh) await seedDemo(createDemoDirectory({ store, … }), …);
 */
export async function openStore(_options: StoreOptions = {}): Promise<OpenStore> {
  const store = memoryStore();
  return { store, fresh: true, close: async () => {} };
}
