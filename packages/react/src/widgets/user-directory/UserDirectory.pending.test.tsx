import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { englishMessages as m } from "../../messages/messages";
import { seededWorld } from "../../testing/seeded-world";
import { UserDirectory } from "./UserDirectory";

// Issue 13 item 5: the Pending tab shows the invitation's facts from core (users.invitation), not a
// last sign-in that a pending user cannot have, and offers Resend in the row.

const DAY = 24 * 3600_000;

describe("UserDirectory Pending tab", () => {
  it("shows Invited on, Expires (Expired once core says so) and Times sent, with Resend in the row", async () => {
    const seeded = await seededWorld({ users: 10 });
    const pending = (await seeded.owner.users.list({ status: "pending" })).items;
    const [first, second] = pending;
    if (!first || !second) throw new Error("fixture: two pending users");
    // A week and a day later every invitation has expired; one is sent again (a fresh link).
    seeded.world.clock.advance(8 * DAY);
    await seeded.owner.users.resendInvitation(first.id, { version: first.version });

    const { user } = renderWith(seeded.owner, <UserDirectory initialStatus="pending" />);
    const table = await screen.findByRole("table", { name: "Users" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent ?? "");
    expect(headers.join("|")).not.toContain(m.directory.columns.lastSignIn);
    for (const h of [
      m.directory.columns.invitedAt,
      m.directory.columns.expires,
      m.directory.columns.timesSent,
    ])
      expect(headers.some((text) => text.startsWith(h))).toBe(true);

    const rowOf = (name: string) =>
      within(table)
        .getAllByRole("row")
        .find((r) => r.textContent?.includes(name)) as HTMLElement;
    await waitFor(() =>
      expect(within(rowOf(second.displayName)).getByText(m.directory.invitationExpired)).toBeInTheDocument(),
    );
    expect(
      within(rowOf(first.displayName)).queryByText(m.directory.invitationExpired),
    ).not.toBeInTheDocument();
    expect(within(rowOf(first.displayName)).getByRole("cell", { name: "2" })).toBeInTheDocument();
    expect(within(rowOf(second.displayName)).getByRole("cell", { name: "1" })).toBeInTheDocument();

    await user.click(
      within(rowOf(second.displayName)).getByRole("button", {
        name: m.directory.resendTo(second.displayName),
      }),
    );
    expect(
      await screen.findByText(m.directory.actionDone.resendInvitation(second.displayName)),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(rowOf(second.displayName)).getByRole("cell", { name: "2" })).toBeInTheDocument(),
    );
    expect(
      within(rowOf(second.displayName)).queryByText(m.directory.invitationExpired),
    ).not.toBeInTheDocument();
  });
});
