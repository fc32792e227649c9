import type { StaffDirectory } from "@staffroom/core";
import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import { renderWith } from "../../../test/render";
import { seededWorld } from "../../testing/seeded-world";
import { parseCsvText, reportCsv } from "./csv";
import { ImportUsersDialog } from "./ImportUsersDialog";

async function world() {
  const seeded = await seededWorld({ users: 4 });
  const location = seeded.locations[0]?.name ?? "";
  return { ...seeded, location };
}

async function everyoneEmails(dir: StaffDirectory): Promise<string[]> {
  const out: string[] = [];
  for (const status of ["active", "pending", "disabled"] as const) {
    out.push(...(await dir.users.list({ status, limit: 200 })).items.map((u) => u.email));
  }
  return out;
}

const axeClean = async (node: Element) => {
  const result = await axe.run(node, { rules: { "color-contrast": { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
};

describe("ImportUsersDialog", () => {
  it("a file with a BOM and semicolons: columns matched, the check writes nothing and shows errors first on their cells, the import writes what it showed; axe-clean at every step", async () => {
    const w = await world();
    const onDone = vi.fn();
    const { user } = renderWith(
      w.owner,
      <ImportUsersDialog open onOpenChange={() => undefined} onDone={onDone} />,
    );
    const dialog = await screen.findByRole("dialog", { name: "Import staff from a CSV file" });
    await axeClean(dialog);
    const csv =
      "\uFEFFE-mail;First name;Surname;Role;Clinic\n" +
      `ana.import@clinic.example;Ana;Nova;Front Desk;${w.location}\n` +
      `ben.import@clinic.example;Ben;Lune;Astronaut;${w.location}\n`;
    await user.upload(
      within(dialog).getByLabelText("CSV file"),
      new File([csv], "staff.csv", { type: "text/csv" }),
    );
    await user.click(within(dialog).getByRole("button", { name: "Next" }));
    expect(await within(dialog).findByText("2 rows, 5 columns.")).toBeInTheDocument();
    expect(within(dialog).getByRole("combobox", { name: "Email" })).toHaveValue("E-mail");
    expect(within(dialog).getByRole("combobox", { name: "Last name" })).toHaveValue("Surname");
    expect(within(dialog).getByRole("combobox", { name: "Locations" })).toHaveValue("Clinic");
    expect(within(dialog).getByRole("combobox", { name: "NPI" })).toHaveValue("");
    await axeClean(dialog);
    const before = await everyoneEmails(w.owner);
    const mails = w.world.mailer.outbox.length;
    await user.click(within(dialog).getByRole("button", { name: "Check the file" }));
    const counts = await within(dialog).findByRole("list", { name: "What the import will do" });
    expect(await everyoneEmails(w.owner), "the check wrote nothing").toEqual(before);
    expect(w.world.mailer.outbox.length).toBe(mails);
    expect(
      within(counts)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["0 Created", "1 Invited", "0 Updated", "0 Unchanged", "0 Skipped", "1 Errors"]);
    const table = within(dialog).getByRole("table", { name: "Rows, errors first" });
    const [, first, second] = within(table).getAllByRole("row");
    expect(first).toHaveTextContent("2Errors");
    const roleCell = within(first as HTMLElement)
      .getByText("Astronaut")
      .closest("td");
    expect(roleCell).toHaveAttribute("data-invalid", "true");
    expect(roleCell).toHaveTextContent("No role is named “Astronaut”.");
    expect(second).toHaveTextContent("1Invited");
    await axeClean(dialog);
    await user.click(within(dialog).getByRole("button", { name: "Import 1 row" }));
    expect(
      await within(dialog).findByText("1 person added or updated; 1 row with errors."),
    ).toBeInTheDocument();
    await axeClean(dialog);
    const after = await everyoneEmails(w.owner);
    expect(after).toContain("ana.import@clinic.example");
    expect(after).not.toContain("ben.import@clinic.example");
    expect(onDone.mock.calls[0]?.[0]).toMatchObject({ dryRun: false, counts: { invited: 1, error: 1 } });
  });

  it("keyboard only: paste rows, override a column, check and import, without the mouse", async () => {
    const w = await world();
    const { user } = renderWith(w.owner, <ImportUsersDialog open onOpenChange={() => undefined} />);
    const dialog = await screen.findByRole("dialog", { name: "Import staff from a CSV file" });
    const paste = within(dialog).getByLabelText("Or paste the rows");
    paste.focus();
    await user.paste(
      `Mail,Given,Family,Role,Locations\ncara.keys@clinic.example,Cara,Keys,Front Desk,${w.location}`,
    );
    await user.tab();
    expect(within(dialog).getByRole("button", { name: "Download the template" })).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(within(dialog).getByRole("button", { name: "Next" })).toHaveFocus();
    await user.keyboard("{Enter}");
    const email = await within(dialog).findByRole("combobox", { name: "Email" });
    expect(email).toHaveValue("Mail");
    const first = within(dialog).getByRole("combobox", { name: "First name" });
    expect(first).toHaveValue("");
    first.focus();
    await user.selectOptions(first, "Given");
    within(dialog).getByRole("combobox", { name: "Last name" }).focus();
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Last name" }), "Family");
    within(dialog).getByRole("button", { name: "Check the file" }).focus();
    await user.keyboard("{Enter}");
    const commit = await within(dialog).findByRole("button", { name: "Import 1 row" });
    commit.focus();
    await user.keyboard("{Enter}");
    await within(dialog).findByText("Import finished");
    const cara = (await w.owner.users.list({ status: "pending", search: "cara.keys" })).items[0];
    expect(cara?.profile).toMatchObject({ givenName: "Cara", familyName: "Keys" });
  });

  it("refuses to check without an email column, says so, and calls nothing", async () => {
    const w = await world();
    const spy = vi.spyOn(w.owner.users, "import");
    const { user } = renderWith(
      w.owner,
      <ImportUsersDialog
        open
        onOpenChange={() => undefined}
        initialTable={{ columns: ["Email", "Name"], rows: [["x@clinic.example", "X"]] }}
      />,
    );
    const dialog = await screen.findByRole("dialog", { name: "Import staff from a CSV file" });
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Email" }), "Not imported");
    await user.click(within(dialog).getByRole("button", { name: "Check the file" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "Choose the column that holds the email.",
    );
    expect(spy).not.toHaveBeenCalled();
  });

  it("commits in parts on large files and joins the parts into one report equal to the check's", async () => {
    const w = await world();
    const rows = Array.from({ length: 7 }, (_, i) => [
      `p${i}@clinic.example`,
      `P${i}`,
      "Part",
      "Front Desk",
      w.location,
    ]);
    rows[3] = ["bad", "B", "Ad", "Front Desk", w.location];
    const spy = vi.spyOn(w.owner.users, "import");
    const { user } = renderWith(
      w.owner,
      <ImportUsersDialog
        open
        onOpenChange={() => undefined}
        partSize={2}
        initialTable={{ columns: ["Email", "First name", "Last name", "Role", "Locations"], rows }}
      />,
    );
    const dialog = await screen.findByRole("dialog", { name: "Import staff from a CSV file" });
    await user.click(within(dialog).getByRole("button", { name: "Check the file" }));
    await user.click(await within(dialog).findByRole("button", { name: "Import 6 rows" }));
    await within(dialog).findByText("6 people added or updated; 1 row with errors.");
    // One check of all 7 rows, then the 6 good rows in parts of 2.
    expect(spy.mock.calls.map(([input]) => [input.dryRun, input.rows.length])).toEqual([
      [true, 7],
      [false, 2],
      [false, 2],
      [false, 2],
    ]);
    await waitFor(async () => expect((await w.owner.users.counts({ search: "part" })).pending).toBe(6));
  });
});

describe("CSV in the browser", () => {
  it("reads a BOM, semicolons and quoted newlines; writes the report with Excel's formula guard, read back unguarded", () => {
    const table = parseCsvText('\uFEFFEmail;Note\r\na@b.example;"two\nlines; and ""quotes"""\r\n\r\n');
    expect(table).toEqual({
      columns: ["Email", "Note"],
      rows: [["a@b.example", 'two\nlines; and "quotes"']],
    });
    const csv = reportCsv(
      { columns: ["Email", "Phone"], rows: [["=cmd|' /C calc'!A0", "+14155550123"]] },
      {
        dryRun: true,
        mapping: { email: "Email" },
        counts: { created: 0, invited: 0, updated: 0, unchanged: 0, skipped: 0, error: 1 },
        rows: [
          {
            row: 1,
            email: null,
            status: "error",
            changed: [],
            issues: [{ column: "Email", code: "invalid_email", message: "-bad" }],
          },
        ],
      },
      "Status",
      "Messages",
    );
    expect(csv).toBe(
      `\uFEFFEmail,Phone,Status,Messages\r\n"'=cmd|' /C calc'!A0","'+14155550123",error,Email: -bad`,
    );
    expect(parseCsvText(csv)?.rows[0]?.slice(0, 2)).toEqual(["=cmd|' /C calc'!A0", "+14155550123"]);
    expect(parseCsvText("\n\n")).toBeNull();
  });
});
