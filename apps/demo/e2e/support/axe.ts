import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** axe-core's browser bundle, read once per test file. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One rule axe found broken, with where (CSS selectors of the first few nodes). */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly nodes: readonly string[];
}

/** Options of {@link axeFindings}. */
export interface AxeOptions {
  /** Only these rules (e.g. `["region"]`). Default: every rule axe runs by default. */
  readonly rules?: readonly string[];
  /** Keep findings of these impacts only. Default: serious and critical. */
  readonly impacts?: readonly string[];
}

/**
 * Runs axe-core on the whole page as it is now and returns what it found, as `rule (impact): nodes`
 * lines are easy to read in a failed assertion. The script is evaluated through the DevTools
 * protocol, which the page's CSP (`script-src 'self'`) does not govern; the app itself is unchanged.
 *
 * Default: every default rule, findings of serious or critical impact.
 * @example expect(await axeFindings(page)).toEqual([]);
 * @example expect(await axeFindings(page, { rules: ["region"], impacts: ["moderate"] })).toEqual([]);
 */
export async function axeFindings(page: Page, options: AxeOptions = {}): Promise<AxeFinding[]> {
  const impacts = options.impacts ?? ["serious", "critical"];
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (rules) => {
    type Result = {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } })
      .axe;
    const result = await axe.run(document, {
      resultTypes: ["violations"],
      ...(rules ? { runOnly: { type: "rule", values: rules } } : {}),
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? "unknown",
      nodes: v.nodes.slice(0, 6).map((n) => n.target.map(String).join(" ")),
    }));
  }, options.rules ?? null);
  return found.filter((f) => impacts.includes(f.impact));
}
