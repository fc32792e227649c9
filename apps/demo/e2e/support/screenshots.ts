import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

/** apps/demo/test-results: one folder per wiring, one PNG per test. */
export const RESULTS_DIR = fileURLToPath(new URL("../../test-results", import.meta.url));

/**
 * A file name from a test's name: letters, digits and dashes only, so a name can never climb out of
 * the results folder or clash with the file system.
 *
 * @example screenshotName("W6 disable → restore") // "W6-disable-restore"
 */
export function screenshotName(testName: string): string {
  const safe = testName
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 180);
  return safe || "test";
}

/**
 * Saves the page as it is now (the test's final state, passed or failed) to
 * `test-results/<wiring>/<test name>.png`; `suffix` names extra pages of one test.
 *
 * Default suffix: none.
 * @example await saveScreenshot(page, "rest", "W1 create a user");
 */
export async function saveScreenshot(
  page: Page,
  wiring: string,
  testName: string,
  suffix = "",
): Promise<string> {
  const dir = join(RESULTS_DIR, screenshotName(wiring));
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${screenshotName(testName)}${suffix ? `-${screenshotName(suffix)}` : ""}.png`);
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}
