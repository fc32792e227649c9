import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adam, carl, DOWNTOWN, dina, lara, olive, paul } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { chooseOption, see } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs } from "./support/session";
import {
  findUser,
  openTab,
  searchUsers,
  statusTab,
  tabCount,
  userRow,
  usersTable,
} from "./support/users-page";

/** The text of one column of the users table, row by row. */
async function column(page: Page, header: string): Promise<string[]> {
  const headers = (await usersTable(page).getByRole("columnheader").allTextContents()).map((t) => t.trim());
  const index = headers.findIndex((h) => h.startsWith(header));
  expect(index, `column ${header} in ${headers.join(" | ")}`).toBeGreaterThanOrEqual(0);
  const rows = usersTable(page).locator("tbody tr");
  return (await rows.locator(`td:nth-child(${index + 1})`).allTextContents()).map((t) => t.trim());
}

describe.each(WIRINGS)("Directory (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W12 tabs with counts, search, filters and sorting find the right people", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    await usersTable(page).waitFor();
    expect(await statusTab(page, "Active").getAttribute("aria-selected")).toBe("true");
    expect(await tabCount(page, "Active")).toBeGreaterThan(10);

    // Each status in its own tab.
    await see(userRow(page, lara.email));
    await openTab(page, "Pending");
    await findUser(page, paul.email);
    await searchUsers(page, "");
    await openTab(page, "Disabled");
    await findUser(page, dina.email);
    await searchUsers(page, "");
    await openTab(page, "Active");

    // Search by part of a name: every row matches, and the counts follow.
    await searchUsers(page, "Manager");
    await see(userRow(page, carl.email));
    await expect.poll(() => tabCount(page, "Active")).toBeLessThan(10);
    await expect
      .poll(async () => (await column(page, "Name")).every((name) => /manager/i.test(name)))
      .toBe(true);
    await searchUsers(page, "");

    // Filters: a clinic, then administrators only.
    await chooseOption(page.getByLabel("Location", { exact: true }), DOWNTOWN);
    await see(userRow(page, carl.email));
    await page.getByRole("checkbox", { name: "Administrators only" }).check();
    await see(userRow(page, olive.email));
    await see(userRow(page, adam.email));
    await expect.poll(() => userRow(page, lara.email).count()).toBe(0);
    await page.getByRole("button", { name: "Clear filters", exact: true }).click();
    await see(userRow(page, lara.email));

    // Sorting by email, on the server: the page comes back in order.
    await usersTable(page).getByRole("button", { name: "Email", exact: true }).click();
    await expect
      .poll(() => usersTable(page).getByRole("columnheader", { name: /Email/ }).getAttribute("aria-sort"))
      .toBe("ascending");
    await expect
      .poll(async () => {
        const emails = await column(page, "Email");
        return emails.length > 1 && emails.every((e, i) => i === 0 || (emails[i - 1] ?? "") <= e);
      })
      .toBe(true);
  });
});
