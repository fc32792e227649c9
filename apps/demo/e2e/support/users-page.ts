import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { field, gone, see } from "./look";

/** The directory's status tabs. */
export type StatusTab = "Active" | "Pending" | "Disabled";

/** The row actions of UserDirectory, in its words. */
export type RowAction =
  | "Edit"
  | "Disable"
  | "Restore"
  | "Delete permanently"
  | "Resend invitation"
  | "Revoke invitation"
  | "Reset password"
  | "Unlock";

/**
 * The users table of the Users page.
 *
 * @example await usersTable(page).waitFor();
 */
export function usersTable(page: Page): Locator {
  return page.getByRole("table", { name: "Users" });
}

/**
 * The table row of the user with this email (unique per account).
 *
 * @example await see(userRow(page, "nina.npi@harbor.example").getByText("Provider"));
 */
export function userRow(page: Page, email: string): Locator {
  return usersTable(page).getByRole("row").filter({ hasText: email });
}

/**
 * A status tab of the directory ("Active 52").
 *
 * @example await statusTab(page, "Disabled").click();
 */
export function statusTab(page: Page, tab: StatusTab): Locator {
  return page.getByRole("tab", { name: new RegExp(`^${tab}\\b`) });
}

/**
 * Shows a status tab and waits until it is the selected one.
 *
 * @example await openTab(page, "Pending");
 */
export async function openTab(page: Page, tab: StatusTab): Promise<void> {
  await statusTab(page, tab).click();
  await expect.poll(() => statusTab(page, tab).getAttribute("aria-selected")).toBe("true");
}

/**
 * The count a status tab shows, once it shows one.
 *
 * @example const before = await tabCount(page, "Active");
 */
export async function tabCount(page: Page, tab: StatusTab): Promise<number> {
  let count = Number.NaN;
  await expect
    .poll(async () => {
      const text = (await statusTab(page, tab).textContent()) ?? "";
      count = Number(text.replace(/[^0-9]/g, ""));
      return /\d/.test(text);
    })
    .toBe(true);
  return count;
}

/**
 * The directory's tab panel: it holds the table, the empty state or the load error of the chosen tab.
 *
 * @example await see(usersPanel(page).getByText("No users match your search"));
 */
export function usersPanel(page: Page): Locator {
  return page.getByRole("tabpanel", { name: /^(Active|Pending|Disabled)\b/ });
}

/** What the directory's panel shows, read in one step, or null when there is no panel. */
interface PanelState {
  /** The panel does not show the answer to the chosen tab, search and filters yet. */
  readonly busy: boolean;
  /** The text of each row of the users table (none when the panel shows no table). */
  readonly rows: readonly string[];
}

/**
 * Reads the panel's busy mark and its rows in ONE evaluation that never waits: reading them with
 * separate locator calls lets the table leave in between (a search that matches nobody replaces it
 * with the empty state), and a locator call on an element that has left waits out the whole step
 * timeout for it to come back.
 */
async function panelState(page: Page): Promise<PanelState | null> {
  const [state] = await usersPanel(page).evaluateAll((panels) =>
    panels.map((panel) => ({
      busy: panel.getAttribute("aria-busy") === "true",
      rows: [...panel.querySelectorAll("table tbody tr")].map((row) => row.textContent ?? ""),
    })),
  );
  return state ?? null;
}

/**
 * Types into the directory's search box (server-side, debounced) and waits until the directory shows
 * the answer: the widget marks its panel busy from the keystroke until that search's page (a table,
 * the empty state or an error) is what the panel shows.
 *
 * @example await searchUsers(page, "patel");
 */
export async function searchUsers(page: Page, text: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Search users" }).fill(text);
  await expect.poll(async () => (await panelState(page))?.busy === false).toBe(true);
}

/**
 * Searches the current tab for the user with this email and returns their row once the table has
 * settled on the search's answer (every row matches, none loading): a row clicked while the table
 * is still changing under it could move or vanish.
 *
 * @example const row = await findUser(page, nina.email);
 */
export async function findUser(page: Page, email: string): Promise<Locator> {
  await searchUsers(page, email);
  const wanted = email.toLowerCase();
  await expect
    .poll(async () => {
      const state = await panelState(page);
      return (
        state !== null &&
        !state.busy &&
        state.rows.length > 0 &&
        state.rows.every((text) => text.toLowerCase().includes(wanted))
      );
    })
    .toBe(true);
  const row = userRow(page, email);
  await see(row);
  return row;
}

/**
 * Opens the row's action menu ("Actions for <name>") and returns the menu.
 *
 * @example const menu = await openRowActions(page, row);
 */
export async function openRowActions(page: Page, row: Locator): Promise<Locator> {
  await row.getByRole("button", { name: /^Actions for / }).click();
  const menu = page.getByRole("menu");
  await see(menu);
  return menu;
}

/**
 * The labels of the row's actions core allows, as its menu lists them (refused ones show disabled
 * with core's reason: see {@link refusedRowActions}); the menu is closed again afterwards.
 *
 * @example expect(await rowActions(page, row)).toEqual(["Edit", "Reset password"]);
 */
export async function rowActions(page: Page, row: Locator): Promise<string[]> {
  const menu = await openRowActions(page, row);
  const items = menu.getByRole("menuitem");
  const labels: string[] = [];
  for (const item of await items.all()) {
    if ((await item.getAttribute("aria-disabled")) !== "true")
      labels.push((await item.textContent())?.trim() ?? "");
  }
  await page.keyboard.press("Escape");
  await gone(menu);
  return labels.filter((l) => l !== "No actions available");
}

/**
 * The row's actions core refuses, each as its menu shows it: the label and core's reason beside it.
 *
 * @example expect(await refusedRowActions(page, row)).toContain("Disable: You cannot disable yourself.");
 */
export async function refusedRowActions(page: Page, row: Locator): Promise<string[]> {
  const menu = await openRowActions(page, row);
  const texts = await menu.locator('[role="menuitem"][aria-disabled="true"]').allTextContents();
  await page.keyboard.press("Escape");
  await gone(menu);
  return texts.map((t) => t.replace(/\s+/g, " ").trim()).filter((t) => t !== "No actions available");
}

/**
 * Finds the user in the current tab and picks one of their row actions.
 *
 * @example await rowAction(page, dina.email, "Delete permanently");
 */
export async function rowAction(page: Page, email: string, action: RowAction): Promise<void> {
  const row = await findUser(page, email);
  const menu = await openRowActions(page, row);
  await menu.getByRole("menuitem", { name: action, exact: true }).click();
}

/** What a test fills in the user form; unset fields keep their defaults. */
export interface UserFormInput {
  readonly email?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly title?: string;
  readonly jobTitle?: string;
  readonly primaryPhone?: string;
  readonly role?: string;
  /** "organization" for every location, or the names of the locations. */
  readonly access?: "organization" | readonly string[];
  readonly primaryLocation?: string;
  readonly password?: string;
  readonly confirmPassword?: string;
  readonly mustChangePassword?: boolean;
}

/**
 * Fills the create, edit or invite form of a user (UserFormDialog / InviteUserDialog) in `dialog`.
 *
 * @example await fillUserForm(dialog, { email: "sam@harbor.example", givenName: "Sam", role: "Front Desk" });
 */
export async function fillUserForm(dialog: Locator, input: UserFormInput): Promise<void> {
  const text: [string, string | undefined][] = [
    ["Email", input.email],
    ["First name", input.givenName],
    ["Last name", input.familyName],
    ["Title", input.title],
    ["Job title", input.jobTitle],
    ["Primary phone", input.primaryPhone],
  ];
  for (const [label, value] of text) if (value !== undefined) await field(dialog, label).fill(value);
  if (input.role !== undefined) await field(dialog, "Role").selectOption({ label: input.role });
  if (input.access === "organization") {
    await dialog.getByRole("radio", { name: "All locations of the organization" }).check();
  } else if (input.access !== undefined) {
    await dialog.getByRole("radio", { name: "Only these locations" }).check();
    const boxes = dialog.getByRole("group", { name: "Locations", exact: true }).getByRole("checkbox");
    for (const box of await boxes.all()) {
      const name = ((await box.evaluate((el) => el.closest("label")?.textContent)) ?? "").trim();
      const wanted = input.access.some((loc) => name === loc || name.startsWith(`${loc}·`));
      if (wanted) await box.check();
      else await box.uncheck();
    }
  }
  if (input.primaryLocation !== undefined) {
    await field(dialog, "Primary location").selectOption({ label: input.primaryLocation });
  }
  if (input.password !== undefined) await field(dialog, "Password").fill(input.password);
  const confirm = input.confirmPassword ?? input.password;
  if (confirm !== undefined) await field(dialog, "Confirm the password").fill(confirm);
  if (input.mustChangePassword !== undefined) {
    await dialog
      .getByRole("checkbox", { name: "Require a new password at first sign-in" })
      .setChecked(input.mustChangePassword);
  }
}

/**
 * The open dialog with this title.
 *
 * @example const dialog = dialogTitled(page, "New user");
 */
export function dialogTitled(page: Page, title: string | RegExp): Locator {
  return page.getByRole("dialog", { name: title });
}
