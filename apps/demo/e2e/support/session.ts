import type { Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD, type Person } from "./accounts";
import { field, gone, message, onPage, see } from "./look";

/** The one answer core gives every refused sign-in (R17), in the SignInForm's words. */
export const SIGN_IN_REFUSED = "We couldn't sign you in";

/** The top bar of the app. */
const topBar = (page: Page) => page.getByRole("banner");

/**
 * Gets to the sign-in page from wherever the app is, signed out, without reloading: the top bar's
 * product name leads to `/`, which sends a signed-out person to sign in.
 *
 * @example await goToSignIn(page);
 */
export async function goToSignIn(page: Page): Promise<void> {
  if (await page.getByRole("heading", { level: 1, name: "Sign in", exact: true }).isVisible()) return;
  await topBar(page)
    .getByRole("link", { name: /Harbor EHR/ })
    .click();
  await onPage(page, "Sign in");
}

/**
 * Types an email and password into the sign-in form and submits it, from wherever the app is.
 *
 * @example await submitSignIn(page, "olive.owner@harbor.example", "wrong password");
 */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await goToSignIn(page);
  const main = page.getByRole("main");
  await field(main, "Email").fill(email);
  await field(main, "Password").fill(password);
  await main.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * Signs in and waits until the app shows the person signed in: their name and "Sign out" in the
 * top bar (a forced password change shows its own page first: see {@link signInToForcedChange}).
 *
 * Default password: the demo password.
 * @example await signInAs(page, olive);
 */
export async function signInAs(page: Page, person: Person, password = DEMO_PASSWORD): Promise<void> {
  await submitSignIn(page, person.email, password);
  await see(topBar(page).getByRole("button", { name: "Sign out", exact: true }));
  await see(topBar(page).getByText(person.name, { exact: true }));
}

/**
 * Signs in with a password an administrator set, and waits for the forced change page.
 *
 * @example await signInToForcedChange(page, mona, DEMO_PASSWORD);
 */
export async function signInToForcedChange(page: Page, person: Person, password: string): Promise<void> {
  await submitSignIn(page, person.email, password);
  await see(page.getByRole("heading", { name: "Choose a new password", exact: true }));
}

/**
 * On the forced change page right after signing in: a new password twice, then continue. The page
 * does not ask again for the temporary password just typed (the sign-in form hands it over).
 *
 * @example await chooseNewPassword(page, "copper-kettle-river-lights-41");
 */
export async function chooseNewPassword(page: Page, next: string): Promise<void> {
  const main = page.getByRole("main");
  expect(await field(main, "Temporary password").count()).toBe(0);
  await field(main, "New password").fill(next);
  await field(main, "Confirm the new password").fill(next);
  await main.getByRole("button", { name: "Set password and continue", exact: true }).click();
  // Done once the forced form has gone (the name in the top bar shows from the sign-in on).
  await gone(page.getByRole("heading", { name: "Choose a new password", exact: true }));
}

/**
 * Submits the sign-in form and waits for the one generic refusal, with the password field cleared
 * (the form's sign that this attempt is over).
 *
 * @example await expectSignInRefused(page, lara.email, DEMO_PASSWORD);
 */
export async function expectSignInRefused(page: Page, email: string, password: string): Promise<void> {
  await submitSignIn(page, email, password);
  const main = page.getByRole("main");
  await see(message(main, SIGN_IN_REFUSED));
  await expect.poll(() => field(main, "Password").inputValue(), { timeout: 20_000 }).toBe("");
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" }).count()).resolves.toBe(0);
}

/**
 * Signs out with the top bar's button and waits for the sign-in page.
 *
 * @example await signOut(page);
 */
export async function signOut(page: Page): Promise<void> {
  await topBar(page).getByRole("button", { name: "Sign out", exact: true }).click();
  await onPage(page, "Sign in");
}
