import { deaWithCheckDigit } from "@staffroom/core";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWith } from "../../../test/render";
import { seededWorld } from "../../testing/seeded-world";
import { UserFormDialog } from "./UserFormDialog";

describe("UserFormDialog credentials (issue 15)", () => {
  it("adds, fills and removes credential rows by keyboard-reachable buttons; core's DEA check lands on the row's Number field; the saved user holds them", async () => {
    const { owner, users } = await seededWorld({ users: 3 });
    const target = users[2];
    if (!target) throw new Error("fixture");
    const onSaved = vi.fn();
    const { user } = renderWith(
      owner,
      <UserFormDialog mode="edit" userId={target.id} open onOpenChange={() => undefined} onSaved={onSaved} />,
    );
    const dialog = await screen.findByRole("dialog", { name: `Edit ${target.displayName}` });
    const practitioner = await within(dialog).findByRole("checkbox", {
      name: "Practitioner (sees patients)",
    });
    if (!(practitioner as HTMLInputElement).checked) await user.click(practitioner);
    const add = await within(dialog).findByRole("button", { name: "Add credential" });
    await user.click(add);
    await user.click(add);
    const first = within(dialog).getByRole("group", { name: "Credential 1: State licence" });
    await user.selectOptions(within(first).getByLabelText("Type"), "dea");
    const dea = within(dialog).getByRole("group", { name: "Credential 1: DEA registration" });
    const good = deaWithCheckDigit("AB", "123456");
    const wrong = `${good.slice(0, 8)}${(Number(good[8]) + 1) % 10}`;
    await user.type(within(dea).getByLabelText("Number"), wrong);
    await user.selectOptions(within(dea).getByLabelText("State"), "CA");
    const second = within(dialog).getByRole("group", { name: "Credential 2: State licence" });
    await user.type(within(second).getByLabelText("Number"), "A 123456");
    await user.selectOptions(within(second).getByLabelText("State"), "NY");
    await user.type(within(second).getByLabelText(/^Expires on/), "2027-03-31");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    const number = within(dea).getByLabelText("Number");
    await waitFor(() => expect(number).toHaveAttribute("aria-invalid", "true"));
    expect(number).toHaveAccessibleDescription(
      "A DEA number is two letters and seven digits with a valid check digit.",
    );
    expect(onSaved).not.toHaveBeenCalled();
    await user.clear(number);
    await user.type(number, good.toLowerCase());

    // A third row, removed again: focus goes back to "Add credential".
    await user.click(add);
    await user.click(within(dialog).getByRole("button", { name: "Remove credential 3 (State licence)" }));
    expect(add).toHaveFocus();
    expect(within(dialog).queryByRole("group", { name: /^Credential 3/ })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const saved = await owner.users.get(target.id);
    expect(saved.provider?.credentials).toEqual([
      { kind: "dea", number: good, state: "CA", issuer: null, expiresOn: null },
      { kind: "state_licence", number: "A 123456", state: "NY", issuer: null, expiresOn: "2027-03-31" },
    ]);
  });
});
