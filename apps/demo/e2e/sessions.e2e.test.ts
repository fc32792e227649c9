import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adam, carl, elena, olive, samuel } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { gone, message, onPage, see } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs } from "./support/session";
import { dialogTitled } from "./support/users-page";

/** Core's reason for refusing to end your own session (`OWN_SESSION_MESSAGE`). */
const OWN_SESSION_MESSAGE = "You cannot end your own session here. Sign out instead.";

/** The Sessions table, and the row of one person. */
const sessions = (page: Page) => page.getByRole("table", { name: "Signed in now" });
const rowOf = (page: Page, name: string) =>
  sessions(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });

describe.each(WIRINGS)("Sessions (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("W13 shows who is signed in, from what and since when, marks you, and End session signs that person out", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Sessions");

    const desk = rowOf(page, elena.name);
    await see(desk.getByText("Chrome on Windows", { exact: true }));
    await see(desk.getByText("Network 203.0.113.0/24", { exact: true }));
    await see(rowOf(page, samuel.name).getByText("Safari on iOS", { exact: true }));
    // Where from is the network, never the address itself.
    expect(await sessions(page).textContent()).not.toContain("203.0.113.24");
    const mine = rowOf(page, olive.name);
    await see(mine.getByText("You", { exact: true }));
    // Your own End session is disabled with core's reason (sign out instead).
    const own = mine.getByRole("button", { name: `End session for ${olive.name}`, exact: true });
    await see(mine.getByText(OWN_SESSION_MESSAGE, { exact: true }));
    expect(await own.getAttribute("aria-disabled")).toBe("true");

    await desk.getByRole("button", { name: `End session for ${elena.name}`, exact: true }).click();
    const confirm = dialogTitled(page, `End ${elena.name}'s session?`);
    await see(confirm.getByText(/signed out of Chrome on Windows at once/));
    await confirm.getByRole("button", { name: "End session", exact: true }).click();
    await gone(confirm);
    await see(message(page, `${elena.name}'s session was ended.`));
    await gone(rowOf(page, elena.name));
    // Focus moves on to the next session that can be ended, not to the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe(`End session for ${samuel.name}`);

    await goTo(page, "Audit");
    const ended = page.getByRole("row").filter({ hasText: "Ended a session" });
    await see(ended.filter({ hasText: elena.name }));
  });

  it("R4 a clinic manager sees the sessions of people sharing his clinic only, may end theirs, and not his own (disabled, with core's reason)", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, carl);
    await goTo(page, "Sessions");
    await see(rowOf(page, elena.name));
    await see(rowOf(page, carl.name).getByText("You", { exact: true }));
    // Samuel works at Bayview only: not Carl's to see (R5).
    expect(await rowOf(page, samuel.name).count()).toBe(0);
    const elenaEnd = rowOf(page, elena.name).getByRole("button", { name: `End session for ${elena.name}` });
    expect(await elenaEnd.getAttribute("aria-disabled")).toBeNull();
    const mine = rowOf(page, carl.name);
    expect(
      await mine.getByRole("button", { name: `End session for ${carl.name}` }).getAttribute("aria-disabled"),
    ).toBe("true");
    await see(mine.getByText(OWN_SESSION_MESSAGE, { exact: true }));
  });
});

describe("Sessions, two browsers at once (REST wiring: the in-browser wiring lives inside one page)", () => {
  const demo = useDemo("rest");

  it("W13 End session signs the person out of their own browser at once", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    const theirs = await demo.secondPage();
    await signInAs(theirs, adam);
    await goTo(page, "Sessions");
    await rowOf(page, adam.name)
      .getByRole("button", { name: `End session for ${adam.name}` })
      .click();
    await dialogTitled(page, `End ${adam.name}'s session?`)
      .getByRole("button", { name: "End session", exact: true })
      .click();
    await see(message(page, `${adam.name}'s session was ended.`));

    // Adam's next step finds his session gone.
    await theirs.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Roles" }).click();
    await onPage(theirs, "Sign in");
    await see(message(theirs, "Your session ended. Sign in again to continue."));
  });
});
