import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { olive } from "./support/accounts";
import { axeFindings } from "./support/axe";
import { useDemo, WIRINGS } from "./support/demo";
import { gone, see } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs } from "./support/session";
import { dialogTitled, openTab, tabCount } from "./support/users-page";

const SAMPLE = fileURLToPath(new URL("../public/samples/harbor-staff-import.csv", import.meta.url));

describe.each(WIRINGS)("Import from CSV (%s wiring)", (wiring) => {
  const demo = useDemo(wiring);

  it("issue 15: Olive checks the sample (12 wrong rows shown first, each on its cell), imports the 188 good rows and they are pending", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const pending = await tabCount(page, "Pending");

    await page.getByRole("button", { name: "Import from CSV", exact: true }).click();
    const dialog = dialogTitled(page, "Import staff from a CSV file");
    await dialog.getByLabel("CSV file").setInputFiles(SAMPLE);
    await dialog.getByRole("button", { name: "Next", exact: true }).click();
    await see(dialog.getByText("200 rows, 13 columns."));
    await dialog.getByRole("button", { name: "Check the file", exact: true }).click();
    const counts = dialog.getByRole("list", { name: "What the import will do" });
    await see(counts.getByText("188", { exact: true }));
    expect(await counts.getByRole("listitem").allTextContents()).toEqual([
      "0 Created",
      "188 Invited",
      "0 Updated",
      "0 Unchanged",
      "0 Skipped",
      "12 Errors",
    ]);
    const table = dialog.getByRole("table", { name: "Rows, errors first" });
    const firstTwelve = await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.slice(0, 13).map((r) => r.getAttribute("data-status")));
    expect(firstTwelve).toEqual([...Array(12).fill("error"), "invited"]);
    await see(table.getByText("No role is named “Astronaut”."));
    expect(await axeFindings(page)).toEqual([]);

    await dialog.getByRole("button", { name: "Import 188 rows", exact: true }).click();
    await see(dialog.getByText("188 people added or updated; 12 rows with errors."));
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await gone(dialog);
    await openTab(page, "Pending");
    await expect.poll(() => tabCount(page, "Pending")).toBe(pending + 188);
  });
});
