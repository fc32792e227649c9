import type { StaffDirectory } from "@staffroom/core";
import { memoryWorld } from "@staffroom/core/fixtures";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { type SettingsWorld, settingsWorld } from "../../testing/settings-world";
import { loadErrorStory, loadingStory } from "../../testing/state-stories";
import { StoryFrame } from "../../testing/story-helpers";
import { RolesManager } from "./RolesManager";

type Loaded = { seeded?: SettingsWorld; directory: StaffDirectory; roleId?: string };

const roleId = async (directory: StaffDirectory, name: string): Promise<string> => {
  const role = (await directory.roles.list()).find((r) => r.name === name);
  if (!role) throw new Error(`no role ${name}`);
  return role.id;
};

/** A loader: the settings world seen by one of its actors, opened on a role. */
const as =
  (actor: "owner" | "secondAdmin" | "siteLead" | "clinicManager" | "readOnly", role?: string) =>
  async (): Promise<Loaded> => {
    const seeded = await settingsWorld();
    const directory = seeded[actor];
    return { seeded, directory, ...(role ? { roleId: await roleId(seeded.owner, role) } : {}) };
  };

const meta = {
  title: "Widgets/RolesManager",
  component: RolesManager,
  loaders: [as("owner", "Front Desk")],
  render: (args, { loaded }) => {
    const { directory, roleId: initial } = loaded as Loaded;
    return (
      <StoryFrame directory={directory}>
        <RolesManager {...args} {...(initial ? { initialRoleId: initial } : {})} />
      </StoryFrame>
    );
  },
} satisfies Meta<typeof RolesManager>;

export default meta;
type Story = StoryObj<typeof meta>;

const matrixOf = (canvasElement: HTMLElement, role: string) =>
  within(canvasElement).findByRole("group", { name: `Permissions of ${role}` });

/** The owner: roles with holders and screens; toggles are staged, then saved together for every holder. */
export const Default: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    const matrix = await matrixOf(canvasElement, "Front Desk");
    const revenue = within(matrix).getByRole("switch", { name: /View revenue reports/ });
    revenue.focus();
    await userEvent.keyboard(" ");
    const bar = within(canvasElement).getByRole("group", { name: "1 unsaved change." });
    await userEvent.click(within(bar).getByRole("button", { name: "Save" }));
    await expect(await within(canvasElement).findByText("Billing › Reports")).toBeInTheDocument();
    const saved = (await seeded?.owner.roles.list())?.find((r) => r.name === "Front Desk");
    await expect(saved?.permissions).toContain("billing.view_revenue");
  },
};

/**
 * Changes staged, not saved: each moved switch is marked, the role is marked in the list, and the
 * bar says how many people a save changes, with Save and Discard.
 */
export const StagedChanges: Story = {
  play: async ({ canvasElement }) => {
    const matrix = await matrixOf(canvasElement, "Front Desk");
    await userEvent.click(within(matrix).getByRole("switch", { name: /View revenue reports/ }));
    await userEvent.click(within(matrix).getByRole("switch", { name: /Create appointments/ }));
    const bar = within(canvasElement).getByRole("group", { name: "2 unsaved changes." });
    await expect(bar).toHaveTextContent(/Applies to \d+ people\./);
    await expect(within(matrix).getAllByText("Not saved yet")).toHaveLength(2);
  },
};

/** A role in use: Delete is refused with the count, and the host's link leads to the holders. */
export const DeleteRoleInUseWithLink: Story = {
  args: {
    holdersLink: (role, label) => <a href={`#users?role=${role.id}`}>{label}</a>,
  },
  play: async ({ canvasElement }) => {
    await matrixOf(canvasElement, "Front Desk");
    const link = await within(canvasElement).findByRole("link", {
      name: /^Show the \d+ people who hold Front Desk$/,
    });
    await expect(link).toHaveAttribute("href", expect.stringContaining("#users?role="));
  },
};

/** W7: a new role from the Provider template, selected once created. */
export const CreateFromTemplate: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await matrixOf(canvasElement, "Front Desk");
    await userEvent.click(canvas.getByRole("button", { name: "New role" }));
    const dialog = await body.findByRole("dialog", { name: "New role" });
    await userEvent.type(within(dialog).getByLabelText(/^Name/), "Night Nurse");
    await userEvent.click(within(dialog).getByRole("radio", { name: /^Provider/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Create role" }));
    const matrix = await matrixOf(canvasElement, "Night Nurse");
    await expect(within(matrix).getByRole("switch", { name: /Write notes/ })).toBeChecked();
  },
};

/** Core refuses deleting a role people hold: the button is disabled, with how many and what to do beside it. */
export const DeleteRoleInUse: Story = {
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    await matrixOf(canvasElement, "Front Desk");
    const remove = within(canvasElement).getByRole("button", { name: "Delete role" });
    await waitFor(() => expect(remove).toHaveAttribute("aria-disabled", "true"));
    await expect(remove).toHaveAccessibleDescription(/people hold Front Desk/);
    await userEvent.click(remove);
    await expect(body.queryByRole("dialog")).toBeNull();
  },
};

/**
 * Another administrator (not the main contact) may not take permissions from an admin role that
 * people hold: each such switch is locked with core's reason before any click.
 */
export const RefusedByMainContactRule: Story = {
  loaders: [as("secondAdmin", "Clinic Manager")],
  play: async ({ canvasElement }) => {
    const matrix = await matrixOf(canvasElement, "Clinic Manager");
    const create = within(matrix).getByRole("switch", { name: /Create appointments/ });
    await expect(create).toHaveAttribute("aria-disabled", "true");
    await expect(create).toHaveAccessibleDescription(/Only the main contact/);
    await userEvent.click(create);
    await waitFor(() => expect(create).toBeChecked());
  },
};

/** R3: your own role's permissions are read-only, with core's reason above them; renaming stays yours. */
export const OwnRoleReadOnly: Story = {
  loaders: [as("secondAdmin", "Administrator")],
  play: async ({ canvasElement }) => {
    const matrix = await matrixOf(canvasElement, "Administrator");
    await expect(
      within(matrix).getByText("You cannot change the permissions of your own role."),
    ).toBeInTheDocument();
    const view = within(matrix).getByRole("switch", { name: /View appointments/ });
    await expect(view).toHaveAttribute("aria-disabled", "true");
    await expect(view).toHaveAccessibleDescription("You cannot change the permissions of your own role.");
    view.focus();
    await userEvent.keyboard(" ");
    await expect(view).toBeChecked();
    await expect(within(canvasElement).getByRole("button", { name: "Rename" })).toBeEnabled();
  },
};

/**
 * Someone else changed the role meanwhile: Save is refused as stale, and Reload stages the change
 * again on top of the current permissions.
 */
export const Conflict: Story = {
  loaders: [as("owner", "Provider")],
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    const matrix = await matrixOf(canvasElement, "Provider");
    const role = (await seeded?.owner.roles.list())?.find((r) => r.name === "Provider");
    if (!seeded || !role) throw new Error("fixture");
    await userEvent.click(within(matrix).getByRole("switch", { name: /View appointments/ }));
    await seeded.secondAdmin.roles.update(
      role.id,
      { name: "Provider (clinical)" },
      { version: role.version },
    );
    const bar = within(canvasElement).getByRole("group", { name: "1 unsaved change." });
    await userEvent.click(within(bar).getByRole("button", { name: "Save" }));
    const alert = await within(matrix).findByRole("alert");
    await expect(alert).toHaveTextContent("This role changed since you opened it");
    await userEvent.click(within(alert).getByRole("button", { name: "Reload" }));
    const reloaded = await matrixOf(canvasElement, "Provider (clinical)");
    await expect(await within(reloaded).findByText(/staged on top of them/)).toBeInTheDocument();
    await expect(within(reloaded).getByRole("switch", { name: /View appointments/ })).not.toBeChecked();
  },
};

/** Read-only staff see every role and permission, and nothing that would change them. */
export const ReadOnlyActor: Story = {
  loaders: [as("readOnly", "Front Desk")],
  play: async ({ canvasElement }) => {
    const matrix = await matrixOf(canvasElement, "Front Desk");
    await expect(within(canvasElement).queryByRole("button", { name: "New role" })).not.toBeInTheDocument();
    await expect(within(matrix).getByRole("switch", { name: /View appointments/ })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
  },
};

/**
 * A site lead limited to two clinics: its role lists roles.manage, but roles span the organization,
 * so core does not count that permission for it (R4) and every switch is read-only.
 */
export const DelegatedSiteLead: Story = {
  loaders: [as("siteLead", "Front Desk")],
  play: async ({ canvasElement }) => {
    const matrix = await matrixOf(canvasElement, "Front Desk");
    const view = within(matrix).getByRole("switch", { name: /View appointments/ });
    await expect(view).toHaveAttribute("aria-disabled", "true");
    await expect(view).toHaveAccessibleDescription(/can see the roles but not change them/);
    await userEvent.click(view);
    await waitFor(() => expect(view).toBeChecked());
  },
};

/** A role without permissions opens no screen yet. */
export const EmptyRole: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await memoryWorld();
      const directory = world.as(world.owner.id) as StaffDirectory;
      await directory.me();
      const blank = await directory.roles.create({ name: "New hires", permissions: [] });
      return { directory, roleId: blank.id };
    },
  ],
  play: async ({ canvasElement }) => {
    await matrixOf(canvasElement, "New hires");
    await expect(
      within(canvasElement).getByText("No screens yet: turn on a permission below."),
    ).toBeInTheDocument();
  },
};

/** First paint while the directory answers slowly. */
export const Loading: Story = loadingStory(settingsWorld);

/** The session's user no longer exists: core answers an error and the widget offers a retry. */
export const ErrorState: Story = loadErrorStory("The roles could not be loaded.");

/** The dark theme. */
export const Dark: Story = {
  render: (args, { loaded }) => (
    <div style={{ background: "#0b1020" }}>
      <StoryFrame directory={(loaded as Loaded).directory} theme="dark">
        <RolesManager {...args} />
      </StoryFrame>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await matrixOf(canvasElement, "Administrator");
  },
};

/** Staged changes and the bar in the dark theme. */
export const DarkStagedChanges: Story = {
  render: (args, { loaded }) => {
    const { directory, roleId: initial } = loaded as Loaded;
    return (
      <div style={{ background: "#0b1020" }}>
        <StoryFrame directory={directory} theme="dark">
          <RolesManager {...args} {...(initial ? { initialRoleId: initial } : {})} />
        </StoryFrame>
      </div>
    );
  },
  play: async (context) => {
    await StagedChanges.play?.(context);
  },
};
