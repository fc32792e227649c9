/**
 * The in-memory store: `memoryStore()` implements the `DirectoryStore` port with atomic, serialised
 * transactions and indexed user queries.
 *
 * @example
 * import { memoryStore } from "@staffroom/core/memory";
 * const store = memoryStore();
 */
export {
  DEFAULT_SMALL_CANDIDATE_LIMIT,
  type MemoryStore,
  type MemoryStoreOptions,
  type MemoryStoreStats,
  type MemoryStoreUnsafe,
  memoryStore,
} from "./memory-store";
export { DEFAULT_CHUNK_SIZE } from "./sorted-index";
export type { UserQueryStats } from "./user-query";
