import type { StaffDirectory } from "@staffroom/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { heldDirectory } from "../../../test/held-directory";
import { StaffroomProvider } from "../../provider/StaffroomProvider";
import { seededWorld } from "../../testing/seeded-world";
import { UserDirectory } from "./UserDirectory";

// Issue 13 item 1: over REST the first page of users often answers before the actor (`me()`), the
// roles and the locations. The table must then show the columns, names and checkboxes those bring,
// with no sort or search to "wake it up".

const header = () => within(screen.getByRole("table", { name: "Users" })).getAllByRole("row")[0];
const bodyRows = () =>
  within(screen.getByRole("table", { name: "Users" }))
    .getAllByRole("row")
    .slice(1);

describe("UserDirectory on a first load whose lookups answer after the first page", () => {
  it("the header, every row, the role names and the row checkboxes agree once roles, locations and me() arrive", async () => {
    const seeded = await seededWorld({ users: 6 });
    const held = heldDirectory(seeded.owner);
    const me = held.hold("me");
    const roles = held.hold("roles.list");
    const locations = held.hold("locations.list");
    // The first page answers at once; the lookups wait until it has painted.
    render(
      <StaffroomProvider directory={held.directory as StaffDirectory}>
        <UserDirectory searchDebounceMs={0} />
      </StaffroomProvider>,
    );
    await Promise.all([me.made, roles.made, locations.made]);
    const known = (await seeded.owner.users.list({ status: "active" })).items.find(
      (u) => u.id === seeded.clinicManagerUser.id,
    );
    if (!known) throw new Error("fixture: the clinic manager is active");
    const roleName = seeded.roles.find((r) => r.id === known.roleId)?.name;
    const locationName = seeded.locations.find((l) => l.id === known.primaryLocationId)?.name;
    if (!roleName || !locationName) throw new Error("fixture: role and location");
    await screen.findByText(known.email);

    locations.release();
    roles.release();
    me.release();

    // No interaction from here on: the table must catch up by itself.
    await waitFor(() => {
      const row = bodyRows().find((r) => within(r).queryByText(known.email));
      if (!row) throw new Error("the known user's row is missing");
      expect(within(row).getByText(roleName)).toBeInTheDocument();
      expect(within(row).getByText(locationName)).toBeInTheDocument();
      expect(within(row).getByRole("checkbox", { name: `Select ${known.displayName}` })).toBeEnabled();
    });
    const headerCells = within(header() as HTMLElement).getAllByRole("columnheader").length;
    expect(within(header() as HTMLElement).getByRole("checkbox", { name: /Select all/ })).toBeInTheDocument();
    for (const row of bodyRows()) {
      expect(within(row).getAllByRole("cell")).toHaveLength(headerCells);
      expect(within(row).getByRole("checkbox")).toBeInTheDocument();
    }
  });

  it("after switching organization, the new organization's table catches up the same way", async () => {
    const seeded = await seededWorld({ users: 4 });
    const elsewhere = await seeded.world.bootstrapAnother();
    const other = heldDirectory(
      (await seeded.world.as(elsewhere.owner.id, elsewhere.organization.id)) as StaffDirectory,
    );
    const view = render(
      <StaffroomProvider directory={seeded.owner}>
        <UserDirectory searchDebounceMs={0} />
      </StaffroomProvider>,
    );
    await screen.findByRole("table", { name: "Users" });

    const held = [other.hold("me"), other.hold("roles.list"), other.hold("locations.list")];
    view.rerender(
      <StaffroomProvider directory={other.directory}>
        <UserDirectory searchDebounceMs={0} />
      </StaffroomProvider>,
    );
    await Promise.all(held.map((h) => h.made));
    await screen.findByText(elsewhere.owner.email);
    for (const h of held) h.release();

    const ownerRole = (await other.directory.roles.list()).find((r) => r.id === elsewhere.owner.roleId)?.name;
    if (!ownerRole) throw new Error("fixture: the other owner's role");
    await waitFor(() => {
      const row = bodyRows().find((r) => within(r).queryByText(elsewhere.owner.email));
      if (!row) throw new Error("the other owner's row is missing");
      expect(within(row).getByText(ownerRole)).toBeInTheDocument();
      // The owner is the main contact (badged) and may edit themselves, so their row is selectable.
      expect(within(row).getByText("Main contact")).toBeInTheDocument();
      expect(
        within(row).getByRole("checkbox", { name: `Select ${elsewhere.owner.displayName}` }),
      ).toBeInTheDocument();
    });
    const headerCells = within(header() as HTMLElement).getAllByRole("columnheader").length;
    for (const row of bodyRows()) expect(within(row).getAllByRole("cell")).toHaveLength(headerCells);
  });
});
