import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { englishMessages as m } from "../../messages/messages";
import { seededWorld } from "../../testing/seeded-world";
import { UserDirectory } from "./UserDirectory";

// Issue 13 item 3: a bulk disable asks first, as a single one does — naming the people, saying they
// are signed out, and who is skipped with core's reason (never a rule of the widget's own).

describe("UserDirectory bulk disable", () => {
  it("confirms first, naming the people and the skipped with core's reasons; Cancel changes nothing", async () => {
    const seeded = await seededWorld({ users: 8 });
    const me = await seeded.owner.me();
    const { user } = renderWith(seeded.owner, <UserDirectory />);
    await screen.findByRole("table", { name: "Users" });
    const before = await seeded.owner.users.counts();
    await user.click(screen.getByRole("checkbox", { name: m.directory.selectAll }));
    const bar = screen.getByRole("toolbar", { name: m.directory.bulkLabel });
    await user.click(within(bar).getByRole("button", { name: "Disable" }));

    // Core's verdicts on the page: the owner may not disable herself, everyone else may be.
    const page = (await seeded.owner.users.list({ status: "active" })).items;
    const verdicts = page.map((u) => ({
      user: u,
      verdict: seeded.owner.users.actions(u).find((a) => a.action === "disable")?.verdict,
    }));
    const allowed = verdicts.filter((v) => v.verdict?.allowed).map((v) => v.user);
    const refused = verdicts.filter((v) => !v.verdict?.allowed);
    expect(refused.map((r) => r.user.id)).toContain(me.user.id);

    const dialog = await screen.findByRole("dialog", {
      name: m.directory.bulkConfirmDisable(allowed.length),
    });
    expect(dialog).toHaveTextContent(/signed out/);
    expect(dialog).toHaveTextContent(`and ${allowed.length - 3} more`);
    for (const { user: skipped, verdict } of refused) {
      const reason = verdict && !verdict.allowed ? verdict.message : m.directory.bulkNotOffered;
      expect(within(dialog).getByText(`${skipped.displayName}: ${reason}`)).toBeInTheDocument();
    }
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await seeded.owner.users.counts()).toEqual(before);

    await user.click(
      within(screen.getByRole("toolbar", { name: m.directory.bulkLabel })).getByRole("button", {
        name: "Disable",
      }),
    );
    const again = await screen.findByRole("dialog", { name: m.directory.bulkConfirmDisable(allowed.length) });
    await user.click(
      within(again).getByRole("button", { name: m.directory.bulkConfirmDisableAction(allowed.length) }),
    );
    await waitFor(async () =>
      expect((await seeded.owner.users.counts()).active).toBe(before.active - allowed.length),
    );
    expect((await seeded.owner.users.get(me.user.id)).status).toBe("active");
  });
});
