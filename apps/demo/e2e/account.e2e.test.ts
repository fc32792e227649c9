import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adam, DEMO_PASSWORD, dina, lara, mona, NEW_PASSWORDS, nina, olive } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { field, message, onPage, see } from "./support/look";
import { followNewestLink, mailCountTo } from "./support/mail";
import { goTo, openMail } from "./support/navigation";
import {
  chooseNewPassword,
  expectSignInRefused,
  goToSignIn,
  signInAs,
  signInToForcedChange,
  signOut,
} from "./support/session";
import { findUser, rowAction } from "./support/users-page";

describe.each(WIRINGS)("Signing in (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W13/R17 sign in and out; an unknown email, a wrong password and a disabled user all get the same answer", async () => {
    const { page } = demo;
    await demo.open("/settings/users");
    // Settings need a session: a signed-out visit lands on the sign-in page.
    await onPage(page, "Sign in");

    await expectSignInRefused(page, "nobody@harbor.example", DEMO_PASSWORD);
    await expectSignInRefused(page, olive.email, "not-the-right-password");
    await expectSignInRefused(page, dina.email, DEMO_PASSWORD);

    await signInAs(page, olive);
    await onPage(page, "Users");
    await signOut(page);
    await expect(page.getByRole("banner").getByText(olive.name, { exact: true }).count()).resolves.toBe(0);
  });

  it("W13 a seeded account that must change its password chooses one before anything else", async () => {
    const { page } = demo;
    await demo.open();
    await signInToForcedChange(page, mona, DEMO_PASSWORD);
    await see(page.getByText("Your password was set by an administrator. Choose your own to continue"));

    const main = page.getByRole("main");
    await field(main, "New password").fill(NEW_PASSWORDS.first);
    await field(main, "Confirm the new password").fill(NEW_PASSWORDS.second);
    await main.getByRole("button", { name: "Set password and continue", exact: true }).click();
    await see(main.getByText("The passwords do not match.", { exact: true }));

    await chooseNewPassword(page, NEW_PASSWORDS.first);
    await see(page.getByRole("banner").getByText(mona.name, { exact: true }));
    await signOut(page);
    await expectSignInRefused(page, mona.email, DEMO_PASSWORD);
    await signInAs(page, mona, NEW_PASSWORDS.first);
  });

  it("W13 change your own password from the top bar; a wrong current password is refused on its field", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, adam);
    await page.getByRole("banner").getByRole("link", { name: "Change password", exact: true }).click();
    await see(page.getByRole("heading", { name: "Change your password", exact: true }));

    const main = page.getByRole("main");
    await field(main, "Current password").fill("not-my-password-at-all");
    await field(main, "New password").fill(NEW_PASSWORDS.second);
    await field(main, "Confirm the new password").fill(NEW_PASSWORDS.second);
    await main.getByRole("button", { name: "Change password", exact: true }).click();
    await see(main.getByText("Your current password is not correct."));

    await field(main, "Current password").fill(DEMO_PASSWORD);
    await main.getByRole("button", { name: "Change password", exact: true }).click();
    await see(message(main, "Your password was changed."));

    await signOut(page);
    await expectSignInRefused(page, adam.email, DEMO_PASSWORD);
    await signInAs(page, adam, NEW_PASSWORDS.second);
  });

  it("W13 forgot password: the link from the Mail page sets a new one, and the same answer for an unknown email", async () => {
    const { page } = demo;
    await demo.open();
    await goToSignIn(page);
    await page.getByRole("link", { name: /forgot/i }).click();
    await see(page.getByRole("heading", { name: "Reset your password", exact: true }));

    // No account: the same confirmation, and no mail goes out.
    await field(page.getByRole("main"), "Email").fill("nobody@harbor.example");
    await page.getByRole("button", { name: "Send reset link", exact: true }).click();
    await see(message(page, "Check your email"));
    await see(
      page.getByText(/If nobody@harbor\.example has an account, a link to reset its password is on its way/),
    );
    await openMail(page);
    expect(await mailCountTo(page, "nobody@harbor.example")).toBe(0);

    await goToSignIn(page);
    await page.getByRole("link", { name: /forgot/i }).click();
    await field(page.getByRole("main"), "Email").fill(adam.email);
    await page.getByRole("button", { name: "Send reset link", exact: true }).click();
    await see(message(page, "Check your email"));

    await followNewestLink(page, adam.email);
    await see(page.getByRole("heading", { name: "Choose a new password", exact: true }));
    const main = page.getByRole("main");
    await field(main, "New password").fill(NEW_PASSWORDS.second);
    await field(main, "Confirm the new password").fill(NEW_PASSWORDS.second);
    await main.getByRole("button", { name: "Set new password", exact: true }).click();
    await see(message(page, "Your password was changed"));

    await expectSignInRefused(page, adam.email, DEMO_PASSWORD);
    await signInAs(page, adam, NEW_PASSWORDS.second);
  });

  it("W5/W13/R17 ten failed sign-ins lock an account, even against the right password, until an administrator unlocks it", async () => {
    const { page } = demo;
    await demo.open();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await expectSignInRefused(page, nina.email, `wrong-guess-number-${attempt}`);
    }
    await expectSignInRefused(page, nina.email, DEMO_PASSWORD);

    await signInAs(page, olive);
    await goTo(page, "Users");
    // The seeded Lara is locked too; both show it.
    await see((await findUser(page, lara.email)).getByText("Locked", { exact: true }));
    const row = await findUser(page, nina.email);
    await see(row.getByText("Locked", { exact: true }));
    await rowAction(page, nina.email, "Unlock");
    await see(message(page, `${nina.name} was unlocked.`));
    await expect.poll(() => row.getByText("Locked", { exact: true }).count()).toBe(0);

    await signOut(page);
    await signInAs(page, nina);
  });

  it("W5 an administrator sets a temporary password or emails a reset link", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");

    await rowAction(page, nina.email, "Reset password");
    let dialog = page.getByRole("dialog", { name: `Reset the password of ${nina.name}` });
    await field(dialog, "Temporary password").fill("short");
    await field(dialog, "Confirm the password").fill("short");
    await dialog.getByRole("button", { name: "Set password", exact: true }).click();
    // Core's password policy answers on the field (R16).
    await see(dialog.getByText(/^Use at least \d+ characters\.$/));
    const temporary = "lighthouse-keeper-temp-62";
    await field(dialog, "Temporary password").fill(temporary);
    await field(dialog, "Confirm the password").fill(temporary);
    await dialog.getByRole("button", { name: "Set password", exact: true }).click();
    await see(message(page, `The temporary password of ${nina.name} is set.`));
    await see((await findUser(page, nina.email)).getByText("Must change password", { exact: true }));

    await rowAction(page, adam.email, "Reset password");
    dialog = page.getByRole("dialog", { name: `Reset the password of ${adam.name}` });
    await dialog.getByRole("radio", { name: /^Email a reset link/ }).check();
    await dialog.getByRole("button", { name: "Send link", exact: true }).click();
    await see(message(page, `A reset link was sent to ${adam.email}.`));

    await signOut(page);
    await signInToForcedChange(page, nina, temporary);
    await chooseNewPassword(page, NEW_PASSWORDS.third);
    await see(page.getByRole("banner").getByText(nina.name, { exact: true }));

    await signOut(page);
    await followNewestLink(page, adam.email);
    await see(page.getByRole("heading", { name: "Choose a new password", exact: true }));
  });
});

describe("Signing in, two browsers at once (REST wiring: the in-browser wiring lives inside one page)", () => {
  const demo = useDemo("rest");

  it("W13/R9 the concurrent-seat limit refuses a sign-in beyond it, until someone signs out", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Organization");
    // The seed leaves people on shift signed in: the limit is every session open now, Olive's included.
    const inUse = page.getByRole("region", { name: "Seats" }).getByText(/^\d+ in use · unlimited$/);
    const open = Number.parseInt((await inUse.textContent()) ?? "", 10);
    expect(open).toBeGreaterThanOrEqual(1);
    await field(page, "Signed in at once limit").fill(String(open));
    await page.getByRole("button", { name: "Save changes", exact: true }).click();
    await see(message(page, "The organization settings were saved."));

    const other = await demo.secondPage();
    await expectSeatRefused(other);
    await signOut(page);
    await signInAs(other, adam);
  });
});

/** Adam's sign-in while every concurrent seat is taken: the seat message, not the generic one. */
async function expectSeatRefused(page: Page): Promise<void> {
  const main = page.getByRole("main");
  await field(main, "Email").fill(adam.email);
  await field(main, "Password").fill(DEMO_PASSWORD);
  await main.getByRole("button", { name: "Sign in", exact: true }).click();
  await see(message(main, "No seat is free right now"));
}
