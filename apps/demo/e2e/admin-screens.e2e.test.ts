import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adam, lara, mona, NEW_PASSWORDS, NORTHSIDE, nina, olive, paul } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { field, gone, message, see, setSwitch } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs, signInToForcedChange } from "./support/session";
import {
  dialogTitled,
  fillUserForm,
  findUser,
  openTab,
  searchUsers,
  tabCount,
  userRow,
  usersTable,
} from "./support/users-page";

// Issue 13, the screens a clinic administrator lives in: focus that stays where the keyboard is,
// a bulk disable that asks first, the Pending tab's invitation facts, and copy that agrees with core.

/** What has focus: its tag, and the name a screen reader would start from (label, aria-label, text). */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const labelled = el.getAttribute("aria-label");
    const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    const name = labelled ?? byFor ?? el.textContent ?? "";
    return `${el.tagName.toLowerCase()}${el.getAttribute("role") ? `[${el.getAttribute("role")}]` : ""}: ${name.replace(/\*$/, "").trim()}`;
  });
}

/** The ⋯ button of a row. */
const menuButton = (row: Locator) => row.getByRole("button", { name: /^Actions for / });

/**
 * The name of the ⋯ button that takes the place of the row with this email when it leaves: the next
 * row's, or the previous row's when it is the last.
 */
async function neighbourMenuName(page: Page, email: string): Promise<string> {
  return userRow(page, email).evaluate((row) => {
    const sibling = row.nextElementSibling ?? row.previousElementSibling;
    return sibling?.querySelector('button[aria-label^="Actions for "]')?.getAttribute("aria-label") ?? "";
  });
}

/** Opens a row's menu with the keyboard and picks an item (Enter on the ⋯ button, arrows, Enter). */
async function keyboardRowAction(page: Page, row: Locator, action: string): Promise<void> {
  await menuButton(row).focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await see(menu);
  const labels = (await menu.getByRole("menuitem").allTextContents()).map((t) => t.trim());
  const index = labels.findIndex((l) => l.startsWith(action));
  expect(index, `${action} in ${labels.join(" | ")}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await gone(menu);
}

describe.each(WIRINGS)("Administrator screens (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("issue 13 item 2: New user opens on its first field, and focus returns to New user after Create", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    await usersTable(page).waitFor();

    await page.getByRole("button", { name: "New user", exact: true }).click();
    const dialog = dialogTitled(page, "New user");
    await see(dialog);
    await expect.poll(() => focused(page)).toBe("input: Email");

    await fillUserForm(dialog, {
      email: "sam.rivera@harbor.example",
      givenName: "Sam",
      familyName: "Rivera",
      role: "Read-only Staff",
      access: [NORTHSIDE],
      primaryLocation: NORTHSIDE,
      password: NEW_PASSWORDS.first,
    });
    await dialog.getByRole("button", { name: "Create user", exact: true }).click();
    await gone(dialog);
    await see(message(page, "Sam Rivera was added."));
    await expect.poll(() => focused(page)).toBe("button: New user");
  });

  it("issue 13 item 2: Escape on a confirm returns to the row's ⋯; after Disable and Restore focus goes to the next row's ⋯", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    await usersTable(page).waitFor();
    const row = userRow(page, nina.email);
    // Settled: the role names and the row's checkbox are there (over REST they follow the page).
    await see(row.getByRole("checkbox"));
    await see(row.getByText("Provider", { exact: true }));

    // Escape on the confirmation: back on the ⋯ button that opened it.
    await keyboardRowAction(page, row, "Disable");
    const confirm = dialogTitled(page, `Disable ${nina.name}?`);
    await see(confirm);
    await page.keyboard.press("Escape");
    await gone(confirm);
    await expect.poll(() => focused(page)).toBe(`button: Actions for ${nina.name}`);

    // Confirmed: the row leaves the tab, focus moves to the ⋯ of the row that took its place.
    const next = await neighbourMenuName(page, nina.email);
    expect(next).toMatch(/^Actions for /);
    await keyboardRowAction(page, row, "Disable");
    await see(confirm);
    await confirm.getByRole("button", { name: "Disable user", exact: true }).click();
    await gone(confirm);
    await see(message(page, `${nina.name} was disabled.`));
    await expect.poll(() => userRow(page, nina.email).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe(`button: ${next}`);

    // Restore from the Disabled tab: the row leaves it, focus again on the next row's ⋯.
    await openTab(page, "Disabled");
    const restored = userRow(page, nina.email);
    await see(restored);
    const afterRestore = await neighbourMenuName(page, nina.email);
    expect(afterRestore).toMatch(/^Actions for /);
    await keyboardRowAction(page, restored, "Restore");
    await see(message(page, `${nina.name} was restored.`));
    await expect.poll(() => userRow(page, nina.email).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe(`button: ${afterRestore}`);
  });

  it("issue 13 item 3: bulk Disable confirms first, naming the people, the sign-out and who is skipped and why", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    await usersTable(page).waitFor();
    const active = await tabCount(page, "Active");

    // Olive herself among the selected: core refuses to let her disable herself.
    await searchUsers(page, "harbor.example");
    for (const person of [nina, lara, adam, mona, olive]) {
      await userRow(page, person.email).getByRole("checkbox").check();
    }
    await page
      .getByRole("toolbar", { name: "Bulk actions" })
      .getByRole("button", { name: "Disable" })
      .click();
    const confirm = dialogTitled(page, /^Disable 4 users\?/);
    await see(confirm);
    const text = (await confirm.textContent()) ?? "";
    expect(text).toMatch(/signed out/i);
    expect(text).toContain("and 1 more");
    expect(text).toContain(`${olive.name}: You cannot disable yourself.`);
    // Nothing happened yet: cancel leaves everyone active.
    await confirm.getByRole("button", { name: "Cancel", exact: true }).click();
    await gone(confirm);
    await searchUsers(page, "");
    expect(await tabCount(page, "Active")).toBe(active);
    await see(userRow(page, nina.email));

    // Confirmed: the four are disabled, Olive is not.
    await searchUsers(page, "harbor.example");
    await page
      .getByRole("toolbar", { name: "Bulk actions" })
      .getByRole("button", { name: "Disable" })
      .click();
    await see(confirm);
    await confirm.getByRole("button", { name: "Disable 4 users", exact: true }).click();
    await gone(confirm);
    await searchUsers(page, "");
    await expect.poll(() => tabCount(page, "Active")).toBe(active - 4);
    await see(userRow(page, olive.email));
  });

  it("issue 13 item 5: the Pending tab shows Invited on, Expires and times sent, with Resend in the row", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    await openTab(page, "Pending");
    const row = await findUser(page, paul.email);
    const headers = (await usersTable(page).getByRole("columnheader").allTextContents()).map((t) => t.trim());
    expect(headers.join(" | ")).not.toMatch(/Last sign-in/);
    for (const header of ["Invited on", "Expires", "Times sent"]) {
      expect(
        headers.some((h) => h.startsWith(header)),
        `${header} in ${headers.join(" | ")}`,
      ).toBe(true);
    }
    const cells = (await row.getByRole("cell").allTextContents()).map((t) => t.trim());
    expect(cells).toContain("1");
    const resend = row.getByRole("button", { name: `Resend invitation to ${paul.name}`, exact: true });
    await resend.click();
    // Core answers the row's button: a new mail, or — the seed sent one moments ago — its rate limit.
    await see(
      message(
        page,
        new RegExp(`A new invitation was sent to ${paul.name}\\.|Wait a minute before sending it again\\.`),
      ),
    );
  });

  it("issue 13 item 8: the user form says Choose a role, no Strong beside a refused password, and the phone is required for mobile", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Organization");
    const mobile = page.getByRole("main").getByRole("switch", { name: /^Mobile app/ });
    if (!(await mobile.isChecked())) {
      await setSwitch(mobile, true);
      await page.getByRole("button", { name: "Save changes", exact: true }).click();
      await see(message(page, "The organization settings were saved."));
    }
    await goTo(page, "Users");
    await page.getByRole("button", { name: "New user", exact: true }).click();
    const dialog = dialogTitled(page, "New user");
    await fillUserForm(dialog, {
      email: "sam.rivera@harbor.example",
      givenName: "Samantha",
      familyName: "Riverbank",
      access: [NORTHSIDE],
      primaryLocation: NORTHSIDE,
      password: "samantha-riverbank-2026",
    });
    // The primary phone is the mobile sign-in (seed 003): said beside it, and required once ticked.
    const phone = field(dialog, "Primary phone");
    await see(dialog.getByText(/also their login for the mobile app/i));
    expect(await phone.getAttribute("aria-required")).not.toBe("true");
    await dialog.getByRole("checkbox", { name: "May sign in to the mobile app" }).check();
    await expect.poll(() => phone.getAttribute("aria-required")).toBe("true");

    await dialog.getByRole("button", { name: "Create user", exact: true }).click();
    await see(dialog.locator(".sr-field-error").filter({ hasText: "Choose a role" }));
    expect(await dialog.getByText("Not a valid id.").count()).toBe(0);

    // Core refuses the password (it holds the person's name): its reason, and no "Strong" beside it.
    await fillUserForm(dialog, { role: "Read-only Staff", primaryPhone: "+14155550123" });
    await dialog.getByRole("button", { name: "Create user", exact: true }).click();
    await see(dialog.getByText("Do not use your name, email or the organization's name."));
    const password = field(dialog, "Password");
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    const description = await password.evaluate((el) =>
      (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" "),
    );
    expect(description).not.toMatch(/Strong|Long enough/);
  });

  it("issue 13 item 8: a forced change does not ask again for the temporary password just typed", async () => {
    const { page } = demo;
    await demo.open();
    await signInToForcedChange(page, mona, "harbor-demo-2026");
    const main = page.getByRole("main");
    await expect(field(main, "Temporary password").count()).resolves.toBe(0);
    await field(main, "New password").fill(NEW_PASSWORDS.second);
    await field(main, "Confirm the new password").fill(NEW_PASSWORDS.second);
    await main.getByRole("button", { name: "Set password and continue", exact: true }).click();
    await see(page.getByRole("banner").getByText(mona.name, { exact: true }));
  });

  it("issue 13 should-haves: Administrators only says what it counts; New user starts on the admin's own primary location", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const admins = page.getByRole("checkbox", { name: "Administrators only" });
    await see(admins);
    const description = await admins.evaluate((el) =>
      (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" "),
    );
    expect(description).toMatch(/manage users/i);
    expect(description).toContain("Clinic Manager");

    // Olive's own primary location is the default for a new user.
    const ownRow = await findUser(page, olive.email);
    const ownLocations = (await ownRow.getByRole("cell").nth(4).textContent()) ?? "";
    await page.getByRole("button", { name: "New user", exact: true }).click();
    const dialog = dialogTitled(page, "New user");
    const primary = field(dialog, "Primary location");
    const chosen = await primary.evaluate(
      (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? "",
    );
    expect(chosen).not.toBe("");
    expect(ownLocations).toContain(chosen.split(" · ")[0]);
  });
});
