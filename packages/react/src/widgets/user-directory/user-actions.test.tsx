import type { StaffDirectory, User, UserAction } from "@staffroom/core";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { englishMessages } from "../../messages/messages";
import { seededWorld } from "../../testing/seeded-world";
import { UserDirectory } from "./UserDirectory";
import { useUserDirectory } from "./use-user-directory";
import { type ActionOffer, BULK_ACTIONS, USER_ACTIONS } from "./user-actions";

// The action table decides how an action looks and runs; core decides which actions a row offers.
// These tests give core's `users.actions` a chosen answer and check that the directory shows
// exactly that, each as the table says, and nothing core did not offer.

const m = englishMessages;
const ALL: readonly UserAction[] = Object.keys(USER_ACTIONS) as UserAction[];

/** The real directory, except that `users.actions` allows exactly `offer(user)`. */
function offering(base: StaffDirectory, offer: (user: User) => UserAction[]): StaffDirectory {
  const bind = (target: object) => (value: unknown) =>
    typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  const allowed = (user: User) =>
    offer(user).map((action) => ({ action, verdict: { allowed: true as const } }));
  const users = new Proxy(base.users, {
    get: (target, key) => (key === "actions" ? allowed : bind(target)(Reflect.get(target, key))),
  });
  return new Proxy(base, {
    get: (target, key) => (key === "users" ? users : bind(target)(Reflect.get(target, key))),
  });
}

/** The directory's own parts over `useUserDirectory`, with the offers replaced (as core's verdicts will answer). */
function WithOffers({ offersOf }: { readonly offersOf: (user: User) => readonly ActionOffer[] }) {
  const directory = useUserDirectory();
  return (
    <UserDirectory.Root value={{ ...directory, offersOf }}>
      <UserDirectory.Notice />
      <UserDirectory.Table />
    </UserDirectory.Root>
  );
}

const menuOf = async (user: User) => {
  await screen.findByRole("table", { name: "Users" });
  return screen.getByRole("button", { name: `Actions for ${user.displayName}` });
};
const menuItems = () =>
  within(screen.getByRole("menu"))
    .getAllByRole("menuitem")
    .map((item) => ({ label: item.textContent, tone: item.getAttribute("data-tone") }));

describe("the user action table", () => {
  it("has one entry per action core defines, each with words in the English messages", () => {
    expect([...ALL].sort()).toEqual(
      [
        "delete",
        "disable",
        "edit",
        "resendInvitation",
        "resetPassword",
        "restore",
        "revokeInvitation",
        "unlock",
      ].sort(),
    );
    for (const spec of Object.values(USER_ACTIONS)) {
      expect(spec.label(m)).toBe(m.directory.action[spec.action]);
      expect(spec.done(m, { displayName: "Jane Smith RN" } as User)).toContain("Jane Smith RN");
    }
    // Bulk: disable, restore and delete as buttons, and the role change where editing is offered.
    expect(BULK_ACTIONS.map((s) => [s.action, s.bulk?.kind])).toEqual([
      ["edit", "setRole"],
      ["disable", "button"],
      ["restore", "button"],
      ["delete", "button"],
    ]);
  });

  it("the row menu lists exactly what core offers, in core's order, with the table's labels and tones", async () => {
    const seeded = await seededWorld({ users: 6 });
    const target = seeded.users[5];
    if (!target) throw new Error("fixture");
    const offered: UserAction[] = ["unlock", "edit", "delete", "resetPassword"];
    const directory = offering(seeded.owner, (u) => (u.id === target.id ? offered : []));
    const { user } = renderWith(directory, <UserDirectory />);
    await user.click(await menuOf(target));
    expect(menuItems()).toEqual(
      offered.map((a) => ({ label: USER_ACTIONS[a].label(m), tone: USER_ACTIONS[a].tone })),
    );
    // Nothing core refused: Disable, Restore, the invitation actions are not offered anywhere.
    for (const refused of ALL.filter((a) => !offered.includes(a))) {
      expect(
        screen.queryByRole("menuitem", { name: USER_ACTIONS[refused].label(m) }),
      ).not.toBeInTheDocument();
    }
    await user.keyboard("{Escape}");
    // A row core offers nothing on has an empty menu and cannot be selected.
    const other = seeded.users[4];
    if (!other) throw new Error("fixture");
    expect(screen.getByRole("checkbox", { name: `Select ${other.displayName}` })).toBeDisabled();
    expect(screen.getByRole("checkbox", { name: `Select ${target.displayName}` })).toBeEnabled();
  });

  it("each action runs as the table says: its own dialog, its confirmation, or its write with the table's notice", async () => {
    const seeded = await seededWorld({ users: 6 });
    // 0–1 are disabled, 3 is locked; the seed also invites three people.
    const [disabled, alsoDisabled, active, locked] = await Promise.all(
      seeded.users.slice(0, 4).map((u) => seeded.owner.users.get(u.id)),
    );
    const pending = (await seeded.owner.users.list({ status: "pending" })).items[0];
    if (!disabled || !alsoDisabled || !active || !locked || !pending) throw new Error("fixture");
    const targetOf: Record<UserAction, User> = {
      edit: active,
      disable: active,
      resetPassword: active,
      unlock: locked,
      restore: disabled,
      delete: alsoDisabled,
      resendInvitation: pending,
      revokeInvitation: pending,
    };
    for (const action of ALL) {
      const spec = USER_ACTIONS[action];
      const target = targetOf[action];
      const directory = offering(seeded.owner, (u) => (u.id === target.id ? [action] : []));
      const view = renderWith(directory, <UserDirectory initialStatus={target.status} />);
      await view.user.click(await menuOf(target));
      await view.user.click(screen.getByRole("menuitem", { name: spec.label(m) }));
      if (spec.run.kind === "dialog") {
        const name =
          action === "edit" ? `Edit ${target.displayName}` : m.resetPassword.title(target.displayName);
        expect(await screen.findByRole("dialog", { name }), action).toBeInTheDocument();
      } else if (spec.run.confirm) {
        const dialog = await screen.findByRole("dialog", { name: spec.run.confirm.title(m, target) });
        expect(
          within(dialog).getByRole("button", { name: spec.run.confirm.confirmLabel(m) }),
        ).toBeInTheDocument();
        // Nothing is written before the confirmation.
        expect((await seeded.owner.users.get(target.id)).version).toBe(target.version);
      } else {
        expect(await screen.findByText(spec.done(m, target)), action).toBeInTheDocument();
        expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
      }
      view.unmount();
    }
    // The writes without a confirmation happened.
    expect((await seeded.owner.users.get(disabled.id)).status).toBe("active");
    expect((await seeded.owner.users.get(locked.id)).locked).toBe(false);
  });

  it("the bulk bar offers a bulk action only when core offers it on a selected user", async () => {
    const seeded = await seededWorld({ users: 6 });
    const [, , a, b] = seeded.users;
    if (!a || !b) throw new Error("fixture");
    const directory = offering(seeded.owner, (u) =>
      u.id === a.id ? ["disable", "resetPassword"] : u.id === b.id ? ["edit"] : [],
    );
    const { user } = renderWith(directory, <UserDirectory />);
    await screen.findByRole("table", { name: "Users" });
    await user.click(screen.getByRole("checkbox", { name: `Select ${a.displayName}` }));
    let bar = screen.getByRole("toolbar", { name: "Bulk actions" });
    expect(
      within(bar)
        .getAllByRole("button")
        .map((x) => x.textContent),
    ).toEqual(["Disable", "Clear selection"]);
    expect(within(bar).queryByRole("combobox", { name: "Change role to" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: `Select ${b.displayName}` }));
    bar = screen.getByRole("toolbar", { name: "Bulk actions" });
    expect(within(bar).getByRole("combobox", { name: "Change role to" })).toBeInTheDocument();
    expect(within(bar).queryByRole("button", { name: "Restore" })).not.toBeInTheDocument();
    expect(within(bar).queryByRole("button", { name: "Delete permanently" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: `Select ${a.displayName}` }));
    bar = screen.getByRole("toolbar", { name: "Bulk actions" });
    expect(within(bar).queryByRole("button", { name: "Disable" })).not.toBeInTheDocument();
  });

  it("a bulk delete asks for DELETE first, as the table says, and focus lands on the panel when the bar goes", async () => {
    const seeded = await seededWorld({ users: 6 });
    const { user } = renderWith(seeded.owner, <UserDirectory initialStatus="disabled" />);
    await screen.findByRole("table", { name: "Users" });
    await user.click(screen.getByRole("checkbox", { name: "Select all users on this page" }));
    await user.click(
      within(screen.getByRole("toolbar", { name: "Bulk actions" })).getByRole("button", {
        name: "Delete permanently",
      }),
    );
    const disabled = (await seeded.owner.users.list({ status: "disabled" })).items;
    const dialog = await screen.findByRole("dialog", {
      name: m.directory.bulkConfirmDelete(disabled.length),
    });
    const confirm = within(dialog).getByRole("button", { name: "Delete permanently" });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText("Type DELETE to confirm"), "DELETE");
    await user.click(confirm);
    expect(await screen.findByText(m.directory.bulkResult(disabled.length, 0))).toBeInTheDocument();
    expect((await seeded.owner.users.counts()).disabled).toBe(0);
    // Nothing failed, so the bulk bar (and the button that started it) is gone: focus waits on the panel.
    expect(screen.queryByRole("toolbar", { name: "Bulk actions" })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("tabpanel")).toHaveFocus());
  });

  it("a refused offer shows disabled with its reason beside it, and choosing it does nothing", async () => {
    const seeded = await seededWorld({ users: 6 });
    const target = seeded.users[5];
    if (!target) throw new Error("fixture");
    const reason = "Only the main contact can remove an administrator.";
    const offers: readonly ActionOffer[] = [{ action: "edit" }, { action: "disable", refused: reason }];
    // What core's verdicts will answer: one action allowed, one refused with its reason.
    const offersOf = (u: User) => (u.id === target.id ? offers : []);
    const { user } = renderWith(seeded.owner, <WithOffers offersOf={offersOf} />);
    await user.click(await menuOf(target));
    const disable = screen.getByRole("menuitem", { name: `Disable: ${reason}` });
    expect(disable).toHaveAttribute("aria-disabled", "true");
    await user.click(disable);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect((await seeded.owner.users.get(target.id)).status).toBe("active");
  });

  it("after a confirmed disable focus moves to the ⋯ button of the row now in its place; after a cancelled one, back to the row's own", async () => {
    const seeded = await seededWorld({ users: 6 });
    const [, , first, , second] = seeded.users;
    if (!first || !second) throw new Error("fixture");
    const { user } = renderWith(seeded.owner, <UserDirectory />);
    const openDisable = async (target: User) => {
      await user.click(await menuOf(target));
      await user.click(within(screen.getByRole("menu")).getByRole("menuitem", { name: "Disable" }));
      return screen.findByRole("dialog", { name: `Disable ${target.displayName}?` });
    };

    let dialog = await openDisable(first);
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() =>
      expect(screen.getByRole("button", { name: `Actions for ${first.displayName}` })).toHaveFocus(),
    );

    // The row after the one disabled takes its place, and its ⋯ button the focus.
    const menus = screen.getAllByRole("button", { name: /^Actions for / });
    const at = menus.findIndex((b) => b.getAttribute("aria-label") === `Actions for ${second.displayName}`);
    const next = (menus[at + 1] ?? menus[at - 1])?.getAttribute("aria-label");
    if (!next) throw new Error("fixture: the page needs two rows");
    dialog = await openDisable(second);
    await user.click(within(dialog).getByRole("button", { name: "Disable user" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole("button", { name: next })).toHaveFocus());
    expect(screen.queryByText(second.email)).not.toBeInTheDocument();
  });
});
