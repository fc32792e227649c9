import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithAuth } from "../../../test/render-auth";
import { AcceptInvitation } from "./AcceptInvitation";
import { accountWorld, inviteExistingAccount, inviteNewPerson } from "./account-world";

const NEW_PASSWORD = "quiet-harbor-lantern-morning";

describe("AcceptInvitation", () => {
  it("a new person sees who invited them, sets a password with a length hint, and can then sign in", async () => {
    const world = await accountWorld();
    const token = await inviteNewPerson(world);
    const onAccepted = vi.fn();
    const { user } = renderWithAuth(world.auth, <AcceptInvitation token={token} onAccepted={onAccepted} />);
    expect(await screen.findByRole("heading", { name: "Join Harbor Urgent Care" })).toBeInTheDocument();
    expect(screen.getByText("Olivia Ortega MD invited you to join Harbor Urgent Care.")).toBeInTheDocument();
    const email = screen.getByLabelText("Email");
    expect(email).toHaveValue("sam.lee@harbor-urgent-care.example");
    expect(email).toHaveAttribute("autocomplete", "username");
    expect(email).toHaveAttribute("readonly");
    const password = screen.getByLabelText(/^Choose a password/);
    expect(password).toHaveAttribute("autocomplete", "new-password");
    expect(password).toHaveAccessibleDescription(/Use 12 to 128 characters/);
    await user.type(password, "short");
    expect(password).toHaveAccessibleDescription("7 more characters needed.");
    await user.type(screen.getByLabelText(/^Confirm the password/), "short");
    await user.click(screen.getByRole("button", { name: "Create account and join" }));
    // Core's policy (R16) answers on the field.
    await waitFor(() => expect(password).toHaveAttribute("aria-invalid", "true"));
    expect(password).toHaveAccessibleDescription(/Use at least 12 characters\./);
    await user.clear(password);
    await user.type(password, NEW_PASSWORD);
    expect(password).toHaveAccessibleDescription(/Strong/);
    await user.clear(screen.getByLabelText(/^Confirm the password/));
    await user.type(screen.getByLabelText(/^Confirm the password/), "something-else-entirely");
    await user.click(screen.getByRole("button", { name: "Create account and join" }));
    expect(await screen.findByText("The passwords do not match.")).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^Confirm the password/));
    await user.type(screen.getByLabelText(/^Confirm the password/), `${NEW_PASSWORD}{Enter}`);
    await waitFor(() =>
      expect(onAccepted).toHaveBeenCalledWith(expect.objectContaining({ outcome: "activated" })),
    );
    const done = await screen.findByRole("status");
    expect(done).toHaveTextContent("Your account is ready");
    expect(done.parentElement).toHaveFocus();
    const signedIn = await world.auth.signIn({
      email: "sam.lee@harbor-urgent-care.example",
      password: NEW_PASSWORD,
    });
    expect(signedIn.session.organizationName).toBe("Harbor Urgent Care");
  });

  it("an existing account just joins and is told so", async () => {
    const world = await accountWorld();
    const { token, organization } = await inviteExistingAccount(world);
    const onAccepted = vi.fn();
    const { user } = renderWithAuth(world.auth, <AcceptInvitation token={token} onAccepted={onAccepted} />);
    await screen.findByRole("heading", { name: `Join ${organization.name}` });
    expect(screen.getByText(/You already have an account for olivia\.ortega@/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Choose a password/)).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: `Join ${organization.name}` }));
    await waitFor(() =>
      expect(onAccepted).toHaveBeenCalledWith(expect.objectContaining({ outcome: "joined" })),
    );
    expect(
      await screen.findByText(
        `${organization.name} is now one of your organizations. Sign in as usual and switch to it.`,
      ),
    ).toBeInTheDocument();
    const signedIn = await world.auth.signIn({
      email: world.owner.email,
      password: FIXTURE_PASSWORD,
      organizationId: organization.id,
    });
    expect(signedIn.organizations).toHaveLength(2);
  });

  it("R15 explains an expired or already used link", async () => {
    const world = await accountWorld();
    const token = await inviteNewPerson(world);
    world.clock.advance(8 * 24 * 3600_000);
    const first = renderWithAuth(world.auth, <AcceptInvitation token={token} onAccepted={() => undefined} />);
    expect(await screen.findByRole("heading", { name: "This invitation can't be used" })).toBeInTheDocument();
    expect(
      screen.getByText("This invitation has expired. Ask your administrator to send it again."),
    ).toBeInTheDocument();
    first.unmount();
    renderWithAuth(
      world.auth,
      <AcceptInvitation token="not-a-real-invitation-token" onAccepted={() => undefined} />,
    );
    expect(await screen.findByText(/This invitation is no longer valid/)).toBeInTheDocument();
  });
});
