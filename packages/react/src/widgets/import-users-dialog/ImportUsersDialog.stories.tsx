import type { StaffDirectory } from "@staffroom/core";
import { importSample } from "@staffroom/core/fixtures";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { seededWorld } from "../../testing/seeded-world";
import { StoryFrame, withLatency } from "../../testing/story-helpers";
import type { CsvTable } from "./csv";
import { ImportUsersDialog } from "./ImportUsersDialog";

interface Loaded {
  readonly directory: StaffDirectory;
  readonly table?: CsvTable;
}

/** A loader: a seeded world (case management off, so the sample's case-manager row is wrong) and a sample file. */
const load =
  (options: { rows?: number; mistakes?: boolean; latency?: number } = {}) =>
  async (): Promise<Loaded> => {
    const seeded = await seededWorld({ users: 3, features: { caseManagement: false } });
    const roles = seeded.roles.filter((r) => r.template !== "administrator").map((r) => r.name);
    const locations = seeded.locations.map((l) => l.name);
    const directory = options.latency ? withLatency(seeded.owner, options.latency) : seeded.owner;
    if (options.rows === undefined) return { directory };
    const sample = importSample({
      roles,
      locations,
      count: options.rows,
      mistakes: options.mistakes ?? true,
    });
    return { directory, table: { columns: sample.columns, rows: sample.rows } };
  };

const meta = {
  title: "Dialogs/ImportUsersDialog",
  component: ImportUsersDialog,
  args: { open: true, onOpenChange: () => undefined },
  loaders: [load()],
  render: (args, { loaded }) => {
    const { directory, table } = loaded as Loaded;
    return (
      <StoryFrame directory={directory}>
        <ImportUsersDialog {...args} {...(table ? { initialTable: table } : {})} />
      </StoryFrame>
    );
  },
} satisfies Meta<typeof ImportUsersDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const dialogOf = (canvasElement: HTMLElement) =>
  within(canvasElement.ownerDocument.body).findByRole("dialog", { name: "Import staff from a CSV file" });

/** Empty: choose a file or paste rows; the template downloads from here. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(within(dialog).getByText("Step 1 of 4: Choose a file")).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Next" }));
    await expect(within(dialog).getByRole("alert")).toHaveTextContent("Choose a file or paste some rows.");
  },
};

/** Columns matched from the header; every choice can be changed. */
export const Mapping: Story = {
  loaders: [load({ rows: 20, mistakes: false })],
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(within(dialog).getByRole("combobox", { name: "Email" })).toHaveValue("Email");
    await expect(within(dialog).getByRole("combobox", { name: "Initials" })).toHaveValue("");
  },
};

/** A clean file checked: 20 would be invited, nothing written yet. */
export const Preview: Story = {
  loaders: [load({ rows: 20, mistakes: false })],
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await userEvent.click(within(dialog).getByRole("button", { name: "Check the file" }));
    await expect(await within(dialog).findByRole("button", { name: "Import 20 rows" })).toBeEnabled();
  },
};

/** The demo's sample: 200 staff, 12 rows wrong in 12 different ways, shown first, each on its cell. */
export const Errors: Story = {
  loaders: [load({ rows: 200 })],
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await userEvent.click(within(dialog).getByRole("button", { name: "Check the file" }));
    const table = await within(dialog).findByRole("table", { name: "Rows, errors first" });
    const rows = within(table).getAllByRole("row").slice(1);
    await expect(rows.slice(0, 12).every((r) => r.getAttribute("data-status") === "error")).toBe(true);
    await expect(rows[12]?.getAttribute("data-status")).toBe("invited");
    await expect(within(dialog).getByRole("button", { name: "Import 188 rows" })).toBeEnabled();
  },
};

/** Committing 200 rows in parts of 25, with a progress bar (each call delayed 150 ms). */
export const Committing: Story = {
  args: { partSize: 25 },
  loaders: [load({ rows: 200, latency: 150 })],
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await userEvent.click(within(dialog).getByRole("button", { name: "Check the file" }));
    await userEvent.click(await within(dialog).findByRole("button", { name: "Import 188 rows" }));
    const bar = await within(dialog).findByRole("progressbar", { name: "Import progress" });
    await expect(bar).toHaveAttribute("max", "188");
  },
};

/** Done: counts, the rows, the report to download. */
export const Done: Story = {
  loaders: [load({ rows: 30 })],
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await userEvent.click(within(dialog).getByRole("button", { name: "Check the file" }));
    await userEvent.click(await within(dialog).findByRole("button", { name: /^Import \d+ rows$/ }));
    await expect(await within(dialog).findByText("Import finished")).toBeInTheDocument();
    await expect(within(dialog).getByRole("button", { name: "Download the report" })).toBeEnabled();
  },
};

/** Thousands of rows: 5 000 checked in one call; the preview shows 100, errors first. */
export const ThousandsOfRows: Story = {
  loaders: [load({ rows: 5000 })],
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await userEvent.click(within(dialog).getByRole("button", { name: "Check the file" }));
    await waitFor(
      () =>
        expect(
          within(dialog).getByText("Showing 100 of 5,000 rows. The report has them all."),
        ).toBeInTheDocument(),
      { timeout: 30_000 },
    );
  },
};
