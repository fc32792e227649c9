import type { Page } from "playwright-core";
import { onPage } from "./look";

/** The settings pages of the side navigation, and the `<h1>` each shows. */
export const SETTINGS_PAGES = {
  Users: "Users",
  Roles: "Roles",
  Locations: "Locations",
  Organization: "Organization",
  Sessions: "Sessions",
  Provisioning: "Provisioning",
  Audit: "Audit trail",
} as const;

/** A link of the side navigation. */
export type SettingsPage = keyof typeof SETTINGS_PAGES;

/**
 * Goes to a settings page through the side navigation (in-app, no reload) and waits for its title.
 *
 * @example await goTo(page, "Roles");
 */
export async function goTo(page: Page, link: SettingsPage): Promise<void> {
  await page
    .getByRole("navigation", { name: "Settings" })
    .getByRole("link", { name: link, exact: true })
    .click();
  await onPage(page, SETTINGS_PAGES[link]);
}

/**
 * Opens the Mail page from the top bar's "Mail" link (signed in or not).
 *
 * @example await openMail(page);
 */
export async function openMail(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("link", { name: "Mail", exact: true }).click();
  await onPage(page, "Mail");
  // Read only once the outbox has loaded: its messages, or the words for an empty one.
  const main = page.getByRole("main");
  await main
    .getByRole("article")
    .or(main.getByText(/^No mail yet/))
    .first()
    .waitFor();
}

/**
 * Goes to an app path as a typed or bookmarked address would, but without reloading the page (the
 * in-browser wiring keeps its directory and session only in the page): a history entry and the
 * popstate the app's router listens to. For pages the navigation does not offer.
 *
 * @example await visit(page, "/settings/audit");
 */
export async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    const url = new URL(to, window.location.href);
    const wiring = new URL(window.location.href).searchParams.get("wiring");
    if (wiring) url.searchParams.set("wiring", wiring);
    window.history.pushState(null, "", `${url.pathname}${url.search}`);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}
