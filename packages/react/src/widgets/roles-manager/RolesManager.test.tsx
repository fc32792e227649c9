import type { Role, StaffDirectory } from "@staffroom/core";
import { renderHook, screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { useUpdateRole } from "../../hooks/admin-mutations";
import { queryKeys } from "../../hooks/keys";
import { useRoles } from "../../hooks/reads";
import { StaffroomProvider } from "../../provider/StaffroomProvider";
import { createQueryCache } from "../../query/query-cache";
import { settingsWorld } from "../../testing/settings-world";
import { RolesManager } from "./RolesManager";

const roleNamed = async (directory: StaffDirectory, name: string): Promise<Role> => {
  const role = (await directory.roles.list()).find((r) => r.name === name);
  if (!role) throw new Error(`no role ${name}`);
  return role;
};

/** Renders the manager on one role and waits for its permissions. */
const open = async (directory: StaffDirectory, name: string) => {
  const role = await roleNamed(directory, name);
  const view = renderWith(directory, <RolesManager initialRoleId={role.id} />);
  const matrix = await screen.findByRole("group", { name: `Permissions of ${name}` });
  return { ...view, role, matrix };
};

describe("RolesManager", () => {
  it("lists roles with user counts and screens, and is axe-clean", async () => {
    const w = await settingsWorld();
    const { container } = renderWith(w.owner, <RolesManager />);
    const list = await screen.findByRole("navigation", { name: "Roles" });
    for (const role of await w.owner.roles.list()) {
      const item = within(list).getByRole("button", { name: new RegExp(`^${role.name}`) });
      expect(item).toHaveTextContent(role.userCount === 1 ? "1 user" : `${role.userCount} users`);
    }
    const admin = within(list).getByRole("button", { name: /^Administrator/ });
    expect(admin).toHaveAttribute("aria-current", "true");
    expect(admin).toHaveTextContent("Your role");
    await screen.findByRole("group", { name: "Permissions of Administrator" });
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });

  it("stages toggles behind a bar naming who they apply to; nothing changes until Save, which is one versioned update", async () => {
    const w = await settingsWorld();
    const { user, role, matrix } = await open(w.owner, "Front Desk");
    const revenue = within(matrix).getByRole("switch", { name: /View revenue reports/ });
    const create = within(matrix).getByRole("switch", { name: /Create appointments/ });
    expect(revenue).not.toBeChecked();
    expect(screen.queryByRole("group", { name: /unsaved change/ })).not.toBeInTheDocument();
    revenue.focus();
    await user.keyboard(" ");
    await user.click(create);
    expect(revenue).toBeChecked();
    expect(revenue).toHaveAccessibleDescription("Not saved yet");
    // Staged, not saved: core still has the role as it was, and the bar says who a save changes.
    const bar = screen.getByRole("group", { name: "2 unsaved changes." });
    expect(bar).toHaveTextContent(`Applies to ${role.userCount} people.`);
    expect(await roleNamed(w.owner, "Front Desk")).toMatchObject({
      version: role.version,
      permissions: role.permissions,
    });
    expect(
      within(screen.getByRole("navigation", { name: "Roles" })).getByRole("button", { name: /^Front Desk/ }),
    ).toHaveTextContent("Unsaved changes");

    // Discard: back to the saved permissions, and core was never asked.
    await user.click(within(bar).getByRole("button", { name: "Discard" }));
    expect(revenue).not.toBeChecked();
    expect(create).toBeChecked();
    expect(screen.queryByRole("group", { name: /unsaved change/ })).not.toBeInTheDocument();
    expect((await roleNamed(w.owner, "Front Desk")).version).toBe(role.version);

    // Moving a switch back where it was leaves nothing to save.
    await user.click(revenue);
    await user.click(revenue);
    expect(screen.queryByRole("group", { name: /unsaved change/ })).not.toBeInTheDocument();

    await user.click(revenue);
    await user.click(create);
    await user.click(
      within(screen.getByRole("group", { name: "2 unsaved changes." })).getByRole("button", { name: "Save" }),
    );
    expect(
      await screen.findByText(
        `The permissions of Front Desk were saved. They apply to ${role.userCount} people now.`,
      ),
    ).toBeInTheDocument();
    const saved = await roleNamed(w.owner, "Front Desk");
    expect(saved.permissions).toContain("billing.view_revenue");
    expect(saved.permissions).not.toContain("calendar.create");
    // One write for both changes.
    expect(saved.version).toBe(role.version + 1);
    expect(await screen.findByText("Billing › Reports")).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: /unsaved change/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("keeps staged changes when the admin looks at another role and comes back", async () => {
    const w = await settingsWorld();
    const { user, matrix } = await open(w.owner, "Front Desk");
    await user.click(within(matrix).getByRole("switch", { name: /View revenue reports/ }));
    const list = screen.getByRole("navigation", { name: "Roles" });
    await user.click(within(list).getByRole("button", { name: /^Provider/ }));
    await screen.findByRole("group", { name: "Permissions of Provider" });
    expect(screen.queryByRole("group", { name: /unsaved change/ })).not.toBeInTheDocument();
    expect(within(list).getByRole("button", { name: /^Front Desk/ })).toHaveTextContent("Unsaved changes");
    await user.click(within(list).getByRole("button", { name: /^Front Desk/ }));
    const back = await screen.findByRole("group", { name: "Permissions of Front Desk" });
    expect(within(back).getByRole("switch", { name: /View revenue reports/ })).toBeChecked();
    expect(screen.getByRole("group", { name: "1 unsaved change." })).toBeInTheDocument();
  });

  it("is read-only for a location-limited site lead: roles span the organization (R4), and core refuses a direct edit", async () => {
    const w = await settingsWorld();
    // The site lead's role includes roles.manage, but it is limited to two clinics: core does not
    // count organization-wide permissions for it, so can() is false and every switch is locked.
    const { user, matrix } = await open(w.siteLead, "Front Desk");
    const view = within(matrix).getByRole("switch", { name: /View appointments/ });
    expect(view).toHaveAttribute("aria-disabled", "true");
    expect(view).toHaveAccessibleDescription("You can see the roles but not change them.");
    await user.click(view);
    expect(view).toBeChecked();
    const frontDesk = await roleNamed(w.owner, "Front Desk");
    await expect(
      w.siteLead.roles.update(
        frontDesk.id,
        { permissions: frontDesk.permissions.filter((p) => p !== "calendar.view") },
        { version: frontDesk.version },
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await roleNamed(w.owner, "Front Desk")).permissions).toContain("calendar.view");
  });

  it("R3 core refuses a permission the actor does not hold even when asked directly, and the change rolls back", async () => {
    const w = await settingsWorld();
    // An org-wide role steward who manages roles but holds no billing permission.
    const steward = await w.owner.roles.create({
      name: "Role Steward",
      permissions: ["users.view", "roles.manage", "calendar.view"],
    });
    const first = w.locations[0];
    if (!first) throw new Error("fixture");
    const person = await w.owner.users.create({
      email: "sam.steward@harbor-urgent-care.example",
      profile: { givenName: "Sam", familyName: "Steward" },
      roleId: steward.id,
      locationAccess: "organization",
      primaryLocationId: first.id,
      password: "violet-harbor-lantern-92",
    });
    const directory = w.world.as(person.id) as StaffDirectory;
    const { matrix } = await open(directory, "Front Desk");
    expect(within(matrix).getByRole("switch", { name: /Issue refunds/ })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    expect(within(matrix).getByRole("switch", { name: /View appointments/ })).not.toHaveAttribute(
      "aria-disabled",
    );

    const cache = createQueryCache();
    const { result } = renderHook(() => ({ roles: useRoles(), update: useUpdateRole() }), {
      wrapper: ({ children }) => (
        <StaffroomProvider directory={directory} cache={cache}>
          {children}
        </StaffroomProvider>
      ),
    });
    await waitFor(() => expect(result.current.roles.data).toBeDefined());
    const frontDesk = result.current.roles.data?.find((r) => r.name === "Front Desk");
    if (!frontDesk) throw new Error("fixture");
    const cached = () => cache.get<Role[]>(queryKeys.roles.list).data?.find((r) => r.id === frontDesk.id);
    const pending = result.current.update.mutate({
      id: frontDesk.id,
      patch: { permissions: [...frontDesk.permissions, "billing.issue_refunds"] },
      version: frontDesk.version,
    });
    // Applied at once (optimistic) …
    expect(cached()?.permissions).toContain("billing.issue_refunds");
    // … refused by core (R3), and rolled back.
    await expect(pending).rejects.toMatchObject({ code: "forbidden" });
    expect(cached()?.permissions).toEqual(frontDesk.permissions);
  });

  it("R7 locks taking a permission from an admin role for another admin, with core's reason, before any click", async () => {
    const w = await settingsWorld();
    const { user, matrix } = await open(w.secondAdmin, "Clinic Manager");
    const create = within(matrix).getByRole("switch", { name: /Create appointments/ });
    expect(create).toHaveAttribute("aria-disabled", "true");
    expect(create).toHaveAccessibleDescription(
      "Only the main contact can take permissions away from administrators.",
    );
    await user.click(create);
    expect(create).toBeChecked();
    expect(within(matrix).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("R12 a stale version on Save shows the conflict; Reload stages the changes on the current permissions", async () => {
    const w = await settingsWorld();
    const { user, role, matrix } = await open(w.owner, "Provider");
    await user.click(within(matrix).getByRole("switch", { name: /View appointments/ }));
    // Someone else saves the role meanwhile.
    await w.secondAdmin.roles.update(
      role.id,
      { permissions: [...role.permissions, "billing.view_revenue"] },
      { version: role.version },
    );
    await user.click(
      within(screen.getByRole("group", { name: "1 unsaved change." })).getByRole("button", { name: "Save" }),
    );
    const alert = await within(matrix).findByRole("alert");
    expect(alert).toHaveTextContent("This role changed since you opened it");
    // Nothing of ours was written, and our change is still staged.
    expect((await roleNamed(w.owner, "Provider")).permissions).toContain("calendar.view");
    expect(within(matrix).getByRole("switch", { name: /View appointments/ })).not.toBeChecked();
    await user.click(within(alert).getByRole("button", { name: "Reload" }));
    // Their change is loaded, ours sits on top of it, marked.
    await waitFor(() =>
      expect(within(matrix).getByRole("switch", { name: /View revenue reports/ })).toBeChecked(),
    );
    const appointments = within(matrix).getByRole("switch", { name: /View appointments/ });
    expect(appointments).not.toBeChecked();
    expect(appointments).toHaveAccessibleDescription("Not saved yet");
    expect(within(matrix).getByText(/your 1 change is staged on top of them/)).toBeInTheDocument();
    expect(within(matrix).queryByRole("alert")).not.toBeInTheDocument();
    await user.click(
      within(screen.getByRole("group", { name: "1 unsaved change." })).getByRole("button", { name: "Save" }),
    );
    await screen.findByText(/The permissions of Provider were saved/);
    const saved = await roleNamed(w.owner, "Provider");
    expect(saved.permissions).toContain("billing.view_revenue");
    expect(saved.permissions).not.toContain("calendar.view");
  });

  it("creates a role from a template, refuses a duplicate name on its field, and renames", async () => {
    const w = await settingsWorld();
    const { user } = renderWith(w.owner, <RolesManager />);
    await user.click(await screen.findByRole("button", { name: "New role" }));
    const dialog = await screen.findByRole("dialog", { name: "New role" });
    await user.type(within(dialog).getByLabelText(/^Name/), "Front Desk");
    await user.click(within(dialog).getByRole("radio", { name: /^Provider/ }));
    await user.click(within(dialog).getByRole("button", { name: "Create role" }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/^Name/)).toHaveAccessibleDescription(
        "A role with this name exists.",
      ),
    );
    await user.clear(within(dialog).getByLabelText(/^Name/));
    await user.type(within(dialog).getByLabelText(/^Name/), "Night Nurse");
    await user.click(within(dialog).getByRole("button", { name: "Create role" }));
    expect(await screen.findByText("The role Night Nurse was created.")).toBeInTheDocument();
    const matrix = await screen.findByRole("group", { name: "Permissions of Night Nurse" });
    expect(within(matrix).getByRole("switch", { name: /Write notes/ })).toBeChecked();
    expect((await roleNamed(w.owner, "Night Nurse")).template).toBe("provider");

    await user.click(screen.getByRole("button", { name: "Rename" }));
    const rename = await screen.findByRole("dialog", { name: "Rename Night Nurse" });
    await user.clear(within(rename).getByLabelText(/^Name/));
    await user.type(within(rename).getByLabelText(/^Name/), "Night Charge Nurse{Enter}");
    expect(await screen.findByText("The role Night Charge Nurse was saved.")).toBeInTheDocument();
    await roleNamed(w.owner, "Night Charge Nurse");
  });

  it("explains role_in_use beside a disabled delete and keeps the role; deletes an unused one", async () => {
    const w = await settingsWorld();
    await w.owner.roles.create({ name: "Temp", permissions: [] });
    const { user } = await open(w.owner, "Front Desk");
    const holders = (await roleNamed(w.owner, "Front Desk")).userCount;
    const refused = await screen.findByRole("button", { name: "Delete role" });
    await waitFor(() => expect(refused).toHaveAttribute("aria-disabled", "true"));
    expect(refused).toHaveAccessibleDescription(
      `${holders} people hold Front Desk. Give them another role in Users, then delete it.`,
    );
    // Without the host's link to the holders, none is drawn.
    expect(screen.queryByRole("link")).not.toBeInTheDocument();
    await user.click(refused);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    const list = screen.getByRole("navigation", { name: "Roles" });
    expect(within(list).getByRole("button", { name: /^Front Desk/ })).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: /^Temp/ }));
    const remove = await screen.findByRole("button", { name: "Delete role" });
    await waitFor(() => expect(remove).not.toHaveAttribute("aria-disabled"));
    await user.click(remove);
    const dialog = await screen.findByRole("dialog", { name: "Delete the role Temp?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete role" }));
    expect(await screen.findByText("The role Temp was deleted.")).toBeInTheDocument();
    expect(within(list).queryByRole("button", { name: /^Temp/ })).not.toBeInTheDocument();
    // The dialog's trigger is gone: focus lands on the role now selected.
    await waitFor(() => expect(within(list).getByRole("button", { name: /^Administrator/ })).toHaveFocus());
  });

  it("links a role in use to its holders through the host's link, with the count core gives", async () => {
    const w = await settingsWorld();
    const role = await roleNamed(w.owner, "Front Desk");
    renderWith(
      w.owner,
      <RolesManager
        initialRoleId={role.id}
        holdersLink={(r, label) => <a href={`/users?role=${r.id}`}>{label}</a>}
      />,
    );
    const link = await screen.findByRole("link", {
      name: `Show the ${role.userCount} people who hold Front Desk`,
    });
    expect(link).toHaveAttribute("href", `/users?role=${role.id}`);
  });

  it("R3 your own role's permissions are read-only, with the reason, and rename stays yours", async () => {
    const w = await settingsWorld();
    const own = (await w.secondAdmin.me()).role.name;
    const { matrix } = await open(w.secondAdmin, own);
    expect(
      within(matrix).getByText("You cannot change the permissions of your own role."),
    ).toBeInTheDocument();
    for (const toggle of within(matrix).getAllByRole("switch")) {
      expect(toggle).toHaveAttribute("aria-disabled", "true");
      expect(toggle).toHaveAccessibleDescription("You cannot change the permissions of your own role.");
    }
    expect(screen.getByRole("button", { name: "Rename" })).toBeEnabled();
  });

  it("shows read-only staff the roles without any control that would change them", async () => {
    const w = await settingsWorld();
    const { matrix } = await open(w.readOnly, "Front Desk");
    expect(screen.queryByRole("button", { name: "New role" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Rename" })).not.toBeInTheDocument();
    const view = within(matrix).getByRole("switch", { name: /View appointments/ });
    expect(view).toHaveAttribute("aria-disabled", "true");
    expect(view).toHaveAccessibleDescription("You can see the roles but not change them.");
  });
});
