import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { carl, nina, olive } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { onPage, see } from "./support/look";
import { visit } from "./support/navigation";
import { signInAs, signOut } from "./support/session";

/** The settings pages, the `<h1>` each shows and the words its no-access state names it by. */
const SCREENS = [
  { path: "/settings/users", title: "Users", name: "Users" },
  { path: "/settings/roles", title: "Roles", name: "Roles" },
  { path: "/settings/locations", title: "Locations", name: "Locations" },
  { path: "/settings/organization", title: "Organization", name: "Organization settings" },
  { path: "/settings/sessions", title: "Sessions", name: "Sessions" },
  { path: "/settings/provisioning", title: "Provisioning", name: "Provisioning" },
  { path: "/settings/audit", title: "Audit trail", name: "Audit trail" },
] as const;

/** The kit's calm state for a screen the person may not open. */
const noAccess = (scope: Locator, name: string) =>
  scope.getByText(`You don't have access to ${name} — ask an administrator.`, { exact: true });

/** The links of the side navigation, once the page has settled on them. */
async function settingsLinks(page: Page): Promise<string[]> {
  const links = page.getByRole("navigation", { name: "Settings" }).getByRole("link");
  return (await links.allTextContents()).map((text) => text.trim());
}

/**
 * Nothing on the page says "error" or keeps loading: no alert, no "could not be loaded", no "Try
 * again", no "Loading…" left beside the no-access state.
 */
async function expectCalm(main: Locator): Promise<void> {
  expect(await main.getByRole("alert").count()).toBe(0);
  expect(await main.getByText(/could not be loaded/i).count()).toBe(0);
  expect(await main.getByRole("button", { name: "Try again" }).count()).toBe(0);
  expect(await main.getByText(/Loading…/).count()).toBe(0);
}

describe.each(WIRINGS)("Screens a person may not open (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("Item 4: a provider without any administration permission is offered no settings page, and each one she reaches anyway shows a calm no-access state, not an error or a lasting Loading…", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, nina);
    const main = page.getByRole("main");
    // Signing in lands on Users, the directory's home: Nina may not read it.
    await onPage(page, "Users");
    await see(noAccess(main, "Users"));
    expect(await settingsLinks(page)).toEqual([]);
    await expectCalm(main);

    // A typed or bookmarked address still reaches each screen: it answers the same calm way.
    for (const screen of SCREENS) {
      await visit(page, screen.path);
      await onPage(page, screen.title);
      await see(noAccess(main, screen.name));
      await expectCalm(main);
    }
    expect(await settingsLinks(page)).toEqual([]);
  });

  it("Item 4: the navigation lists what core lets each person open — all seven for the owner, no Provisioning or Audit for a clinic manager limited to one clinic, whose Audit and Provisioning addresses show the no-access state", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await onPage(page, "Users");
    await expect
      .poll(() => settingsLinks(page))
      .toEqual(["Users", "Roles", "Locations", "Organization", "Sessions", "Provisioning", "Audit"]);

    await signOut(page);
    await signInAs(page, carl);
    await onPage(page, "Users");
    const main = page.getByRole("main");
    await see(main.getByRole("table", { name: "Users" }));
    await expect
      .poll(() => settingsLinks(page))
      .toEqual(["Users", "Roles", "Locations", "Organization", "Sessions"]);

    await visit(page, "/settings/audit");
    await onPage(page, "Audit trail");
    await see(noAccess(main, "Audit trail"));
    await expectCalm(main);
    await visit(page, "/settings/provisioning");
    await onPage(page, "Provisioning");
    await see(noAccess(main, "Provisioning"));
    await expectCalm(main);
  });
});
