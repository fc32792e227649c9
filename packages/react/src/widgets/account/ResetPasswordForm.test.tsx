import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithAuth } from "../../../test/render-auth";
import { accountWorld, resetToken } from "./account-world";
import { ResetPasswordForm } from "./ResetPasswordForm";

const NEW_PASSWORD = "orchard-lantern-river-ninety";

describe("ResetPasswordForm", () => {
  it("R16 sets a new password: policy errors on the field, then done, then sign-in works", async () => {
    const world = await accountWorld();
    const token = await resetToken(world);
    const onReset = vi.fn();
    const { user } = renderWithAuth(
      world.auth,
      <ResetPasswordForm token={token} onReset={onReset} signInLink={<a href="#sign-in">Sign in</a>} />,
    );
    const password = screen.getByLabelText(/^New password/);
    expect(password).toHaveAttribute("autocomplete", "new-password");
    await user.type(password, "olivia-ortega-2026");
    await user.type(screen.getByLabelText(/^Confirm the new password/), "olivia-ortega-2026");
    await user.click(screen.getByRole("button", { name: "Set new password" }));
    await waitFor(() => expect(password).toHaveAttribute("aria-invalid", "true"));
    expect(password).toHaveAccessibleDescription(/Do not use your name, email or the organization's name\./);
    await user.clear(password);
    await user.type(password, NEW_PASSWORD);
    await user.clear(screen.getByLabelText(/^Confirm the new password/));
    await user.type(screen.getByLabelText(/^Confirm the new password/), `${NEW_PASSWORD}{Enter}`);
    await waitFor(() => expect(onReset).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Your password was changed")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Sign in" })).toBeInTheDocument();
    const signedIn = await world.auth.signIn({ email: world.owner.email, password: NEW_PASSWORD });
    expect(signedIn.session.userId).toBe(world.owner.id);
  });

  it("R15 explains an expired link and offers the host's link to ask again", async () => {
    const world = await accountWorld();
    const token = await resetToken(world);
    world.clock.advance(61 * 60_000);
    const { user } = renderWithAuth(
      world.auth,
      <ResetPasswordForm token={token} requestNewLink={<a href="#forgot">Send a new link</a>} />,
    );
    await user.type(screen.getByLabelText(/^New password/), NEW_PASSWORD);
    await user.type(screen.getByLabelText(/^Confirm the new password/), `${NEW_PASSWORD}{Enter}`);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This reset link can't be used");
    expect(alert).toHaveTextContent("This reset link is no longer valid. Ask for a new one.");
    expect(screen.getByRole("link", { name: "Send a new link" })).toBeInTheDocument();
    expect(screen.queryByLabelText(/^New password/)).not.toBeInTheDocument();
  });
});
