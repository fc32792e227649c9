import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nina, olive } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { gone, see } from "./support/look";
import { goTo, type SettingsPage } from "./support/navigation";
import { signInAs } from "./support/session";
import { dialogTitled, usersTable } from "./support/users-page";

/** A phone held upright: the width the issue was seen at. */
const PHONE = { width: 390, height: 844 } as const;

/** How far the page scrolls sideways: 0 when nothing is wider than the window. */
const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

/** Waits until the page's widget has loaded: nothing in the main region is busy or says Loading…. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page
        .getByRole("main")
        .evaluate(
          (main) =>
            main.querySelector('[aria-busy="true"]') === null &&
            !(main.textContent ?? "").includes("Loading…"),
        ),
    )
    .toBe(true);
}

/**
 * The dates shown as "Mar 4, 2026" in the main region: how many there are, and those that break over
 * more than one line.
 */
const dates = (page: Page): Promise<{ seen: number; wrapped: string[] }> =>
  page.getByRole("main").evaluate((main) => {
    const date = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const wrapped: string[] = [];
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? "").trim();
      if (!date.test(text)) continue;
      seen++;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) wrapped.push(text);
    }
    return { seen, wrapped };
  });

/** Asserts that the page shows dates and that none of them breaks over two lines. */
async function expectDatesOnOneLine(page: Page): Promise<void> {
  const { seen, wrapped } = await dates(page);
  expect(seen).toBeGreaterThan(10);
  expect(wrapped).toEqual([]);
}

/** The directory's cards (below ~640 px the users show as a list of cards instead of a table). */
const userCards = (page: Page) => page.getByRole("list", { name: "Users" }).getByRole("listitem");

const PAGES: readonly SettingsPage[] = ["Users", "Roles", "Locations", "Organization", "Audit"];

describe.each(WIRINGS)("Layout edges (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("Item 9: at 390 × 844 no settings page scrolls sideways, and the directory is a list of cards whose ⋯ button is in view, with the row's actions", async () => {
    const { page } = demo;
    await page.setViewportSize(PHONE);
    await demo.open();
    await signInAs(page, olive);
    for (const link of PAGES) {
      await goTo(page, link);
      await settled(page);
      expect(await sidewaysScroll(page), `${link} scrolls sideways`).toBe(0);
    }

    await goTo(page, "Users");
    await settled(page);
    await see(userCards(page));
    expect(await usersTable(page).count()).toBe(0);
    const cards = await userCards(page).all();
    expect(cards.length).toBeGreaterThan(10);
    for (const card of cards) {
      const button = card.getByRole("button", { name: /^Actions for / });
      await card.scrollIntoViewIfNeeded();
      expect(await button.isVisible()).toBe(true);
      const box = await button.boundingBox();
      expect(box, (await button.getAttribute("aria-label")) ?? "a card's ⋯ button").not.toBeNull();
      if (box) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      }
    }

    // A card says who, how to reach them, their role, clinics and status, and offers the row's menu.
    await page.getByRole("searchbox", { name: "Search users" }).fill(nina.email);
    await expect.poll(() => userCards(page).count()).toBe(1);
    const card = userCards(page).first();
    for (const text of [nina.name, nina.email, "Provider", "Active"]) {
      await see(card.getByText(text, { exact: true }));
    }
    await see(card.getByText(/^Downtown Clinic/));
    await card.getByRole("button", { name: `Actions for ${nina.name}` }).click();
    const menu = page.getByRole("menu");
    await see(menu);
    expect((await menu.getByRole("menuitem").allTextContents()).map((t) => t.trim())).toEqual(
      expect.arrayContaining(["Edit", "Disable", "Reset password"]),
    );
    await menu.getByRole("menuitem", { name: "Edit", exact: true }).click();
    const edit = dialogTitled(page, `Edit ${nina.name}`);
    await see(edit);
    expect(await sidewaysScroll(page)).toBe(0);
    await edit.getByRole("button", { name: "Cancel", exact: true }).click();
    await gone(edit);
    expect(await sidewaysScroll(page)).toBe(0);
  });

  it("Item 9: dates never break over two lines, in a table squeezed into a narrow window or in the 390 px cards", async () => {
    const { page } = demo;
    await page.setViewportSize({ width: 1024, height: 768 });
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    await see(usersTable(page));
    await settled(page);
    await expectDatesOnOneLine(page);
    // Just wide enough for the table: its columns are at their tightest.
    await page.setViewportSize({ width: 700, height: 844 });
    await settled(page);
    await see(usersTable(page));
    await expectDatesOnOneLine(page);

    await page.setViewportSize(PHONE);
    await see(userCards(page));
    await expectDatesOnOneLine(page);
  });
});
