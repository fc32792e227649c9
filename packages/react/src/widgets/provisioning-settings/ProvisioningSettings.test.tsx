import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { settingsWorld } from "../../testing/settings-world";
import { ProvisioningSettings } from "./ProvisioningSettings";

const ENDPOINT = "https://ehr.example/scim/v2";

describe("ProvisioningSettings", () => {
  it("shows the endpoint, no tokens yet and the unset defaults, and is axe-clean", async () => {
    const w = await settingsWorld();
    const { container } = renderWith(w.owner, <ProvisioningSettings endpoint={ENDPOINT} />);
    expect(await screen.findByText("No tokens yet")).toBeInTheDocument();
    expect(screen.getByLabelText(/^SCIM endpoint/)).toHaveValue(ENDPOINT);
    expect(screen.getByLabelText(/^Default role/)).toHaveValue("");
    expect(screen.getByText("Your identity provider has not changed anything yet.")).toBeInTheDocument();
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });

  it("R15 creates a token whose secret shows once with a copy button; the list then shows the token, never its secret", async () => {
    const w = await settingsWorld();
    const { user } = renderWith(w.owner, <ProvisioningSettings endpoint={ENDPOINT} />);
    await user.click(await screen.findByRole("button", { name: "New token" }));
    const dialog = await screen.findByRole("dialog", { name: "New provisioning token" });
    await user.type(within(dialog).getByLabelText(/^Name/), "Okta");
    await user.click(within(dialog).getByRole("button", { name: "Create token" }));
    const secretDialog = await screen.findByRole("dialog", { name: "Copy the token now" });
    const secret = (within(secretDialog).getByLabelText("Token") as HTMLInputElement).value;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await user.click(within(secretDialog).getByRole("button", { name: "Copy token" }));
    expect(await navigator.clipboard.readText()).toBe(secret);
    expect(within(secretDialog).getByRole("button", { name: "Token copied" })).toBeInTheDocument();
    await user.click(within(secretDialog).getByRole("button", { name: "Done" }));
    const table = await screen.findByRole("table", { name: "Provisioning tokens" });
    expect(within(table).getByRole("rowheader", { name: "Okta" })).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(secret);
    const [token] = await w.owner.provisioning.tokens();
    expect(token?.label).toBe("Okta");
    expect(token?.roleIds.length).toBeGreaterThan(0);
  });

  it("revokes a token after a confirmation; it shows as revoked", async () => {
    const w = await settingsWorld();
    const roles = (await w.owner.roles.list()).filter((r) => !r.administrator);
    await w.owner.provisioning.createToken({
      label: "Entra ID",
      roleIds: roles.map((r) => r.id),
      locationAccess: "organization",
    });
    const { user } = renderWith(w.owner, <ProvisioningSettings endpoint={ENDPOINT} />);
    await user.click(await screen.findByRole("button", { name: "Revoke Entra ID" }));
    const dialog = await screen.findByRole("dialog", { name: "Revoke Entra ID?" });
    await user.click(within(dialog).getByRole("button", { name: "Revoke token" }));
    expect(await screen.findByText("Entra ID was revoked.")).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole("table", { name: "Provisioning tokens" })).toHaveTextContent("Revoked"),
    );
    expect((await w.owner.provisioning.tokens())[0]?.revokedAt).not.toBeNull();
  });

  it("R8 saves the defaults and a group → location mapping; a group named like a role is refused by core, its message shown, nothing saved", async () => {
    const w = await settingsWorld();
    const { user } = renderWith(w.owner, <ProvisioningSettings endpoint={ENDPOINT} />);
    const [first] = w.locations.filter((l) => !l.archived);
    if (!first) throw new Error("fixture");
    await screen.findByText("No tokens yet");
    await user.selectOptions(screen.getByLabelText(/^Default role/), "Read-only Staff");
    await user.selectOptions(screen.getByLabelText(/^Default locations/), first.name);
    await user.click(screen.getByRole("button", { name: "Add a group" }));
    const row = screen.getByRole("group", { name: "Group 1" });
    await user.type(within(row).getByLabelText(/^Group name/), `${first.name} staff`);
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Provisioning settings saved.")).toBeInTheDocument();
    const saved = await w.owner.provisioning.settings();
    expect(saved).toMatchObject({
      defaultLocationAccess: [first.id],
      defaultPrimaryLocationId: first.id,
      groups: [{ displayName: `${first.name} staff`, roleId: null, locationAccess: [first.id] }],
    });
    // A group named like a role is refused by core; its message shows and nothing is saved.
    await user.click(screen.getByRole("button", { name: "Add a group" }));
    await user.type(
      within(screen.getByRole("group", { name: "Group 2" })).getByLabelText(/^Group name/),
      "Front Desk",
    );
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/not valid|already has this name/);
    expect((await w.owner.provisioning.settings()).groups).toHaveLength(1);
  });

  it("R2 an actor who may not configure provisioning sees the calm no-access state, not an error, and no controls", async () => {
    const w = await settingsWorld();
    renderWith(w.siteLead, <ProvisioningSettings endpoint={ENDPOINT} />);
    expect(
      await screen.findByText("You don't have access to Provisioning — ask an administrator."),
    ).toBeInTheDocument();
    expect(screen.queryByText("Provisioning could not be loaded.")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "New token" })).not.toBeInTheDocument();
  });

  it("R18 lists the latest writes of the tokens from the audit trail, with the token's label", async () => {
    const w = await settingsWorld();
    const roles = (await w.owner.roles.list()).filter((r) => !r.administrator);
    const { secret } = await w.owner.provisioning.createToken({
      label: "Okta",
      roleIds: roles.map((r) => r.id),
      locationAccess: "organization",
    });
    const idp = w.world.directory.forActor(await w.world.directory.provisioning.authenticate(secret));
    const [first] = w.locations.filter((l) => !l.archived);
    const readOnly = roles.find((r) => r.name === "Read-only Staff");
    if (!first || !readOnly) throw new Error("fixture");
    await idp.users.create({
      email: "from.okta@harbor-urgent-care.example",
      profile: { givenName: "Ola", familyName: "Okta" },
      roleId: readOnly.id,
      locationAccess: [first.id],
      primaryLocationId: first.id,
    });
    renderWith(w.owner, <ProvisioningSettings endpoint={ENDPOINT} />);
    const list = await screen.findByRole("list", { name: "Recent provisioning activity" });
    expect(list).toHaveTextContent("Okta");
    expect(list).toHaveTextContent("Ola Okta");
  });
});
