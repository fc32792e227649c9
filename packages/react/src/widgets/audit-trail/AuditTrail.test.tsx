import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { renderWith } from "../../../test/render";
import { AuditTrail } from "./AuditTrail";
import { type AuditWorld, auditWorld } from "./audit-world";

let shared: AuditWorld;
beforeAll(async () => {
  shared = await auditWorld();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const table = () => screen.findByRole("table", { name: "Audit events" });
const rows = async () =>
  within(await table())
    .getAllByRole("row")
    .slice(1);

describe("AuditTrail", () => {
  it("lists events newest first in plain words, with UTC on hover and privilege changes before → after", async () => {
    const { container } = renderWith(shared.owner, <AuditTrail timeZone="America/New_York" />);
    const all = await shared.owner.audit.list();
    await waitFor(async () => expect(await rows()).toHaveLength(all.items.length));
    const [newest] = await rows();
    expect(newest).toHaveTextContent("Disabled a user");
    expect(newest).toHaveTextContent(shared.receptionist.displayName);
    const time = (newest as HTMLElement).querySelector("time");
    expect(time).toHaveTextContent(/2026/);
    // The viewer's zone in the cell; UTC in a tooltip that is also the time's description, and the
    // time takes focus so the keyboard reaches it.
    expect(time).toHaveTextContent(/EST/);
    expect(time).toHaveAccessibleDescription(expect.stringMatching(/^2026-11-23 \d\d:\d\d:\d\d\.\d{3} UTC$/));
    expect(time).toHaveAttribute("tabindex", "0");
    expect(within(newest as HTMLElement).getByRole("tooltip", { hidden: true })).toHaveTextContent(/ UTC$/);
    const roleChange = (await rows()).find((r) => r.textContent?.includes("Changed a user's role"));
    expect(roleChange).toHaveTextContent("Role from Front Desk → to Provider");
    const failure = (await rows()).find((r) => r.textContent?.includes("Failed"));
    expect(failure).toHaveTextContent("wrong password");
    expect(screen.getByText(`${all.total} of ${all.total} events`)).toBeInTheDocument();
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });

  it("filters by action, actor, target and day range on the server", async () => {
    const { user } = renderWith(shared.owner, <AuditTrail />);
    await table();
    await user.selectOptions(screen.getByLabelText("Action"), "Edited a user");
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    expect((await rows())[0]).toHaveTextContent("Job title from Nurse → to Charge nurse");
    await user.selectOptions(screen.getByLabelText("Action"), "All actions");
    // Actor: a searchable combobox; part of an email finds the person, Enter takes the first match.
    const actor = screen.getByRole("combobox", { name: "Actor" });
    await user.click(actor);
    await user.keyboard(shared.receptionist.email.slice(0, 6));
    expect(actor).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{Enter}");
    expect(actor).toHaveValue(shared.receptionist.displayName);
    const byActor = await shared.owner.audit.list({ actorId: shared.receptionist.id });
    await waitFor(async () => expect(await rows()).toHaveLength(byActor.total));
    // Escape on the closed box clears it: anyone again.
    await user.keyboard("{Escape}");
    expect(actor).toHaveValue("");
    await user.click(screen.getByRole("combobox", { name: "Target" }));
    await user.keyboard("north{Enter}");
    expect(screen.getByRole("combobox", { name: "Target" })).toHaveValue("Harbor North Clinic");
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    expect((await rows())[0]).toHaveTextContent("Created a location");
    await user.type(screen.getByLabelText("From"), "2026-11-24");
    expect(await screen.findByText("No events match these filters")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    const all = await shared.owner.audit.list();
    await waitFor(async () => expect(await rows()).toHaveLength(all.total));
  });

  it("the target filter is an APG combobox, targets grouped by kind, usable with the keyboard alone", async () => {
    const { user } = renderWith(shared.owner, <AuditTrail />);
    await table();
    const target = screen.getByRole("combobox", { name: "Target" });
    expect(target).toHaveAttribute("aria-autocomplete", "list");
    expect(target).toHaveAttribute("aria-expanded", "false");
    target.focus();
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(target).toHaveAttribute("aria-expanded", "true");
    const list = screen.getByRole("listbox", { name: "Target" });
    expect(target).toHaveAttribute("aria-controls", list.id);
    expect(
      within(list)
        .getAllByRole("group")
        .map(
          (g) =>
            g.getAttribute("aria-labelledby") &&
            document.getElementById(g.getAttribute("aria-labelledby") ?? "")?.textContent,
        ),
    ).toEqual(["Users", "Roles", "Locations", "Organization"]);
    const roles = within(list).getByRole("group", { name: "Roles" });
    expect(within(roles).getByRole("option", { name: "Front Desk" })).toBeInTheDocument();
    // "Anything" is active and chosen; ↓ moves the active option, announced through aria-activedescendant.
    const anything = within(list).getByRole("option", { name: "Anything" });
    expect(anything).toHaveAttribute("aria-selected", "true");
    expect(target).toHaveAttribute("aria-activedescendant", anything.id);
    await user.keyboard("{ArrowDown}");
    const firstUser = within(within(list).getByRole("group", { name: "Users" })).getAllByRole("option")[0];
    expect(target).toHaveAttribute("aria-activedescendant", firstUser?.id);
    // Typing narrows every group; a word that matches nothing says so; Escape closes and keeps the choice.
    await user.keyboard("zzzz");
    expect(within(list).queryAllByRole("group")).toHaveLength(0);
    expect(screen.getByText("No matches. Try part of a name or an email.")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(target).toHaveAttribute("aria-expanded", "false");
    expect(target).toHaveValue("");
    await user.keyboard("front desk");
    await user.keyboard("{ArrowUp}{ArrowDown}{Enter}");
    expect(target).toHaveValue("Front Desk");
    expect(target).toHaveFocus();
    expect(target).toHaveAttribute("aria-expanded", "false");
  });

  it("pages with Load more and moves focus to the first new event", async () => {
    const { owner } = await auditWorld({ extraEvents: 4 });
    const total = (await owner.audit.list()).total;
    const { user } = renderWith(owner, <AuditTrail pageSize={8} />);
    await waitFor(async () => expect(await rows()).toHaveLength(8));
    await user.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(async () => expect(await rows()).toHaveLength(Math.min(16, total)));
    expect((await rows())[8]).toHaveFocus();
    while (screen.queryByRole("button", { name: "Load more" })) {
      await user.click(screen.getByRole("button", { name: "Load more" }));
      await waitFor(() => expect(screen.queryByRole("button", { name: "Load more", busy: true })).toBeNull());
    }
    await waitFor(async () => expect(await rows()).toHaveLength(total));
    const sequences = (await rows()).map((r) => Number(/#(\d+)/.exec(r.textContent ?? "")?.[1]));
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
  });

  it("exports every filtered event as escaped CSV through a Blob URL named after the org and date", async () => {
    const { owner, world } = await auditWorld({ extraEvents: 3 });
    await owner.locations.create({ name: 'North, "Annex"' });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:audit";
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const onExported = vi.fn();
    const { user } = renderWith(owner, <AuditTrail pageSize={2} onExported={onExported} />);
    await table();
    await user.selectOptions(screen.getByLabelText("Action"), "Edited a location");
    await waitFor(async () => expect(await rows()).toHaveLength(2));
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    const d = new Date();
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    const fileName = `audit-harbor-urgent-care-${day}.csv`;
    expect(await screen.findByText(`3 events exported to ${fileName}.`)).toBeInTheDocument();
    expect(click).toHaveBeenCalledTimes(1);
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe(fileName);
    expect(anchor.href).toBe("blob:audit");
    const blob = blobs[0] as Blob;
    expect(blob.type).toBe("text/csv;charset=utf-8");
    // A UTF-8 byte-order mark first (TextDecoder drops it again in text()).
    expect([...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await blob.text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "Time (UTC),Sequence,Actor email,Actor ID,Action,Action code,Target type,Target ID,Target,Outcome,Reason,Changes (JSON),IP address,User agent,Request ID,Hash",
    );
    expect(lines).toHaveLength(5); // header, 3 events, final CRLF
    expect(lines[1]).toMatch(
      /^2026-11-23T\d\d:\d\d:00\.000Z,\d+,olivia\.ortega@harbor-urgent-care\.example,usr_/,
    );
    expect(lines[1]).toContain(",Edited a location,location.updated,location,");
    expect(lines[1]).toContain(
      '"{""name"":{""before"":""Harbor North Clinic 3"",""after"":""Harbor North Clinic 4""}}"',
    );
    expect(onExported).toHaveBeenCalledWith({ fileName, csv: text, count: 3 });

    // Escaping: a comma and quotes in a label are quoted and doubled.
    await user.selectOptions(screen.getByLabelText("Action"), "Created a location");
    await waitFor(async () => expect(await rows()).toHaveLength(2));
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(onExported).toHaveBeenCalledTimes(2));
    expect(onExported.mock.calls[1]?.[0].csv).toContain(',"North, ""Annex""",success,');
    expect(world.organization.name).toBe("Harbor Urgent Care");
  });

  it("R18 verifies the hash chain: intact with its head, then the first tampered event", async () => {
    const { owner, world } = await auditWorld();
    const { user } = renderWith(owner, <AuditTrail />);
    await table();
    await user.click(screen.getByRole("button", { name: "Verify integrity" }));
    expect(await screen.findByText("The audit trail is intact")).toBeInTheDocument();
    const verification = await owner.audit.verify();
    expect(screen.getByText(verification.head?.hash ?? "?")).toBeInTheDocument();
    world.store.unsafe.tamperAuditEvent(world.organization.id, 3, (event) => {
      event.action = "user.deleted";
    });
    await user.click(screen.getByRole("button", { name: "Verify integrity" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The audit trail was tampered with");
    expect(alert).toHaveTextContent("Event #3 was changed after it was written.");
    expect(alert).toHaveTextContent("The 2 events before it are intact.");
  });

  it("shows a deleted person as “Deleted user” as actor and target, and in the CSV, never their name or email (W6)", async () => {
    const { owner, receptionist } = await auditWorld({ deleteReceptionist: true });
    URL.createObjectURL = vi.fn(() => "blob:audit");
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const onExported = vi.fn();
    const { user, container } = renderWith(owner, <AuditTrail onExported={onExported} />);
    const all = await owner.audit.list();
    await waitFor(async () => expect(await rows()).toHaveLength(all.items.length));
    const [newest] = await rows();
    expect(newest).toHaveTextContent("Deleted a user");
    const erased = within(newest as HTMLElement).getByText("Deleted user");
    expect(erased).toHaveClass("sr-audit-erased");
    expect(erased).toHaveAttribute("title", expect.stringContaining("erased"));
    // The receptionist's own sign-ins: the actor column names no one.
    const signIns = (await rows()).filter((r) => r.textContent?.includes("Signed in"));
    expect(signIns.length).toBeGreaterThan(0);
    for (const row of signIns) expect(row).toHaveTextContent("Deleted user");
    const page = container.textContent ?? "";
    for (const value of [receptionist.displayName, receptionist.email, "Haddad"])
      expect(page).not.toContain(value);
    // Other people keep their names.
    expect(page).toContain("Nina Patel RN");

    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(onExported).toHaveBeenCalledTimes(1));
    const csv: string = onExported.mock.calls[0]?.[0].csv;
    for (const value of [receptionist.displayName, receptionist.email, "Haddad"])
      expect(csv).not.toContain(value);
    const tombstone = csv.split("\r\n").find((line) => line.includes(",user.deleted,"));
    expect(tombstone).toContain(`,user,${receptionist.id},Deleted user,success,`);
    const signIn = csv
      .split("\r\n")
      .find((line) => line.includes(`,Deleted user,${receptionist.id},Signed in,`));
    expect(signIn).toBeDefined();
  });

  it("names an erased person with the host's own word when messages.audit.erased is overridden", async () => {
    const { owner } = await auditWorld({ deleteReceptionist: true });
    renderWith(owner, <AuditTrail />, { messages: { audit: { erased: "Former staff member" } } });
    const total = (await owner.audit.list()).items.length;
    await waitFor(async () => expect(await rows()).toHaveLength(total));
    const [newest] = await rows();
    expect(newest).toHaveTextContent("Former staff member");
    expect(newest).not.toHaveTextContent("Deleted user");
  });

  it("tells an actor without audit.view calmly that the trail is not theirs: no error, at any moment, nothing to retry", async () => {
    // The trail's query may be refused before the actor has loaded: no alert may flash meanwhile.
    let alarmed = false;
    const watch = new MutationObserver(() => {
      if (document.querySelector('[role="alert"]')) alarmed = true;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    renderWith(shared.provider, <AuditTrail />);
    expect(
      await screen.findByText("You don't have access to Audit trail — ask an administrator."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
    expect(screen.queryByText("The audit trail could not be loaded.")).not.toBeInTheDocument();
    watch.disconnect();
    expect(alarmed).toBe(false);
  });
});
