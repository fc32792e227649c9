import type { StaffDirectory } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { type CredentialPeople, seedCredentials } from "../../testing/credential-world";
import { seededWorld } from "../../testing/seeded-world";
import { StoryFrame } from "../../testing/story-helpers";
import { UserDirectory } from "./UserDirectory";

type Loaded = { directory: StaffDirectory; people: CredentialPeople };

/**
 * Issue 15: providers' credentials in the directory — "Expired" and "Expires in N days" badges on
 * rows and cards (core's `credentialAlert`, on the directory clock's date), and the toolbar's
 * credential filter.
 */
const meta = {
  title: "Widgets/UserDirectory/Credentials",
  component: UserDirectory,
  args: { pageSize: 50, searchDebounceMs: 0 },
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 12 });
      return { directory: seeded.owner, people: await seedCredentials(seeded) };
    },
  ],
  render: (args, { loaded, globals }) => (
    <StoryFrame directory={(loaded as Loaded).directory} theme={globals.theme === "dark" ? "dark" : "light"}>
      <UserDirectory {...args} />
    </StoryFrame>
  ),
} satisfies Meta<typeof UserDirectory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An expired and an expiring provider carry their badge; a current one carries none. */
export const Badges: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { people } = loaded as Loaded;
    const table = await within(canvasElement).findByRole("table", { name: "Users" });
    const row = (name: string) => within(table).findByRole("row", { name: new RegExp(name) });
    await expect(within(await row(people.expired.displayName)).getByText("Expired")).toBeInTheDocument();
    await expect(
      within(await row(people.expiring.displayName)).getByText("Expires in 12 days"),
    ).toBeInTheDocument();
  },
};

/** The toolbar's filter: only providers whose credentials have expired. */
export const ExpiredFilter: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { people } = loaded as Loaded;
    const canvas = within(canvasElement);
    await canvas.findByRole("table", { name: "Users" });
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Credentials" }), "expired");
    await waitFor(() =>
      expect(within(canvas.getByRole("table", { name: "Users" })).getAllByRole("row")).toHaveLength(2),
    );
    await expect(canvas.getByText(people.expired.displayName)).toBeInTheDocument();
  },
};

/** The same badges on cards, in a phone-wide box. */
export const Cards: Story = {
  render: (args, { loaded, globals }) => (
    <StoryFrame directory={(loaded as Loaded).directory} theme={globals.theme === "dark" ? "dark" : "light"}>
      <div style={{ width: 360 }}>
        <UserDirectory {...args} />
      </div>
    </StoryFrame>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText("Expires in 12 days")).toBeInTheDocument());
    await expect(canvas.getByText("Expired")).toBeInTheDocument();
  },
};
