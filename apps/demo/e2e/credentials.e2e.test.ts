import { describe, expect, it } from "vitest";
import { olive } from "./support/accounts";
import { useDemo, WIRINGS } from "./support/demo";
import { chooseOption, see } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs } from "./support/session";
import { userRow, usersTable } from "./support/users-page";

const HARBOR = "harbor.example";
const marcus = `marcus.webb@${HARBOR}`;
const jamal = `jamal.brooks@${HARBOR}`;
const priya = `priya.raman@${HARBOR}`;

describe.each(WIRINGS)("Credentials (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("issue 15: the directory badges credentials that expire soon or have expired, and filters by them", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    await usersTable(page).waitFor();
    await see(userRow(page, marcus).getByText("Expires in 9 days"));
    await see(userRow(page, jamal).getByText("Expires in 21 days"));
    await see(userRow(page, priya).getByText("Expired", { exact: true }));

    await chooseOption(page.getByLabel("Credentials", { exact: true }), "Expired credentials");
    await expect.poll(() => usersTable(page).locator("tbody tr").count()).toBe(1);
    await see(userRow(page, priya));
    await chooseOption(page.getByLabel("Credentials", { exact: true }), "Expiring within 30 days");
    await expect.poll(() => usersTable(page).locator("tbody tr").count()).toBe(2);
    await see(userRow(page, marcus));
    await see(userRow(page, jamal));
  });
});
