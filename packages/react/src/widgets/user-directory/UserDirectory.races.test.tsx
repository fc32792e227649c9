import type { StaffDirectory, User, UserQuery } from "@staffroom/core";
import { act, fireEvent, render, renderHook, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { heldDirectory } from "../../../test/held-directory";
import { renderWith } from "../../../test/render";
import { useDeleteUser } from "../../hooks/user-mutations";
import { StaffroomProvider } from "../../provider/StaffroomProvider";
import { createQueryCache, type QueryCache } from "../../query/query-cache";
import { seededWorld } from "../../testing/seeded-world";
import { UserDirectory } from "./UserDirectory";

// Answers that arrive late or out of order, as on a loaded machine: the real memory backend, with
// chosen calls held until the test releases (or fails) them. Whatever the order, the directory must
// end up showing the store as it is, and must never stay marked busy.

const panel = () => screen.getByRole("tabpanel");
const searchBox = () => screen.getByRole("searchbox", { name: "Search users" });
const shownEmails = () =>
  within(panel())
    .queryAllByRole("row")
    .slice(1)
    .map((row) => row.textContent ?? "");
const isDisabledList = (q: unknown) => (q as UserQuery).status === "disabled" && !(q as UserQuery).search;

async function twoDisabled(directory: StaffDirectory): Promise<[User, User]> {
  const [first, second] = (await directory.users.list({ status: "disabled" })).items;
  if (!first || !second) throw new Error("fixture: two disabled users");
  return [first, second];
}

/** Waits until the directory shows exactly these people and nothing in it is marked busy. */
async function settledOn(emails: readonly string[]): Promise<void> {
  await waitFor(() => {
    const shown = shownEmails();
    expect(shown).toHaveLength(emails.length);
    for (const email of emails) expect(shown.some((text) => text.includes(email))).toBe(true);
    expect(panel()).not.toHaveAttribute("aria-busy");
    expect(screen.getByRole("table", { name: "Users" })).not.toHaveAttribute("aria-busy");
  });
}

describe("UserDirectory when answers arrive late or out of order", () => {
  it("W6: a list read before a delete that answers after it does not bring the deleted user back", async () => {
    const seeded = await seededWorld({ users: 4 });
    const [target, other] = await twoDisabled(seeded.owner);
    const held = heldDirectory(seeded.owner);
    // The Disabled tab's first page is slow: it is read now (with the target) and answers later.
    const firstPage = held.hold("users.list", isDisabledList);
    const { user } = renderWith(
      held.directory,
      <UserDirectory initialStatus="disabled" searchDebounceMs={0} />,
    );
    await firstPage.made;

    // Meanwhile the administrator finds the target and deletes them.
    await user.type(searchBox(), target.email);
    await settledOn([target.email]);
    await user.click(screen.getByRole("button", { name: `Actions for ${target.displayName}` }));
    await user.click(await screen.findByRole("menuitem", { name: "Delete permanently" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText(`Type ${target.email} to confirm`), target.email);
    await user.click(within(dialog).getByRole("button", { name: "Delete permanently" }));
    expect(await screen.findByText(`${target.displayName} was deleted.`)).toBeInTheDocument();

    // The page read before the delete arrives now; then the search is cleared.
    firstPage.release();
    await user.clear(searchBox());
    await settledOn([other.email]);
  });

  it("a search whose page fails shows the error and a retry instead of the previous page marked busy", async () => {
    const seeded = await seededWorld({ users: 4 });
    const held = heldDirectory(seeded.owner);
    const { user } = renderWith(held.directory, <UserDirectory searchDebounceMs={0} />);
    const everyone = (await seeded.owner.users.list({ status: "active" })).items.map((u) => u.email);
    await settledOn(everyone);
    const owner = seeded.world.owner;

    const search = held.hold("users.list", (q) => (q as UserQuery).search === owner.email);
    await user.click(searchBox());
    await user.paste(owner.email);
    await search.made;
    search.fail(new TypeError("Failed to fetch"));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The users could not be loaded.");
    expect(screen.queryByRole("table", { name: "Users" })).not.toBeInTheDocument();
    expect(panel()).not.toHaveAttribute("aria-busy");

    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    await settledOn([owner.email]);
  });

  it("the panel is busy from the keystroke until the search's page shows, even over an empty state", async () => {
    const seeded = await seededWorld({ users: 4 });
    const held = heldDirectory(seeded.owner);
    const { user } = renderWith(held.directory, <UserDirectory searchDebounceMs={0} />);
    const everyone = (await seeded.owner.users.list({ status: "active" })).items.map((u) => u.email);
    await settledOn(everyone);
    await user.click(searchBox());
    await user.paste("nobody-by-this-name");
    expect(await screen.findByText("No users match your search")).toBeInTheDocument();
    await waitFor(() => expect(panel()).not.toHaveAttribute("aria-busy"));

    // The next search's page is slow: the empty state of the last search is not its answer.
    const owner = seeded.world.owner;
    const page = held.hold("users.list", (q) => (q as UserQuery).search === owner.email);
    // One change from the old text to the new (typing would search every prefix on the way).
    fireEvent.change(searchBox(), { target: { value: owner.email } });
    await page.made;
    expect(screen.getByText("No users match your search")).toBeInTheDocument();
    expect(panel()).toHaveAttribute("aria-busy", "true");
    page.release();
    await settledOn([owner.email]);
  });

  it("a directory unmounted while its page loads, remounted after a delete elsewhere, shows the store as it is", async () => {
    const seeded = await seededWorld({ users: 4 });
    const [target, other] = await twoDisabled(seeded.owner);
    const held = heldDirectory(seeded.owner);
    const cache: QueryCache = createQueryCache();
    // Two screens of one host: the same directory and the same query cache.
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <StaffroomProvider directory={held.directory} cache={cache}>
        {children}
      </StaffroomProvider>
    );
    const firstPage = held.hold("users.list", isDisabledList);
    const view = render(<UserDirectory initialStatus="disabled" />, { wrapper });
    await firstPage.made;
    view.rerender(null);

    // Another screen of the same host deletes the target while the old page is still on its way.
    const { result } = renderHook(() => useDeleteUser(), { wrapper });
    await act(() => result.current.mutate(target));
    firstPage.release();

    view.rerender(<UserDirectory initialStatus="disabled" />);
    await settledOn([other.email]);
  });

  it("switching organization never shows the previous organization's people, even while the new list loads", async () => {
    const seeded = await seededWorld({ users: 4 });
    const elsewhere = await seeded.world.bootstrapAnother();
    const otherOrg = heldDirectory(
      (await seeded.world.as(elsewhere.owner.id, elsewhere.organization.id)) as StaffDirectory,
    );
    const here = (await seeded.owner.users.list({ status: "active" })).items.map((u) => u.email);
    const view = render(
      <StaffroomProvider directory={seeded.owner}>
        <UserDirectory searchDebounceMs={0} />
      </StaffroomProvider>,
    );
    await settledOn(here);

    const list = otherOrg.hold("users.list");
    view.rerender(
      <StaffroomProvider directory={otherOrg.directory}>
        <UserDirectory searchDebounceMs={0} />
      </StaffroomProvider>,
    );
    await list.made;
    expect(screen.queryByRole("table", { name: "Users" })).not.toBeInTheDocument();
    expect(panel()).toHaveAttribute("aria-busy", "true");
    for (const email of here) expect(screen.queryByText(email)).not.toBeInTheDocument();

    list.release();
    await settledOn([elsewhere.owner.email]);
  });
});
