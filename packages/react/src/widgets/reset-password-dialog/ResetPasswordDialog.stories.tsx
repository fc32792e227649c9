import type { StaffDirectory, User } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { type SeededWorld, seededWorld } from "../../testing/seeded-world";
import { StoryFrame } from "../../testing/story-helpers";
import { ResetPasswordDialog } from "./ResetPasswordDialog";

type Loaded = { seeded?: SeededWorld; directory: StaffDirectory; user: User };

const meta = {
  title: "Dialogs/ResetPasswordDialog",
  component: ResetPasswordDialog,
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 6 });
      const user = seeded.users[4];
      if (!user) throw new Error("fixture");
      return { seeded, directory: seeded.owner, user };
    },
  ],
  render: (_args, { loaded }) => {
    const { directory, user } = loaded as Loaded;
    return (
      <StoryFrame directory={directory}>
        <ResetPasswordDialog user={user} open onOpenChange={() => undefined} />
      </StoryFrame>
    );
  },
} satisfies Meta<typeof ResetPasswordDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** W5: a too-short temporary password is refused by core's policy, on the field. */
export const PolicyError: Story = {
  args: {
    user: { id: "", email: "", displayName: "", version: 0 },
    open: true,
    onOpenChange: () => undefined,
  },
  play: async ({ canvasElement }) => {
    const dialog = within(await within(canvasElement.ownerDocument.body).findByRole("dialog"));
    await userEvent.type(dialog.getByLabelText(/^Temporary password/), "short");
    await userEvent.type(dialog.getByLabelText(/^Confirm the password/), "short");
    await userEvent.click(dialog.getByRole("button", { name: "Set password" }));
    await expect(await dialog.findByText(/at least/)).toBeInTheDocument();
  },
};

/** W5: email a single-use reset link instead. */
export const ResetLink: Story = {
  args: {
    user: { id: "", email: "", displayName: "", version: 0 },
    open: true,
    onOpenChange: () => undefined,
  },
  play: async ({ canvasElement }) => {
    const dialog = within(await within(canvasElement.ownerDocument.body).findByRole("dialog"));
    await userEvent.click(dialog.getByRole("radio", { name: /Email a reset link/ }));
    await expect(dialog.getByRole("button", { name: "Send link" })).toBeInTheDocument();
  },
};
