import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nina, olive } from "./support/accounts";
import { axeFindings } from "./support/axe";
import { useDemo, WIRINGS } from "./support/demo";
import { gone, onPage, see } from "./support/look";
import { goTo, openMail, type SettingsPage, visit } from "./support/navigation";
import { signInAs } from "./support/session";
import { switchOrganization } from "./support/switcher";
import { findUser, openRowActions } from "./support/users-page";

type Theme = "light" | "dark" | "system";

const topBar = (page: Page) => page.getByRole("banner");
const themeControl = (page: Page) => topBar(page).getByLabel("Theme", { exact: true });
const densityControl = (page: Page) => topBar(page).getByLabel("Density", { exact: true });

/** Opens the top bar's "Display" disclosure (theme and density) unless it is open. */
async function openDisplay(page: Page): Promise<void> {
  if (await themeControl(page).isVisible()) return;
  await topBar(page).getByText("Display", { exact: true }).click();
  await see(themeControl(page));
}

/** Escape closes the disclosure and puts focus back on "Display". */
async function closeDisplay(page: Page): Promise<void> {
  await page.keyboard.press("Escape");
  await gone(themeControl(page));
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Display");
}

async function chooseTheme(page: Page, theme: Theme): Promise<void> {
  await openDisplay(page);
  await themeControl(page).selectOption(theme);
  await expect.poll(() => themeControl(page).inputValue()).toBe(theme);
  await closeDisplay(page);
}

async function chooseDensity(page: Page, density: "comfortable" | "compact"): Promise<void> {
  await openDisplay(page);
  await densityControl(page).selectOption(density);
  await expect.poll(() => densityControl(page).inputValue()).toBe(density);
  await closeDisplay(page);
}

/** The theme and density the widgets' root carries (the kit's `data-theme` / `data-density`). */
const kitRoot = (page: Page) =>
  page
    .locator(".sr-root")
    .first()
    .evaluate((root) => ({
      theme: root.getAttribute("data-theme"),
      density: root.getAttribute("data-density"),
    }));

/** Relative luminance (WCAG) of an element's painted background: 0 black … 1 white. */
const backgroundLuminance = (page: Page, selector: string): Promise<number> =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const probe = document.createElement("canvas").getContext("2d");
      if (!probe) throw new Error("no canvas");
      probe.fillStyle = getComputedStyle(element).backgroundColor;
      probe.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0] = probe.getImageData(0, 0, 1, 1).data;
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    });

/** Every screen of the demo a signed-in administrator reaches, and how to get there without a reload. */
const SIGNED_IN: readonly { name: string; open(page: Page): Promise<void> }[] = [
  ...(["Users", "Roles", "Locations", "Organization", "Audit"] as readonly SettingsPage[]).map((link) => ({
    name: link,
    open: (page: Page) => goTo(page, link),
  })),
  {
    name: "Change password",
    open: async (page: Page) => {
      await topBar(page).getByRole("link", { name: "Change password", exact: true }).click();
      await onPage(page, "Change password");
    },
  },
  { name: "Mail", open: openMail },
  {
    name: "Page not found",
    open: async (page: Page) => {
      await visit(page, "/nowhere");
      await onPage(page, "Page not found");
    },
  },
];

/**
 * Waits until nothing in the main region is busy or says Loading…, and no colour is mid-transition
 * (a theme change fades the widgets' colours): axe then measures the finished screen.
 */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page
        .getByRole("main")
        .evaluate(
          (main) =>
            main.querySelector('[aria-busy="true"]') === null &&
            !(main.textContent ?? "").includes("Loading…") &&
            document.getAnimations().every((a) => a.playState !== "running"),
        ),
    )
    .toBe(true);
}

describe.each(WIRINGS)("Appearance (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("Item 10: the top bar's Theme and Density restyle the widgets and the demo's frame at once, follow the system when asked, and are still chosen after a reload", async () => {
    const { page } = demo;
    await page.emulateMedia({ colorScheme: "light" });
    await demo.open();
    await openDisplay(page);
    expect((await themeControl(page).locator("option").allTextContents()).map((t) => t.trim())).toEqual([
      "Light",
      "Dark",
      "System",
    ]);
    expect((await densityControl(page).locator("option").allTextContents()).map((t) => t.trim())).toEqual([
      "Comfortable",
      "Compact",
    ]);
    await closeDisplay(page);
    await signInAs(page, olive);
    await onPage(page, "Users");

    await chooseTheme(page, "dark");
    await chooseDensity(page, "comfortable");
    await expect.poll(() => kitRoot(page)).toEqual({ theme: "dark", density: "comfortable" });
    expect(await backgroundLuminance(page, ".app-nav")).toBeLessThan(0.1);
    expect(await backgroundLuminance(page, ".sr-card")).toBeLessThan(0.1);
    // Portalled surfaces follow: a dialog opened now is dark too.
    await page.getByRole("button", { name: "New user", exact: true }).click();
    await see(page.getByRole("dialog"));
    expect(await backgroundLuminance(page, '[role="dialog"]')).toBeLessThan(0.1);
    await page.keyboard.press("Escape");

    await chooseTheme(page, "system");
    await expect.poll(() => backgroundLuminance(page, ".app-nav")).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => backgroundLuminance(page, ".app-nav")).toBeLessThan(0.1);
    await page.emulateMedia({ colorScheme: "light" });
    await chooseTheme(page, "light");
    await chooseDensity(page, "compact");
    await expect.poll(() => kitRoot(page)).toEqual({ theme: "light", density: "compact" });

    // The choice is the browser's, kept across a reload (which, in-browser, also starts the seed again).
    await chooseTheme(page, "dark");
    await chooseDensity(page, "comfortable");
    await demo.open();
    await openDisplay(page);
    expect(await themeControl(page).inputValue()).toBe("dark");
    expect(await densityControl(page).inputValue()).toBe("comfortable");
    expect(await kitRoot(page)).toEqual({ theme: "dark", density: "comfortable" });
    expect(await backgroundLuminance(page, ".app-nav")).toBeLessThan(0.1);
  });

  it("Item 10: axe finds nothing serious or critical on any screen of the demo, in the light theme and the dark one", async () => {
    const { page } = demo;
    await demo.open();
    const findings: string[] = [];
    const check = async (theme: Theme, screen: string) => {
      await settled(page);
      for (const f of await axeFindings(page)) {
        findings.push(`${theme} · ${screen}: ${f.rule} (${f.impact}) ${f.nodes.join(" | ")}`);
      }
    };
    for (const theme of ["light", "dark"] as const) {
      await chooseTheme(page, theme);
      await check(theme, "Sign in");
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await onPage(page, "Forgot password");
      await check(theme, "Forgot password");
      await openMail(page);
      await check(theme, "Mail, signed out");
      await signInAs(page, olive);
      for (const screen of SIGNED_IN) {
        await screen.open(page);
        await check(theme, screen.name);
      }
      await openDisplay(page);
      await check(theme, "Display open");
      await closeDisplay(page);
      // The directory as cards, on a phone.
      await goTo(page, "Users");
      await page.setViewportSize({ width: 390, height: 844 });
      await see(page.getByRole("list", { name: "Users" }));
      await check(theme, "Users at 390 px");
      await page.setViewportSize({ width: 1280, height: 900 });
      await topBar(page).getByRole("button", { name: "Sign out", exact: true }).click();
      await onPage(page, "Sign in");
      // The no-access state, as a provider sees Users.
      await signInAs(page, nina);
      await see(page.getByText("You don't have access to Users — ask an administrator."));
      await check(theme, "Users, no access");
      await topBar(page).getByRole("button", { name: "Sign out", exact: true }).click();
      await onPage(page, "Sign in");
    }
    expect(findings).toEqual([]);
  });

  it("Should have: the organization switcher's menu and a row's menu open inside a landmark (axe region)", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await onPage(page, "Users");
    const region = () =>
      axeFindings(page, { rules: ["region"], impacts: ["minor", "moderate", "serious", "critical"] });

    await topBar(page)
      .getByRole("button", { name: /Switch organization/ })
      .click();
    await see(page.getByRole("menu", { name: "Your organizations" }));
    expect(await region()).toEqual([]);
    await page.keyboard.press("Escape");

    const row = await findUser(page, olive.email);
    await openRowActions(page, row);
    expect(await region()).toEqual([]);
    await page.keyboard.press("Escape");

    // The switcher still switches from where its menu now lives.
    await switchOrganization(page, "Tidewater Physiotherapy");
  });
});
