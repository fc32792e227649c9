import { DirectoryError } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithAuth } from "../../../test/render-auth";
import { accountWorld, forcedChangeSession, ownerSession, TEMPORARY_PASSWORD } from "./account-world";
import { ChangePasswordForm } from "./ChangePasswordForm";

const NEW_PASSWORD = "copper-meadow-window-seventy";

describe("ChangePasswordForm", () => {
  it("forced, handed the temporary password just typed: does not ask for it again (issue 13)", async () => {
    const world = await accountWorld();
    const { token, email } = await forcedChangeSession(world);
    const onChanged = vi.fn();
    const { user } = renderWithAuth(
      world.auth,
      <ChangePasswordForm
        token={token}
        forced
        temporaryPassword={TEMPORARY_PASSWORD}
        email={email}
        onChanged={onChanged}
      />,
    );
    expect(screen.queryByLabelText(/^Temporary password/)).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/^New password/), NEW_PASSWORD);
    await user.type(screen.getByLabelText(/^Confirm the new password/), NEW_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Set password and continue" }));
    await waitFor(() =>
      expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ mustChangePassword: false })),
    );
  });

  it("forced: explains why, has no cancel, puts core's issues on their fields, then clears the flag", async () => {
    const world = await accountWorld();
    const { token, email } = await forcedChangeSession(world);
    await expect(world.auth.authorize(token)).rejects.toMatchObject({ rule: "must_change_password" });
    const onChanged = vi.fn();
    const { user } = renderWithAuth(
      world.auth,
      <ChangePasswordForm
        token={token}
        forced
        email={email}
        onChanged={onChanged}
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByRole("heading", { name: "Choose a new password" })).toBeInTheDocument();
    expect(screen.getByText(/Your password was set by an administrator/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    const current = screen.getByLabelText(/^Temporary password/);
    expect(current).toHaveAttribute("autocomplete", "current-password");
    expect(screen.getByLabelText(/^New password/)).toHaveAttribute("autocomplete", "new-password");
    expect(screen.getByLabelText(/^Confirm the new password/)).toHaveAttribute(
      "autocomplete",
      "new-password",
    );

    await user.type(current, "a-wrong-temporary-one");
    await user.type(screen.getByLabelText(/^New password/), NEW_PASSWORD);
    await user.type(screen.getByLabelText(/^Confirm the new password/), NEW_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Set password and continue" }));
    await waitFor(() => expect(current).toHaveAttribute("aria-invalid", "true"));
    expect(current).toHaveAccessibleDescription("Your current password is not correct.");
    expect(current).toHaveFocus();

    await user.clear(current);
    await user.type(current, TEMPORARY_PASSWORD);
    await user.clear(screen.getByLabelText(/^New password/));
    await user.type(screen.getByLabelText(/^New password/), TEMPORARY_PASSWORD);
    await user.clear(screen.getByLabelText(/^Confirm the new password/));
    await user.type(screen.getByLabelText(/^Confirm the new password/), TEMPORARY_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Set password and continue" }));
    await waitFor(() =>
      expect(screen.getByLabelText(/^New password/)).toHaveAttribute("aria-invalid", "true"),
    );
    expect(screen.getByText("Choose a password different from the current one.")).toBeInTheDocument();

    await user.clear(screen.getByLabelText(/^New password/));
    await user.type(screen.getByLabelText(/^New password/), NEW_PASSWORD);
    await user.clear(screen.getByLabelText(/^Confirm the new password/));
    await user.type(screen.getByLabelText(/^Confirm the new password/), `${NEW_PASSWORD}{Enter}`);
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(onChanged.mock.calls[0]?.[0]).toMatchObject({ mustChangePassword: false });
    expect((await world.auth.authorize(token)).organizationId).toBe(world.organization.id);
  });

  it("voluntary: cancel is offered, a mismatch stays in the browser, an ended session shows an error", async () => {
    const world = await accountWorld();
    const token = await ownerSession(world);
    const onCancel = vi.fn();
    const spy = vi.spyOn(world.auth, "changePassword");
    const { user } = renderWithAuth(
      world.auth,
      <ChangePasswordForm token={token} onChanged={() => undefined} onCancel={onCancel} />,
    );
    expect(screen.getByRole("heading", { name: "Change your password" })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Current password/), FIXTURE_PASSWORD);
    await user.type(screen.getByLabelText(/^New password/), NEW_PASSWORD);
    await user.type(screen.getByLabelText(/^Confirm the new password/), "not-the-same-at-all");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByText("The passwords do not match.")).toBeInTheDocument();
    expect(spy).not.toHaveBeenCalled();
    await world.auth.signOut(token);
    await user.clear(screen.getByLabelText(/^Confirm the new password/));
    await user.type(screen.getByLabelText(/^Confirm the new password/), NEW_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Change password" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The password was not changed");
    expect(
      DirectoryError.is(await spy.mock.results[0]?.value.catch((e: unknown) => e), "unauthenticated"),
    ).toBe(true);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalled();
  });
});
