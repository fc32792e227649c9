import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { settingsWorld } from "../../testing/settings-world";
import { OrganizationSettings } from "./OrganizationSettings";

const section = (name: string) => screen.getByRole("region", { name });
const loaded = () => screen.findByRole("textbox", { name: /^Organization name/ });

describe("OrganizationSettings", () => {
  it("shows features, seats with core's usage, licence types and provider types; axe-clean", async () => {
    const w = await settingsWorld();
    const usage = await w.owner.organization.usage();
    const { container } = renderWith(w.owner, <OrganizationSettings />);
    await loaded();
    expect(within(section("Features")).getByRole("switch", { name: /Mobile app/ })).toBeChecked();
    const named = await screen.findByRole("meter", { name: "Named users in use" });
    expect(named).toHaveAttribute("aria-valuetext", `${usage.named.used} of ${usage.named.limit} in use`);
    expect(screen.getByRole("meter", { name: "Practitioners in use" })).toBeInTheDocument();
    expect(screen.getByRole("meter", { name: "Mobile app in use" })).toHaveAttribute(
      "aria-valuetext",
      "3 of 20 in use",
    );
    expect(screen.getByRole("spinbutton", { name: "Signed in at once limit" })).toHaveValue(15);
    const licences = section("Licence types");
    expect(within(licences).getByRole("group", { name: "CXM triage" })).toBeInTheDocument();
    expect(within(licences).getByText("0 in use · unlimited")).toBeInTheDocument();
    expect(within(section("Provider types")).getAllByRole("textbox").length).toBeGreaterThan(2);
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });

  it("saves only what changed: a feature, a seat limit, a licence type and a provider type", async () => {
    const w = await settingsWorld();
    const before = await w.owner.organization.get();
    const { user } = renderWith(w.owner, <OrganizationSettings />);
    await loaded();
    await user.click(within(section("Features")).getByRole("switch", { name: /Diary/ }));
    const named = screen.getByRole("spinbutton", { name: "Named users limit" });
    await user.clear(named);
    await user.type(named, "80");
    const licences = section("Licence types");
    await user.click(within(licences).getByRole("button", { name: "Add licence type" }));
    const row = within(licences).getByRole("group", { name: "Licence type 3" });
    expect(within(row).getByRole("textbox", { name: /^Label/ })).toHaveFocus();
    await user.keyboard("Telehealth");
    await user.type(within(row).getByRole("textbox", { name: /^Key/ }), "telehealth");
    await user.type(within(row).getByRole("spinbutton", { name: "Seats" }), "5");
    const types = section("Provider types");
    await user.click(within(types).getByRole("button", { name: "Add provider type" }));
    await user.keyboard("CNA");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("The organization settings were saved.")).toBeInTheDocument();
    const after = await w.owner.organization.get();
    expect(after.features).toEqual({ ...before.features, diary: false });
    expect(after.seats).toEqual({ ...before.seats, named: 80 });
    expect(after.licenceTypes.at(-1)).toEqual({ key: "telehealth", label: "Telehealth", seats: 5 });
    expect(after.providerTypes).toEqual([...before.providerTypes, "CNA"]);
    expect(after.name).toBe(before.name);
    // The saved licence's key is now fixed and its usage shows.
    const saved = within(section("Licence types")).getByRole("group", { name: "Telehealth" });
    expect(within(saved).getByRole("textbox", { name: /^Key/ })).toHaveAttribute("readonly");
    expect(await screen.findByRole("meter", { name: "Telehealth in use" })).toBeInTheDocument();
  });

  it("R9 a named-seat limit below the seats in use asks first, says what follows, and saves only when confirmed", async () => {
    const w = await settingsWorld();
    const before = await w.owner.organization.get();
    const used = (await w.owner.organization.usage()).named.used;
    const { user } = renderWith(w.owner, <OrganizationSettings />);
    await loaded();
    const named = screen.getByRole("spinbutton", { name: "Named users limit" });
    await user.clear(named);
    await user.type(named, "10");
    const save = screen.getByRole("button", { name: "Save changes" });
    await user.click(save);
    const dialog = await screen.findByRole("dialog", { name: "Save a seat limit below what is in use?" });
    expect(dialog).toHaveTextContent(`Named users: 10, with ${used} in use.`);
    expect(dialog).toHaveTextContent(
      "No one is disabled. Until fewer than 10 users are active or invited, adding, inviting or restoring a user is refused.",
    );
    // Cancel writes nothing, and the typed limit stays for the person to change.
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect((await w.owner.organization.get()).version).toBe(before.version);
    expect(named).toHaveValue(10);
    await waitFor(() => expect(save).toHaveFocus());
    await user.click(save);
    const again = await screen.findByRole("dialog", { name: "Save a seat limit below what is in use?" });
    await user.click(within(again).getByRole("button", { name: "Save anyway" }));
    expect(await screen.findByText("The organization settings were saved.")).toBeInTheDocument();
    expect((await w.owner.organization.get()).seats.named).toBe(10);
    expect((await w.owner.organization.usage()).named).toEqual({ used, limit: 10 });
  });

  it("R9 a limit at or above use, or one left as it was, saves without asking", async () => {
    const w = await settingsWorld();
    const used = (await w.owner.organization.usage()).named.used;
    const { user } = renderWith(w.owner, <OrganizationSettings />);
    await loaded();
    const named = screen.getByRole("spinbutton", { name: "Named users limit" });
    await user.clear(named);
    await user.type(named, String(used));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("The organization settings were saved.")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect((await w.owner.organization.get()).seats.named).toBe(used);
  });

  it("W13 shows the session limits and saves them; core's bounds and its idle-within-lifetime rule land on the field", async () => {
    const w = await settingsWorld();
    const { user } = renderWith(w.owner, <OrganizationSettings />);
    await loaded();
    const sessions = section("Sessions");
    const idle = within(sessions).getByRole("spinbutton", { name: /^Sign out after inactivity \(minutes\)/ });
    const lifetime = within(sessions).getByRole("spinbutton", { name: /^Sign out after \(hours\)/ });
    expect(idle).toHaveValue(15);
    expect(lifetime).toHaveValue(12);
    expect(idle).toHaveAccessibleDescription(/5–240 minutes without using Staffroom./);
    await user.clear(idle);
    await user.type(idle, "3");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(idle).toHaveAccessibleDescription(/Sessions may idle at least 5 minutes./));
    await user.clear(idle);
    await user.type(idle, "90");
    await user.clear(lifetime);
    await user.type(lifetime, "1");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() =>
      expect(idle).toHaveAccessibleDescription(/The idle limit cannot be longer than the session itself./),
    );
    expect((await w.owner.organization.get()).sessionLimits).toEqual({ idleMinutes: 15, lifetimeHours: 12 });
    await user.clear(lifetime);
    await user.type(lifetime, "8");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("The organization settings were saved.")).toBeInTheDocument();
    expect((await w.owner.organization.get()).sessionLimits).toEqual({ idleMinutes: 90, lifetimeHours: 8 });
  });

  it("checks input with core's schema, and puts core's own refusals on the field they name", async () => {
    const w = await settingsWorld();
    const { user } = renderWith(w.owner, <OrganizationSettings />);
    await loaded();
    const named = screen.getByRole("spinbutton", { name: "Named users limit" });
    await user.clear(named);
    await user.type(named, "-3");
    const licences = section("Licence types");
    await user.click(within(licences).getByRole("button", { name: "Add licence type" }));
    const row = within(licences).getByRole("group", { name: "Licence type 3" });
    await user.type(within(row).getByRole("textbox", { name: /^Label/ }), "Mobile again");
    await user.type(within(row).getByRole("textbox", { name: /^Key/ }), "Mobile!");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(named).toHaveAccessibleDescription(/Seats cannot be negative./));
    expect(within(row).getByRole("textbox", { name: /^Key/ })).toHaveAccessibleDescription(
      /Use lowercase letters, digits, - or _./,
    );
    await user.clear(named);
    await user.clear(within(row).getByRole("textbox", { name: /^Key/ }));
    await user.type(within(row).getByRole("textbox", { name: /^Key/ }), "mobile");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    // Core refuses two licence types with one key; its issue names the list.
    expect(await within(licences).findByText("Each licence type needs its own key.")).toBeInTheDocument();
  });

  it("R12 offers a reload when someone else saved first (stale version)", async () => {
    const w = await settingsWorld();
    const { user } = renderWith(w.owner, <OrganizationSettings />);
    const name = await loaded();
    const current = await w.secondAdmin.organization.get();
    await w.secondAdmin.organization.update({ name: "Harbor Health" }, { version: current.version });
    await user.clear(name);
    await user.type(name, "Harbor Urgent Care Group");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed these settings");
    await user.click(within(alert).getByRole("button", { name: "Reload" }));
    await waitFor(() => expect(name).toHaveValue("Harbor Health"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("R7 lets only the main contact hand the role over, to an active administrator", async () => {
    const w = await settingsWorld();
    const { user } = renderWith(w.owner, <OrganizationSettings />);
    await loaded();
    const contact = section("Main contact");
    const heir = within(contact).getByRole("combobox", { name: "Hand over to" });
    await waitFor(() => expect(heir).toBeEnabled());
    const options = within(heir)
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(options.some((o) => o?.startsWith(w.secondAdminUser.displayName))).toBe(true);
    expect(options.some((o) => o?.startsWith(w.readOnlyUser.displayName))).toBe(false);
    await user.selectOptions(heir, w.secondAdminUser.id);
    await user.click(within(contact).getByRole("button", { name: "Hand over" }));
    const dialog = await screen.findByRole("dialog", {
      name: `Make ${w.secondAdminUser.displayName} the main contact?`,
    });
    await user.click(within(dialog).getByRole("button", { name: "Hand over" }));
    expect(
      await screen.findByText(`${w.secondAdminUser.displayName} is now the main contact.`),
    ).toBeInTheDocument();
    expect((await w.owner.organization.get()).mainContactUserId).toBe(w.secondAdminUser.id);
    await waitFor(() => expect(heir).toBeDisabled());
    expect(heir).toHaveAccessibleDescription("Only the main contact can hand this role over.");
    await waitFor(() => expect(within(contact).getByText(w.secondAdminUser.displayName)).toHaveFocus());
  });

  it("R7 shows another administrator the hand-over disabled, with the reason", async () => {
    const w = await settingsWorld();
    renderWith(w.secondAdmin, <OrganizationSettings />);
    await loaded();
    const contact = section("Main contact");
    expect(within(contact).getByText(w.world.owner.displayName)).toBeInTheDocument();
    const heir = within(contact).getByRole("combobox", { name: "Hand over to" });
    expect(heir).toBeDisabled();
    expect(heir).toHaveAccessibleDescription("Only the main contact can hand this role over.");
    expect(screen.getByRole("button", { name: "Save changes" })).toBeEnabled();
  });

  it("is read-only for staff without organization.manage and for a location-limited site lead, and core refuses the lead", async () => {
    const w = await settingsWorld();
    const first = renderWith(w.readOnly, <OrganizationSettings />);
    expect(await loaded()).toBeDisabled();
    expect(screen.getByText("You can see these settings but not change them.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Save changes" })).not.toBeInTheDocument();
    first.unmount();

    // organization.manage is organization-wide: core does not count it for an actor limited to clinics.
    renderWith(w.siteLead, <OrganizationSettings />);
    expect(await loaded()).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Save changes" })).not.toBeInTheDocument();
    const org = await w.owner.organization.get();
    await expect(
      w.siteLead.organization.update({ name: `${org.name} West` }, { version: org.version }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
