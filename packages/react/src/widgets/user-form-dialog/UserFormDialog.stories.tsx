import type { StaffDirectory, User } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { seededWorld } from "../../testing/seeded-world";
import { StoryFrame } from "../../testing/story-helpers";
import { UserFormDialog } from "./UserFormDialog";

type Loaded = { directory: StaffDirectory; user: User };

const meta = {
  title: "Dialogs/UserFormDialog",
  component: UserFormDialog,
  args: { mode: "create", open: true, onOpenChange: () => undefined },
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 24 });
      const user = seeded.users.find((u) => u.flags.practitioner && u.provider) ?? seeded.users[5];
      if (!user) throw new Error("fixture");
      return { directory: seeded.owner, user: await seeded.owner.users.get(user.id) };
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
