import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithAuth } from "../../../test/render-auth";
import { StaffroomProvider } from "../../provider/StaffroomProvider";
import { accountWorld, ownerSession, twoOrganizations } from "../account/account-world";
import { OrganizationSwitcher } from "./OrganizationSwitcher";

describe("OrganizationSwitcher", () => {
  it("lists the person's organizations in a keyboard menu and hands the new session to the host", async () => {
    const world = await accountWorld();
    const { token, other } = await twoOrganizations(world);
    const onSwitched = vi.fn();
    const { user, rerender } = renderWithAuth(
      world.auth,
      <OrganizationSwitcher token={token} onSwitched={onSwitched} />,
    );
    const trigger = await screen.findByRole("button", {
      name: /^Organization\s*Harbor Urgent Care\s*Switch organization$/,
    });
    trigger.focus();
    await user.keyboard("{Enter}");
    const menu = await screen.findByRole("menu", { name: "Your organizations" });
    expect(menu).toBeInTheDocument();
    expect(screen.getByRole("menuitemradio", { name: "Harbor Urgent Care" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    const target = screen.getByRole("menuitemradio", { name: other.name });
    expect(target).toHaveAttribute("aria-checked", "false");
    // Arrow keys and Home/End run in Chromium (the Switch story); here focus goes straight to the item.
    target.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(onSwitched).toHaveBeenCalledTimes(1));
    const result = onSwitched.mock.calls[0]?.[0];
    expect(result.session.organizationId).toBe(other.id);
    expect(result.token).not.toBe(token);
    await expect(world.auth.session(token)).rejects.toMatchObject({ code: "unauthenticated" });
    // The host stores the new token; the switcher follows it.
    rerender(
      <StaffroomProvider auth={world.auth}>
        <OrganizationSwitcher token={result.token} onSwitched={onSwitched} />
      </StaffroomProvider>,
    );
    expect(
      await screen.findByRole("button", {
        name: new RegExp(`^Organization\\s*${other.name}\\s*Switch organization$`),
      }),
    ).toHaveFocus();
  });

  it("shows just the name for one organization, and core's error for an ended session", async () => {
    const world = await accountWorld();
    const token = await ownerSession(world);
    const view = renderWithAuth(
      world.auth,
      <OrganizationSwitcher token={token} onSwitched={() => undefined} />,
    );
    expect(await screen.findByText("Harbor Urgent Care")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    view.unmount();
    await world.auth.signOut(token);
    const { user } = renderWithAuth(
      world.auth,
      <OrganizationSwitcher token={`${token}x`} onSwitched={() => undefined} />,
    );
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Your organizations could not be loaded.");
    await user.click(screen.getByRole("button", { name: "Try again" }));
  });

  it("works with cookie sessions, where the host holds the token as an empty string", async () => {
    const world = await accountWorld();
    const { token } = await twoOrganizations(world);
    // What restDirectory's auth does with cookie sessions: the token argument is "", the cookie decides.
    const cookieAuth = { ...world.auth, organizations: () => world.auth.organizations(token) };
    renderWithAuth(cookieAuth, <OrganizationSwitcher token="" onSwitched={() => undefined} />);
    expect(
      await screen.findByRole("button", {
        name: /^Organization\s*Harbor Urgent Care\s*Switch organization$/,
      }),
    ).toBeInTheDocument();
  });
});
