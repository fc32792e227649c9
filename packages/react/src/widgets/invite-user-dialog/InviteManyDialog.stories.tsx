import type { StaffDirectory } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { seededWorld } from "../../testing/seeded-world";
import { StoryFrame } from "../../testing/story-helpers";
import { InviteManyDialog } from "./InviteManyDialog";

type Loaded = { directory: StaffDirectory; member: string };

const meta = {
  title: "Dialogs/InviteManyDialog",
  component: InviteManyDialog,
  args: { open: true, onOpenChange: () => undefined },
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 3 });
      return { directory: seeded.owner, member: seeded.users[0]?.email ?? "" };
    },
  ],
  render: (args, { loaded, globals }) => (
    <StoryFrame directory={(loaded as Loaded).directory} theme={globals.theme === "dark" ? "dark" : "light"}>
      <InviteManyDialog {...args} />
    </StoryFrame>
  ),
} satisfies Meta<typeof InviteManyDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const dialogOf = (canvasElement: HTMLElement) =>
  within(canvasElement.ownerDocument.body).findByRole("dialog", { name: "Invite several people" });

/** Empty: the addresses field first (it has focus), then one role and the locations for all of them. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    const emails = await within(dialog).findByRole("textbox", { name: /^Email addresses/ });
    await waitFor(() => expect(emails).toHaveFocus());
    await expect(within(dialog).getByText("0 addresses")).toBeInTheDocument();
  },
};

/** Nothing entered: the field says so and nothing is sent. */
export const NothingEntered: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await within(dialog).findByRole("textbox", { name: /^Email addresses/ });
    await userEvent.click(within(dialog).getByRole("button", { name: "Send invitations" }));
    await expect(await within(dialog).findByText("Enter at least one email address.")).toBeInTheDocument();
  },
};

/**
 * Keyboard only: paste, Tab to the role, choose it, submit with Enter; then the result of every
 * address — two invited, a mistyped one and an existing member not, each with core's reason.
 */
export const MixedResults: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { member } = loaded as Loaded;
    const dialog = await dialogOf(canvasElement);
    const emails = await within(dialog).findByRole("textbox", { name: /^Email addresses/ });
    await waitFor(() => expect(emails).toHaveFocus());
    await userEvent.paste(
      `ines.okafor@harbor.example\nDana Jones <drj@harbor.example>\nnot an email\n${member}`,
    );
    await expect(within(dialog).getByText("4 addresses")).toBeInTheDocument();
    await userEvent.selectOptions(within(dialog).getByRole("combobox", { name: /^Role/ }), "Front Desk");
    within(dialog).getByRole("button", { name: "Send 4 invitations" }).focus();
    await userEvent.keyboard("{Enter}");
    const heading = await within(dialog).findByRole("heading", { name: "Invitations sent" });
    await waitFor(() => expect(heading).toHaveFocus());
    await expect(within(dialog).getByText("2 invited, 2 not invited.")).toBeInTheDocument();
    const table = within(dialog).getByRole("table", { name: "Result for each address" });
    await expect(within(table).getAllByText("Invited")).toHaveLength(2);
    await expect(within(table).getAllByText("Not invited")).toHaveLength(2);
    await expect(within(table).getByText(/Enter an email address like/)).toBeInTheDocument();
  },
};

/** Everyone invited: the results and the summary in the success tone, no retry. */
export const AllInvited: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await within(dialog).findByRole("textbox", { name: /^Email addresses/ });
    await userEvent.paste("amy.one@harbor.example, ben.two@harbor.example");
    await userEvent.selectOptions(within(dialog).getByRole("combobox", { name: /^Role/ }), "Front Desk");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send 2 invitations" }));
    await expect(await within(dialog).findByText("2 people were invited.")).toBeInTheDocument();
    await expect(within(dialog).queryByRole("button", { name: "Try the others again" })).toBeNull();
  },
};

/** The dark theme, with results. */
export const Dark: Story = { ...MixedResults, globals: { theme: "dark" } };
