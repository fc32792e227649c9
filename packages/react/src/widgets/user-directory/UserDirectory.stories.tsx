import type { StaffDirectory } from "@staffroom/core";
import { FIXTURE_PASSWORD, memoryWorld } from "@staffroom/core/fixtures";
import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ReactNode } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { type SeededWorld, seededWorld } from "../../testing/seeded-world";
import { loadErrorStory } from "../../testing/state-stories";
import { StoryFrame, withLatency } from "../../testing/story-helpers";
import { useStoryText } from "../../testing/story-locale";
import { useUserDirectoryContext } from "./directory-context";
import { UserDirectory } from "./UserDirectory";

type Loaded = { seeded?: SeededWorld; directory: StaffDirectory };

const meta = {
  title: "Widgets/UserDirectory",
  component: UserDirectory,
  args: { pageSize: 50, searchDebounceMs: 250 },
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 36 });
      return { seeded, directory: seeded.owner };
    },
  ],
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <UserDirectory {...args} />
    </StoryFrame>
  ),
} satisfies Meta<typeof UserDirectory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The owner's view: every tab, filter, action and bulk action. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole("table", { name: "Users" });
    await expect(canvas.getByRole("tab", { name: /Active/ })).toHaveAttribute("aria-selected", "true");
    await expect(within(table).getAllByRole("row").length).toBeGreaterThan(10);
  },
};

/** Keyboard only: tab to the search, type, arrow through the tabs. */
export const KeyboardSearch: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table", { name: "Users" });
    const search = canvas.getByRole("searchbox", { name: "Search users" });
    search.focus();
    await userEvent.keyboard("nurse-that-does-not-exist");
    await expect(await canvas.findByText("No users match your search")).toBeInTheDocument();
    await userEvent.clear(search);
    await userEvent.keyboard("Smith");
    await waitFor(() => expect(canvas.getByRole("table", { name: "Users" })).toBeInTheDocument());
    canvas.getByRole("tab", { name: /Active/ }).focus();
    await userEvent.keyboard("{ArrowRight}");
    await expect(canvas.getByRole("tab", { name: /Pending/ })).toHaveAttribute("aria-selected", "true");
  },
};

/** A row action from the menu, confirmed in a dialog, keyboard only. */
export const DisableFromMenu: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await canvas.findByRole("table", { name: "Users" });
    const { seeded } = loaded as Loaded;
    const target = seeded?.users[5]; // 0–1 are disabled and 3 is locked by the seed
    if (!target) throw new Error("fixture");
    // Read the rows' ⋯ buttons before the modal dialog hides the page from the accessibility tree.
    const menus = canvas.getAllByRole("button", { name: /^Actions for / });
    const at = menus.findIndex((b) => b.getAttribute("aria-label") === `Actions for ${target.displayName}`);
    const next = menus[at + 1]?.getAttribute("aria-label") ?? "";
    expect(next).not.toBe("");
    canvas.getByRole("button", { name: `Actions for ${target.displayName}` }).focus();
    await userEvent.keyboard("{Enter}");
    const disable = await body.findByRole("menuitem", { name: "Disable" });
    disable.focus();
    await userEvent.keyboard("{Enter}");
    const dialog = await body.findByRole("dialog", { name: `Disable ${target.displayName}?` });
    await userEvent.click(within(dialog).getByRole("button", { name: "Disable user" }));
    await expect(await canvas.findByText(`${target.displayName} was disabled.`)).toBeInTheDocument();
    // The row left the Active tab: focus is on the ⋯ button of the row now in its place.
    await waitFor(() => expect(canvas.getByRole("button", { name: next })).toHaveFocus());
  },
};

/**
 * A bulk disable asks first (issue 13): it names the people (the first three, then how many more),
 * says they are signed out, and lists who is skipped with core's reason — here the owner herself.
 */
export const BulkDisableConfirm: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await canvas.findByRole("table", { name: "Users" });
    const { seeded } = loaded as Loaded;
    const owner = seeded?.world.owner;
    const picked = [owner, seeded?.users[5], seeded?.users[6], seeded?.users[7], seeded?.users[8]];
    for (const person of picked) {
      if (!person) throw new Error("fixture");
      // Rows past the first screenful paint a frame after the table, and selection boxes once the
      // actor's offers arrive: wait for the box itself.
      await userEvent.click(await canvas.findByRole("checkbox", { name: `Select ${person.displayName}` }));
    }
    const bar = canvas.getByRole("toolbar", { name: "Bulk actions" });
    await userEvent.click(within(bar).getByRole("button", { name: "Disable" }));
    const dialog = await body.findByRole("dialog", { name: "Disable 4 users?" });
    await expect(dialog).toHaveTextContent(/signed out/);
    await expect(dialog).toHaveTextContent("and 1 more");
    await expect(dialog).toHaveTextContent(`${owner?.displayName}: You cannot disable yourself.`);
  },
};

/**
 * A host's own composition of the parts: invite only, no bulk bar, the search and filters below
 * the table, and the total of the tab in the host's own words through `useUserDirectoryContext`.
 */
export const CustomComposition: Story = {
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <UserDirectory.Root pageSize={args.pageSize ?? 50} searchDebounceMs={args.searchDebounceMs ?? 250}>
        <UserDirectory.Header hideCreate />
        <UserDirectory.Tabs />
        <UserDirectory.Notice />
        <UserDirectory.Table />
        <UserDirectory.Toolbar />
        <TabTotal />
        <UserDirectory.Pagination />
      </UserDirectory.Root>
    </StoryFrame>
  ),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole("table", { name: "Users" });
    const search = canvas.getByRole("searchbox", { name: "Search users" });
    await expect(table.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await expect(canvas.queryByRole("button", { name: "New user" })).not.toBeInTheDocument();
    const first = within(table).getAllByRole("checkbox", { name: /^Select / })[1];
    if (!first) throw new Error("no selectable row");
    await userEvent.click(first);
    await expect(first).toBeChecked();
    await expect(canvas.queryByRole("toolbar", { name: "Bulk actions" })).not.toBeInTheDocument();
    const target = (loaded as Loaded).seeded?.clinicManagerUser;
    if (!target) throw new Error("fixture");
    await userEvent.type(search, target.email);
    await waitFor(() => expect(canvas.getByText("1 in this tab")).toBeInTheDocument());
  },
};

/** A custom part: the total of the tab shown, from the directory's context. */
function TabTotal(): ReactNode {
  const directory = useUserDirectoryContext();
  const total = directory.list.data?.total;
  const inThisTab = useStoryText("in this tab", "en esta pestaña");
  return (
    <p className="sr-muted" style={{ margin: "0 24px" }}>
      {total === undefined ? "" : `${total} ${inThisTab}`}
    </p>
  );
}

/** First paint while the directory answers slowly. */
export const Loading: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 4 });
      return { seeded, directory: withLatency(seeded.owner, Number.POSITIVE_INFINITY) };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent("Loading…");
  },
};

/** A new organization: only the owner, nobody pending. */
export const Empty: Story = {
  args: { initialStatus: "pending" },
  loaders: [
    async (): Promise<Loaded> => {
      const world = await memoryWorld();
      return { directory: world.as(world.owner.id) as StaffDirectory };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("No pending invitations")).toBeInTheDocument();
  },
};

/** The session's user no longer exists: core answers an error and the widget offers a retry. */
export const ErrorState: Story = loadErrorStory("The users could not be loaded.");

/** 10 000 users: server-side search and cursor paging keep it fast. */
export const TenThousandUsers: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 12, bulkUsers: 10_000 });
      return { seeded, directory: seeded.owner };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table", { name: "Users" });
    await expect(canvas.getByText(/^1–50 of \d{1,2},\d{3}$/)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Next page" }));
    await expect(await canvas.findByText(/^51–100 of/)).toBeInTheDocument();
  },
};

/** Read-only staff: the list, no management controls (core's can() and users.actions()). */
export const ReadOnlyActor: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 12 });
      return { seeded, directory: seeded.readOnly };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table", { name: "Users" });
    await expect(canvas.queryByRole("button", { name: "Invite user" })).not.toBeInTheDocument();
  },
};

/**
 * A clinic manager limited to two clinics sees and manages only their staff (R4); on a Billing Lead
 * of its clinic, whose permissions it lacks (R3), every action is disabled with core's reason.
 */
export const DelegatedClinicManager: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 30 });
      const billing = seeded.roles.find((r) => r.name === "Billing Manager");
      const clinic = seeded.clinicManagerUser.primaryLocationId;
      if (!billing) throw new Error("fixture");
      await seeded.owner.users.create({
        email: "bill.lead@harbor-urgent-care.example",
        profile: { givenName: "Aaron", familyName: "Billing", jobTitle: "Billing lead" },
        roleId: billing.id,
        locationAccess: [clinic],
        primaryLocationId: clinic,
        password: FIXTURE_PASSWORD,
      });
      return { seeded, directory: seeded.clinicManager };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    await canvas.findByRole("table", { name: "Users" });
    await expect(canvas.getByRole("button", { name: "Invite user" })).toBeInTheDocument();
    await userEvent.click(await canvas.findByRole("button", { name: "Actions for Aaron Billing" }));
    const disable = await body.findByRole("menuitem", { name: /^Disable/ });
    await expect(disable).toHaveAttribute("aria-disabled", "true");
    await expect(disable).toHaveTextContent("This user holds permissions you do not have.");
    await userEvent.keyboard("{Escape}");
  },
};

/** The dark theme. */
export const Dark: Story = {
  render: (args, { loaded }) => (
    <div style={{ background: "#0b1020" }}>
      <StoryFrame directory={(loaded as Loaded).directory} theme="dark">
        <UserDirectory {...args} />
      </StoryFrame>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("table", { name: "Users" });
  },
};

/** Compact density for dense settings screens. */
export const Compact: Story = {
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory} density="compact">
      <UserDirectory {...args} />
    </StoryFrame>
  ),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("table", { name: "Users" });
  },
};

/**
 * R12 in bulk: each selected row goes with the version it was read at. Another administrator edits
 * one of them after the list loaded; that row alone is refused as stale (and stays selected with
 * core's reason), the other is disabled.
 */
export const BulkStaleRow: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table", { name: "Users" });
    const { seeded } = loaded as Loaded;
    const [changed, kept] = [seeded?.users[5], seeded?.users[6]];
    if (!seeded || !changed || !kept) throw new Error("fixture");
    await userEvent.click(await canvas.findByRole("checkbox", { name: `Select ${changed.displayName}` }));
    await userEvent.click(await canvas.findByRole("checkbox", { name: `Select ${kept.displayName}` }));
    // Someone else edits one selected user; this page still shows the version it read.
    await seeded.owner.users.update(
      changed.id,
      { profile: { jobTitle: "Moved on" } },
      { version: changed.version },
    );
    const bar = canvas.getByRole("toolbar", { name: "Bulk actions" });
    await userEvent.click(within(bar).getByRole("button", { name: "Disable" }));
    const confirm = await within(document.body).findByRole("dialog", { name: "Disable 2 users?" });
    await userEvent.click(within(confirm).getByRole("button", { name: "Disable 2 users" }));
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent(`${changed.displayName}: This record changed since you read it.`);
    await expect((await seeded.owner.users.get(kept.id)).status).toBe("disabled");
    await expect((await seeded.owner.users.get(changed.id)).status).toBe("active");
  },
};

/**
 * The Pending tab a week and a day after the invitations went out: each row says when it was sent,
 * when it expires (Expired, as core says) and how many times it was sent; one was sent again and is
 * live. Resend sits in the row.
 */
export const PendingExpiredInvitations: Story = {
  args: { initialStatus: "pending" },
  loaders: [
    async (): Promise<Loaded> => {
      const seeded = await seededWorld({ users: 36 });
      const [first] = (await seeded.owner.users.list({ status: "pending" })).items;
      seeded.world.clock.advance(8 * 24 * 3600_000);
      if (first) await seeded.owner.users.resendInvitation(first.id, { version: first.version });
      return { seeded, directory: seeded.owner };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole("table", { name: "Users" });
    await expect(within(table).getByRole("columnheader", { name: "Expires" })).toBeInTheDocument();
    await waitFor(() => expect(within(table).getAllByText("Expired").length).toBeGreaterThan(0));
    await expect(
      within(table).getAllByRole("button", { name: /^Resend invitation to / }).length,
    ).toBeGreaterThan(0);
  },
};

/**
 * The Pending tab is wider than a 700 px box: its table scrolls sideways. The browser brings a
 * half-hidden ⋯ button into view just before the click lands (as a pointer or Playwright does); the
 * scroll event comes a frame later and must not close the menu that click opened (issue 13: the
 * first click on a Pending row's ⋯ opened no menu).
 */
export const PendingRowMenuInScrolledTable: Story = {
  args: { initialStatus: "pending" },
  render: (args, { loaded }) => (
    <div style={{ width: 700 }}>
      <StoryFrame directory={(loaded as Loaded).directory}>
        <UserDirectory {...args} />
      </StoryFrame>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole("table", { name: "Users" });
    const wrap = table.parentElement;
    if (!wrap) throw new Error("the table's scrolling box");
    await waitFor(() => expect(wrap.scrollWidth).toBeGreaterThan(wrap.clientWidth));
    const [more] = within(table).getAllByRole("button", { name: /^Actions for / });
    if (!more) throw new Error("fixture: a pending row");
    // The scroll into view and the click in one task, as a click on a half-hidden button has them.
    wrap.scrollLeft = 0;
    more.scrollIntoView({ block: "nearest", inline: "nearest" });
    more.click();
    // Two frames: the scroll event has been dispatched.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    await new Promise((done) => setTimeout(done, 50));
    await expect(more).toHaveAttribute("aria-expanded", "true");
    await expect(within(canvasElement.ownerDocument.body).getByRole("menu")).toBeVisible();
  },
};
