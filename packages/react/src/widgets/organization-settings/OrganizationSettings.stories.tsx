import type { StaffDirectory } from "@staffroom/core";
import { memoryWorld } from "@staffroom/core/fixtures";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { type SettingsWorld, settingsWorld } from "../../testing/settings-world";
import { loadErrorStory, loadingStory } from "../../testing/state-stories";
import { StoryFrame } from "../../testing/story-helpers";
import { OrganizationSettings } from "./OrganizationSettings";

type Loaded = { seeded?: SettingsWorld; directory: StaffDirectory };

/** A loader: the settings world seen by one of its actors. */
const as = (actor: "owner" | "secondAdmin" | "siteLead" | "readOnly") => async (): Promise<Loaded> => {
  const seeded = await settingsWorld();
  return { seeded, directory: seeded[actor] };
};

const meta = {
  title: "Widgets/OrganizationSettings",
  component: OrganizationSettings,
  loaders: [as("owner")],
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <OrganizationSettings {...args} />
    </StoryFrame>
  ),
} satisfies Meta<typeof OrganizationSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

const ready = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole("textbox", { name: /^Organization name/ });
const region = (canvasElement: HTMLElement, name: string) =>
  within(canvasElement).getByRole("region", { name });

/** The owner's view: features, seats with usage bars, licence and provider types, main contact. */
export const Default: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    await ready(canvasElement);
    const usage = await seeded?.owner.organization.usage();
    const meter = await within(canvasElement).findByRole("meter", { name: "Named users in use" });
    await expect(meter).toHaveAttribute(
      "aria-valuetext",
      `${usage?.named.used} of ${usage?.named.limit} in use`,
    );
  },
};

/** W11 with the keyboard: turn the diary off, raise the named seats, add a provider type, save. */
export const EditAndSave: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    const canvas = within(canvasElement);
    await ready(canvasElement);
    within(region(canvasElement, "Features")).getByRole("switch", { name: /Diary/ }).focus();
    await userEvent.keyboard(" ");
    const named = canvas.getByRole("spinbutton", { name: "Named users limit" });
    await userEvent.clear(named);
    await userEvent.type(named, "80");
    await userEvent.click(canvas.getByRole("button", { name: "Add provider type" }));
    await userEvent.keyboard("CNA");
    await userEvent.click(canvas.getByRole("button", { name: "Save changes" }));
    await expect(await canvas.findByText("The organization settings were saved.")).toBeInTheDocument();
    const org = await seeded?.owner.organization.get();
    await expect(org?.features.diary).toBe(false);
    await expect(org?.seats.named).toBe(80);
    await expect(org?.providerTypes).toContain("CNA");
  },
};

/**
 * R9: lowering the named seats below the users already counted asks first and says what follows —
 * nobody is disabled; adding, inviting and restoring are refused until use falls below the limit.
 */
export const SeatLimitBelowUse: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await ready(canvasElement);
    const used = (await seeded?.owner.organization.usage())?.named.used ?? 0;
    const named = canvas.getByRole("spinbutton", { name: "Named users limit" });
    await userEvent.clear(named);
    await userEvent.type(named, "10");
    await userEvent.click(canvas.getByRole("button", { name: "Save changes" }));
    const dialog = await body.findByRole("dialog", { name: "Save a seat limit below what is in use?" });
    await expect(dialog).toHaveTextContent(`Named users: 10, with ${used} in use.`);
    await expect(dialog).toHaveTextContent("No one is disabled.");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save anyway" }));
    await expect(await canvas.findByText("The organization settings were saved.")).toBeInTheDocument();
    await expect((await seeded?.owner.organization.get())?.seats.named).toBe(10);
  },
};

/** W13: the idle limit and the session lifetime, edited with the keyboard and saved. */
export const SessionLimits: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    const canvas = within(canvasElement);
    await ready(canvasElement);
    const sessions = region(canvasElement, "Sessions");
    const idle = within(sessions).getByRole("spinbutton", { name: /^Sign out after inactivity/ });
    await expect(idle).toHaveValue(15);
    await userEvent.clear(idle);
    await userEvent.type(idle, "10");
    await userEvent.click(canvas.getByRole("button", { name: "Save changes" }));
    await expect(await canvas.findByText("The organization settings were saved.")).toBeInTheDocument();
    await expect((await seeded?.owner.organization.get())?.sessionLimits).toEqual({
      idleMinutes: 10,
      lifetimeHours: 12,
    });
  },
};

/** Core's schema refuses a negative seat count and a malformed licence key, on their fields. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    const named = canvas.getByRole("spinbutton", { name: "Named users limit" });
    await userEvent.clear(named);
    await userEvent.type(named, "-3");
    await userEvent.click(canvas.getByRole("button", { name: "Add licence type" }));
    await userEvent.keyboard("Telehealth");
    const row = canvas.getByRole("group", { name: "Telehealth" });
    await userEvent.type(within(row).getByRole("textbox", { name: /^Key/ }), "Tele Health");
    await userEvent.click(canvas.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(named).toHaveAccessibleDescription(/Seats cannot be negative./));
    await expect(within(row).getByRole("textbox", { name: /^Key/ })).toHaveAttribute("aria-invalid", "true");
  },
};

/** Someone else saved first: the save is refused as stale and a reload is offered. */
export const Conflict: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    const canvas = within(canvasElement);
    const name = await ready(canvasElement);
    const current = await seeded?.secondAdmin.organization.get();
    if (!seeded || !current) throw new Error("fixture");
    await seeded.secondAdmin.organization.update({ name: "Harbor Health" }, { version: current.version });
    await userEvent.type(name, " Group");
    await userEvent.click(canvas.getByRole("button", { name: "Save changes" }));
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Someone else changed these settings");
    await userEvent.click(within(alert).getByRole("button", { name: "Reload" }));
    await waitFor(() => expect(name).toHaveValue("Harbor Health"));
  },
};

/** R7: the main contact hands the role to another active administrator after confirming. */
export const HandOverMainContact: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { seeded } = loaded as Loaded;
    if (!seeded) throw new Error("fixture");
    const body = within(canvasElement.ownerDocument.body);
    await ready(canvasElement);
    const contact = region(canvasElement, "Main contact");
    const heir = within(contact).getByRole("combobox", { name: "Hand over to" });
    await waitFor(() => expect(heir).toBeEnabled());
    await userEvent.selectOptions(heir, seeded.secondAdminUser.id);
    await userEvent.click(within(contact).getByRole("button", { name: "Hand over" }));
    const dialog = await body.findByRole("dialog", { name: /the main contact\?$/ });
    await userEvent.click(within(dialog).getByRole("button", { name: "Hand over" }));
    await expect(
      await within(canvasElement).findByText(
        `${seeded.secondAdminUser.displayName} is now the main contact.`,
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(heir).toBeDisabled());
  },
};

/** Another administrator may change settings but not hand over the main contact; the reason shows. */
export const NotMainContact: Story = {
  loaders: [as("secondAdmin")],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const heir = within(region(canvasElement, "Main contact")).getByRole("combobox", {
      name: "Hand over to",
    });
    await expect(heir).toBeDisabled();
    await expect(heir).toHaveAccessibleDescription("Only the main contact can hand this role over.");
  },
};

/** Read-only staff see the settings and usage, every control disabled. */
export const ReadOnlyActor: Story = {
  loaders: [as("readOnly")],
  play: async ({ canvasElement }) => {
    await expect(await ready(canvasElement)).toBeDisabled();
    await expect(
      within(canvasElement).queryByRole("button", { name: "Save changes" }),
    ).not.toBeInTheDocument();
  },
};

/**
 * A site lead limited to two clinics: its role lists organization.manage, but the settings span the
 * organization, so core does not count that permission for it (R4) and the form is read-only.
 */
export const DelegatedSiteLead: Story = {
  loaders: [as("siteLead")],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await ready(canvasElement)).toBeDisabled();
    await expect(canvas.queryByRole("button", { name: "Save changes" })).not.toBeInTheDocument();
  },
};

/** A new organization: no licence or provider types yet, unlimited seats. */
export const NewOrganization: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const world = await memoryWorld({
        bootstrap: { organization: { name: "Cedar Ridge Pediatrics", providerTypes: [] } },
      });
      return { directory: world.as(world.owner.id) as StaffDirectory };
    },
  ],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const canvas = within(canvasElement);
    await expect(canvas.getByText("No licence types yet.")).toBeInTheDocument();
    await expect(canvas.getByText("No provider types yet.")).toBeInTheDocument();
    await expect(await canvas.findByText("1 in use · unlimited")).toBeInTheDocument();
  },
};

/** First paint while the directory answers slowly. */
export const Loading: Story = loadingStory(settingsWorld);

/** The session's user no longer exists: core answers an error and the widget offers a retry. */
export const ErrorState: Story = loadErrorStory("The organization settings could not be loaded.");

/** The dark theme. */
export const Dark: Story = {
  render: (args, { loaded }) => (
    <div style={{ background: "#0b1020" }}>
      <StoryFrame directory={(loaded as Loaded).directory} theme="dark">
        <OrganizationSettings {...args} />
      </StoryFrame>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await within(canvasElement).findByRole("meter", { name: "Named users in use" });
  },
};
