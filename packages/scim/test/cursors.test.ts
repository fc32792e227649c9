import { describe, expect, it } from "vitest";
import { PageCursors } from "../src/cursors";

describe("page cursors remembered between SCIM list requests", () => {
  it("keeps at most `max` entries, dropping the least recently used, and forgets them after the TTL", () => {
    let now = 0;
    const cursors = new PageCursors(2, 1000, () => now);
    cursors.set("a", "A");
    cursors.set("b", "B");
    expect(cursors.get("a")).toBe("A");
    cursors.set("c", "C");
    expect(cursors.get("b")).toBeNull();
    expect(cursors.get("a")).toBe("A");
    expect(cursors.get("c")).toBe("C");
    now = 1001;
    expect(cursors.get("a")).toBeNull();
  });
});
