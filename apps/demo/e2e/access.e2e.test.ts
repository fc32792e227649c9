import { describe, expect, it } from "vitest";
import { adam, carl, DOWNTOWN, NEW_PASSWORDS, NORTHSIDE, nina, olive, TIDEWATER } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { gone, message, see } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs, signOut } from "./support/session";
import { switchOrganization } from "./support/switcher";
import {
  dialogTitled,
  fillUserForm,
  findUser,
  refusedRowActions,
  rowAction,
  rowActions,
  searchUsers,
  tabCount,
  userRow,
  usersTable,
} from "./support/users-page";

/** Someone the restricted clinic manager adds. */
const theo = { email: "theo.grant@harbor.example", name: "Theo Grant" } as const;

describe.each(WIRINGS)("Location access and administrators (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W9/R3/R4 restrict a clinic manager to one clinic: they see its people only and cannot grant a clinic they lack", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const everyone = await tabCount(page, "Active");

    await rowAction(page, carl.email, "Edit");
    const edit = dialogTitled(page, `Edit ${carl.name}`);
    await fillUserForm(edit, { access: [NORTHSIDE], primaryLocation: NORTHSIDE });
    await edit.getByRole("button", { name: "Save changes", exact: true }).click();
    await gone(edit);
    await see(userRow(page, carl.email).getByText(NORTHSIDE));
    await expect(userRow(page, carl.email).getByText(DOWNTOWN).count()).resolves.toBe(0);

    await signOut(page);
    await signInAs(page, carl);
    await goTo(page, "Users");
    // R4: Carl sees only people who share Northside (org-wide staff share every clinic).
    const visible = await tabCount(page, "Active");
    expect(visible).toBeLessThan(everyone);
    expect(visible).toBeGreaterThan(0);
    // Org-wide administrators show, but Carl can do nothing to them (R3, R4): every action is
    // disabled with core's reason.
    const owner = await findUser(page, olive.email);
    expect(await rowActions(page, owner)).toEqual([]);
    expect(await refusedRowActions(page, owner)).toContain(
      "Edit: This user has access to locations outside yours.",
    );
    await searchUsers(page, "");

    // Only Northside is Carl's to give: "all locations" is not offered, with core's reason beside it.
    await page.getByRole("button", { name: "New user", exact: true }).click();
    const create = dialogTitled(page, "New user");
    const roles = create.getByLabel(/^Role\*?$/).locator("option:not([disabled]):not([value=''])");
    const role = (await roles.first().textContent())?.trim() ?? "";
    expect(role).not.toBe("");
    expect(await roles.allTextContents()).not.toContain("Administrator");
    const orgWide = create.getByRole("radio", { name: /^All locations of the organization/ });
    expect(await orgWide.isDisabled()).toBe(true);
    await see(create.getByText("You can only give access to locations you have yourself."));
    await fillUserForm(create, {
      email: theo.email,
      givenName: "Theo",
      familyName: "Grant",
      role,
      access: [NORTHSIDE],
      primaryLocation: NORTHSIDE,
      password: NEW_PASSWORDS.second,
    });
    await create.getByRole("button", { name: "Create user", exact: true }).click();
    await gone(create);
    await see(message(page, `${theo.name} was added.`));
    await see(userRow(page, theo.email));

    // The clinics Carl may not give are not even offered: the Locations page lists his one clinic.
    await goTo(page, "Locations");
    const locations = page.getByRole("main").getByRole("table");
    await see(locations.getByRole("rowheader", { name: NORTHSIDE }));
    expect(await locations.getByRole("rowheader").count()).toBe(1);
    await see(page.getByText("You can see the locations but not change them."));
  });

  it("R6/R7 the only administrator cannot remove or demote herself, and another administrator is offered nothing on the main contact", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);

    // Tidewater has one administrator, Olive: she is offered no way to disable herself…
    await switchOrganization(page, TIDEWATER);
    await goTo(page, "Users");
    const self = await findUser(page, olive.email);
    const actions = await rowActions(page, self);
    expect(actions).toContain("Edit");
    expect(actions).not.toContain("Disable");
    expect(await refusedRowActions(page, self)).toContain("Disable: You cannot disable yourself.");
    // …and her own role is locked in her form, with core's reason (she cannot demote herself).
    await rowAction(page, olive.email, "Edit");
    const edit = dialogTitled(page, `Edit ${olive.name}`);
    expect(await edit.getByLabel(/^Role\*?$/).isDisabled()).toBe(true);
    await see(edit.getByText(/You cannot change your own role or locations\./).filter({ visible: true }));
    await edit.getByRole("button", { name: "Cancel", exact: true }).click();
    await gone(edit);
    await see(userRow(page, olive.email).getByText("Administrator", { exact: true }));

    // In Harbor, Adam is an administrator but not the main contact: Olive's account is hers alone
    // (R7), so he is offered nothing on her (each action disabled with core's reason) and cannot
    // select her into a bulk action.
    await signOut(page);
    await signInAs(page, adam);
    await goTo(page, "Users");
    const owner = await findUser(page, olive.email);
    await see(owner.getByText("Main contact", { exact: true }));
    expect(await rowActions(page, owner)).toEqual([]);
    const refused = await refusedRowActions(page, owner);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.includes("Only the main contact"))).toBe(true);
    await searchUsers(page, "");
    await usersTable(page).waitFor();
    expect(await page.getByRole("checkbox", { name: `Select ${olive.name}`, exact: true }).isDisabled()).toBe(
      true,
    );
    // A bulk action still answers per row: its confirmation says Adam cannot disable himself (core's
    // verdict) and disables Nina alone.
    for (const person of [adam, nina]) {
      await page.getByRole("checkbox", { name: `Select ${person.name}`, exact: true }).check();
    }
    await page
      .getByRole("toolbar", { name: "Bulk actions" })
      .getByRole("button", { name: "Disable", exact: true })
      .click();
    const confirm = dialogTitled(page, "Disable 1 user?");
    await see(confirm.getByText(`${adam.name}: You cannot disable yourself.`));
    await confirm.getByRole("button", { name: "Disable 1 user", exact: true }).click();
    await see(message(page, "Done: 1 user updated."));
    await expect.poll(() => userRow(page, nina.email).count()).toBe(0);
    await see(userRow(page, olive.email));
  });
});
