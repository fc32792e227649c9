import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, HARBOR, lara, nina, olive } from "./support/accounts";
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

/** A filter combobox of the trail by its label. */
const combobox = (page: Page, label: string) =>
  page.getByRole("main").getByRole("combobox", { name: label, exact: true });
/** Types into a filter combobox and takes the first match with Enter, keyboard only. */
async function pick(page: Page, label: string, typed: string, shown: string): Promise<void> {
  const box = combobox(page, label);
  await box.focus();
  await box.press("Control+a");
  await box.pressSequentially(typed);
  await expect.poll(() => box.getAttribute("aria-activedescendant")).toMatch(/.+/);
  await box.press("Enter");
  await expect.poll(() => box.inputValue()).toBe(shown);
}

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
    await pick(page, "Target", "nina", nina.name);
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

describe.each(WIRINGS)("Audit trail seen from New York (%s wiring)", (wiring) => {
  // The viewer is in New York, not UTC: the trail's times follow the browser's zone.
  const demo = useDemo(wiring, { timezoneId: "America/New_York" });

  it("W14 times show in the viewer's zone with UTC on hover and focus; actor and target filters are searchable comboboxes, keyboard only, targets grouped by kind", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    await rowAction(page, nina.email, "Disable");
    const confirm = dialogTitled(page, `Disable ${nina.name}?`);
    await confirm.getByRole("button", { name: "Disable user", exact: true }).click();
    await gone(confirm);
    await goTo(page, "Audit");

    const disabled = eventRow(page, "Disabled a user", nina.name);
    await see(disabled);
    const time = disabled.locator("time");
    const iso = (await time.getAttribute("datetime")) ?? "";
    const local = new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    }).formatToParts(new Date(iso));
    const zone = local.find((p) => p.type === "timeZoneName")?.value ?? "";
    expect(zone).toMatch(/^E[SD]T$/);
    expect(await time.textContent()).toContain(zone);
    const utc = `${iso.replace("T", " ").replace("Z", "")} UTC`;
    const tip = disabled.getByRole("tooltip");
    expect(await tip.isVisible()).toBe(false);
    await time.hover();
    await see(tip);
    expect(await tip.textContent()).toBe(utc);
    // The keyboard reaches it too, and Escape hides it without moving focus.
    await page.mouse.move(0, 0);
    await time.focus();
    await see(tip);
    await page.keyboard.press("Escape");
    await expect.poll(() => tip.isVisible()).toBe(false);
    expect(await time.evaluate((el) => el === document.activeElement)).toBe(true);

    // Actor: part of a name, Enter; only Olive's events remain. Escape on the closed box clears it.
    await pick(page, "Actor", "oliv", olive.name);
    await see(disabled);
    const actors = await events(page).locator("tbody tr td:nth-child(2)").allTextContents();
    for (const actor of actors) expect(actor).toContain(olive.name);
    await combobox(page, "Actor").press("Escape");
    await expect.poll(() => combobox(page, "Actor").inputValue()).toBe("");

    // Target: opened with Alt+↓, every kind under its heading; typing narrows; ↓ and Enter choose.
    const target = combobox(page, "Target");
    await target.focus();
    await target.press("Alt+ArrowDown");
    const list = page.getByRole("listbox", { name: "Target", exact: true });
    for (const kind of ["Users", "Roles", "Locations", "Organization"]) {
      await see(list.getByRole("group", { name: kind, exact: true }));
    }
    await see(
      list.getByRole("group", { name: "Roles", exact: true }).getByRole("option", { name: "Front Desk" }),
    );
    await see(
      list.getByRole("group", { name: "Organization", exact: true }).getByRole("option", { name: HARBOR }),
    );
    await target.pressSequentially("patel");
    await expect.poll(() => list.getByRole("group").count()).toBe(1);
    await target.press("ArrowDown");
    await target.press("ArrowUp");
    await target.press("ArrowDown");
    await target.press("Enter");
    await expect.poll(() => target.inputValue()).toBe(nina.name);
    await see(disabled);
    const targets = await events(page).locator("tbody tr td:nth-child(4)").allTextContents();
    for (const t of targets) expect(t.includes(nina.name) || t.includes(nina.email), t).toBe(true);
  });
});
