import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adam, BAYVIEW, NEW_PASSWORDS, olive } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { field, gone, message, see, setSwitch } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs } from "./support/session";
import { dialogTitled, fillUserForm, findUser, openTab, rowActions, tabCount } from "./support/users-page";

/** A feature switch of OrganizationSettings. */
const feature = (page: Page, name: string) =>
  page.getByRole("main").getByRole("switch", { name: new RegExp(`^${name}`) });

/** Saves the organization form and waits for the confirmation. */
async function saveSettings(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save changes", exact: true }).click();
  await see(message(page, "The organization settings were saved."));
}

describe.each(WIRINGS)("Organization (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W11/R10 features decide the user form: the mobile app needs a primary phone, a feature turned off hides its field", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Organization");
    await setSwitch(feature(page, "Mobile app"), true);
    await setSwitch(feature(page, "Diary"), false);
    await saveSettings(page);

    await goTo(page, "Users");
    await page.getByRole("button", { name: "New user", exact: true }).click();
    const dialog = dialogTitled(page, "New user");
    await expect(dialog.getByRole("checkbox", { name: "Has a diary column" }).count()).resolves.toBe(0);
    await fillUserForm(dialog, {
      email: "maya.chen@harbor.example",
      givenName: "Maya",
      familyName: "Chen",
      role: "Front Desk",
      access: [BAYVIEW],
      primaryLocation: BAYVIEW,
      password: NEW_PASSWORDS.third,
    });
    await dialog.getByRole("checkbox", { name: "May sign in to the mobile app" }).check();
    await dialog.getByRole("button", { name: "Create user", exact: true }).click();
    await see(dialog.getByText("A user who signs in to the mobile app needs a primary phone."));

    await field(dialog, "Primary phone").fill("+14155550199");
    await dialog.getByRole("button", { name: "Create user", exact: true }).click();
    await gone(dialog);
    await see(message(page, "Maya Chen was added."));

    // Diary back on: its option returns to the form.
    await goTo(page, "Organization");
    await setSwitch(feature(page, "Diary"), true);
    await saveSettings(page);
    await goTo(page, "Users");
    await page.getByRole("button", { name: "New user", exact: true }).click();
    await see(dialogTitled(page, "New user").getByRole("checkbox", { name: "Has a diary column" }));
  });

  it("W11/R9 seats: usage shows beside the limit, and a full named-seat limit refuses an invitation", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const used = (await tabCount(page, "Active")) + (await tabCount(page, "Pending"));

    await goTo(page, "Organization");
    await see(page.getByText(new RegExp(`^${used} of \\d+ in use$`)));
    await field(page, "Named users limit").fill(String(used));
    await saveSettings(page);
    await see(page.getByText(`${used} of ${used} in use`, { exact: true }));

    await goTo(page, "Users");
    await page.getByRole("button", { name: "Invite user", exact: true }).click();
    const dialog = dialogTitled(page, "Invite a user");
    await fillUserForm(dialog, {
      email: "quinn.delaney@harbor.example",
      givenName: "Quinn",
      familyName: "Delaney",
      role: "Front Desk",
      primaryLocation: BAYVIEW,
    });
    await dialog.getByRole("button", { name: "Send invitation", exact: true }).click();
    await see(dialog.getByText(`All ${used} user seats are taken.`));
    await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
    await gone(dialog);
    await openTab(page, "Pending");
    expect((await tabCount(page, "Active")) + (await tabCount(page, "Pending"))).toBe(used);
  });

  it("R9 a named-seat limit below the seats in use asks first, says nobody is disabled, and refuses new users once saved", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const used = (await tabCount(page, "Active")) + (await tabCount(page, "Pending"));

    await goTo(page, "Organization");
    await field(page, "Named users limit").fill("10");
    await page.getByRole("button", { name: "Save changes", exact: true }).click();
    const confirm = dialogTitled(page, "Save a seat limit below what is in use?");
    await see(confirm.getByText(`Named users: 10, with ${used} in use.`));
    await see(
      confirm.getByText(
        "No one is disabled. Until fewer than 10 users are active or invited, adding, inviting or restoring a user is refused.",
      ),
    );
    await confirm.getByRole("button", { name: "Cancel", exact: true }).click();
    await gone(confirm);
    await see(page.getByText(`${used} of 250 in use`, { exact: true }));

    await page.getByRole("button", { name: "Save changes", exact: true }).click();
    await dialogTitled(page, "Save a seat limit below what is in use?")
      .getByRole("button", { name: "Save anyway", exact: true })
      .click();
    await see(message(page, "The organization settings were saved."));
    await see(page.getByText(`${used} of 10 in use`, { exact: true }));

    await goTo(page, "Users");
    expect(await tabCount(page, "Active")).toBeGreaterThan(10);
    await page.getByRole("button", { name: "Invite user", exact: true }).click();
    const dialog = dialogTitled(page, "Invite a user");
    await fillUserForm(dialog, {
      email: "quinn.delaney@harbor.example",
      givenName: "Quinn",
      familyName: "Delaney",
      role: "Front Desk",
      primaryLocation: BAYVIEW,
    });
    await dialog.getByRole("button", { name: "Send invitation", exact: true }).click();
    await see(dialog.getByText("All 10 user seats are taken."));
  });

  it("W13 the idle and absolute session limits show in Organization settings, keep core's bounds and are saved", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Organization");
    const limits = page.getByRole("region", { name: "Sessions" });
    const idle = field(limits, "Sign out after inactivity (minutes)");
    const lifetime = field(limits, "Sign out after (hours)");
    expect(await idle.inputValue()).toBe("15");
    expect(await lifetime.inputValue()).toBe("12");

    await idle.fill("3");
    await page.getByRole("button", { name: "Save changes", exact: true }).click();
    await see(limits.getByText("Sessions may idle at least 5 minutes."));
    await idle.fill("90");
    await lifetime.fill("1");
    await page.getByRole("button", { name: "Save changes", exact: true }).click();
    await see(limits.getByText("The idle limit cannot be longer than the session itself."));

    await idle.fill("30");
    await lifetime.fill("8");
    await saveSettings(page);
    await goTo(page, "Audit");
    await see(
      page
        .getByRole("row")
        .filter({ hasText: "Changed organization settings" })
        .filter({ hasText: "Idle limit (minutes)" }),
    );
    await goTo(page, "Organization");
    expect(
      await field(
        page.getByRole("region", { name: "Sessions" }),
        "Sign out after inactivity (minutes)",
      ).inputValue(),
    ).toBe("30");
    expect(
      await field(page.getByRole("region", { name: "Sessions" }), "Sign out after (hours)").inputValue(),
    ).toBe("8");
  });

  it("R7 the main contact hands the role to another administrator, who alone may then remove administrators", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    expect(await rowActions(page, await findUser(page, adam.email))).toContain("Disable");

    await goTo(page, "Organization");
    const section = page.getByRole("region", { name: "Main contact" });
    await see(section.getByText(`${olive.name} (you)`));
    await field(section, "Hand over to").selectOption({ label: `${adam.name} · ${adam.email}` });
    await section.getByRole("button", { name: "Hand over", exact: true }).click();
    const confirm = dialogTitled(page, `Make ${adam.name} the main contact?`);
    await confirm.getByRole("button", { name: "Hand over", exact: true }).click();
    await gone(confirm);
    await see(message(page, `${adam.name} is now the main contact.`));
    await see(section.getByText(adam.name));
    await see(section.getByText("Only the main contact can hand this role over."));

    // Olive is no longer the main contact: Adam's row loses Disable.
    await goTo(page, "Users");
    expect(await rowActions(page, await findUser(page, adam.email))).not.toContain("Disable");
  });
});
