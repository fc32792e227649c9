import { describe, expect, it } from "vitest";
import {
  adam,
  BAYVIEW,
  carl,
  DOWNTOWN,
  dina,
  mona,
  NEW_PASSWORDS,
  NORTHSIDE,
  nina,
  olive,
} from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { field, gone, message, onPage, see } from "./support/look";
import { goTo } from "./support/navigation";
import {
  chooseNewPassword,
  expectSignInRefused,
  signInAs,
  signInToForcedChange,
  signOut,
} from "./support/session";
import {
  dialogTitled,
  fillUserForm,
  findUser,
  openTab,
  rowAction,
  rowActions,
  searchUsers,
  tabCount,
  userRow,
} from "./support/users-page";

/** A person the tests create: not in the seed. */
const sam = { email: "sam.rivera@harbor.example", name: "Sam Rivera RN" } as const;
const TEMPORARY = "ferry-dock-morning-temp-55";

describe.each(WIRINGS)("Users (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W1 create a user with a temporary password, who must change it at first sign-in", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const active = await tabCount(page, "Active");

    await page.getByRole("button", { name: "New user", exact: true }).click();
    const dialog = dialogTitled(page, "New user");
    await fillUserForm(dialog, {
      email: sam.email,
      givenName: "Sam",
      familyName: "Rivera",
      title: "RN",
      jobTitle: "Triage nurse",
      primaryPhone: "+14155550123",
      role: "Read-only Staff",
      access: [NORTHSIDE, BAYVIEW],
      primaryLocation: NORTHSIDE,
      password: TEMPORARY,
      mustChangePassword: true,
    });
    await dialog.getByRole("button", { name: "Create user", exact: true }).click();
    await gone(dialog);
    await see(message(page, `${sam.name} was added.`));
    await expect.poll(() => tabCount(page, "Active")).toBe(active + 1);

    const row = await findUser(page, sam.email);
    await see(row.getByText(sam.name, { exact: true }));
    await see(row.getByText("Must change password", { exact: true }));
    await see(row.getByText("Read-only Staff", { exact: true }));
    await see(row.getByText(NORTHSIDE));

    // Sam signs in with the temporary password and must choose their own before anything else.
    await signOut(page);
    await signInToForcedChange(page, sam, TEMPORARY);
    await chooseNewPassword(page, NEW_PASSWORDS.first);
    await see(page.getByRole("banner").getByText(sam.name, { exact: true }));
    await goTo(page, "Users");
    const own = await findUser(page, sam.email);
    await expect(own.getByText("Must change password").count()).resolves.toBe(0);

    // The temporary password is spent; their own password signs them straight in.
    await signOut(page);
    await expectSignInRefused(page, sam.email, TEMPORARY);
    await signInAs(page, sam, NEW_PASSWORDS.first);
  });

  it("W1/R1 the new-user form refuses mismatched passwords and an email already in use", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const active = await tabCount(page, "Active");

    await page.getByRole("button", { name: "New user", exact: true }).click();
    const dialog = dialogTitled(page, "New user");
    await fillUserForm(dialog, {
      email: adam.email.toUpperCase(),
      givenName: "Adam",
      familyName: "Again",
      role: "Front Desk",
      access: "organization",
      primaryLocation: DOWNTOWN,
      password: NEW_PASSWORDS.second,
      confirmPassword: NEW_PASSWORDS.third,
    });
    await dialog.getByRole("button", { name: "Create user", exact: true }).click();
    await see(dialog.getByText("The passwords do not match.", { exact: true }));

    // Matching passwords now; the email (any case, R1) belongs to Adam already.
    await field(dialog, "Confirm the password").fill(NEW_PASSWORDS.second);
    await dialog.getByRole("button", { name: "Create user", exact: true }).click();
    await see(dialog.getByText("A user with this email already exists."));
    await expect(dialog.getByText("The passwords do not match.").count()).resolves.toBe(0);

    await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
    await gone(dialog);
    expect(await tabCount(page, "Active")).toBe(active);
  });

  it("W4 edit a user's profile and locations, promote one user and demote another", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");

    await rowAction(page, mona.email, "Edit");
    let dialog = dialogTitled(page, `Edit ${mona.name}`);
    await fillUserForm(dialog, {
      jobTitle: "Front desk lead",
      access: [DOWNTOWN, BAYVIEW],
      primaryLocation: BAYVIEW,
      role: "Administrator",
    });
    await dialog.getByRole("button", { name: "Save changes", exact: true }).click();
    await gone(dialog);
    await see(message(page, `${mona.name} was updated.`));
    let row = userRow(page, mona.email);
    await see(row.getByText("Front desk lead", { exact: true }));
    await see(row.getByText("Administrator", { exact: true }));
    await see(row.getByText(BAYVIEW));
    await see(row.getByText("+1", { exact: true }));

    // Adam stops being an administrator: only the main contact (Olive) may demote one (R7).
    await rowAction(page, adam.email, "Edit");
    dialog = dialogTitled(page, `Edit ${adam.name}`);
    await fillUserForm(dialog, { role: "Front Desk" });
    await dialog.getByRole("button", { name: "Save changes", exact: true }).click();
    await gone(dialog);
    row = userRow(page, adam.email);
    await see(row.getByText("Front Desk", { exact: true }));

    // The administrators filter follows: Mona in, Adam out.
    await searchUsers(page, "");
    await page.getByRole("checkbox", { name: "Administrators only" }).check();
    await see(userRow(page, mona.email));
    await see(userRow(page, olive.email));
    await expect.poll(() => userRow(page, adam.email).count()).toBe(0);
  });

  it("W6 disable a user: they leave the active list and cannot sign in; restore brings them back", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const active = await tabCount(page, "Active");
    const disabled = await tabCount(page, "Disabled");

    await rowAction(page, nina.email, "Disable");
    const confirm = dialogTitled(page, `Disable ${nina.name}?`);
    await confirm.getByRole("button", { name: "Disable user", exact: true }).click();
    await gone(confirm);
    await see(message(page, `${nina.name} was disabled.`));
    await expect.poll(() => userRow(page, nina.email).count()).toBe(0);
    await searchUsers(page, "");
    await expect.poll(() => tabCount(page, "Active")).toBe(active - 1);
    expect(await tabCount(page, "Disabled")).toBe(disabled + 1);
    await openTab(page, "Disabled");
    await findUser(page, nina.email);

    await signOut(page);
    await expectSignInRefused(page, nina.email, "harbor-demo-2026");

    await signInAs(page, olive);
    await goTo(page, "Users");
    await openTab(page, "Disabled");
    await rowAction(page, nina.email, "Restore");
    await see(message(page, `${nina.name} was restored.`));
    await openTab(page, "Active");
    await findUser(page, nina.email);

    await signOut(page);
    await signInAs(page, nina);
  });

  it("W6 delete a disabled user permanently, only after typing their email", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const disabled = await tabCount(page, "Disabled");

    // Only a disabled user can be deleted: an active one is not offered the action.
    const active = await findUser(page, nina.email);
    expect(await rowActions(page, active)).not.toContain("Delete permanently");

    await searchUsers(page, "");
    await openTab(page, "Disabled");
    await rowAction(page, dina.email, "Delete permanently");
    const confirm = dialogTitled(page, `Delete ${dina.name} permanently?`);
    const button = confirm.getByRole("button", { name: "Delete permanently", exact: true });
    const typed = field(confirm, `Type ${dina.email} to confirm`);
    expect(await button.isDisabled()).toBe(true);
    await typed.fill("dina@harbor.example");
    expect(await button.isDisabled()).toBe(true);
    await typed.fill(dina.email);
    await button.click();
    await gone(confirm);
    await see(message(page, `${dina.name} was deleted.`));

    await searchUsers(page, "");
    await expect.poll(() => tabCount(page, "Disabled")).toBe(disabled - 1);
    await searchUsers(page, "Dina");
    await see(page.getByText("No users match your search"));
    for (const tab of ["Active", "Pending"] as const) {
      await openTab(page, tab);
      await see(page.getByText("No users match your search"));
    }
  });
});

describe("Users, two administrators at once (REST wiring: the in-browser wiring lives inside one page)", () => {
  const demo = useDemo("rest");

  it("W4/R12 an edit based on an older version is refused with a clear conflict, and a reload lets it through", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const other = await demo.secondPage();
    await signInAs(other, adam);
    await goTo(other, "Users");

    // Both open Nina's form; Olive saves first.
    await rowAction(other, nina.email, "Edit");
    const late = dialogTitled(other, `Edit ${nina.name}`);
    await see(field(late, "Job title"));
    await rowAction(page, nina.email, "Edit");
    const early = dialogTitled(page, `Edit ${nina.name}`);
    await field(early, "Job title").fill("Attending physician");
    await early.getByRole("button", { name: "Save changes", exact: true }).click();
    await gone(early);
    await see(message(page, `${nina.name} was updated.`));

    // Adam's save names the version he read: refused, nothing written, and he is told why.
    await field(late, "Job title").fill("Locum physician");
    await late.getByRole("button", { name: "Save changes", exact: true }).click();
    const conflict = message(late, "Someone else changed this user");
    await see(conflict);
    await see(conflict.getByText(/Your changes were not saved/));
    await conflict.getByRole("button", { name: "Reload", exact: true }).click();
    await gone(conflict);
    expect(await field(late, "Job title").inputValue()).toBe("Attending physician");

    await field(late, "Job title").fill("Locum physician");
    await late.getByRole("button", { name: "Save changes", exact: true }).click();
    await gone(late);
    await see(userRow(other, nina.email).getByText("Locum physician", { exact: true }));
  });
});

describe("Users, an administrator and the person they disable (REST wiring: two browsers)", () => {
  const demo = useDemo("rest");

  it("W6 disabling a user ends their open session at once", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    // Carl, a clinic manager, has settings pages to move between (a provider like Nina has none).
    const his = await demo.secondPage();
    await signInAs(his, carl);

    await rowAction(page, carl.email, "Disable");
    const confirm = dialogTitled(page, `Disable ${carl.name}?`);
    await confirm.getByRole("button", { name: "Disable user", exact: true }).click();
    await gone(confirm);
    await see(message(page, `${carl.name} was disabled.`));

    // Carl's next step finds him signed out.
    await his.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Roles" }).click();
    await onPage(his, "Sign in");
    await expect(his.getByRole("banner").getByText(carl.name, { exact: true }).count()).resolves.toBe(0);
  });
});
