import { describe, expect, it } from "vitest";
import { usageDescription } from "./usage-description";

describe("a docs page's description from the component's JSDoc", () => {
  it("puts every @example in a tsx block under Usage, so its JSX shows instead of being read as HTML", () => {
    const jsdoc = [
      "The users card.",
      "",
      "@example",
      "<StaffroomProvider directory={directory}>",
      "  <UserDirectory pageSize={50} />",
      "</StaffroomProvider>",
      "@example",
      "<UserDirectory.Root pageSize={25} />",
    ].join("\n");
    expect(usageDescription(jsdoc)).toBe(
      [
        "The users card.",
        "",
        "**Usage**",
        "",
        "```tsx",
        "<StaffroomProvider directory={directory}>",
        "  <UserDirectory pageSize={50} />",
        "</StaffroomProvider>",
        "```",
        "",
        "```tsx",
        "<UserDirectory.Root pageSize={25} />",
        "```",
      ].join("\n"),
    );
  });

  it("keeps prose without examples as it is and leaves other block tags out", () => {
    expect(usageDescription("Just prose.")).toBe("Just prose.");
    expect(usageDescription("Prose.\n@internal\n@example <A />")).toBe(
      "Prose.\n\n**Usage**\n\n```tsx\n<A />\n```",
    );
  });
});
