import type { UserStatus } from "@staffroom/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { type ReactNode, useState } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { renderWith } from "../../../test/render";
import { StaffroomProvider } from "../../provider/StaffroomProvider";
import { type SeededWorld, seededWorld } from "../../testing/seeded-world";
import { useUserDirectoryContext } from "./directory-context";
import { UserDirectory } from "./UserDirectory";
import type { UserDirectoryPage, UserDirectorySelection } from "./use-directory-state";
import { useUserDirectory } from "./use-user-directory";

let seeded: SeededWorld;
beforeAll(async () => {
  seeded = await seededWorld({ users: 12 });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const axeViolations = async (container: HTMLElement) =>
  (await axe.run(container, { rules: { "color-contrast": { enabled: false } } })).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`,
  );
const rows = () =>
  within(screen.getByRole("table", { name: "Users" }))
    .getAllByRole("row")
    .slice(1);

interface Changes {
  status: UserStatus[];
  selection: UserDirectorySelection[];
  page: UserDirectoryPage[];
}

/** A host controlling the tab (refusing Pending), the selection and the page. */
function ControllingHost({ changes }: { readonly changes: Changes }): ReactNode {
  const [status, setStatus] = useState<UserStatus>("active");
  const [selection, setSelection] = useState<UserDirectorySelection>({});
  const [page, setPage] = useState<UserDirectoryPage>([]);
  return (
    <>
      <button type="button" onClick={() => setStatus("disabled")}>
        Show disabled
      </button>
      <output aria-label="selected">{Object.keys(selection).filter((k) => selection[k]).length}</output>
      <UserDirectory.Root
        pageSize={4}
        status={status}
        onStatusChange={(s) => {
          changes.status.push(s);
          // The host accepts every tab but Pending.
          if (s !== "pending") setStatus(s);
        }}
        selection={selection}
        onSelectionChange={(s) => {
          changes.selection.push(s);
          setSelection(s);
        }}
        page={page}
        onPageChange={(p) => {
          changes.page.push(p);
          setPage(p);
        }}
      >
        <UserDirectory.Tabs />
        <UserDirectory.Table />
        <UserDirectory.Pagination />
      </UserDirectory.Root>
    </>
  );
}

/** A host holding the directory itself, reading it outside the card. */
function HoldingHost(): ReactNode {
  const directory = useUserDirectory({ pageSize: 5 });
  return (
    <>
      <p>{`${directory.selectedUsers.length} chosen`}</p>
      <UserDirectory.Root value={directory}>
        <UserDirectory.Table />
      </UserDirectory.Root>
    </>
  );
}

/** A custom part, rendered (wrongly) outside Root. */
function OutsideRoot(): ReactNode {
  return <span>{useUserDirectoryContext().users.length}</span>;
}

/** A custom part: the total of the tab shown. */
function TabTotal(): ReactNode {
  const directory = useUserDirectoryContext();
  return <p>{directory.list.data ? `${directory.list.data.total} in this tab` : "…"}</p>;
}

describe("UserDirectory as compound parts", () => {
  it("a custom composition — no bulk bar, the toolbar below the table — works, reads in its own order and is axe-clean", async () => {
    const { user, container } = renderWith(
      seeded.owner,
      <UserDirectory.Root pageSize={5} searchDebounceMs={0}>
        <UserDirectory.Header hideCreate />
        <UserDirectory.Tabs />
        <UserDirectory.Table />
        <UserDirectory.Toolbar />
        <UserDirectory.Pagination />
      </UserDirectory.Root>,
    );
    const table = await screen.findByRole("table", { name: "Users" });
    const search = screen.getByRole("searchbox", { name: "Search users" });
    // Document order is the composition's: the table before the search.
    expect(table.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole("button", { name: "New user" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Invite user" })).toBeInTheDocument();
    // The table is still the tabs' panel, labelled by the selected tab.
    expect(screen.getByRole("tabpanel", { name: /Active/ })).toContainElement(table);
    expect(rows()).toHaveLength(5);

    // Selecting works; without the bulk bar part there is no bulk bar.
    const first = within(rows()[0] as HTMLElement).getByRole("checkbox");
    await user.click(first);
    expect(first).toBeChecked();
    expect(screen.queryByRole("toolbar", { name: "Bulk actions" })).not.toBeInTheDocument();

    // The toolbar below the table still drives it, and paging follows core's cursors.
    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(await screen.findByText(/^6–10 of/)).toBeInTheDocument();
    const target = seeded.clinicManagerUser;
    await user.type(search, target.email);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent(target.displayName);
    expect(await axeViolations(container)).toEqual([]);
  });

  it("without Header and Tabs, the card and the table name themselves and the table is no tab panel", async () => {
    const { container } = renderWith(
      seeded.owner,
      <UserDirectory.Root>
        <UserDirectory.Table />
      </UserDirectory.Root>,
    );
    await screen.findByRole("table", { name: "Users" });
    expect(screen.getByRole("region", { name: "Users" })).toBeInTheDocument();
    expect(screen.queryByRole("tabpanel")).not.toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });

  it("the tab, selection and page can be controlled by the host", async () => {
    const changes: { status: UserStatus[]; selection: UserDirectorySelection[]; page: UserDirectoryPage[] } =
      {
        status: [],
        selection: [],
        page: [],
      };
    const { user } = renderWith(seeded.owner, <ControllingHost changes={changes} />);
    await screen.findByRole("table", { name: "Users" });

    await user.click(screen.getByRole("tab", { name: /Pending/ }));
    expect(changes.status).toEqual(["pending"]);
    expect(screen.getByRole("tab", { name: /Active/ })).toHaveAttribute("aria-selected", "true");

    await user.click(within(rows()[0] as HTMLElement).getByRole("checkbox"));
    expect(screen.getByRole("status", { name: "selected" })).toHaveTextContent("1");
    expect(Object.values(changes.selection.at(-1) ?? {})).toEqual([true]);

    await user.click(screen.getByRole("button", { name: "Next page" }));
    await waitFor(() => expect(changes.page.at(-1)).toHaveLength(1));
    // Paging clears the selection, through the host's callback.
    expect(screen.getByRole("status", { name: "selected" })).toHaveTextContent("0");
    expect(await screen.findByText(/^5–8 of/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Show disabled" }));
    expect(screen.getByRole("tab", { name: /Disabled/ })).toHaveAttribute("aria-selected", "true");
    // The host changed the tab but not the page: page 2's cursor belongs to the Active tab, so the
    // directory shows the first page of Disabled and tells the host.
    const disabled = await seeded.owner.users.list({ status: "disabled" });
    await waitFor(() => expect(rows()).toHaveLength(disabled.items.length));
    expect(changes.page.at(-1)).toEqual([]);
    expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled();
  });

  it("a host holding useUserDirectory reads the directory outside the card", async () => {
    const { user } = renderWith(seeded.owner, <HoldingHost />);
    await screen.findByRole("table", { name: "Users" });
    await user.click(within(rows()[1] as HTMLElement).getByRole("checkbox"));
    expect(screen.getByText("1 chosen")).toBeInTheDocument();
  });

  it("every part, and useUserDirectoryContext, fails loudly outside Root, naming itself", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const parts = ["Header", "Tabs", "Toolbar", "Notice", "BulkBar", "Table", "Pagination"] as const;
    for (const part of parts) {
      const Part = UserDirectory[part];
      expect(() =>
        render(
          <StaffroomProvider directory={seeded.owner}>
            <Part />
          </StaffroomProvider>,
        ),
      ).toThrow(`<UserDirectory.${part}> must be used inside <UserDirectory.Root>`);
    }
    expect(() =>
      render(
        <StaffroomProvider directory={seeded.owner}>
          <OutsideRoot />
        </StaffroomProvider>,
      ),
    ).toThrow("useUserDirectoryContext() must be used inside <UserDirectory.Root>");
  });

  it("a custom part reads the directory through useUserDirectoryContext", async () => {
    renderWith(
      seeded.owner,
      <UserDirectory.Root>
        <TabTotal />
      </UserDirectory.Root>,
    );
    const counts = await seeded.owner.users.counts();
    expect(await screen.findByText(`${counts.active} in this tab`)).toBeInTheDocument();
  });
});
