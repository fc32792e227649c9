import type { StaffDirectory } from "@staffroom/core";
import { memoryWorld } from "@staffroom/core/fixtures";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { type SettingsWorld, settingsWorld } from "../../testing/settings-world";
import { loadErrorStory, loadingStory } from "../../testing/state-stories";
import { StoryFrame } from "../../testing/story-helpers";
import { LocationsManager } from "./LocationsManager";

type Loaded = { seeded?: SettingsWorld; directory: StaffDirectory };

/** A loader: the settings world seen by one of its actors. */
const as = (actor: "owner" | "siteLead" | "readOnly") => async (): Promise<Loaded> => {
  const seeded = await settingsWorld();
  return { seeded, directory: seeded[actor] };
};

const meta = {
  title: "Widgets/LocationsManager",
  component: LocationsManager,
  loaders: [as("owner")],
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <LocationsManager {...args} />
    </StoryFrame>
  ),
} satisfies Meta<typeof LocationsManager>;

export default meta;
type Story = StoryObj<typeof meta>;

const table = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole("table", { name: "Locations" });

/** The owner's view: active locations by name, then the archived ones, marked. */
export const Default: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    const rows = within(await table(canvasElement)).getAllByRole("row");
    await expect(rows.at(-1)).toHaveTextContent(seeded?.archivedLocation.name ?? "?");
    await expect(rows.at(-1)).toHaveTextContent("Archived");
  },
};

/** W8 with the keyboard only: open the dialog, type a name and a group, press Enter. */
export const AddLocation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await table(canvasElement);
    canvas.getByRole("button", { name: "New location" }).focus();
    await userEvent.keyboard("{Enter}");
    const dialog = await body.findByRole("dialog", { name: "New location" });
    await waitFor(() => expect(within(dialog).getByLabelText(/^Name/)).toHaveFocus());
    await userEvent.keyboard("Mission Bay");
    await userEvent.tab();
    await userEvent.keyboard("Peninsula{Enter}");
    await expect(await canvas.findByText("Mission Bay was added.")).toBeInTheDocument();
    await waitFor(() => expect(canvas.getByRole("rowheader", { name: "Mission Bay" })).toBeInTheDocument());
  },
};

/** Archiving a clinic that is someone's primary location: core refuses and the dialog says why. */
export const ArchiveInUse: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    const body = within(canvasElement.ownerDocument.body);
    const primary = seeded?.locations.find((l) => l.id === seeded.clinicManagerUser.primaryLocationId);
    if (!primary) throw new Error("fixture");
    await table(canvasElement);
    await userEvent.click(within(canvasElement).getByRole("button", { name: `Archive ${primary.name}` }));
    const dialog = await body.findByRole("dialog", { name: `Archive ${primary.name}?` });
    await userEvent.click(within(dialog).getByRole("button", { name: "Archive location" }));
    await expect(await within(dialog).findByRole("alert")).toHaveTextContent(/as their primary location/);
  },
};

/**
 * Someone else edited the location meanwhile: the save is refused as stale and a reload is offered.
 * The reload loads their version, puts your change to the name (which they did not touch) back in
 * place, and shows the group you both changed as "Yours / Now" with a choice.
 */
export const Conflict: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    const body = within(canvasElement.ownerDocument.body);
    const target = seeded?.locations.find((l) => !l.archived);
    if (!seeded || !target) throw new Error("fixture");
    await table(canvasElement);
    await userEvent.click(within(canvasElement).getByRole("button", { name: `Edit ${target.name}` }));
    const dialog = await body.findByRole("dialog", { name: `Edit ${target.name}` });
    await seeded.secondAdmin.locations.update(target.id, { group: "Elsewhere" }, { version: target.version });
    await userEvent.clear(within(dialog).getByLabelText(/^Group/));
    await userEvent.type(within(dialog).getByLabelText(/^Group/), "Harbor South");
    await userEvent.type(within(dialog).getByLabelText(/^Name/), " East{Enter}");
    const alert = await within(dialog).findByRole("alert");
    await expect(alert).toHaveTextContent("Someone else changed this location");
    await userEvent.click(within(alert).getByRole("button", { name: "Reload" }));
    await waitFor(() => expect(within(dialog).getByLabelText(/^Group/)).toHaveValue("Elsewhere"));
    await expect(within(dialog).getByLabelText(/^Name/)).toHaveValue(`${target.name} East`);
    await expect(
      within(dialog).getByText(`Name: your change is back in place (${target.name} East).`),
    ).toBeInTheDocument();
    const both = within(dialog).getByRole("group", { name: "Group" });
    await expect(both).toHaveTextContent("Yours: Harbor South");
    await expect(both).toHaveTextContent("Now: Elsewhere");
  },
};

/** The conflict settled: "Use mine" puts your value back in the field, ready to save on their version. */
export const ConflictUseMine: Story = {
  play: async (context) => {
    await Conflict.play?.(context);
    const dialog = within(context.canvasElement.ownerDocument.body).getByRole("dialog");
    const both = within(dialog).getByRole("group", { name: "Group" });
    await userEvent.click(within(both).getByRole("button", { name: "Use mine" }));
    await expect(within(dialog).getByLabelText(/^Group/)).toHaveValue("Harbor South");
    await expect(within(dialog).queryByRole("group", { name: "Group" })).toBeNull();
  },
};

/** Read-only staff: the list, no controls. */
export const ReadOnlyActor: Story = {
  loaders: [as("readOnly")],
  play: async ({ canvasElement }) => {
    await table(canvasElement);
    await expect(
      within(canvasElement).queryByRole("button", { name: "New location" }),
    ).not.toBeInTheDocument();
  },
};

/** A site lead limited to two clinics sees only those; core refuses adding a location (R4). */
export const DelegatedSiteLead: Story = {
  loaders: [as("siteLead")],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const rows = within(await table(canvasElement)).getAllByRole("row");
    await expect(rows).toHaveLength(3);
    await userEvent.click(within(canvasElement).getByRole("button", { name: "New location" }));
    const dialog = await body.findByRole("dialog", { name: "New location" });
    await userEvent.type(within(dialog).getByLabelText(/^Name/), "Mission Bay{Enter}");
    await expect(await within(dialog).findByRole("alert")).toHaveTextContent(/organization-wide/);
  },
};

/** A new organization: the one location it was created with. */
export const NewOrganization: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await memoryWorld();
      return { directory: world.as(world.owner.id) as StaffDirectory };
    },
  ],
  play: async ({ canvasElement }) => {
    await table(canvasElement);
    await expect(within(canvasElement).getByText("1 location")).toBeInTheDocument();
  },
};

/** First paint while the directory answers slowly. */
export const Loading: Story = loadingStory(settingsWorld);

/** The session's user no longer exists: core answers an error and the widget offers a retry. */
export const ErrorState: Story = loadErrorStory("The locations could not be loaded.");

/** The dark theme. */
export const Dark: Story = {
  render: (args, { loaded }) => (
    <div style={{ background: "#0b1020" }}>
      <StoryFrame directory={(loaded as Loaded).directory} theme="dark">
        <LocationsManager {...args} />
      </StoryFrame>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await table(canvasElement);
  },
};

/** The Reload after a conflict ("Yours / Now") in the dark theme. */
export const DarkConflict: Story = {
  ...Dark,
  play: async (context) => {
    await Conflict.play?.(context);
  },
};
