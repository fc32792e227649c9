import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { renderWith } from "../../../test/render";
import { settingsWorld } from "../../testing/settings-world";
import { LocationsManager } from "./LocationsManager";

const rows = async () =>
  within(await screen.findByRole("table", { name: "Locations" }))
    .getAllByRole("row")
    .slice(1);

describe("LocationsManager", () => {
  it("lists the locations with archived ones last and marked, and is axe-clean", async () => {
    const w = await settingsWorld();
    const { container } = renderWith(w.owner, <LocationsManager />);
    const listed = await rows();
    const expected = await w.owner.locations.list();
    expect(listed.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(
      expected.map((l) => l.name),
    );
    const last = listed[listed.length - 1];
    expect(last).toHaveTextContent(w.archivedLocation.name);
    expect(last).toHaveTextContent("Archived");
    expect(within(last as HTMLElement).queryByRole("button", { name: /^Archive/ })).not.toBeInTheDocument();
    expect(screen.getByText(`${expected.length - 1} locations · 1 archived`)).toBeInTheDocument();
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });

  it("adds a location with the keyboard; a duplicate name lands on its field", async () => {
    const w = await settingsWorld();
    const { user } = renderWith(w.owner, <LocationsManager />);
    await rows();
    screen.getByRole("button", { name: "New location" }).focus();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "New location" });
    expect(within(dialog).getByLabelText(/^Name/)).toHaveFocus();
    await user.keyboard("Downtown Clinic");
    await user.tab();
    await user.keyboard("Peninsula{Enter}");
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/^Name/)).toHaveAccessibleDescription(
        "A location with this name exists.",
      ),
    );
    await user.clear(within(dialog).getByLabelText(/^Name/));
    await user.type(within(dialog).getByLabelText(/^Name/), "Mission Bay{Enter}");
    expect(await screen.findByText("Mission Bay was added.")).toBeInTheDocument();
    const added = (await w.owner.locations.list()).find((l) => l.name === "Mission Bay");
    expect(added?.group).toBe("Peninsula");
    await waitFor(async () =>
      expect((await rows()).some((r) => r.textContent?.includes("Mission Bay"))).toBe(true),
    );
  });

  it("R12 renames and regroups; a stale version offers a reload", async () => {
    const w = await settingsWorld();
    const target = w.locations.find((l) => !l.archived && l.group);
    if (!target) throw new Error("fixture");
    const { user } = renderWith(w.owner, <LocationsManager />);
    await rows();
    await user.click(screen.getByRole("button", { name: `Edit ${target.name}` }));
    const dialog = await screen.findByRole("dialog", { name: `Edit ${target.name}` });
    await w.secondAdmin.locations.update(target.id, { group: "Elsewhere" }, { version: target.version });
    await user.clear(within(dialog).getByLabelText(/^Name/));
    await user.type(within(dialog).getByLabelText(/^Name/), `${target.name} Urgent Care`);
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed this location");
    await user.click(within(alert).getByRole("button", { name: "Reload" }));
    await waitFor(() => expect(within(dialog).getByLabelText(/^Group/)).toHaveValue("Elsewhere"));
    await user.clear(within(dialog).getByLabelText(/^Name/));
    await user.type(within(dialog).getByLabelText(/^Name/), `${target.name} Urgent Care`);
    await user.clear(within(dialog).getByLabelText(/^Group/));
    await user.type(within(dialog).getByLabelText(/^Group/), "North{Enter}");
    expect(await screen.findByText(`${target.name} Urgent Care was saved.`)).toBeInTheDocument();
    const saved = (await w.owner.locations.list()).find((l) => l.id === target.id);
    expect(saved).toMatchObject({ name: `${target.name} Urgent Care`, group: "North" });
  });

  it("explains location_in_use, and archives an unused location after confirming", async () => {
    const w = await settingsWorld();
    const primary = w.locations.find((l) => l.id === w.clinicManagerUser.primaryLocationId);
    const spare = await w.owner.locations.create({ name: "Mission Bay" });
    if (!primary) throw new Error("fixture");
    const { user } = renderWith(w.owner, <LocationsManager />);
    await rows();
    await user.click(screen.getByRole("button", { name: `Archive ${primary.name}` }));
    let dialog = await screen.findByRole("dialog", { name: `Archive ${primary.name}?` });
    await user.click(within(dialog).getByRole("button", { name: "Archive location" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      new RegExp(
        `people have ${primary.name} as their primary location. Give them another primary location first.`,
      ),
    );
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    await user.click(screen.getByRole("button", { name: "Archive Mission Bay" }));
    dialog = await screen.findByRole("dialog", { name: "Archive Mission Bay?" });
    await user.click(within(dialog).getByRole("button", { name: "Archive location" }));
    expect(await screen.findByText("Mission Bay was archived.")).toBeInTheDocument();
    expect((await w.owner.locations.list()).find((l) => l.id === spare.id)?.archived).toBe(true);
    await waitFor(() => expect(screen.getByRole("button", { name: "Edit Mission Bay" })).toHaveFocus());
    // Core lists archived locations last: once the list refreshes, the two archived rows close it.
    await waitFor(async () =>
      expect((await rows()).slice(-2).map((r) => within(r).getByRole("rowheader").textContent)).toEqual(
        expect.arrayContaining(["Mission Bay", w.archivedLocation.name]),
      ),
    );
    const archivedRow = (await rows()).find((r) => r.textContent?.includes("Mission Bay"));
    expect(archivedRow).toHaveTextContent("Archived");
  });

  it("R4 shows a delegated site lead only its clinics; core refuses adding one (forbidden)", async () => {
    const w = await settingsWorld();
    const { user } = renderWith(w.siteLead, <LocationsManager />);
    const visible = await w.siteLead.locations.list();
    await waitFor(async () => expect(await rows()).toHaveLength(visible.length));
    expect(visible.length).toBeLessThan(w.locations.length);
    await user.click(screen.getByRole("button", { name: "New location" }));
    const dialog = await screen.findByRole("dialog", { name: "New location" });
    await user.type(within(dialog).getByLabelText(/^Name/), "Mission Bay{Enter}");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "Only organization-wide administrators create locations.",
    );
  });

  it("gives read-only staff the list without controls", async () => {
    const w = await settingsWorld();
    renderWith(w.readOnly, <LocationsManager />);
    await rows();
    expect(screen.queryByRole("button", { name: "New location" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.getByText("You can see the locations but not change them.")).toBeInTheDocument();
  });
});
