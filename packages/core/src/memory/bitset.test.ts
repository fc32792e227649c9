import { describe, expect, it } from "vitest";
import { andInto, andNotInto, Bits, forEachBit, hasBit, orInto, popcount } from "./bitset";
import { rng } from "./test-fixtures";
import { TrigramIndex } from "./trigram-index";

describe("Bits", () => {
  it("agrees with a Set through random adds, deletes and word operations", () => {
    const r = rng(3);
    const a = new Bits();
    const b = new Bits();
    const sa = new Set<number>();
    const sb = new Set<number>();
    for (let i = 0; i < 4000; i++) {
      const slot = Math.floor(r() * 700);
      const [bits, set] = r() < 0.5 ? [a, sa] : [b, sb];
      if (r() < 0.3) {
        bits.delete(slot);
        set.delete(slot);
      } else {
        bits.add(slot);
        set.add(slot);
      }
    }
    expect(a.count).toBe(sa.size);
    expect(popcount(a.words)).toBe(sa.size);
    const words = (700 + 31) >>> 5;
    const union = new Uint32Array(words);
    orInto(union, a);
    orInto(union, b);
    const inter = new Uint32Array(words);
    orInto(inter, a);
    andInto(inter, b.words);
    const diff = new Uint32Array(words);
    orInto(diff, a);
    andNotInto(diff, b.words);
    const list = (w: Uint32Array) => {
      const out: number[] = [];
      forEachBit(w, (slot) => out.push(slot));
      return out;
    };
    const sorted = (xs: Iterable<number>) => [...xs].sort((x, y) => x - y);
    expect(list(union)).toEqual(sorted(new Set([...sa, ...sb])));
    expect(list(inter)).toEqual(sorted([...sa].filter((x) => sb.has(x))));
    expect(list(diff)).toEqual(sorted([...sa].filter((x) => !sb.has(x))));
    expect(hasBit(union, 10_000)).toBe(false);
    expect(hasBit(union, -1)).toBe(false);
  });

  it("handles the sign bit of a word", () => {
    const bits = new Bits();
    bits.add(31);
    bits.add(63);
    expect(bits.has(31)).toBe(true);
    const out: number[] = [];
    forEachBit(bits.words, (slot) => out.push(slot));
    expect(out).toEqual([31, 63]);
    expect(popcount(bits.words)).toBe(2);
  });
});

describe("TrigramIndex", () => {
  it("returns a superset of substring matches, and nothing for an unknown trigram", () => {
    const index = new TrigramIndex();
    index.add(1, "jane smith");
    index.add(2, "john smythe");
    index.add(3, "李小龍 lee");
    expect([...(index.candidates("smi") ?? [])]).toEqual([1]);
    expect(index.candidates("sm")).toBeNull();
    expect(index.candidates("smith")?.has(1)).toBe(true);
    expect([...(index.candidates("小龍 ") ?? [])]).toEqual([3]);
    expect(index.candidates("xyz")?.size).toBe(0);
    index.remove(1, "jane smith");
    expect(index.candidates("smi")?.size).toBe(0);
  });
});
