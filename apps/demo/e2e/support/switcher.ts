import type { Page } from "playwright-core";
import { see } from "./look";

/**
 * Switches organization with the top bar's OrganizationSwitcher (W3) and waits until the switcher
 * names the new one.
 *
 * @example await switchOrganization(page, "Tidewater Physiotherapy");
 */
export async function switchOrganization(page: Page, organization: string): Promise<void> {
  const bar = page.getByRole("banner");
  const trigger = bar.getByRole("button", { name: /Switch organization/ });
  await trigger.click();
  const menu = page.getByRole("menu", { name: "Your organizations" });
  await see(menu);
  await menu.getByRole("menuitemradio", { name: organization }).click();
  await see(bar.getByRole("button", { name: new RegExp(`${organization}.*Switch organization`) }));
}
