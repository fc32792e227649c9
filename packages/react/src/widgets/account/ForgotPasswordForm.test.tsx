import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithAuth } from "../../../test/render-auth";
import { accountWorld } from "./account-world";
import { ForgotPasswordForm } from "./ForgotPasswordForm";

describe("ForgotPasswordForm", () => {
  it("confirms in the same words whether or not the email has an account", async () => {
    const world = await accountWorld();
    const confirmation = async (email: string) => {
      const onSent = vi.fn();
      const view = renderWithAuth(world.auth, <ForgotPasswordForm onSent={onSent} />);
      const input = screen.getByLabelText(/^Email/);
      expect(input).toHaveAttribute("autocomplete", "username");
      await view.user.type(input, `${email}{Enter}`);
      await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
      const status = await screen.findByRole("status");
      expect(status.parentElement).toHaveFocus();
      const text = status.textContent?.replace(email, "<email>");
      view.unmount();
      return text;
    };
    const known = await confirmation(world.owner.email);
    const unknown = await confirmation("nobody.here@harbor-urgent-care.example");
    expect(known).toBe(unknown);
    expect(known).toContain("Check your email");
    expect(known).toContain("for 60 minutes");
    expect(world.mailer.latest(world.owner.email, "password_reset")).toBeDefined();
    expect(world.mailer.latest("nobody.here@harbor-urgent-care.example")).toBeUndefined();
  });

  it("checks the email's form with core's schema before sending", async () => {
    const world = await accountWorld();
    const spy = vi.spyOn(world.auth, "requestPasswordReset");
    const { user } = renderWithAuth(world.auth, <ForgotPasswordForm />);
    await user.type(screen.getByLabelText(/^Email/), "not-an-email{Enter}");
    await waitFor(() => expect(screen.getByLabelText(/^Email/)).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription(
      "Enter an email address like name@clinic.org.",
    );
    expect(spy).not.toHaveBeenCalled();
  });
});
