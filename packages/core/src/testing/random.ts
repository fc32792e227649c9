/**
 * A seeded pseudo-random generator: the same seed gives the same sequence on every runtime, so
 * fixtures, benchmarks and stories are reproducible.
 *
 * @example
 * const rng = seededRandom(42);
 * rng.int(1, 6); rng.pick(["RN", "MD"]); rng.chance(0.25);
 */
export interface SeededRandom {
  /** The next float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** `n` distinct elements of a list (all of them when `n` is larger), in random order. */
  sample<T>(items: readonly T[], n: number): T[];
  /** `n` decimal digits as a string. */
  digits(n: number): string;
}

/**
 * mulberry32: a tiny, fast 32-bit PRNG. Not for secrets; only for reproducible fixtures.
 *
 * @example const next = mulberry32(7); next(); // 0.…, the same on every run
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A {@link SeededRandom} over {@link mulberry32}.
 *
 * @example const rng = seededRandom(2026); const title = rng.pick(TITLES);
 */
export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("seededRandom.pick: empty list");
    return items[int(0, items.length - 1)] as T;
  };
  return {
    next,
    int,
    pick,
    chance: (p) => next() < p,
    sample<T>(items: readonly T[], n: number): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        const tmp = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = tmp;
      }
      return copy.slice(0, Math.max(0, n));
    },
    digits: (n) => Array.from({ length: n }, () => String(int(0, 9))).join(""),
  };
}
