import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { BAYVIEW, NEW_PASSWORDS, olive, TIDEWATER } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { field, gone, message, see } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs } from "./support/session";
import { switchOrganization } from "./support/switcher";
import { dialogTitled, fillUserForm, findUser, rowAction } from "./support/users-page";

/** A new practitioner; 1234567893 is CMS's own example of a valid NPI (Luhn over 80840). */
const rosa = { email: "rosa.vega@harbor.example", name: "Rosa Vega DO", npi: "1234567893" } as const;

/** The provider types the New user form offers a practitioner, in order. */
async function offeredProviderTypes(page: Page): Promise<string[]> {
  await goTo(page, "Users");
  await page.getByRole("button", { name: "New user", exact: true }).click();
  const dialog = dialogTitled(page, "New user");
  await dialog.getByRole("checkbox", { name: "Practitioner (sees patients)" }).check();
  const group = dialog.getByRole("group", { name: "Provider types" });
  await see(group);
  const labels = (await group
    .getByRole("checkbox")
    .evaluateAll((boxes) => boxes.map((box) => box.closest("label")?.textContent?.trim() ?? ""))) as string[];
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await gone(dialog);
  return labels;
}

describe.each(WIRINGS)("Provider profiles (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W10 provider types are each organization's own: Harbor adds one in Organization settings and its user form offers it; Tidewater's offers only its own", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Organization");
    const types = page.getByRole("region", { name: "Provider types" });
    await types.getByRole("button", { name: "Add provider type", exact: true }).click();
    await page.keyboard.type("CNA");
    await page.getByRole("button", { name: "Save changes", exact: true }).click();
    await see(message(page, "The organization settings were saved."));
    expect(await offeredProviderTypes(page)).toEqual(["MD", "DO", "NP", "PA", "RN", "LPN", "MA", "CNA"]);

    await switchOrganization(page, TIDEWATER);
    expect(await offeredProviderTypes(page)).toEqual(["PT", "PTA", "OT"]);
  });

  it("W10/R11 record a practitioner's credentials: a wrong NPI or taxonomy code is refused on its field, valid ones show in the directory", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");

    await page.getByRole("button", { name: "New user", exact: true }).click();
    const dialog = dialogTitled(page, "New user");
    await fillUserForm(dialog, {
      email: rosa.email,
      givenName: "Rosa",
      familyName: "Vega",
      title: "DO",
      jobTitle: "Urgent care physician",
      role: "Provider",
      access: [BAYVIEW],
      primaryLocation: BAYVIEW,
      password: NEW_PASSWORDS.first,
    });
    // Provider credentials appear only for a practitioner.
    const credentials = dialog.getByRole("region", { name: "Provider credentials" });
    expect(await credentials.count()).toBe(0);
    await dialog.getByRole("checkbox", { name: "Practitioner (sees patients)" }).check();
    await see(credentials);
    await dialog.getByRole("checkbox", { name: "Has a diary column" }).check();
    await field(credentials, "NPI").fill("1234567890");
    await field(credentials, "Taxonomy codes").fill("207P00000X, 12345");
    await field(credentials, "Capacity").fill("2");
    await field(credentials, "Scheduling step").selectOption({ label: "20 minutes" });
    await credentials
      .getByRole("group", { name: "Provider types" })
      .getByRole("checkbox", { name: "DO" })
      .check();
    await field(credentials, "Bio").fill("Sees walk-in patients at Bayview.");
    await dialog.getByRole("button", { name: "Create user", exact: true }).click();
    await see(credentials.getByText("This NPI's check digit is wrong."));
    await see(credentials.getByText("Not a NUCC taxonomy code."));

    await field(credentials, "NPI").fill(rosa.npi);
    await field(credentials, "Taxonomy codes").fill("207P00000X");
    await dialog.getByRole("button", { name: "Create user", exact: true }).click();
    await gone(dialog);
    await see(message(page, `${rosa.name} was added.`));

    // The directory finds her by NPI and shows her as a provider.
    const row = await findUser(page, rosa.npi);
    await see(row.getByText(rosa.email, { exact: true }));
    await see(row.getByText("Provider", { exact: true }).first());
    await see(row.getByText(`NPI ${rosa.npi}`, { exact: true }));

    // Her saved profile reads back as entered.
    await rowAction(page, rosa.npi, "Edit");
    const edit = dialogTitled(page, `Edit ${rosa.name}`);
    const saved = edit.getByRole("region", { name: "Provider credentials" });
    expect(await field(saved, "NPI").inputValue()).toBe(rosa.npi);
    expect(await field(saved, "Taxonomy codes").inputValue()).toBe("207P00000X");
    expect(await field(saved, "Capacity").inputValue()).toBe("2");
    expect(await field(saved, "Scheduling step").inputValue()).toBe("20");
    expect(await saved.getByRole("checkbox", { name: "DO" }).isChecked()).toBe(true);
    expect(await edit.getByRole("checkbox", { name: "Has a diary column" }).isChecked()).toBe(true);
  });
});
