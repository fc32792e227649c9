/**
 * Default maximum number of items per chunk of a {@link SortedIndex}: 512.
 *
 * @example memoryStore({ sortedChunkSize: DEFAULT_CHUNK_SIZE })
 */
export const DEFAULT_CHUNK_SIZE = 512;

/**
 * A sorted list of distinct items (no two compare equal) kept in chunks of at most `chunkSize`, so an
 * insert or removal costs a binary search plus moving at most one chunk — not the whole list. This
 * is what keeps incremental maintenance of a 100 000-user presorted index cheap.
 *
 * @example
 * const index = SortedIndex.build([3, 1, 2], (a, b) => a - b); // default chunk size 512
 * index.insert(0);
 * index.forEachFrom((x) => x > 1, (x) => { console.log(x); return true; }); // 2, 3
 */
export class SortedIndex<T> {
  private chunks: T[][] = [];
  private count = 0;

  /**
   * @param compare total order of the items; 0 only for the same item.
   * @param chunkSize maximum items per chunk (default {@link DEFAULT_CHUNK_SIZE}); a full chunk splits in two.
   */
  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly chunkSize: number = DEFAULT_CHUNK_SIZE,
  ) {
    if (!(chunkSize >= 2)) throw new Error("SortedIndex: chunkSize must be at least 2.");
  }

  /**
   * Builds an index from unsorted items in O(n log n). The array is sorted in place.
   *
   * @example SortedIndex.build(entries, byName, 512)
   */
  static build<T>(
    items: T[],
    compare: (a: T, b: T) => number,
    chunkSize = DEFAULT_CHUNK_SIZE,
  ): SortedIndex<T> {
    const index = new SortedIndex(compare, chunkSize);
    items.sort(compare);
    const fill = Math.max(1, chunkSize >> 1);
    for (let i = 0; i < items.length; i += fill) index.chunks.push(items.slice(i, i + fill));
    index.count = items.length;
    return index;
  }

  /** Number of items. */
  get size(): number {
    return this.count;
  }

  /** Inserts `item` at its place. Inserting an item that compares equal to a present one is a bug. */
  insert(item: T): void {
    const at = this.lowerBound(item);
    if (at === null) {
      const last = this.chunks[this.chunks.length - 1];
      if (last) last.push(item);
      else this.chunks.push([item]);
      this.afterGrow(this.chunks.length - 1);
    } else {
      const chunk = this.chunks[at.chunk] as T[];
      const present = chunk[at.offset] as T;
      if (this.compare(present, item) === 0) throw new Error("SortedIndex: duplicate item.");
      chunk.splice(at.offset, 0, item);
      this.afterGrow(at.chunk);
    }
    this.count++;
  }

  /** Removes the item comparing equal to `item`; returns whether there was one. */
  remove(item: T): boolean {
    const at = this.lowerBound(item);
    if (at === null) return false;
    const chunk = this.chunks[at.chunk] as T[];
    if (this.compare(chunk[at.offset] as T, item) !== 0) return false;
    chunk.splice(at.offset, 1);
    if (chunk.length === 0) this.chunks.splice(at.chunk, 1);
    this.count--;
    return true;
  }

  /**
   * Replaces the present item comparing equal to `next` (same sort position) by `next`; returns
   * whether there was one.
   */
  replace(next: T): boolean {
    const at = this.lowerBound(next);
    if (at === null) return false;
    const chunk = this.chunks[at.chunk] as T[];
    if (this.compare(chunk[at.offset] as T, next) !== 0) return false;
    chunk[at.offset] = next;
    return true;
  }

  /**
   * Visits items in order, starting at the first for which `startWhen` is true (`startWhen` must be
   * false for a prefix of the order and true after it; null starts at the beginning), until `visit`
   * returns false.
   */
  forEachFrom(startWhen: ((item: T) => boolean) | null, visit: (item: T) => boolean): void {
    const start = startWhen ? this.firstWhere(startWhen) : { chunk: 0, offset: 0 };
    if (start === null) return;
    const chunks = this.chunks;
    let offset = start.offset;
    for (let c = start.chunk; c < chunks.length; c++) {
      const chunk = chunks[c] as T[];
      for (let i = offset; i < chunk.length; i++) {
        if (!visit(chunk[i] as T)) return;
      }
      offset = 0;
    }
  }

  /** All items in order (a copy). */
  toArray(): T[] {
    return this.chunks.flat();
  }

  private lowerBound(item: T): { chunk: number; offset: number } | null {
    return this.firstWhere((x) => this.compare(x, item) >= 0);
  }

  /** Position of the first item satisfying a monotone predicate, or null when none does. */
  private firstWhere(pred: (item: T) => boolean): { chunk: number; offset: number } | null {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = chunks[mid] as T[];
      if (pred(chunk[chunk.length - 1] as T)) hi = mid;
      else lo = mid + 1;
    }
    if (lo === chunks.length) return null;
    const chunk = chunks[lo] as T[];
    let a = 0;
    let b = chunk.length - 1;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (pred(chunk[mid] as T)) b = mid;
      else a = mid + 1;
    }
    return { chunk: lo, offset: a };
  }

  private afterGrow(at: number): void {
    const chunk = this.chunks[at] as T[];
    if (chunk.length <= this.chunkSize) return;
    const half = chunk.length >> 1;
    this.chunks.splice(at + 1, 0, chunk.splice(half));
  }
}
