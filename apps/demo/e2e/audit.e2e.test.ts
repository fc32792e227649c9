import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, lara, nina, olive } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { field, gone, message, see } from "./support/look";
import { goTo } from "./support/navigation";
import { expectSignInRefused, signInAs } from "./support/session";
import { dialogTitled, rowAction } from "./support/users-page";

/** The audit table, and one event row by its action words and target. */
const events = (page: Page) => page.getByRole("main").getByRole("table", { name: "Audit events" });
const eventRow = (page: Page, action: string, target: string) =>
  events(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: action, exact: true }) })
    .filter({ hasText: target });

describe.each(WIRINGS)("Audit trail (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W14/R18 the audit trail lists what happened, filters by action and target, proves itself intact and exports CSV", async () => {
    const { page } = demo;
    await demo.open();
    await expectSignInRefused(page, olive.email, "not-the-right-password");
    await signInAs(page, olive);
    await goTo(page, "Users");
    await rowAction(page, nina.email, "Disable");
    const confirm = dialogTitled(page, `Disable ${nina.name}?`);
    await confirm.getByRole("button", { name: "Disable user", exact: true }).click();
    await gone(confirm);
    await rowAction(page, lara.email, "Unlock");
    await see(message(page, `${lara.name} was unlocked.`));
    await goTo(page, "Locations");
    await page.getByRole("button", { name: "New location", exact: true }).click();
    const location = dialogTitled(page, "New location");
    await field(location, "Name").fill("Pier Street Clinic");
    await location.getByRole("button", { name: "Add location", exact: true }).click();
    await gone(location);

    await goTo(page, "Audit");
    // Newest first: the location, then the unlock, then the disable, each by Olive, with its change.
    const created = eventRow(page, "Created a location", "Pier Street Clinic");
    const unlocked = eventRow(page, "Unlocked a user", lara.name);
    const disabled = eventRow(page, "Disabled a user", nina.name);
    for (const row of [created, unlocked, disabled]) {
      await see(row);
      await see(row.getByText(olive.name, { exact: true }));
      await see(row.getByText("Succeeded", { exact: true }));
    }
    await see(disabled.getByText(/disabled/));
    const rows = await events(page).locator("tbody tr").allTextContents();
    const at = (text: string) => rows.findIndex((r) => r.includes(text));
    expect(at("Created a location")).toBeLessThan(at("Unlocked a user"));
    expect(at("Unlocked a user")).toBeLessThan(at("Disabled a user"));
    // Sign-ins are events too: Olive's success and the failed attempt before it.
    await see(events(page).getByRole("row").filter({ hasText: "Signed in" }).filter({ hasText: "Failed" }));

    // Filter by action: only disables remain, Nina's among them.
    await field(page, "Action").selectOption({ label: "Disabled a user" });
    await see(disabled);
    await expect.poll(() => eventRow(page, "Unlocked a user", lara.name).count()).toBe(0);
    const actions = await events(page).locator("tbody tr td:nth-child(3)").allTextContents();
    expect(new Set(actions.map((a) => a.trim()))).toEqual(new Set(["Disabled a user"]));

    // Filter by target instead: everything that happened to Nina (as a user, or to her account).
    await field(page, "Action").selectOption({ label: "All actions" });
    await field(page, "Target").selectOption({ label: nina.name });
    await see(disabled);
    await expect.poll(() => eventRow(page, "Created a location", "Pier Street Clinic").count()).toBe(0);
    const targets = await events(page).locator("tbody tr td:nth-child(4)").allTextContents();
    for (const target of targets)
      expect(target.includes(nina.name) || target.includes(nina.email), target).toBe(true);
    await field(page, "Action").selectOption({ label: "Disabled a user" });
    await expect.poll(() => events(page).locator("tbody tr").count()).toBe(1);

    await page.getByRole("button", { name: "Verify integrity", exact: true }).click();
    await see(message(page, "The audit trail is intact"));

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV", exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-harbor-urgent-care-\d{4}-\d{2}-\d{2}\.csv$/);
    await see(
      message(page, new RegExp(`events? exported to ${file.suggestedFilename().replace(/\./g, "\\.")}`)),
    );
    const path = await file.path();
    const csv = await readFile(path, "utf8");
    // The export holds exactly the filtered events: Nina's disable.
    expect(csv).toContain("user.disabled");
    expect(csv).toContain(nina.name);
    expect(csv).not.toContain("user.unlocked");
    expect(csv).not.toContain("Dina Disabled");
    expect(csv).not.toContain(DEMO_PASSWORD);
  });
});
