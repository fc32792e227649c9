import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { systemDarkDrift, themeTokens } from "./theme-tokens";

// The stylesheet's text, as the Theming page imports it (`?raw`); Vitest's CSS handling empties CSS imports.
const stylesCss = readFileSync(path.join(import.meta.dirname, "../styles.css"), "utf8");

describe("the Theming page's table, read from styles.css", () => {
  it("lists every custom property the stylesheet uses, so no var(--sr-…) is undocumented", () => {
    const listed = new Set(themeTokens(stylesCss).map((t) => t.name));
    const used = new Set([...stylesCss.matchAll(/var\((--sr-[\w-]+)/g)].map((m) => m[1]));
    expect([...used].filter((name) => name && !listed.has(name))).toEqual([]);
    expect(listed.size).toBeGreaterThan(30);
  });

  it("gives each property its light, dark and compact value as the stylesheet sets them", () => {
    const accent = themeTokens(stylesCss).find((t) => t.name === "--sr-color-accent");
    expect(accent).toMatchObject({ light: "#4338ca", dark: "#a5b4fc", compact: undefined });
    const space = themeTokens(stylesCss).find((t) => t.name === "--sr-space");
    expect(space).toMatchObject({ light: "8px", dark: undefined, compact: "6px" });
  });

  it("follows an edit of the stylesheet: a new property shows, a changed value changes", () => {
    const edited = stylesCss
      .replace(".sr-root {", ".sr-root {\n  --sr-color-brand: #0f766e;")
      .replace("--sr-color-accent: #4338ca;", "--sr-color-accent: #0f766e;");
    const tokens = themeTokens(edited);
    expect(tokens.find((t) => t.name === "--sr-color-brand")?.light).toBe("#0f766e");
    expect(tokens.find((t) => t.name === "--sr-color-accent")?.light).toBe("#0f766e");
  });

  it('theme="system" in a dark OS repeats exactly the dark values, and a drift is named', () => {
    expect(systemDarkDrift(stylesCss)).toEqual([]);
    const drifted = stylesCss.replace(
      /(@media \(prefers-color-scheme: dark\)[\s\S]*?--sr-color-accent: )#a5b4fc/,
      "$1#ff0000",
    );
    expect(systemDarkDrift(drifted)).toEqual(["--sr-color-accent"]);
  });
});
