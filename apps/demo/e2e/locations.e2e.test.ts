import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DOWNTOWN, olive } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { field, gone, message, see } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs } from "./support/session";
import { dialogTitled } from "./support/users-page";

/** The locations table of LocationsManager. */
const table = (page: Page) => page.getByRole("main").getByRole("table", { name: "Locations" });
/** A location's row, by its name (the row header). */
const row = (page: Page, name: string) =>
  table(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

describe.each(WIRINGS)("Locations (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W8 create, rename and archive a location; a clinic that is someone's primary cannot be archived", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Locations");
    await see(page.getByText("3 locations", { exact: true }));

    await page.getByRole("button", { name: "New location", exact: true }).click();
    let dialog = dialogTitled(page, "New location");
    await field(dialog, "Name").fill("Pier Street Clinic");
    await field(dialog, "Group").fill("Waterfront");
    await dialog.getByRole("button", { name: "Add location", exact: true }).click();
    await gone(dialog);
    await see(message(page, "Pier Street Clinic was added."));
    await see(row(page, "Pier Street Clinic").getByText("Waterfront", { exact: true }));
    await see(row(page, "Pier Street Clinic").getByText("Active", { exact: true }));
    await see(page.getByText("4 locations", { exact: true }));

    // A new clinic is offered to staff at once.
    await goTo(page, "Users");
    await page.getByRole("button", { name: "New user", exact: true }).click();
    const form = dialogTitled(page, "New user");
    const primary = field(form, "Primary location");
    await expect.poll(() => primary.locator("option").allTextContents()).toContain("Pier Street Clinic");
    await form.getByRole("button", { name: "Cancel", exact: true }).click();
    await gone(form);

    await goTo(page, "Locations");
    await row(page, "Pier Street Clinic").getByRole("button", { name: "Edit Pier Street Clinic" }).click();
    dialog = dialogTitled(page, "Edit Pier Street Clinic");
    await field(dialog, "Name").fill("Pier Clinic");
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    await gone(dialog);
    await see(message(page, "Pier Clinic was saved."));
    await see(row(page, "Pier Clinic"));
    await expect.poll(() => row(page, "Pier Street Clinic").count()).toBe(0);

    await row(page, "Pier Clinic").getByRole("button", { name: "Archive Pier Clinic" }).click();
    const confirm = dialogTitled(page, "Archive Pier Clinic?");
    await confirm.getByRole("button", { name: "Archive location", exact: true }).click();
    await gone(confirm);
    await see(message(page, "Pier Clinic was archived."));
    await see(row(page, "Pier Clinic").getByText("Archived", { exact: true }));
    await see(page.getByText("3 locations · 1 archived", { exact: true }));

    // Downtown is where people work: core refuses and says how many to move first.
    await row(page, DOWNTOWN)
      .getByRole("button", { name: `Archive ${DOWNTOWN}` })
      .click();
    const refused = dialogTitled(page, `Archive ${DOWNTOWN}?`);
    await refused.getByRole("button", { name: "Archive location", exact: true }).click();
    await see(
      refused.getByText(
        new RegExp(
          `have ${DOWNTOWN} as their primary location\\. Give them another primary location first\\.`,
        ),
      ),
    );
    await refused.getByRole("button", { name: "Cancel", exact: true }).click();
    await gone(refused);
    await see(row(page, DOWNTOWN).getByText("Active", { exact: true }));

    // An archived clinic leaves the pickers.
    await goTo(page, "Users");
    await page.getByRole("button", { name: "New user", exact: true }).click();
    const again = dialogTitled(page, "New user");
    const options = await field(again, "Primary location").locator("option").allTextContents();
    expect(options).toContain(DOWNTOWN);
    expect(options).not.toContain("Pier Clinic");
  });
});
