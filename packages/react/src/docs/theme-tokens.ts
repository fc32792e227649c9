/** One CSS custom property of styles.css with its value in each theme and density. */
export interface ThemeToken {
  readonly name: string;
  readonly light: string;
  /** The dark theme's value, or undefined when dark keeps the light one. */
  readonly dark: string | undefined;
  /** The compact density's value, or undefined when compact keeps the comfortable one. */
  readonly compact: string | undefined;
  /** How many `var(name)` uses the stylesheet has. */
  readonly uses: number;
}

/** The declarations of the first rule whose selector is exactly `selector` (outside any @media). */
function declarations(css: string, selector: string): Map<string, string> {
  const out = new Map<string, string>();
  const rule = /(?<=^|})\s*([^{}@]+?)\s*\{([^{}]*)\}/g;
  for (let match = rule.exec(css); match; match = rule.exec(css)) {
    if (match[1]?.trim() !== selector) continue;
    for (const decl of (match[2] ?? "").matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
      out.set(decl[1] ?? "", (decl[2] ?? "").replace(/\s+/g, " ").trim());
    }
    break;
  }
  return out;
}

/**
 * Every custom property `.sr-root` defines in the stylesheet, read from its text (so the Theming
 * page cannot drift from styles.css): the light value, the dark theme's and compact density's
 * overrides, and how often the kit uses it. Comments are stripped first.
 *
 * @example themeTokens(stylesCss).find((t) => t.name === "--sr-color-accent") // { light: "#4338ca", dark: "#a5b4fc", … }
 */
export function themeTokens(css: string): readonly ThemeToken[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const light = declarations(text, ".sr-root");
  const dark = declarations(text, '.sr-root[data-theme="dark"]');
  const compact = declarations(text, '.sr-root[data-density="compact"]');
  const names = [...new Set([...light.keys(), ...dark.keys(), ...compact.keys()])];
  return names.map((name) => ({
    name,
    light: light.get(name) ?? "",
    dark: dark.get(name),
    compact: compact.get(name),
    uses: text.split(`var(${name})`).length - 1 + text.split(`var(${name},`).length - 1,
  }));
}

/**
 * Whether `system` in a dark operating system gives exactly the dark theme: the stylesheet repeats
 * the dark values inside `@media (prefers-color-scheme: dark)`, and the two copies must agree.
 * Returns the names whose values differ (empty when they agree).
 *
 * @example systemDarkDrift(stylesCss) // []
 */
export function systemDarkDrift(css: string): readonly string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const dark = declarations(text, '.sr-root[data-theme="dark"]');
  const media = text.match(/@media \(prefers-color-scheme: dark\)\s*\{([\s\S]*?\})\s*\}/)?.[1] ?? "";
  const system = declarations(media, '.sr-root[data-theme="system"]');
  const names = new Set([...dark.keys(), ...system.keys()]);
  return [...names].filter((name) => dark.get(name) !== system.get(name));
}
