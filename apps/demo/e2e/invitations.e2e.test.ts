import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  adam,
  HARBOR,
  NEW_PASSWORDS,
  NORTHSIDE,
  olive,
  paul,
  TIDEWATER,
  TIDEWATER_MAIN,
} from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { field, gone, message, see } from "./support/look";
import { followNewestLink, mailCountTo } from "./support/mail";
import { goTo, openMail } from "./support/navigation";
import { signInAs, signOut } from "./support/session";
import { switchOrganization } from "./support/switcher";
import {
  dialogTitled,
  fillUserForm,
  findUser,
  openTab,
  rowAction,
  searchUsers,
  tabCount,
  userRow,
} from "./support/users-page";

/** Someone new to the demo, invited by the tests. */
const ines = { email: "ines.okafor@harbor.example", name: "Ines Okafor PA" } as const;

/** Olive, on the Users page, invites Ines to Northside as read-only staff. */
async function inviteInes(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Invite user", exact: true }).click();
  const dialog = dialogTitled(page, "Invite a user");
  await fillUserForm(dialog, {
    email: ines.email,
    givenName: "Ines",
    familyName: "Okafor",
    title: "PA",
    role: "Read-only Staff",
    access: [NORTHSIDE],
    primaryLocation: NORTHSIDE,
  });
  await dialog.getByRole("button", { name: "Send invitation", exact: true }).click();
  await gone(dialog);
  await see(message(page, `Invitation sent to ${ines.email}.`));
}

describe.each(WIRINGS)("Invitations (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W2/W3 invite a user; they follow the link from the Mail page, choose a password and sign in", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const pending = await tabCount(page, "Pending");

    await inviteInes(page);
    await expect.poll(() => tabCount(page, "Pending")).toBe(pending + 1);
    await openTab(page, "Pending");
    await findUser(page, ines.email);

    // Ines reads her mail and accepts: a new account chooses its password.
    await signOut(page);
    const mail = await followNewestLink(page, ines.email);
    expect(mail.subject).toContain(HARBOR);
    await see(page.getByRole("heading", { name: `Join ${HARBOR}`, exact: true }));
    await see(page.getByText(`${olive.name} invited you to join ${HARBOR}.`));
    expect(await field(page.getByRole("main"), "Email").inputValue()).toBe(ines.email);
    await field(page, "Choose a password").fill(NEW_PASSWORDS.first);
    await field(page, "Confirm the password").fill(NEW_PASSWORDS.first);
    await page.getByRole("button", { name: "Create account and join", exact: true }).click();
    await see(message(page, "Your account is ready"));

    await signInAs(page, ines, NEW_PASSWORDS.first);
    await goTo(page, "Users");
    await findUser(page, olive.email);
    await findUser(page, ines.email);

    // The link worked once (R15): followed again, it explains it cannot be used.
    await followNewestLink(page, ines.email);
    await see(page.getByRole("heading", { name: "This invitation can't be used", exact: true }));
  });

  it("W2 resending at once is rate-limited; a revoked invitation frees its seat and its link stops working", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const pending = await tabCount(page, "Pending");
    await inviteInes(page);
    await expect.poll(() => tabCount(page, "Pending")).toBe(pending + 1);

    // The invitation went out moments ago: a resend now is refused (W2 "rate-limited").
    // Resend sits in the Pending row itself (issue 13 item 5).
    await openTab(page, "Pending");
    const row = await findUser(page, ines.email);
    await row.getByRole("button", { name: `Resend invitation to ${ines.name}`, exact: true }).click();
    await see(message(page, "The invitation was sent moments ago. Wait a minute before sending it again."));
    await openMail(page);
    expect(await mailCountTo(page, ines.email)).toBe(1);

    await goTo(page, "Users");
    await openTab(page, "Pending");
    await rowAction(page, ines.email, "Revoke invitation");
    const confirm = dialogTitled(page, `Revoke the invitation for ${ines.name}?`);
    await confirm.getByRole("button", { name: "Revoke invitation", exact: true }).click();
    await gone(confirm);
    await see(message(page, `The invitation for ${ines.name} was revoked.`));
    await searchUsers(page, "");
    await expect.poll(() => tabCount(page, "Pending")).toBe(pending);
    await see(userRow(page, paul.email));

    await signOut(page);
    await followNewestLink(page, ines.email);
    await see(page.getByRole("heading", { name: "This invitation can't be used", exact: true }));
  });

  it("W2 invite several people at once: one role and location, a result per address; the ones invited are pending and mailed", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const pending = await tabCount(page, "Pending");

    await page.getByRole("button", { name: "Invite several", exact: true }).click();
    const dialog = dialogTitled(page, "Invite several people");
    await field(dialog, "Email addresses").fill(
      `${ines.email}\nRae Moss <rae@harbor.example>, not-an-address\n${paul.email}`,
    );
    await see(dialog.getByText("4 addresses", { exact: true }));
    await fillUserForm(dialog, { role: "Read-only Staff", access: [NORTHSIDE], primaryLocation: NORTHSIDE });
    await dialog.getByRole("button", { name: "Send 4 invitations", exact: true }).click();

    const results = dialog.getByRole("table", { name: "Result for each address" });
    await see(results);
    await see(dialog.getByText("2 invited, 2 not invited.", { exact: true }));
    // Each row: the address (its row header), then its result.
    const rowText = () =>
      results
        .locator("tbody tr")
        .evaluateAll((rows) =>
          rows.map((row) =>
            Array.from(row.children, (cell) => cell.textContent?.replace(/\s+/g, " ").trim()),
          ),
        );
    expect(await rowText()).toEqual([
      [ines.email, "Invited as Ines Okafor"],
      ["rae@harbor.example", "Invited as Rae Moss"],
      ["not-an-address", "Not invited Enter an email address like name@clinic.org."],
      [paul.email, "Not invited A user with this email already exists."],
    ]);
    await dialog.getByRole("button", { name: "Done", exact: true }).click();
    await gone(dialog);
    await see(message(page, "Invitations sent to 2; 2 could not be invited."));
    await expect.poll(() => tabCount(page, "Pending")).toBe(pending + 2);
    await openTab(page, "Pending");
    await findUser(page, "rae@harbor.example");

    await openMail(page);
    expect(await mailCountTo(page, ines.email)).toBe(1);
    expect(await mailCountTo(page, "rae@harbor.example")).toBe(1);
    expect(await mailCountTo(page, paul.email)).toBe(0);
  });

  it("W3 an existing account accepts an invitation to a second organization and switches to it", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await switchOrganization(page, TIDEWATER);
    await goTo(page, "Users");
    await expect.poll(() => userRow(page, adam.email).count()).toBe(0);

    await page.getByRole("button", { name: "Invite user", exact: true }).click();
    const dialog = dialogTitled(page, "Invite a user");
    await fillUserForm(dialog, {
      email: adam.email,
      givenName: "Adam",
      familyName: "Admin",
      role: "Read-only Staff",
      primaryLocation: TIDEWATER_MAIN,
    });
    await dialog.getByRole("button", { name: "Send invitation", exact: true }).click();
    await gone(dialog);
    await see(message(page, `Invitation sent to ${adam.email}.`));

    // Adam already has an account: accepting only joins, with no new password.
    await signOut(page);
    await followNewestLink(page, adam.email, new RegExp(TIDEWATER));
    await see(page.getByText(`You already have an account for ${adam.email}.`, { exact: false }));
    expect(await field(page, "Choose a password").count()).toBe(0);
    await page.getByRole("button", { name: `Join ${TIDEWATER}`, exact: true }).click();
    await see(message(page, "You joined"));

    await signInAs(page, adam);
    await switchOrganization(page, TIDEWATER);
    await goTo(page, "Users");
    await see(userRow(page, olive.email));
    await findUser(page, adam.email);
    await switchOrganization(page, HARBOR);
    await goTo(page, "Users");
    await findUser(page, adam.email);
  });
});
