import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { carl, olive } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { field, flip, gone, message, see } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs, signOut } from "./support/session";
import { dialogTitled, tabCount, usersTable } from "./support/users-page";

/** The roles list of RolesManager. */
const roleList = (page: Page) => page.getByRole("main").getByRole("navigation", { name: "Roles" });
/** A role's entry in the list (its accessible name starts with the role's name). */
const roleEntry = (page: Page, name: string) =>
  roleList(page).getByRole("button", { name: new RegExp(`^${name}\\b`) });
/** The permission matrix of a role. */
const matrix = (page: Page, name: string) => page.getByRole("group", { name: `Permissions of ${name}` });
/** The bar of staged, unsaved permission changes ("2 unsaved changes."). */
const stagingBar = (page: Page, pending: string) =>
  page.getByRole("main").getByRole("group", { name: pending });
/** Saves the staged changes from their bar and waits until the bar leaves. */
async function saveStaged(page: Page, pending: string): Promise<void> {
  const bar = stagingBar(page, pending);
  await bar.getByRole("button", { name: "Save", exact: true }).click();
  await gone(bar);
}
/** How many people hold a role, as its entry in the list says ("13 users"). */
async function holdersOf(page: Page, name: string): Promise<number> {
  const text = (await roleEntry(page, name).textContent()) ?? "";
  const match = /(\d+) users?/.exec(text);
  if (!match) throw new Error(`no holder count in "${text}"`);
  return Number(match[1]);
}

describe.each(WIRINGS)("Roles (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W7 create a role from a template, toggle a permission, see the screens it opens, delete it while unused", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Roles");

    await page.getByRole("button", { name: "New role", exact: true }).click();
    const dialog = dialogTitled(page, "New role");
    await field(dialog, "Name").fill("Night Nurse");
    await field(dialog, "Description").fill("Covers the overnight shift at every clinic.");
    await dialog.getByRole("radio", { name: /^Provider/ }).check();
    await dialog.getByRole("button", { name: "Create role", exact: true }).click();
    await gone(dialog);
    await see(message(page, "The role Night Nurse was created."));
    await see(roleEntry(page, "Night Nurse"));
    await expect.poll(() => roleEntry(page, "Night Nurse").getAttribute("aria-current")).toBe("true");
    await see(roleEntry(page, "Night Nurse").getByText("No users", { exact: true }));

    // The Provider template's permissions are on; revenue reports are not, nor their screen.
    const permissions = matrix(page, "Night Nurse");
    const charts = permissions.getByRole("switch", { name: /Access patient charts/ });
    expect(await charts.isChecked()).toBe(true);
    const revenue = permissions.getByRole("switch", { name: /View revenue reports/ });
    expect(await revenue.isChecked()).toBe(false);
    const detail = page.getByRole("main").getByRole("region", { name: "Night Nurse" });
    await expect(detail.getByText("Billing › Reports", { exact: true }).count()).resolves.toBe(0);

    await flip(revenue);
    await expect.poll(() => revenue.isChecked()).toBe(true);
    await saveStaged(page, "1 unsaved change.");
    await see(page.getByText("The permissions of Night Nurse were saved."));
    await see(detail.getByText("Billing › Reports", { exact: true }));

    await flip(revenue);
    await saveStaged(page, "1 unsaved change.");
    await gone(detail.getByText("Billing › Reports", { exact: true }));

    await page.getByRole("button", { name: "Delete role", exact: true }).click();
    const confirm = dialogTitled(page, "Delete the role Night Nurse?");
    await confirm.getByRole("button", { name: "Delete role", exact: true }).click();
    await gone(confirm);
    await see(message(page, "The role Night Nurse was deleted."));
    await expect.poll(() => roleEntry(page, "Night Nurse").count()).toBe(0);
  });

  it("W7 permission changes wait behind 'Applies to N people — Save / Discard' and save as one change; a role in use links to its holders", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Roles");
    await roleEntry(page, "Front Desk").click();
    const permissions = matrix(page, "Front Desk");
    await see(permissions);
    const holders = await holdersOf(page, "Front Desk");
    expect(holders).toBeGreaterThan(1);
    const detail = page.getByRole("main").getByRole("region", { name: "Front Desk" });
    const revenue = permissions.getByRole("switch", { name: /View revenue reports/ });
    const create = permissions.getByRole("switch", { name: /Create appointments/ });
    expect(await create.isChecked()).toBe(true);

    // A toggle is staged, not live: the bar says who a save would change; Discard puts it back.
    await flip(revenue);
    await expect.poll(() => revenue.isChecked()).toBe(true);
    const one = stagingBar(page, "1 unsaved change.");
    await see(one.getByText(`Applies to ${holders} people.`, { exact: true }));
    await see(roleEntry(page, "Front Desk").getByText("Unsaved changes", { exact: true }));
    expect(await detail.getByText("Billing › Reports", { exact: true }).count()).toBe(0);
    await one.getByRole("button", { name: "Discard", exact: true }).click();
    await gone(one);
    await expect.poll(() => revenue.isChecked()).toBe(false);

    // Two changes, one Save: both reach every holder together.
    await flip(revenue);
    await flip(create);
    await see(
      stagingBar(page, "2 unsaved changes.").getByText(`Applies to ${holders} people.`, { exact: true }),
    );
    await saveStaged(page, "2 unsaved changes.");
    await see(
      page.getByText(`The permissions of Front Desk were saved. They apply to ${holders} people now.`),
    );
    await see(detail.getByText("Billing › Reports", { exact: true }));
    await expect.poll(() => create.isChecked()).toBe(false);
    await gone(roleEntry(page, "Front Desk").getByText("Unsaved changes", { exact: true }));

    // Olive's own role has nothing to stage: read-only with core's reason.
    await roleEntry(page, "Administrator").click();
    const own = matrix(page, "Administrator");
    await see(own.getByText("You cannot change the permissions of your own role."));
    await flip(own.getByRole("switch", { name: /View revenue reports/ }), { locked: true });
    expect(
      await page
        .getByRole("main")
        .getByRole("group", { name: /unsaved change/ })
        .count(),
    ).toBe(0);

    // Delete is refused while people hold Front Desk, and the reason links to exactly them.
    await roleEntry(page, "Front Desk").click();
    const remove = page.getByRole("button", { name: "Delete role", exact: true });
    await expect.poll(() => remove.getAttribute("aria-disabled")).toBe("true");
    await page
      .getByRole("link", { name: `Show the ${holders} people who hold Front Desk`, exact: true })
      .click();
    await see(page.getByRole("heading", { level: 1, name: "Users" }));
    expect(new URL(page.url()).pathname).toBe("/settings/users");
    const roleFilter = page.getByRole("search").getByLabel("Role", { exact: true });
    await expect
      .poll(() => roleFilter.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent))
      .toBe("Front Desk");
    const counts = await Promise.all(
      (["Active", "Pending", "Disabled"] as const).map((tab) => tabCount(page, tab)),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(holders);
    const rows = usersTable(page).locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(counts[0]);
    for (const row of await rows.all()) await see(row.getByText("Front Desk", { exact: true }));
  });

  it("W7/R3 a role someone holds cannot be deleted, your own role is locked against you, and a clinic manager only reads", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Roles");

    // Front Desk is held by staff: core refuses deleting it, and the disabled button says what to do.
    await roleEntry(page, "Front Desk").click();
    await see(matrix(page, "Front Desk"));
    const remove = page.getByRole("button", { name: "Delete role", exact: true });
    await expect.poll(() => remove.getAttribute("aria-disabled")).toBe("true");
    await see(page.getByText(/hold Front Desk\. Give them another role in Users, then delete it\./));
    await remove.click({ force: true });
    expect(await page.getByRole("dialog").count()).toBe(0);
    await see(roleEntry(page, "Front Desk"));

    // Olive's own role is read-only, with core's reason, before any click (R3).
    await roleEntry(page, "Administrator").click();
    await see(roleEntry(page, "Administrator").getByText("Your role", { exact: true }));
    const own = matrix(page, "Administrator").getByRole("switch", { name: /View revenue reports/ });
    expect(await own.isChecked()).toBe(true);
    expect(await own.getAttribute("aria-disabled")).toBe("true");
    await see(matrix(page, "Administrator").getByText("You cannot change the permissions of your own role."));
    await flip(own, { locked: true });
    await expect.poll(() => own.isChecked()).toBe(true);

    // Carl, limited to one clinic, sees every role but can change none.
    await signOut(page);
    await signInAs(page, carl);
    await goTo(page, "Roles");
    await roleEntry(page, "Front Desk").click();
    const locked = matrix(page, "Front Desk").getByRole("switch", { name: /View appointments/ });
    expect(await locked.getAttribute("aria-disabled")).toBe("true");
    await see(page.getByText("You can see the roles but not change them."));
    const before = await locked.isChecked();
    await flip(locked, { locked: true });
    expect(await locked.isChecked()).toBe(before);
    await expect(page.getByRole("button", { name: "New role", exact: true }).count()).resolves.toBe(0);
  });
});
