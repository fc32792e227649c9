import { describe, expect, it } from "vitest";
import { SortedIndex } from "./sorted-index";
import { rng } from "./test-fixtures";

const byNumber = (a: number, b: number) => a - b;

describe("SortedIndex", () => {
  it("stays sorted through random inserts and removals (small chunks split and empty out)", () => {
    const r = rng(1);
    const index = SortedIndex.build([5, 3, 9], byNumber, 4);
    const reference = new Set([3, 5, 9]);
    for (let i = 0; i < 5000; i++) {
      const x = Math.floor(r() * 400);
      if (reference.has(x)) {
        expect(index.remove(x)).toBe(true);
        reference.delete(x);
      } else {
        index.insert(x);
        reference.add(x);
      }
      if (i % 250 === 0) expect(index.toArray()).toEqual([...reference].sort(byNumber));
    }
    expect(index.size).toBe(reference.size);
    expect(index.toArray()).toEqual([...reference].sort(byNumber));
    expect(index.remove(1000)).toBe(false);
    expect(() => index.insert(index.toArray()[0] ?? 0)).toThrow(/duplicate/);
  });

  it("visits from the first item after a position until told to stop", () => {
    const index = SortedIndex.build(
      Array.from({ length: 100 }, (_, i) => i * 2),
      byNumber,
      6,
    );
    const seen: number[] = [];
    index.forEachFrom(
      (x) => x > 51,
      (x) => {
        seen.push(x);
        return seen.length < 3;
      },
    );
    expect(seen).toEqual([52, 54, 56]);
    const none: number[] = [];
    index.forEachFrom(
      (x) => x > 1000,
      (x) => none.push(x) > 0,
    );
    expect(none).toEqual([]);
    let count = 0;
    index.forEachFrom(null, () => ++count > 0);
    expect(count).toBe(100);
  });

  it("replaces an item in place when its position does not change", () => {
    type Row = { key: number; label: string };
    const index = new SortedIndex<Row>((a, b) => a.key - b.key, 2);
    for (const key of [1, 2, 3]) index.insert({ key, label: "old" });
    expect(index.replace({ key: 2, label: "new" })).toBe(true);
    expect(index.replace({ key: 7, label: "new" })).toBe(false);
    expect(index.toArray().map((row) => row.label)).toEqual(["old", "new", "old"]);
  });
});
