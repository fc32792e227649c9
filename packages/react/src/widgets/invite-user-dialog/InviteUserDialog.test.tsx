import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWith } from "../../../test/render";
import { seededWorld } from "../../testing/seeded-world";
import { InviteUserDialog } from "./InviteUserDialog";

describe("InviteUserDialog", () => {
  it("invites by email with role and primary location; the invitation email goes out", async () => {
    const { owner, world } = await seededWorld({ users: 1 });
    const onInvited = vi.fn();
    const { user } = renderWith(
      owner,
      <InviteUserDialog open onOpenChange={() => undefined} onInvited={onInvited} />,
    );
    const dialog = await screen.findByRole("dialog", { name: "Invite a user" });
    await user.type(await within(dialog).findByLabelText(/^Email/), "sam.lee@harbor-urgent-care.example");
    await user.type(within(dialog).getByLabelText(/^First name/), "Sam");
    await user.type(within(dialog).getByLabelText(/^Last name/), "Lee");
    await user.type(within(dialog).getByLabelText(/^Title/), "MA");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /^Role/ }), "Front Desk");
    await user.type(within(dialog).getByLabelText(/^Title/), "{Enter}");
    await waitFor(() => expect(onInvited).toHaveBeenCalled());
    expect(onInvited.mock.calls[0]?.[0]).toMatchObject({ status: "pending", displayName: "Sam Lee MA" });
    expect(world.mailer.latest("sam.lee@harbor-urgent-care.example", "invitation")).toBeDefined();
  });
});
