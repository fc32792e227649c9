/**
 * A growable set of small non-negative integers (user slots) as a bitmap, with its size. Filters
 * combine bitmaps word by word (32 users per operation), which is what makes filtering 100 000
 * users take microseconds.
 *
 * @example
 * const practitioners = new Bits();
 * practitioners.add(3);
 * practitioners.has(3); // true
 */
export class Bits {
  /** The bitmap; bit `slot & 31` of word `slot >>> 5`. May be shorter than other bitmaps (missing words are 0). */
  words: Uint32Array;
  /** Number of bits set. */
  count = 0;

  /** @param words initial capacity in 32-bit words (default 0; grows on demand). */
  constructor(words = 0) {
    this.words = new Uint32Array(words);
  }

  has(slot: number): boolean {
    return hasBit(this.words, slot);
  }

  add(slot: number): void {
    const w = slot >>> 5;
    if (w >= this.words.length) {
      const grown = new Uint32Array(Math.max(w + 1, this.words.length * 2, 4));
      grown.set(this.words);
      this.words = grown;
    }
    const mask = 1 << (slot & 31);
    const word = this.words[w] as number;
    if ((word & mask) === 0) {
      this.words[w] = word | mask;
      this.count++;
    }
  }

  delete(slot: number): void {
    const w = slot >>> 5;
    if (w >= this.words.length) return;
    const mask = 1 << (slot & 31);
    const word = this.words[w] as number;
    if ((word & mask) !== 0) {
      this.words[w] = word & ~mask;
      this.count--;
    }
  }
}

/**
 * Whether `slot` is set in a bitmap.
 *
 * @example hasBit(filter, entry.slot)
 */
export function hasBit(words: Uint32Array, slot: number): boolean {
  return slot >= 0 && (((words[slot >>> 5] ?? 0) >>> (slot & 31)) & 1) === 1;
}

/**
 * `target |= source`, over `target`'s length.
 *
 * @example orInto(filter, statuses.get("active"))
 */
export function orInto(target: Uint32Array, source: Bits | undefined): void {
  if (!source) return;
  const src = source.words;
  const n = Math.min(target.length, src.length);
  for (let i = 0; i < n; i++) target[i] = (target[i] as number) | (src[i] as number);
}

/**
 * `target &= other` (missing words of `other` count as 0).
 *
 * @example andInto(filter, union)
 */
export function andInto(target: Uint32Array, other: Uint32Array): void {
  const n = Math.min(target.length, other.length);
  for (let i = 0; i < n; i++) target[i] = (target[i] as number) & (other[i] as number);
  target.fill(0, n);
}

/**
 * `target &= ~other`.
 *
 * @example andNotInto(filter, practitioners.words)
 */
export function andNotInto(target: Uint32Array, other: Uint32Array): void {
  const n = Math.min(target.length, other.length);
  for (let i = 0; i < n; i++) target[i] = (target[i] as number) & ~(other[i] as number);
}

/**
 * Number of bits set.
 *
 * @example popcount(filter) // total of a query without search terms
 */
export function popcount(words: Uint32Array): number {
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    let v = words[i] as number;
    if (v === 0) continue;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
  }
  return total;
}

/**
 * Calls `visit` with every set bit, ascending.
 *
 * @example forEachBit(filter, (slot) => rows.push(bySlot[slot]));
 */
export function forEachBit(words: Uint32Array, visit: (slot: number) => void): void {
  for (let i = 0; i < words.length; i++) {
    let w = words[i] as number;
    while (w !== 0) {
      const low = w & -w;
      visit((i << 5) + (31 - Math.clz32(low)));
      w ^= low;
    }
  }
}
