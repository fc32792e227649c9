import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { olive } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { goTo } from "./support/navigation";
import { signInAs } from "./support/session";
import { tabCount, usersTable } from "./support/users-page";

/** The directory's footer: "1–50 of 63" and the page buttons. */
const pager = (page: Page) => page.getByRole("navigation", { name: "Pages" });
/** The email of every row on the current page. */
const emails = async (page: Page): Promise<string[]> =>
  (await usersTable(page).locator("tbody tr").allTextContents()).map(
    (row) => row.match(/[\w.+-]+@[\w.-]+\.example/)?.[0] ?? row,
  );

describe.each(WIRINGS)("Directory paging (%s wiring, 30 extra seeded users)", (wiring) => {
  const demo = useDemo(wiring, { users: 30 });

  it("W12 a directory longer than a page pages by cursor, forward and back, without losing or repeating anyone", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const active = await tabCount(page, "Active");
    expect(active).toBeGreaterThan(50);

    await expect.poll(() => pager(page).getByText(`1–50 of ${active}`).count()).toBe(1);
    const first = await emails(page);
    expect(first).toHaveLength(50);
    const previous = pager(page).getByRole("button", { name: "Previous page" });
    const next = pager(page).getByRole("button", { name: "Next page" });
    expect(await previous.isDisabled()).toBe(true);

    await next.click();
    await expect.poll(() => pager(page).getByText(`51–${active} of ${active}`).count()).toBe(1);
    await expect.poll(async () => (await emails(page)).length).toBe(active - 50);
    const second = await emails(page);
    expect(second.filter((email) => first.includes(email))).toEqual([]);
    expect(await next.isDisabled()).toBe(true);

    await previous.click();
    await expect.poll(() => pager(page).getByText(`1–50 of ${active}`).count()).toBe(1);
    await expect.poll(() => emails(page)).toEqual(first);
  });

  it("Item 9: Next page brings the table's top into view, below the sticky top bar, instead of leaving the reader at the bottom", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const active = await tabCount(page, "Active");
    await expect.poll(() => pager(page).getByText(`1–50 of ${active}`).count()).toBe(1);
    const next = pager(page).getByRole("button", { name: "Next page" });
    await next.scrollIntoViewIfNeeded();
    const table = usersTable(page);
    // The pager sits under 50 rows: the table's top is far above the window.
    expect((await table.boundingBox())?.y ?? 0).toBeLessThan(0);

    await next.click();
    await expect.poll(() => pager(page).getByText(`51–${active} of ${active}`).count()).toBe(1);
    const bar = await page.getByRole("banner").boundingBox();
    await expect
      .poll(async () => {
        const top = (await table.boundingBox())?.y ?? Number.NaN;
        return top >= (bar ? bar.y + bar.height : 0) - 1 && top < 300;
      })
      .toBe(true);
  });
});
