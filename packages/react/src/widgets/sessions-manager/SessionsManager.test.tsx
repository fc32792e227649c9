import { OWN_SESSION_MESSAGE } from "@staffroom/core";
import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { SessionsManager } from "./SessionsManager";
import { sessionsWorld } from "./sessions-world";

const table = () => screen.findByRole("table", { name: "Signed in now" });
const rowOf = (name: string) => {
  const header = screen.getAllByRole("rowheader").find((h) => h.textContent?.startsWith(name));
  const row = header?.closest("tr");
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe("SessionsManager", () => {
  it("W13 lists who is signed in, from which browser, system and network, since when; your own row is marked and its End is disabled with core's reason; axe-clean", async () => {
    const w = await sessionsWorld();
    const { container } = renderWith(w.owner, <SessionsManager />);
    const grid = await table();
    const rows = within(grid).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(5);
    // Newest sign-in first: the owner signed in last.
    const mine = rows[0];
    expect(mine).toHaveTextContent(w.world.owner.displayName);
    expect(within(mine as HTMLElement).getByText("You")).toBeInTheDocument();
    const own = within(mine as HTMLElement).getByRole("button", {
      name: `End session for ${w.world.owner.displayName}`,
    });
    expect(own).toHaveAttribute("aria-disabled", "true");
    expect(own).toHaveAccessibleDescription(OWN_SESSION_MESSAGE);
    const first = w.signedIn[0];
    const theirs = rowOf(first?.displayName ?? "");
    expect(theirs).toHaveTextContent("Chrome on Windows");
    expect(theirs).toHaveTextContent("Network 203.0.113.0/24");
    expect(theirs).not.toHaveTextContent("203.0.113.42");
    expect(theirs).toHaveTextContent("Nov 23, 2026");
    expect(
      within(theirs).getByRole("button", { name: `End session for ${first?.displayName}` }),
    ).toBeEnabled();
    expect(screen.getByRole("navigation", { name: "Sessions pages" })).toHaveTextContent("1–5 of 5");
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });

  it("End session asks first, signs the person out at once, says so, and moves focus to the next row's End", async () => {
    const w = await sessionsWorld();
    const { user } = renderWith(w.owner, <SessionsManager />);
    await table();
    const [ana, ben] = w.signedIn;
    const token = w.tokens.get(ana?.id ?? "") ?? "";
    await user.click(screen.getByRole("button", { name: `End session for ${ana?.displayName}` }));
    const dialog = await screen.findByRole("dialog", { name: `End ${ana?.displayName}'s session?` });
    expect(dialog).toHaveTextContent("signed out of Chrome on Windows at once");
    // Cancel changes nothing and gives focus back to the row's End session.
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect((await w.world.auth.session(token)).userId).toBe(ana?.id);
    await waitFor(() =>
      expect(screen.getByRole("button", { name: `End session for ${ana?.displayName}` })).toHaveFocus(),
    );
    await user.click(screen.getByRole("button", { name: `End session for ${ana?.displayName}` }));
    const again = await screen.findByRole("dialog", { name: `End ${ana?.displayName}'s session?` });
    await user.click(within(again).getByRole("button", { name: "End session" }));
    expect(await screen.findByText(`${ana?.displayName}'s session was ended.`)).toBeInTheDocument();
    await expect(w.world.auth.session(token)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(screen.queryByRole("rowheader", { name: new RegExp(`^${ana?.displayName}`) })).toBeNull();
    // The ended row was the oldest: focus goes to the row above it, the next one that offers End.
    await waitFor(() =>
      expect(screen.getByRole("button", { name: `End session for ${ben?.displayName}` })).toHaveFocus(),
    );
    const events = await w.owner.audit.list({ action: "session.ended" });
    expect(events.items[0]?.target.id).toBe(ana?.id);
  });

  it("R4 a clinic manager sees only the sessions of people sharing a clinic; core's end verdict decides each End, a refused one disabled with core's reason and doing nothing", async () => {
    const w = await sessionsWorld({ people: 12, clinicTeam: true });
    const { user } = renderWith(w.clinicManager, <SessionsManager />);
    const grid = await table();
    const seen = (await w.clinicManager.sessions.list()).items;
    const all = (await w.owner.sessions.list()).items;
    expect(seen.length).toBeLessThan(all.length);
    expect(within(grid).getAllByRole("row")).toHaveLength(seen.length + 1);
    const refused = seen.filter((s) => !s.end.allowed);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(seen.length);
    // His own session is refused for being his; others for their locations or permissions (R3/R4).
    expect(seen.find((s) => s.self)?.end).toMatchObject({ allowed: false, rule: "self_change" });
    expect(refused.some((s) => !s.self && s.end.allowed === false && s.end.code === "forbidden")).toBe(true);
    for (const session of seen) {
      const row = grid.querySelector(`tr[data-session="${session.id}"]`) as HTMLElement;
      const end = within(row).getByRole("button", { name: `End session for ${session.displayName}` });
      if (session.end.allowed) {
        expect(end).not.toHaveAttribute("aria-disabled");
        expect(end).not.toHaveAccessibleDescription();
      } else {
        expect(end).toHaveAttribute("aria-disabled", "true");
        expect(end).toHaveAccessibleDescription(session.end.message);
      }
    }
    // A refused End opens nothing and ends nothing.
    const [first] = refused;
    await user.click(screen.getByRole("button", { name: `End session for ${first?.displayName}` }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect((await w.clinicManager.sessions.list()).items.map((s) => s.id)).toEqual(seen.map((s) => s.id));
  });

  it("says calmly when the actor may not see sessions, instead of an error", async () => {
    const w = await sessionsWorld();
    renderWith(w.readOnly, <SessionsManager />);
    expect(
      await screen.findByText("You don't have access to Sessions — ask an administrator."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("pages by core's cursor, and every string comes from messages", async () => {
    const w = await sessionsWorld({ people: 7 });
    const { user } = renderWith(w.owner, <SessionsManager pageSize={5} />, {
      messages: {
        sessions: {
          title: "Who is online",
          end: "Sign out",
          endLabel: (name) => `Sign out ${name}`,
          range: (from, to, total) => `${from}-${to} / ${total}`,
          nextPage: "Later",
        },
      },
    });
    const grid = await screen.findByRole("table", { name: "Who is online" });
    expect(within(grid).getAllByRole("row")).toHaveLength(6);
    expect(screen.getAllByRole("button", { name: /^Sign out / })[0]).toHaveTextContent("Sign out");
    await user.click(screen.getByRole("button", { name: "Later" }));
    await waitFor(() => expect(screen.getByText("6-8 / 8")).toBeInTheDocument());
    expect(within(grid).getAllByRole("row")).toHaveLength(4);
  });
});
