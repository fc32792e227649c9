import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWith } from "../../../test/render";
import { seededWorld } from "../../testing/seeded-world";
import { InviteManyDialog } from "./InviteManyDialog";

describe("InviteManyDialog (Invite several)", () => {
  it("invites each pasted address with one role; the results name who was invited and why the others were not", async () => {
    const seeded = await seededWorld({ users: 1 });
    const member = seeded.users[0];
    if (!member) throw new Error("fixture");
    const onInvited = vi.fn();
    const { user } = renderWith(
      seeded.owner,
      <InviteManyDialog open onOpenChange={() => undefined} onInvited={onInvited} />,
    );
    const dialog = await screen.findByRole("dialog", { name: "Invite several people" });
    const emails = await within(dialog).findByRole("textbox", { name: /^Email addresses/ });
    await user.click(emails);
    await user.paste(
      `ines.okafor@harbor.example, Dana Jones <drj@harbor.example>\nnot an email\n${member.email}`,
    );
    expect(within(dialog).getByText("4 addresses")).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /^Role/ }), "Front Desk");
    await user.click(within(dialog).getByRole("button", { name: "Send 4 invitations" }));

    const results = await within(dialog).findByRole("table", { name: "Result for each address" });
    await waitFor(() =>
      expect(within(dialog).getByRole("heading", { name: "Invitations sent" })).toHaveFocus(),
    );
    expect(within(dialog).getByText("2 invited, 2 not invited.")).toBeInTheDocument();
    const rows = within(results)
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      "ines.okafor@harbor.exampleInvited as Ines Okafor",
      "drj@harbor.exampleInvited as Dana Jones",
      "not an emailNot invited Enter an email address like name@clinic.org.",
      `${member.email}Not invited A user with this email already exists.`,
    ]);
    expect(onInvited).toHaveBeenCalledWith(expect.objectContaining({ succeeded: 2, failed: 2 }));
    expect(seeded.world.mailer.latest("ines.okafor@harbor.example", "invitation")).toBeDefined();
    expect(seeded.world.mailer.latest("drj@harbor.example", "invitation")).toBeDefined();
    const frontDesk = (await seeded.owner.roles.list()).find((r) => r.name === "Front Desk");
    for (const email of ["ines.okafor@harbor.example", "drj@harbor.example"]) {
      const [invited] = (await seeded.owner.users.list({ status: "pending", search: email })).items;
      expect(invited?.roleId).toBe(frontDesk?.id);
      expect(invited?.roleId).toMatch(/^rol_/);
    }

    // The two that failed go back in the form, with the same role, to be corrected.
    await user.click(within(dialog).getByRole("button", { name: "Try the others again" }));
    const again = await within(dialog).findByRole("textbox", { name: /^Email addresses/ });
    expect(again).toHaveValue(`not an email\n${member.email}`);
    await waitFor(() => expect(again).toHaveFocus());
    expect(within(dialog).getByRole("combobox", { name: /^Role/ })).toHaveDisplayValue("Front Desk");
  });

  it("refuses an empty list on its field and sends nothing", async () => {
    const seeded = await seededWorld({ users: 1 });
    const inviteMany = vi.spyOn(seeded.owner.users, "inviteMany");
    const { user } = renderWith(seeded.owner, <InviteManyDialog open onOpenChange={() => undefined} />);
    const dialog = await screen.findByRole("dialog", { name: "Invite several people" });
    await within(dialog).findByRole("textbox", { name: /^Email addresses/ });
    await user.type(within(dialog).getByRole("textbox", { name: /^Email addresses/ }), " , ;");
    await user.click(within(dialog).getByRole("button", { name: "Send invitations" }));
    expect(await within(dialog).findByText("Enter at least one email address.")).toBeInTheDocument();
    expect(within(dialog).getByRole("textbox", { name: /^Email addresses/ })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect(inviteMany).not.toHaveBeenCalled();
  });

  it("says every string through the messages system", async () => {
    const seeded = await seededWorld({ users: 1 });
    renderWith(seeded.owner, <InviteManyDialog open onOpenChange={() => undefined} />, {
      messages: { inviteMany: { title: "Add your team", emails: "Addresses", submit: () => "Go" } },
    });
    const dialog = await screen.findByRole("dialog", { name: "Add your team" });
    expect(await within(dialog).findByRole("textbox", { name: /^Addresses/ })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Go" })).toBeInTheDocument();
  });
});
