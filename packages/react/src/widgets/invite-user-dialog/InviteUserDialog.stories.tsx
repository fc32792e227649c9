import type { StaffDirectory } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { seededWorld } from "../../testing/seeded-world";
import { StoryFrame } from "../../testing/story-helpers";
import { InviteUserDialog } from "./InviteUserDialog";

const meta = {
  title: "Dialogs/InviteUserDialog",
  component: InviteUserDialog,
  args: { open: true, onOpenChange: () => undefined },
  loaders: [
    async () => {
      const seeded = await seededWorld({ users: 3 });
      return { seeded, directory: seeded.owner };
    },
  ],
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as { directory: StaffDirectory }).directory}>
      <InviteUserDialog {...args} />
    </StoryFrame>
  ),
} satisfies Meta<typeof InviteUserDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** W2: invite by email with name, title, role and primary location. */
export const Invite: Story = {
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole("dialog", { name: "Invite a user" });
    await userEvent.type(
      await within(dialog).findByLabelText(/^Email/),
      "sam.lee@harbor-urgent-care.example",
    );
    await userEvent.type(within(dialog).getByLabelText(/^First name/), "Sam");
    await userEvent.type(within(dialog).getByLabelText(/^Last name/), "Lee");
    await userEvent.selectOptions(within(dialog).getByRole("combobox", { name: /^Role/ }), "Front Desk");
    await expect(within(dialog).getByText(/^Opens:/)).toBeInTheDocument();
  },
};
