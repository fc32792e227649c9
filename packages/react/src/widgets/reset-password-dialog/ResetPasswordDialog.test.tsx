import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWith } from "../../../test/render";
import { seededWorld } from "../../testing/seeded-world";
import { ResetPasswordDialog } from "./ResetPasswordDialog";

describe("ResetPasswordDialog", () => {
  it("R16 sets a temporary password; core's password policy errors land on the field", async () => {
    const { owner, users } = await seededWorld({ users: 6 });
    const target = users[4]; // users 0–1 are disabled, 3 is locked
    if (!target) throw new Error("fixture");
    const onDone = vi.fn();
    const onOpenChange = vi.fn();
    const { user } = renderWith(
      owner,
      <ResetPasswordDialog user={target} open onOpenChange={onOpenChange} onDone={onDone} />,
    );
    const dialog = await screen.findByRole("dialog", { name: `Reset the password of ${target.displayName}` });
    await user.type(within(dialog).getByLabelText(/^Temporary password/), "short");
    await user.type(within(dialog).getByLabelText(/^Confirm the password/), "short");
    await user.click(within(dialog).getByRole("button", { name: "Set password" }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/^Temporary password/)).toHaveAttribute("aria-invalid", "true"),
    );
    expect(within(dialog).getByText(/at least/)).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText(/^Temporary password/));
    await user.clear(within(dialog).getByLabelText(/^Confirm the password/));
    await user.type(within(dialog).getByLabelText(/^Temporary password/), "maple-violet-harbor-77");
    await user.type(within(dialog).getByLabelText(/^Confirm the password/), "maple-violet-harbor-77");
    await user.click(within(dialog).getByRole("button", { name: "Set password" }));
    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith(`The temporary password of ${target.displayName} is set.`),
    );
    expect((await owner.users.get(target.id)).mustChangePassword).toBe(true);
  });

  it("emails a reset link", async () => {
    const { owner, users, world } = await seededWorld({ users: 6 });
    const target = users[4]; // users 0–1 are disabled, 3 is locked
    if (!target) throw new Error("fixture");
    const onDone = vi.fn();
    const { user } = renderWith(
      owner,
      <ResetPasswordDialog user={target} open onOpenChange={() => undefined} onDone={onDone} />,
    );
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("radio", { name: /Email a reset link/ }));
    expect(within(dialog).getByRole("radio", { name: /Email a reset link/ })).toBeChecked();
    await user.click(within(dialog).getByRole("button", { name: "Send link" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(`A reset link was sent to ${target.email}.`));
    expect(world.mailer.latest(target.email, "password_reset")).toBeDefined();
  });

  it("R12 names the version of the user it was opened on: a user changed since is refused as stale and keeps their password", async () => {
    const { owner, users } = await seededWorld({ users: 6 });
    const target = users[4];
    if (!target) throw new Error("fixture");
    const onDone = vi.fn();
    const { user } = renderWith(
      owner,
      <ResetPasswordDialog user={target} open onOpenChange={() => undefined} onDone={onDone} />,
    );
    const dialog = await screen.findByRole("dialog");
    // Another administrator edits the user while the dialog is open.
    const edited = await owner.users.update(
      target.id,
      { profile: { jobTitle: "Night shift" } },
      { version: target.version },
    );
    await user.type(within(dialog).getByLabelText(/^Temporary password/), "maple-violet-harbor-77");
    await user.type(within(dialog).getByLabelText(/^Confirm the password/), "maple-violet-harbor-77");
    await user.click(within(dialog).getByRole("button", { name: "Set password" }));
    expect(await within(dialog).findByText(/changed since you/i)).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
    const now = await owner.users.get(target.id);
    expect(now.version).toBe(edited.version);
    expect(now.mustChangePassword).toBe(target.mustChangePassword);
  });
});
