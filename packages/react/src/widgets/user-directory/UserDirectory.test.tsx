import { MAIN_CONTACT_ONLY_MESSAGE, type StaffDirectory } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { beforeAll, describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { type SeededWorld, seededWorld } from "../../testing/seeded-world";
import { UserDirectory } from "./UserDirectory";

let seeded: SeededWorld;
beforeAll(async () => {
  seeded = await seededWorld({ users: 24 });
});

const table = () => screen.findByRole("table", { name: "Users" });
const rows = async () =>
  within(await table())
    .getAllByRole("row")
    .slice(1);

describe("UserDirectory", () => {
  it("shows tabs with counts from core and the active users by name", async () => {
    renderWith(seeded.owner, <UserDirectory searchDebounceMs={0} />);
    const counts = await seeded.owner.users.counts();
    const tabs = screen.getByRole("tablist", { name: "User status" });
    await waitFor(() =>
      expect(within(tabs).getByRole("tab", { name: `Active ${counts.active}` })).toBeInTheDocument(),
    );
    expect(within(tabs).getByRole("tab", { name: `Pending ${counts.pending}` })).toBeInTheDocument();
    // A page longer than a screen shows its first rows first and the rest a frame later (UserTable).
    await waitFor(async () => expect(await rows()).toHaveLength(counts.active));
    expect(screen.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");
  });

  it("is axe-clean (jsdom checks; contrast is checked in Chromium by the stories)", async () => {
    const { container } = renderWith(seeded.owner, <UserDirectory />);
    await table();
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });

  it("switches tabs with the arrow keys and searches on the server", async () => {
    const { user } = renderWith(seeded.owner, <UserDirectory searchDebounceMs={0} />);
    await table();
    const active = screen.getByRole("tab", { name: /Active/ });
    await user.click(active);
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: /Pending/ })).toHaveAttribute("aria-selected", "true");
    const pending = await seeded.owner.users.list({ status: "pending" });
    await waitFor(async () => expect(await rows()).toHaveLength(pending.total));
    await user.keyboard("{ArrowLeft}");
    const target = seeded.users[10];
    if (!target) throw new Error("fixture");
    await user.type(screen.getByRole("searchbox", { name: "Search users" }), target.profile.familyName);
    const expected = await seeded.owner.users.list({ status: "active", search: target.profile.familyName });
    await waitFor(async () => expect(await rows()).toHaveLength(expected.total));
  });

  it("sorts by a column on the server when its header is activated", async () => {
    const { user } = renderWith(seeded.owner, <UserDirectory />);
    await table();
    await user.click(screen.getByRole("button", { name: "Email" }));
    await waitFor(() =>
      expect(screen.getByRole("columnheader", { name: /Email/ })).toHaveAttribute("aria-sort", "ascending"),
    );
    const first = (await seeded.owner.users.list({ sort: "email", limit: 1 })).items[0];
    await waitFor(async () => expect((await rows())[0]).toHaveTextContent(first?.email ?? "?"));
  });

  it("offers exactly the row actions core allows, and disables a user with the keyboard", async () => {
    const world = await seededWorld({ users: 6 });
    const { user } = renderWith(world.owner, <UserDirectory />);
    await table();
    const target = (await world.owner.users.list()).items.find(
      (u) => u.id !== world.world.owner.id && u.status === "active",
    );
    if (!target) throw new Error("fixture");
    const menuButton = screen.getByRole("button", { name: `Actions for ${target.displayName}` });
    menuButton.focus();
    await user.keyboard("{Enter}");
    const menu = await screen.findByRole("menu");
    const labels = within(menu)
      .getAllByRole("menuitem")
      .map((i) => i.textContent);
    const expected = world.owner.users.actions(target);
    expect(labels).toHaveLength(expected.length);
    await user.keyboard("{ArrowDown}");
    const disable = within(menu).getByRole("menuitem", { name: "Disable" });
    disable.focus();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: `Disable ${target.displayName}?` });
    await user.click(within(dialog).getByRole("button", { name: "Disable user" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await screen.findByText(`${target.displayName} was disabled.`)).toBeInTheDocument();
    expect((await world.owner.users.get(target.id)).status).toBe("disabled");
  });

  it("the delete dialog states what is erased and what is kept, and each statement holds after the delete (W6)", async () => {
    const world = await seededWorld({ users: 4 });
    const { user } = renderWith(world.owner, <UserDirectory initialStatus="disabled" />, {
      messages: { audit: { erased: "Former staff member" } },
    });
    await table();
    const target = (await world.owner.users.list({ status: "disabled" })).items[0];
    if (!target) throw new Error("fixture");
    await user.click(screen.getByRole("button", { name: `Actions for ${target.displayName}` }));
    await user.click(await screen.findByRole("menuitem", { name: "Delete permanently" }));
    const dialog = await screen.findByRole("dialog", { name: `Delete ${target.displayName} permanently?` });
    expect(dialog).toHaveAccessibleDescription(
      "They are erased from this organization. This cannot be undone.",
    );
    const list = (name: string) =>
      within(within(dialog).getByRole("region", { name }))
        .getAllByRole("listitem")
        .map((li) => li.textContent);
    expect(list("Erased from this organization")).toEqual([
      "Their profile: name, initials, titles, email, phone numbers and provider details such as the NPI and bio",
      "Their role, location access, sessions and any invitation",
      "Their name, email, IP addresses and personal details in every audit event, and so in exports",
      "Their sign-in account, unless they also belong to another organization",
    ]);
    expect(list("Kept")).toEqual([
      "Every audit event they took part in, showing “Former staff member” in their place: what was done, when, and role and access changes",
      "A record of this deletion: who deleted them and when",
      "Anything another organization they belong to holds about them",
    ]);
    const before = (await world.owner.audit.list({ targetId: target.id, limit: 500 })).items;
    await user.type(within(dialog).getByLabelText(`Type ${target.email} to confirm`), target.email);
    await user.click(within(dialog).getByRole("button", { name: "Delete permanently" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    // Erased: the profile, and the name and email in every audit event.
    await expect(world.owner.users.get(target.id)).rejects.toMatchObject({ code: "not_found" });
    const trail = (await world.owner.audit.list({ limit: 500 })).items;
    for (const value of [target.displayName, target.email, target.profile.familyName])
      expect(JSON.stringify(trail)).not.toContain(value);
    // Kept: every earlier event, without them, and a record of the deletion by the actor.
    const after = trail.filter((e) => e.target.id === target.id);
    expect(after.slice(1).map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(after[0]).toMatchObject({
      action: "user.deleted",
      actor: { userId: world.world.owner.id, erased: false },
      target: { label: null, erased: true },
    });
    // The sign-in account: gone (this person belonged to no other organization).
    const account = await world.world.store.transaction((tx) => tx.getAccount(target.accountId), {
      readOnly: true,
    });
    expect(account).toBeNull();
  });

  it("deletes only after the email is typed", async () => {
    const world = await seededWorld({ users: 4 });
    const { user } = renderWith(world.owner, <UserDirectory initialStatus="disabled" />);
    await table();
    const target = (await world.owner.users.list({ status: "disabled" })).items[0];
    if (!target) throw new Error("fixture");
    await user.click(screen.getByRole("button", { name: `Actions for ${target.displayName}` }));
    await user.click(await screen.findByRole("menuitem", { name: "Delete permanently" }));
    const dialog = await screen.findByRole("dialog");
    const confirm = within(dialog).getByRole("button", { name: "Delete permanently" });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText(`Type ${target.email} to confirm`), target.email);
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await expect(world.owner.users.get(target.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("runs a bulk action after its confirmation, which names who is skipped with core's reason", async () => {
    const world = await seededWorld({ users: 4 });
    const { user } = renderWith(world.owner, <UserDirectory />);
    await table();
    await user.click(screen.getByRole("checkbox", { name: "Select all users on this page" }));
    const bar = screen.getByRole("toolbar", { name: "Bulk actions" });
    await user.click(within(bar).getByRole("button", { name: "Disable" }));
    // The owner cannot disable themselves (R7): the confirmation says so with core's reason (bulk
    // offers carry core's verdicts), and only the others are sent.
    const dialog = await screen.findByRole("dialog", { name: /^Disable \d+ users?\?$/ });
    expect(dialog).toHaveTextContent(`${world.world.owner.displayName}: You cannot disable yourself.`);
    await user.click(within(dialog).getByRole("button", { name: /^Disable \d+ users?$/ }));
    expect(await screen.findByRole("status")).toHaveTextContent(/^Done: \d+ users? updated\./);
    await waitFor(async () => expect(await rows()).toHaveLength(1));
  });

  it("shows a read-only actor the list without any management control", async () => {
    renderWith(seeded.readOnly, <UserDirectory />);
    await table();
    expect(screen.queryByRole("button", { name: "Invite user" })).not.toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: /Select/ })).not.toBeInTheDocument();
    const { user } = { user: (await import("@testing-library/user-event")).default.setup() };
    const first = screen.getAllByRole("button", { name: /^Actions for / })[0];
    if (!first) throw new Error("no row");
    await user.click(first);
    expect(await screen.findByRole("menuitem", { name: "No actions available" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
  });

  it("R4 limits a delegated clinic manager to the users core shows them", async () => {
    renderWith(seeded.clinicManager, <UserDirectory />);
    const visible = await seeded.clinicManager.users.list();
    await waitFor(async () => expect(await rows()).toHaveLength(visible.items.length));
    const all = await seeded.owner.users.counts();
    expect(visible.total).toBeLessThan(all.active);
  });

  it("R7 offers another administrator nothing on the main contact: the row is badged, not selectable, and its actions are disabled with core's reason", async () => {
    const world = await seededWorld({ users: 3 });
    const administrator = world.roles.find((r) => r.name === "Administrator");
    const location = world.locations[0];
    if (!administrator || !location) throw new Error("fixture");
    const second = await world.owner.users.create({
      email: "ada.second@harbor-urgent-care.example",
      profile: { givenName: "Ada", familyName: "Second" },
      roleId: administrator.id,
      locationAccess: "organization",
      primaryLocationId: location.id,
      password: FIXTURE_PASSWORD,
    });
    const owner = world.world.owner;
    const { user } = renderWith(world.world.as(second.id) as StaffDirectory, <UserDirectory />);
    await table();
    const row = (await rows()).find((r) => within(r).queryByText(owner.displayName));
    if (!row) throw new Error("no row for the owner");
    expect(within(row).getByText("Main contact")).toBeInTheDocument();
    expect(within(row).getByRole("checkbox", { name: `Select ${owner.displayName}` })).toBeDisabled();
    await user.click(within(row).getByRole("button", { name: `Actions for ${owner.displayName}` }));
    const items = await screen.findAllByRole("menuitem");
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item).toHaveAttribute("aria-disabled", "true");
      expect(item).toHaveTextContent(MAIN_CONTACT_ONLY_MESSAGE);
    }
  });

  it("R3 a delegated manager (users.view and users.manage, one clinic) sees Edit, Disable and Reset password on a Billing Lead disabled, with core's reason, and cannot select him", async () => {
    const world = await seededWorld({ users: 3 });
    const billing = world.roles.find((r) => r.name === "Billing Manager");
    const downtown = world.world.location;
    if (!billing) throw new Error("fixture");
    const staffManager = await world.owner.roles.create({
      name: "Staff Manager",
      permissions: ["users.view", "users.manage"],
    });
    const lead = await world.owner.users.create({
      email: "bill.lead@harbor-urgent-care.example",
      profile: { givenName: "Bill", familyName: "Lead" },
      roleId: billing.id,
      locationAccess: [downtown.id],
      primaryLocationId: downtown.id,
      password: FIXTURE_PASSWORD,
    });
    const managerUser = await world.owner.users.create({
      email: "dana.downtown@harbor-urgent-care.example",
      profile: { givenName: "Dana", familyName: "Downtown" },
      roleId: staffManager.id,
      locationAccess: [downtown.id],
      primaryLocationId: downtown.id,
      password: FIXTURE_PASSWORD,
    });
    const { user } = renderWith(world.world.as(managerUser.id) as StaffDirectory, <UserDirectory />);
    await table();
    const row = (await rows()).find((r) => within(r).queryByText(lead.displayName));
    if (!row) throw new Error("no row for the Billing Lead");
    await user.click(within(row).getByRole("button", { name: `Actions for ${lead.displayName}` }));
    for (const label of ["Edit", "Disable", "Reset password"]) {
      const item = await screen.findByRole("menuitem", { name: new RegExp(`^${label}`) });
      expect(item).toHaveAttribute("aria-disabled", "true");
      expect(item).toHaveTextContent("This user holds permissions you do not have.");
    }
    await user.click(screen.getByRole("menuitem", { name: /^Disable/ }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect((await world.owner.users.get(lead.id)).status).toBe("active");
    await user.keyboard("{Escape}");
    expect(within(row).getByRole("checkbox", { name: `Select ${lead.displayName}` })).toBeDisabled();
  });
});
