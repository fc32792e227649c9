import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../directory/staff-directory";
import type { Location } from "../../locations/location.schema";
import type { User, UserStatus } from "../../users/user.schema";
import type { UserQuery } from "../../users/user-query.schema";
import {
  actAs,
  addLocation,
  allPages,
  type Ctx,
  createRole,
  createStaff,
  current,
  inviteStaff,
  setFeatures,
  setup,
  templateRole,
} from "./helpers";
import type { WorldFactory } from "./world";

const STATUSES: readonly UserStatus[] = ["active", "pending", "disabled"];

/** The filters the directory widget combines with its tabs. */
type Filter = Omit<UserQuery, "status" | "limit" | "cursor" | "sort" | "direction">;

/**
 * For every tab and filter: the list's `total` is the number of users it lists (a whole page of
 * 200, and page by page at 2 a page with the same total on every page), and `counts(filter)` gives
 * the same three figures. A store that keeps counters must keep them exact through every write.
 */
async function expectTotalsExact(dir: StaffDirectory, filters: readonly Filter[], when: string) {
  for (const filter of filters) {
    const label = `${when}: ${JSON.stringify(filter)}`;
    const counted: Record<string, number> = {};
    for (const status of STATUSES) {
      const whole = await dir.users.list({ ...filter, status, limit: 200 });
      expect(whole.total, `${label} ${status}: total of one whole page`).toBe(whole.items.length);
      counted[status] = whole.total;
    }
    expect(await dir.users.counts(filter), `${label}: counts`).toEqual(counted);
    // Paged: every page repeats the same total, and the pages together hold exactly that many.
    const totals = new Set<number>();
    const seen = await allPages(async (cursor) => {
      const page = await dir.users.list({ ...filter, status: "active", limit: 2, cursor });
      totals.add(page.total);
      return page;
    });
    expect([...totals], `${label}: total on every page`).toEqual([seen.length]);
  }
}

interface Cast {
  readonly clinicB: Location;
  readonly clinicC: Location;
  readonly users: User[];
  readonly manager: StaffDirectory;
  readonly filters: Filter[];
  readonly managerFilters: Filter[];
}

/** Users over three clinics (org-wide, one, two), three roles, practitioners, every tab, and a manager of two clinics. */
async function cast(ctx: Ctx): Promise<Cast> {
  await setFeatures(ctx, { providerDirectory: true });
  const clinicB = await addLocation(ctx, "Bayview");
  const clinicC = await addLocation(ctx, "Cedar Park");
  const provider = await templateRole(ctx, "provider");
  const frontDesk = await templateRole(ctx, "front_desk");
  const readOnly = await templateRole(ctx, "read_only");
  const A = ctx.location;
  const plan: Parameters<typeof createStaff>[1][] = [
    { role: frontDesk, locations: [A] },
    { role: frontDesk, locations: [clinicB] },
    { role: provider, locations: [A, clinicB], extra: { flags: { practitioner: true } } },
    { role: provider, locations: "organization", extra: { flags: { practitioner: true } } },
    { role: readOnly, locations: [clinicC] },
    { role: readOnly, locations: [clinicB, clinicC] },
    { role: frontDesk, locations: "organization" },
  ];
  const users: User[] = [];
  for (const options of plan) users.push(await createStaff(ctx, options));
  users.push((await inviteStaff(ctx, { role: frontDesk, locations: [clinicC] })).user);
  users.push((await inviteStaff(ctx, { role: provider, locations: [A, clinicC] })).user);
  const disabled = await createStaff(ctx, { role: readOnly, locations: [clinicB] });
  users.push(await ctx.owner.users.disable(disabled.id, { version: disabled.version }));
  const managerRole = await createRole(ctx, "Clinic Manager", ["users.view", "users.manage"]);
  const carl = await createStaff(ctx, { role: managerRole, locations: [A, clinicB] });
  const manager = await actAs(ctx, carl.id);
  const filters: Filter[] = [
    {},
    { locationId: A.id },
    { locationId: clinicB.id },
    { locationId: clinicC.id },
    { roleId: provider.id },
    { admin: true },
    { admin: false, locationId: clinicB.id },
    { practitioner: true },
    { practitioner: false, roleId: frontDesk.id },
    // The first keystrokes of a search: one and two characters, alone and with a filter.
    { search: "s" },
    { search: "st" },
    { search: "z" },
    { search: "ze" },
    { search: "ze", locationId: clinicB.id },
    { search: "sam ze" },
  ];
  const managerFilters: Filter[] = [
    {},
    { locationId: clinicB.id },
    { locationId: clinicC.id },
    { roleId: readOnly.id },
    { search: "ze" },
  ];
  return { clinicB, clinicC, users, manager, filters, managerFilters };
}

/**
 * W12 totals: exact `total` and tab counts for every filter, kept exact through every kind of write.
 *
 * @example describe("memory", () => registerTotalTests(() => memoryWorld()));
 */
export function registerTotalTests(factory: WorldFactory): void {
  describe("W12 totals", () => {
    it("the total and the tab counts equal the users listed, for every filter, through every write", async () => {
      const ctx = await setup(factory);
      const c = await cast(ctx);
      const check = async (when: string) => {
        await expectTotalsExact(ctx.owner, c.filters, when);
        await expectTotalsExact(c.manager, c.managerFilters, `${when} (manager of A and Bayview)`);
      };
      await check("seeded");
      const [a, b, p, , , , wide, pending] = c.users as [User, User, User, User, User, User, User, User];
      const readOnly = await templateRole(ctx, "read_only");

      await ctx.owner.users.update(a.id, { roleId: readOnly.id }, await current(ctx, a.id));
      await ctx.owner.users.update(
        b.id,
        { locationAccess: [c.clinicB.id, c.clinicC.id], primaryLocationId: c.clinicC.id },
        await current(ctx, b.id),
      );
      await ctx.owner.users.update(
        wide.id,
        { locationAccess: [c.clinicC.id], primaryLocationId: c.clinicC.id },
        await current(ctx, wide.id),
      );
      await ctx.owner.users.update(p.id, { locationAccess: "organization" }, await current(ctx, p.id));
      // Renames move users in and out of a search ("ze"): Zelda's new name, Zed's old one.
      await ctx.owner.users.update(
        b.id,
        { profile: { givenName: "Zelda", familyName: "Zeno" } },
        await current(ctx, b.id),
      );
      await ctx.owner.users.update(wide.id, { profile: { familyName: "Zed" } }, await current(ctx, wide.id));
      await check("after role, location and name changes");
      await ctx.owner.users.update(wide.id, { profile: { familyName: "Ward" } }, await current(ctx, wide.id));
      await check("after a rename out of a search");

      await ctx.owner.users.disable(a.id, await current(ctx, a.id));
      await ctx.owner.users.bulk({
        action: "disable",
        items: [{ id: b.id, version: (await current(ctx, b.id)).version }],
      });
      await ctx.owner.users.revokeInvitation(pending.id, await current(ctx, pending.id));
      await check("after disables and a revoked invitation");

      await ctx.owner.users.restore(b.id, await current(ctx, b.id));
      await ctx.owner.users.delete(a.id, await current(ctx, a.id));
      await createStaff(ctx, { role: readOnly, locations: [c.clinicB], givenName: "Zeta" });
      await check("after a restore, a delete and a new user");
    });
  });
}
