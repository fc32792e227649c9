import type { StaffDirectory } from "@staffroom/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { StoryFrame, withLatency } from "../../testing/story-helpers";
import { AuditTrail } from "./AuditTrail";
import { type AuditWorld, auditWorld } from "./audit-world";

type Loaded = { audit?: AuditWorld; directory: StaffDirectory };

const meta = {
  title: "Widgets/AuditTrail",
  // The chain's head hash covers salted data, so it differs on every run: the screenshot hides its text.
  parameters: { visual: { mask: [".sr-audit-hash"] } },
  component: AuditTrail,
  args: { pageSize: 50, timeZone: "America/New_York", onExported: fn() },
  loaders: [
    async (): Promise<Loaded> => {
      const audit = await auditWorld();
      return { audit, directory: audit.owner };
    },
  ],
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as Loaded).directory}>
      <AuditTrail {...args} />
    </StoryFrame>
  ),
} satisfies Meta<typeof AuditTrail>;

export default meta;
type Story = StoryObj<typeof meta>;

const rowsOf = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement).findByRole("table", { name: "Audit events" }))
    .getAllByRole("row")
    .slice(1);

/** A morning at Harbor Urgent Care: users created, a role change, a failed sign-in, a disable. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const rows = await rowsOf(canvasElement);
    await expect(rows[0]).toHaveTextContent("Disabled a user");
    await expect(rows.some((r) => /Role from Front Desk\s*→\s*to Provider/.test(r.textContent ?? ""))).toBe(
      true,
    );
    await expect(within(canvasElement).getByText("wrong password")).toBeInTheDocument();
  },
};

/** W14: filter by action, keyboard only; the server answers the filtered page. */
export const FilterByAction: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowsOf(canvasElement);
    canvas.getByLabelText("Action").focus();
    await userEvent.selectOptions(canvas.getByLabelText("Action"), "Changed a user's role");
    await waitFor(async () => expect(await rowsOf(canvasElement)).toHaveLength(1));
    await expect(canvas.getByText("1 of 1 event")).toBeInTheDocument();
  },
};

/**
 * The target filter open: a searchable combobox, users, roles, locations and the organization each
 * under its heading; typed text narrows every group. Keyboard only.
 */
export const TargetCombobox: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowsOf(canvasElement);
    const target = canvas.getByRole("combobox", { name: "Target" });
    target.focus();
    await userEvent.keyboard("{Alt>}{ArrowDown}{/Alt}");
    const list = canvas.getByRole("listbox", { name: "Target" });
    await expect(within(list).getByRole("group", { name: "Locations" })).toBeInTheDocument();
    await userEvent.keyboard("clinic");
    await expect(within(list).queryByRole("group", { name: "Roles" })).toBeNull();
    await userEvent.keyboard("{ArrowDown}");
    await expect(target).toHaveAttribute("aria-activedescendant");
  },
};

/** W14: filter by actor with the keyboard alone: part of a name, Enter; the trail follows. */
export const FilterByActor: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { audit } = loaded as Loaded;
    if (!audit) throw new Error("fixture");
    const canvas = within(canvasElement);
    await rowsOf(canvasElement);
    canvas.getByRole("combobox", { name: "Actor" }).focus();
    await userEvent.keyboard(`${audit.receptionist.displayName.slice(0, 4)}{Enter}`);
    const byActor = await audit.owner.audit.list({ actorId: audit.receptionist.id });
    await waitFor(async () => expect(await rowsOf(canvasElement)).toHaveLength(byActor.total));
  },
};

/** The time in the viewer's zone; focus (or hover) shows it in UTC. */
export const TimeInUtc: Story = {
  play: async ({ canvasElement }) => {
    const [newest] = await rowsOf(canvasElement);
    const time = newest?.querySelector("time");
    if (!time) throw new Error("no time");
    time.focus();
    const tip = within(newest as HTMLElement).getByRole("tooltip");
    await expect(tip).toBeVisible();
    await expect(tip).toHaveTextContent(/ UTC$/);
    await userEvent.keyboard("{Escape}");
    await expect(tip).not.toBeVisible();
  },
};

/** Cursor paging: "Load more" appends the next page and focuses its first event. */
export const LoadMore: Story = {
  args: { pageSize: 6 },
  loaders: [
    async (): Promise<Loaded> => {
      const audit = await auditWorld({ extraEvents: 8 });
      return { audit, directory: audit.owner };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(async () => expect(await rowsOf(canvasElement)).toHaveLength(6));
    await userEvent.click(canvas.getByRole("button", { name: "Load more" }));
    await waitFor(async () => expect(await rowsOf(canvasElement)).toHaveLength(12));
    await expect((await rowsOf(canvasElement))[6]).toHaveFocus();
  },
};

/** Export the filtered events (every page) as CSV: a Blob download named after the org and the date. */
export const ExportCsv: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    await rowsOf(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText("Action"), "Created a user");
    await waitFor(async () => expect(await rowsOf(canvasElement)).toHaveLength(3));
    await userEvent.click(canvas.getByRole("button", { name: "Export CSV" }));
    await expect(
      await canvas.findByText(/^3 events exported to audit-harbor-urgent-care-\d{4}-\d\d-\d\d\.csv\.$/),
    ).toBeInTheDocument();
    const { audit } = loaded as Loaded;
    await expect(args.onExported).toHaveBeenCalledWith(
      expect.objectContaining({
        count: 3,
        csv: expect.stringContaining(`,${audit?.nurse.displayName},success,`),
      }),
    );
  },
};

/** R18: "Verify integrity" walks the hash chain and shows the head to keep elsewhere. */
export const VerifyIntact: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowsOf(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Verify integrity" }));
    await expect(await canvas.findByText("The audit trail is intact")).toBeInTheDocument();
  },
};

/** R18: an event edited in the store behind the service's back is found. */
export const Tampered: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const audit = await auditWorld();
      audit.world.store.unsafe.tamperAuditEvent(audit.world.organization.id, 5, (event) => {
        event.outcome = "failure";
      });
      return { audit, directory: audit.owner };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowsOf(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Verify integrity" }));
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Event #5 was changed after it was written.");
  },
};

/**
 * W6: the receptionist was deleted. Their events stay (what was done, when, role changes) but show
 * “Deleted user” wherever their name or email was, as actor and as target; the CSV export does too.
 */
export const ErasedPerson: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const audit = await auditWorld({ deleteReceptionist: true });
      return { audit, directory: audit.owner };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const rows = await rowsOf(canvasElement);
    await expect(rows[0]).toHaveTextContent("Deleted a user");
    await expect(rows[0]).toHaveTextContent("Deleted user");
    const { audit } = loaded as Loaded;
    const text = canvasElement.textContent ?? "";
    await expect(text).not.toContain(audit?.receptionist.displayName);
    await expect(text).not.toContain(audit?.receptionist.email);
    await expect(text).toContain(audit?.nurse.displayName);
  },
};

/** First paint while the directory answers slowly. */
export const Loading: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const audit = await auditWorld();
      return { directory: withLatency(audit.owner, Number.POSITIVE_INFINITY) };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent("Loading…");
  },
};

/** Filters that match nothing. */
export const EmptyFiltered: Story = {
  args: { initialFilters: { from: "2027-01-01" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("No events match these filters")).toBeInTheDocument();
    await expect(canvas.getByRole("button", { name: "Export CSV" })).toBeDisabled();
  },
};

/** A provider without `audit.view`: the trail is not theirs, said calmly — no error, nothing to retry. */
export const Forbidden: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const audit = await auditWorld();
      return { audit, directory: audit.provider };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText("You don't have access to Audit trail — ask an administrator."),
    ).toBeInTheDocument();
    await expect(canvas.queryByRole("alert")).not.toBeInTheDocument();
    await expect(canvas.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  },
};

/** The dark theme, with a verification result showing. */
export const Dark: Story = {
  render: (args, { loaded }) => (
    <div style={{ background: "#0b1020" }}>
      <StoryFrame directory={(loaded as Loaded).directory} theme="dark">
        <AuditTrail {...args} />
      </StoryFrame>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rowsOf(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Verify integrity" }));
    await expect(await canvas.findByText("The audit trail is intact")).toBeInTheDocument();
  },
};

/** The target combobox open, and a time's UTC tooltip, in the dark theme. */
export const DarkCombobox: Story = {
  ...Dark,
  play: async (context) => {
    await TimeInUtc.play?.(context);
    await TargetCombobox.play?.(context);
  },
};
