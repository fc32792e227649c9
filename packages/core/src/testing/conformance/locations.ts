import { describe, expect, it } from "vitest";
import type { LocationInput } from "../../locations/location.schema";
import { expectError } from "./errors-expect";
import {
  addLocation,
  createStaff,
  expectNoChange,
  inviteStaff,
  setup,
  staffInput,
  staffWithPermissions,
  withUnknown,
} from "./helpers";
import type { WorldFactory } from "./world";

/**
 * W8 (locations: create, rename, archive), R8 (a location before anyone; primary inside access), W9.
 *
 * @example describe("memory", () => registerLocationTests(() => memoryWorld()));
 */
export function registerLocationTests(factory: WorldFactory): void {
  describe("W8 locations", () => {
    it("creates, renames and regroups a location with versions", async () => {
      const ctx = await setup(factory);
      const created = await ctx.owner.locations.create({ name: "  Sunset District ", group: "West" });
      expect(created).toMatchObject({
        organizationId: ctx.world.organization.id,
        name: "Sunset District",
        group: "West",
        archived: false,
      });
      const renamed = await ctx.owner.locations.update(
        created.id,
        { name: "Sunset Urgent Care", group: null },
        { version: created.version },
      );
      expect(renamed).toMatchObject({ name: "Sunset Urgent Care", group: null });
      expect(renamed.version).toBeGreaterThan(created.version);
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.locations.update(created.id, { name: "Old" }, { version: created.version }), {
          code: "stale",
        }),
      );
      expect((await ctx.owner.locations.list()).map((l) => l.name)).toEqual([
        "Downtown Clinic",
        "Sunset Urgent Care",
      ]);
    });

    it("R14 refuses an empty name and unknown fields", async () => {
      const ctx = await setup(factory);
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.locations.create({ name: "  " }), { code: "validation", path: ["name"] });
        await expectError(
          ctx.owner.locations.create(withUnknown<LocationInput>({ name: "X" }, { archived: true })),
          {
            code: "validation",
          },
        );
      });
    });

    it("archives a location nobody has as primary; archived ones list last", async () => {
      const ctx = await setup(factory);
      const aaa = await addLocation(ctx, "Alameda");
      await addLocation(ctx, "Berkeley Hills");
      const archived = await ctx.owner.locations.archive(aaa.id, { version: aaa.version });
      expect(archived.archived).toBe(true);
      const names = (await ctx.owner.locations.list()).map((l) => l.name);
      expect(names).toEqual(["Berkeley Hills", "Downtown Clinic", "Alameda"]);
    });

    it("R8 a location that is an active or pending user's primary cannot be archived (location_in_use)", async () => {
      const ctx = await setup(factory);
      const clinicB = await addLocation(ctx, "Sunset District");
      await createStaff(ctx, { locations: [clinicB] });
      const clinicC = await addLocation(ctx, "Nob Hill");
      await inviteStaff(ctx, { locations: [clinicC] });
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.locations.archive(clinicB.id, { version: clinicB.version }), {
          code: "rule",
          rule: "location_in_use",
        });
        await expectError(ctx.owner.locations.archive(clinicC.id, { version: clinicC.version }), {
          code: "rule",
          rule: "location_in_use",
        });
        await expectError(ctx.owner.locations.archive(ctx.location.id, { version: ctx.location.version }), {
          code: "rule",
          rule: "location_in_use",
        });
      });
    });

    it("R2 without locations.manage nobody creates, renames or archives", async () => {
      const ctx = await setup(factory);
      const { dir } = await staffWithPermissions(ctx, ["users.view"], { locations: "organization" });
      await expectNoChange(ctx, async () => {
        await expectError(dir.locations.create({ name: "Mine" }), { code: "forbidden" });
        await expectError(
          dir.locations.update(ctx.location.id, { name: "X" }, { version: ctx.location.version }),
          {
            code: "forbidden",
          },
        );
        await expectError(dir.locations.archive(ctx.location.id, { version: ctx.location.version }), {
          code: "forbidden",
        });
      });
    });

    it("R5 a delegated actor lists only its own locations", async () => {
      const ctx = await setup(factory);
      const clinicB = await addLocation(ctx, "Sunset District");
      const { dir } = await staffWithPermissions(ctx, ["users.view"], { locations: [clinicB] });
      expect((await dir.locations.list()).map((l) => l.id)).toEqual([clinicB.id]);
    });
  });

  describe("R8 locations of users", () => {
    it("the primary location must lie inside the user's access", async () => {
      const ctx = await setup(factory);
      const clinicB = await addLocation(ctx, "Sunset District");
      const input = await staffInput(ctx, { locations: [ctx.location], primary: clinicB });
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.create(input), { code: "rule", rule: "primary_location_outside_access" }),
      );
      const { password: _p, mustChangePassword: _m, ...invite } = input;
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.invite(invite), {
          code: "rule",
          rule: "primary_location_outside_access",
        }),
      );
      const user = await createStaff(ctx);
      await expectNoChange(ctx, () =>
        expectError(
          ctx.owner.users.update(user.id, { primaryLocationId: clinicB.id }, { version: user.version }),
          {
            code: "rule",
            rule: "primary_location_outside_access",
          },
        ),
      );
    });

    it("an org-wide user may have any live location as primary", async () => {
      const ctx = await setup(factory);
      const clinicB = await addLocation(ctx, "Sunset District");
      const user = await createStaff(ctx, { locations: "organization", primary: clinicB });
      expect(user).toMatchObject({ locationAccess: "organization", primaryLocationId: clinicB.id });
    });

    it("nobody is created, invited or moved to an archived location", async () => {
      const ctx = await setup(factory);
      const clinicB = await addLocation(ctx, "Sunset District");
      await ctx.owner.locations.archive(clinicB.id, { version: clinicB.version });
      const input = await staffInput(ctx, { locations: [clinicB] });
      const { password: _p, mustChangePassword: _m, ...invite } = input;
      const user = await createStaff(ctx);
      await expectNoChange(ctx, async () => {
        for (const attempt of [
          () => ctx.owner.users.create(input),
          () => ctx.owner.users.invite(invite),
          () =>
            ctx.owner.users.update(
              user.id,
              { locationAccess: [clinicB.id], primaryLocationId: clinicB.id },
              { version: user.version },
            ),
        ]) {
          const error = await expectError(attempt(), { code: "validation" });
          expect(error.issues.length).toBeGreaterThan(0);
        }
      });
    });
  });
}
