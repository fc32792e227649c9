import { describe, expect, it } from "vitest";
import { adam, nina, olive } from "./support/accounts";
import { useDemo } from "./support/demo";
import { field, flip, gone, message, see } from "./support/look";
import { goTo } from "./support/navigation";
import { signInAs } from "./support/session";
import { dialogTitled, rowAction, userRow } from "./support/users-page";

describe("Stale conflicts, two administrators at once (REST wiring: the in-browser wiring lives inside one page)", () => {
  const demo = useDemo("rest");

  it("R12 Reload after a stale save keeps the admin's unsaved edits: an untouched field back in place, a field both changed as Yours/Now with a choice", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Users");
    const other = await demo.secondPage();
    await signInAs(other, adam);
    await goTo(other, "Users");

    // Adam opens Nina's form first; Olive changes her job title and saves.
    await rowAction(other, nina.email, "Edit");
    const late = dialogTitled(other, `Edit ${nina.name}`);
    await see(field(late, "Job title"));
    const initialsBefore = await field(late, "Initials").inputValue();
    await rowAction(page, nina.email, "Edit");
    const early = dialogTitled(page, `Edit ${nina.name}`);
    await field(early, "Job title").fill("Attending physician");
    await early.getByRole("button", { name: "Save changes", exact: true }).click();
    await gone(early);
    await see(message(page, `${nina.name} was updated.`));

    // Adam, on the version he read, changes the job title too and the initials (which Olive left).
    expect(initialsBefore).not.toBe("NKP");
    await field(late, "Job title").fill("Locum physician");
    await field(late, "Initials").fill("NKP");
    await late.getByRole("button", { name: "Save changes", exact: true }).click();
    const conflict = message(late, "Someone else changed this user");
    await see(conflict);
    await conflict.getByRole("button", { name: "Reload", exact: true }).click();
    await gone(conflict);

    // Olive's job title is in the form; Adam's initials are back in place and said to be.
    await expect.poll(() => field(late, "Job title").inputValue()).toBe("Attending physician");
    expect(await field(late, "Initials").inputValue()).toBe("NKP");
    await see(late.getByText("Initials: your change is back in place (NKP).", { exact: true }));
    // Both changed the job title: both values shown, Adam chooses his.
    const both = late.getByRole("group", { name: "Job title", exact: true });
    await see(both.getByText("Yours: Locum physician", { exact: true }));
    await see(both.getByText("Now: Attending physician", { exact: true }));
    await both.getByRole("button", { name: "Use mine", exact: true }).click();
    await gone(both);
    expect(await field(late, "Job title").inputValue()).toBe("Locum physician");

    await late.getByRole("button", { name: "Save changes", exact: true }).click();
    await gone(late);
    await see(userRow(other, nina.email).getByText("Locum physician", { exact: true }));
    await rowAction(other, nina.email, "Edit");
    const again = dialogTitled(other, `Edit ${nina.name}`);
    await expect.poll(() => field(again, "Initials").inputValue()).toBe("NKP");
    expect(await field(again, "Job title").inputValue()).toBe("Locum physician");
  });

  it("R12 staged role changes saved on a version someone else replaced show the conflict; Reload stages them again on the current permissions", async () => {
    const { page } = demo;
    await demo.open();
    await signInAs(page, olive);
    await goTo(page, "Roles");
    const other = await demo.secondPage();
    await signInAs(other, adam);
    await goTo(other, "Roles");
    const open = async (p: typeof page) => {
      await p
        .getByRole("main")
        .getByRole("navigation", { name: "Roles" })
        .getByRole("button", { name: /^Front Desk\b/ })
        .click();
      const matrix = p.getByRole("group", { name: "Permissions of Front Desk" });
      await see(matrix);
      return matrix;
    };
    const hers = await open(page);
    const his = await open(other);

    // Adam stages revenue reports; Olive takes away creating appointments and saves first.
    await flip(his.getByRole("switch", { name: /View revenue reports/ }));
    await flip(hers.getByRole("switch", { name: /Create appointments/ }));
    const herBar = page.getByRole("group", { name: "1 unsaved change." });
    await herBar.getByRole("button", { name: "Save", exact: true }).click();
    await gone(herBar);

    const hisBar = other.getByRole("group", { name: "1 unsaved change." });
    await hisBar.getByRole("button", { name: "Save", exact: true }).click();
    const conflict = message(his, "This role changed since you opened it");
    await see(conflict);
    await conflict.getByRole("button", { name: "Reload", exact: true }).click();
    await gone(conflict);
    // Olive's change is loaded, Adam's is still staged on top of it.
    await expect.poll(() => his.getByRole("switch", { name: /Create appointments/ }).isChecked()).toBe(false);
    expect(await his.getByRole("switch", { name: /View revenue reports/ }).isChecked()).toBe(true);
    await see(his.getByText(/your 1 change is staged on top of them/));
    await hisBar.getByRole("button", { name: "Save", exact: true }).click();
    await gone(hisBar);
    await see(other.getByText(/The permissions of Front Desk were saved\./));
    await see(
      other
        .getByRole("main")
        .getByRole("region", { name: "Front Desk" })
        .getByText("Billing › Reports", { exact: true }),
    );
  });
});
