import type { StaffDirectory } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { seededWorld } from "../../testing/seeded-world";
import { StoryFrame } from "../../testing/story-helpers";
import { UserDirectory } from "./UserDirectory";

type Loaded = { directory: StaffDirectory };

/** A phone held upright (390 px): the directory's own box is what decides, not the window. */
const PHONE_PX = 390;

// "ResizeObserver loop" errors on window while a story runs: the switch to cards must not resize
// the box inside the observer's own callback (a host's error monitoring would report each one).
let resizeLoops = 0;
const countResizeLoops = (event: ErrorEvent) => {
  if (String(event.message).includes("ResizeObserver loop")) resizeLoops += 1;
};
const frame = () => new Promise((done) => requestAnimationFrame(() => done(undefined)));

const meta = {
  title: "Widgets/UserDirectory/Cards",
  component: UserDirectory,
  // Opens in the 390 px phone viewport (.storybook/preview.tsx), in Storybook and in the story tests.
  globals: { viewport: { value: "phone", isRotated: false } },
  args: { pageSize: 25, searchDebounceMs: 0 },
  loaders: [async (): Promise<Loaded> => ({ directory: (await seededWorld({ users: 12 })).owner })],
  beforeEach: () => {
    resizeLoops = 0;
    window.addEventListener("error", countResizeLoops);
    return () => window.removeEventListener("error", countResizeLoops);
  },
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <div style={{ maxWidth: PHONE_PX }} data-testid="phone">
        <UserDirectory {...args} />
      </div>
    </StoryFrame>
  ),
} satisfies Meta<typeof UserDirectory>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Below 640 px the directory is a list of cards: the person, email, role, locations, dates and
 * status, and the row's own ⋯ menu always in view — nothing scrolls sideways.
 */
export const Phone: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole("list", { name: "Users" });
    await expect(canvas.queryByRole("table", { name: "Users" })).not.toBeInTheDocument();
    const phone = canvas.getByTestId("phone").getBoundingClientRect();
    const cards = within(list).getAllByRole("listitem");
    await expect(cards.length).toBeGreaterThan(5);
    for (const card of cards) {
      const button = within(card)
        .getByRole("button", { name: /^Actions for / })
        .getBoundingClientRect();
      await expect(button.right).toBeLessThanOrEqual(phone.right);
      await expect(within(card).getByText("Status")).toBeInTheDocument();
    }
    const phoneBox = canvas.getByTestId("phone");
    await expect(phoneBox.scrollWidth).toBeLessThanOrEqual(phoneBox.clientWidth);
    await frame();
    await frame();
    await expect(resizeLoops).toBe(0);
  },
};

/** The card's ⋯ is the row's menu, keyboard and all: Enter opens it on its first action. */
export const CardMenu: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const list = await canvas.findByRole("list", { name: "Users" });
    const first = within(list).getAllByRole("listitem")[0] as HTMLElement;
    within(first)
      .getByRole("button", { name: /^Actions for / })
      .focus();
    await userEvent.keyboard("{Enter}");
    const menu = await body.findByRole("menu");
    await waitFor(() => expect(within(menu).getAllByRole("menuitem")[0]).toHaveFocus());
    await expect(within(menu).getByRole("menuitem", { name: "Edit" })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(within(first).getByRole("button", { name: /^Actions for / })).toHaveFocus());
  },
};

/** "Select all" heads the list; a selected card is marked and the bulk bar offers its actions. */
export const SelectAll: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("list", { name: "Users" });
    await userEvent.click(await canvas.findByRole("checkbox", { name: "Select all users on this page" }));
    await expect(await canvas.findByRole("toolbar", { name: "Bulk actions" })).toBeInTheDocument();
  },
};

/** The same cards in the dark theme. */
export const PhoneDark: Story = {
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory} theme="dark">
      <div style={{ maxWidth: PHONE_PX }}>
        <UserDirectory {...args} />
      </div>
    </StoryFrame>
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("list", { name: "Users" })).toBeInTheDocument();
  },
};
