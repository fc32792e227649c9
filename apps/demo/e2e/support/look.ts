import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The page's `<h1>` with this name: the contract names every page by it.
 *
 * @example await pageTitled(page, "Audit trail").waitFor();
 */
export function pageTitled(page: Page, name: string): Locator {
  return page.getByRole("heading", { level: 1, name, exact: true });
}

/**
 * Waits until the page's `<h1>` says `name` (a page change in the app, with no reload).
 *
 * Default timeout: the context's step timeout.
 * @example await onPage(page, "Users");
 */
export async function onPage(page: Page, name: string, timeout?: number): Promise<void> {
  await pageTitled(page, name).waitFor(timeout === undefined ? {} : { timeout });
}

/**
 * Waits until `locator` shows; fails with the locator's description otherwise.
 *
 * @example await see(page.getByText("Olive Owner was updated."));
 */
export async function see(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible" });
}

/**
 * Waits until nothing matches `locator` any more (a row left a tab, a dialog closed).
 *
 * @example await gone(page.getByRole("dialog"));
 */
export async function gone(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "hidden" });
}

/**
 * A message box (success notices are `status`, refusals `alert`) holding `text`.
 *
 * @example await see(message(page, "Dina Disabled was deleted."));
 */
export function message(scope: Page | Locator, text: string | RegExp): Locator {
  return scope.locator('[role="status"], [role="alert"]').filter({ hasText: text });
}

/**
 * Escapes a text for use inside a RegExp.
 *
 * @example new RegExp(`^${escapeRegExp("Dr. Nina")}`)
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A form control by its label's exact words. The widgets mark required fields with an asterisk
 * hidden from screen readers, which Playwright's label text still contains, hence the optional `*`.
 *
 * @example await field(dialog, "Email").fill("sam@harbor.example");
 */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}\\*?$`));
}

/**
 * Picks the option of a `<select>` whose text is `text` or starts with it followed by more words
 * (the directory's location filter shows "Downtown Clinic · Central").
 *
 * @example await chooseOption(page.getByLabel("Location", { exact: true }), "Downtown Clinic");
 */
export async function chooseOption(select: Locator, text: string): Promise<void> {
  const options = await select
    .locator("option")
    .evaluateAll((els) =>
      els.map((el) => ({ value: (el as HTMLOptionElement).value, text: (el.textContent ?? "").trim() })),
    );
  const option = options.find((o) => o.text === text) ?? options.find((o) => o.text.startsWith(`${text} `));
  if (!option) throw new Error(`No option "${text}" among ${options.map((o) => o.text).join(", ")}`);
  await select.selectOption(option.value);
}

/**
 * Flips a switch (`<input role="switch">`) the way a mouse user does: by clicking its label, since
 * the painted track lies over the input itself. `locked: true` clicks a switch that says it is
 * locked (`aria-disabled`), to show that the click changes nothing.
 *
 * Default: not locked.
 * @example await flip(page.getByRole("switch", { name: /View revenue reports/ }));
 */
export async function flip(control: Locator, { locked = false }: { locked?: boolean } = {}): Promise<void> {
  await control.locator("xpath=ancestor::label[1]").click({ force: locked });
}

/**
 * Turns a switch on or off (nothing when it already is), through its label, and waits until it shows
 * the new state.
 *
 * @example await setSwitch(page.getByRole("switch", { name: /^Diary/ }), false);
 */
export async function setSwitch(control: Locator, on: boolean): Promise<void> {
  if ((await control.isChecked()) === on) return;
  await flip(control);
  await expect.poll(() => control.isChecked()).toBe(on);
}
