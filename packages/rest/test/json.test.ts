import { describe, expect, it } from "vitest";
import { toJson } from "../src/server/json";

describe("response JSON", () => {
  it("parses to exactly what JSON.stringify gives, with and without frozen items", () => {
    const frozen = Object.freeze({ id: "usr_0000000001", profile: { givenName: "Jane" }, tags: ["a"] });
    const plain = { id: "usr_0000000002", n: null };
    for (const body of [
      { items: [frozen, plain, frozen], total: 3, nextCursor: null },
      { items: [] },
      { items: [frozen], total: 1, nextCursor: 'abc"def' },
      { user: frozen, invitation: null },
      [frozen],
      null,
      "text",
    ]) {
      expect(JSON.parse(toJson(body))).toEqual(JSON.parse(JSON.stringify(body)));
    }
  });

  it("serialises a frozen item once and reuses it", () => {
    const item = Object.freeze({ id: "usr_0000000003", name: "Jane Smith RN" });
    const first = toJson({ items: [item], total: 1 });
    expect(toJson({ items: [item], total: 1 })).toBe(first);
  });
});
