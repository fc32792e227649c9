import { MAIN_CONTACT_ONLY_MESSAGE, type StaffDirectory, type User } from "@staffroom/core";
import { FIXTURE_PASSWORD } from "@staffroom/core/fixtures";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { seedCredentials } from "../../testing/credential-world";
import { type SeededWorld, seededWorld } from "../../testing/seeded-world";
import { StoryFrame } from "../../testing/story-helpers";
import { UserFormDialog } from "./UserFormDialog";

type Loaded = { seeded?: SeededWorld; directory: StaffDirectory; user: User };

const meta = {
  title: "Dialogs/UserFormDialog",
  component: UserFormDialog,
  args: { mode: "create", open: true, onOpenChange: () => undefined },
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 24 });
      const user = seeded.users.find((u) => u.flags.practitioner && u.provider) ?? seeded.users[5];
      if (!user) throw new Error("fixture");
      return { seeded, directory: seeded.owner, user: await seeded.owner.users.get(user.id) };
    },
  ],
  render: (args, { loaded }) => {
    const { directory, user } = loaded as Loaded;
    return (
      <StoryFrame directory={directory}>
        {args.mode === "edit" ? (
          <UserFormDialog mode="edit" userId={user.id} open onOpenChange={args.onOpenChange} />
        ) : (
          <UserFormDialog mode="create" open onOpenChange={args.onOpenChange} />
        )}
      </StoryFrame>
    );
  },
} satisfies Meta<typeof UserFormDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** W1: create a user; core's schema errors show on the fields and focus the first. */
export const Create: Story = {
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole("dialog", { name: "New user" });
    await userEvent.click(await within(dialog).findByRole("button", { name: "Create user" }));
    await expect(
      await within(dialog).findByText("Enter an email address like name@clinic.org."),
    ).toBeInTheDocument();
    await expect(within(dialog).getByLabelText(/^Email/)).toHaveFocus();
  },
};

/** W4/W10: edit a practitioner with provider credentials (NPI, taxonomy, scheduling). */
export const EditProvider: Story = {
  args: { mode: "edit", userId: "loaded", open: true, onOpenChange: () => undefined },
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole("dialog", { name: /^Edit / });
    await expect(await within(dialog).findByLabelText("NPI")).toBeInTheDocument();
  },
};

/**
 * Issue 15: a provider's licences, DEA registration and board certification as rows — type,
 * number, state, issuer, expiry — each a named group with its Remove button; Add credential below.
 */
export const EditCredentials: Story = {
  args: { mode: "edit", userId: "loaded", open: true, onOpenChange: () => undefined },
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 8 });
      const { expiring } = await seedCredentials(seeded);
      return { directory: seeded.owner, user: expiring };
    },
  ],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole("dialog", { name: /^Edit / });
    const dea = await within(dialog).findByRole("group", { name: "Credential 2: DEA registration" });
    await expect(within(dea).getByLabelText("State")).toHaveValue("CA");
    const add = within(dialog).getByRole("button", { name: "Add credential" });
    await userEvent.click(add);
    await expect(
      within(dialog).getByRole("group", { name: "Credential 3: State licence" }),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole("button", { name: "Remove credential 3 (State licence)" }),
    );
    await expect(add).toHaveFocus();
  },
};

/**
 * R7: another administrator opens the main contact: core offers them nothing on the main contact,
 * so the form is read-only and says why.
 */
export const MainContactReadOnly: Story = {
  args: { mode: "edit", userId: "loaded", open: true, onOpenChange: () => undefined },
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 6 });
      const administrator = seeded.roles.find((r) => r.name === "Administrator");
      const location = seeded.locations[0];
      if (!administrator || !location) throw new Error("fixture");
      const second = await seeded.owner.users.create({
        email: "ada.second@harbor-urgent-care.example",
        profile: { givenName: "Ada", familyName: "Second" },
        roleId: administrator.id,
        locationAccess: "organization",
        primaryLocationId: location.id,
        password: FIXTURE_PASSWORD,
      });
      return { seeded, directory: seeded.world.as(second.id) as StaffDirectory, user: seeded.world.owner };
    },
  ],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole("dialog", { name: /^Edit / });
    await expect(await within(dialog).findByText(MAIN_CONTACT_ONLY_MESSAGE)).toBeInTheDocument();
    await expect(within(dialog).getByLabelText("Job title")).toBeDisabled();
    await expect(within(dialog).queryByRole("button", { name: "Save changes" })).toBeNull();
  },
};

/**
 * A delegated clinic manager creates a user: only its own clinics, no "all locations of the
 * organization" and no role with permissions it lacks — each shown disabled with core's reason —
 * and choosing a primary location adds it to the access.
 */
export const DelegatedManager: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 6 });
      return { seeded, directory: seeded.clinicManager, user: seeded.clinicManagerUser };
    },
  ],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole("dialog", { name: "New user" });
    const orgWide = await within(dialog).findByRole("radio", { name: /^All locations of the organization/ });
    await expect(orgWide).toBeDisabled();
    await expect(orgWide.closest("label")).toHaveTextContent(
      "You can only give access to locations you have yourself.",
    );
    const role = within(dialog).getByRole("combobox", { name: /^Role/ });
    await expect(
      within(role).getByRole("option", { name: /^Administrator — You cannot give a role/ }),
    ).toBeDisabled();
    const clinics = within(dialog).getAllByRole("checkbox");
    const other = clinics.find((c) => !(c as HTMLInputElement).checked);
    const name = other?.closest("label")?.textContent ?? "";
    const primary = within(dialog).getByRole("combobox", { name: /^Primary location/ });
    const option = within(primary)
      .getAllByRole("option")
      .find((o) => o.textContent && name.startsWith(o.textContent));
    if (!other || !option) throw new Error("fixture: the manager has two clinics");
    await userEvent.selectOptions(primary, option);
    await expect(other).toBeChecked();
  },
};
