import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import { screen, waitFor } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it, vi } from "vitest";
import { renderWithAuth } from "../../../test/render-auth";
import { accountWorld, fillConcurrentSeats, ownerOf } from "./account-world";
import { SignInForm } from "./SignInForm";

describe("SignInForm", () => {
  it("signs in with the keyboard only and hands the session to the host", async () => {
    const world = await accountWorld();
    const onSignedIn = vi.fn();
    const { user, container } = renderWithAuth(
      world.auth,
      <SignInForm onSignedIn={onSignedIn} forgotPassword={<a href="#forgot">Forgot your password?</a>} />,
    );
    expect(screen.getByRole("region", { name: "Sign in" })).toBeInTheDocument();
    const email = screen.getByLabelText(/^Email/);
    const password = screen.getByLabelText(/^Password/);
    expect(email).toHaveAttribute("autocomplete", "username");
    expect(password).toHaveAttribute("autocomplete", "current-password");
    expect(screen.getByRole("link", { name: "Forgot your password?" })).toBeInTheDocument();
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);

    await user.tab();
    expect(email).toHaveFocus();
    await user.keyboard(world.owner.email);
    await user.tab();
    await user.keyboard(`${FIXTURE_PASSWORD}{Enter}`);
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    const [{ token, session }] = onSignedIn.mock.calls[0] ?? [{}];
    expect(session).toMatchObject({ userId: world.owner.id, organizationName: "Harbor Urgent Care" });
    expect((await world.auth.session(token)).userId).toBe(world.owner.id);
  });

  it("R17 answers every wrong-credential case the same way, clears and focuses the password", async () => {
    const world = await accountWorld();
    const owner = ownerOf(world);
    const onSignedIn = vi.fn();
    const { user } = renderWithAuth(world.auth, <SignInForm onSignedIn={onSignedIn} />);
    const attempt = async (email: string, password: string) => {
      await user.clear(screen.getByLabelText(/^Email/));
      await user.type(screen.getByLabelText(/^Email/), email);
      await user.type(screen.getByLabelText(/^Password/), password);
      await user.click(screen.getByRole("button", { name: "Sign in" }));
      const alert = await screen.findByRole("alert");
      return alert.textContent;
    };
    const wrong = await attempt(world.owner.email, "not-the-right-password");
    expect(wrong).toContain("We couldn't sign you in");
    expect(screen.getByLabelText(/^Password/)).toHaveValue("");
    expect(screen.getByLabelText(/^Password/)).toHaveFocus();
    expect(await attempt("nobody@harbor-urgent-care.example", FIXTURE_PASSWORD)).toBe(wrong);
    // A disabled user with the right password gets exactly the same answer (R17).
    const roles = await owner.roles.list();
    const gone = await owner.users.create({
      email: "dana.gone@harbor-urgent-care.example",
      profile: { givenName: "Dana", familyName: "Gone" },
      roleId: roles.find((r) => r.name === "Front Desk")?.id ?? "",
      locationAccess: "organization",
      primaryLocationId: world.location.id,
      password: FIXTURE_PASSWORD,
    });
    await owner.users.disable(gone.id, { version: gone.version });
    expect(await attempt(gone.email, FIXTURE_PASSWORD)).toBe(wrong);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("says so when the organization's concurrent seats are all in use (R9)", async () => {
    const world = await accountWorld();
    await fillConcurrentSeats(world);
    const onSignedIn = vi.fn();
    const { user } = renderWithAuth(
      world.auth,
      <SignInForm onSignedIn={onSignedIn} defaultEmail={world.owner.email} />,
    );
    await user.type(screen.getByLabelText(/^Password/), FIXTURE_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("No seat is free right now");
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("asks for both fields before calling core", async () => {
    const world = await accountWorld();
    const spy = vi.spyOn(world.auth, "signIn");
    const { user } = renderWithAuth(world.auth, <SignInForm onSignedIn={() => undefined} />);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findAllByText("This field is required.")).toHaveLength(2);
    expect(screen.getByLabelText(/^Email/)).toHaveFocus();
    expect(spy).not.toHaveBeenCalled();
  });
});
