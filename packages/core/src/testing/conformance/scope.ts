import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../directory/staff-directory";
import type { Location } from "../../locations/location.schema";
import type { User } from "../../users/user.schema";
import { expectError } from "./errors-expect";
import {
  addLocation,
  type Ctx,
  createStaff,
  current,
  expectNoChange,
  missingId,
  setup,
  staffInput,
  staffWithPermissions,
  templateRole,
  visibleIds,
} from "./helpers";
import type { WorldFactory } from "./world";

/** Two clinics, a delegated manager at clinic A and users at A, B, A+B and org-wide. @example const { manager, atB } = await scopedWorld(ctx); */
export interface ScopedWorld {
  readonly clinicA: Location;
  readonly clinicB: Location;
  readonly manager: { user: User; dir: StaffDirectory };
  readonly atA: User;
  readonly atB: User;
  readonly atAB: User;
  readonly orgWide: User;
}

/**
 * Builds the R4/R5 scenario: a "Clinic Manager" role (users.view, users.manage and every Front Desk
 * permission) held by a manager limited to clinic A.
 *
 * @example const s = await scopedWorld(ctx); await s.manager.dir.users.get(s.atB.id); // not_found
 */
export async function scopedWorld(ctx: Ctx): Promise<ScopedWorld> {
  const clinicA = ctx.location;
  const clinicB = await addLocation(ctx, "Sunset District");
  const frontDesk = await templateRole(ctx, "front_desk");
  const { user, dir } = await staffWithPermissions(
    ctx,
    [
      "users.view",
      "users.manage",
      "calendar.view",
      "calendar.create",
      "calendar.delete",
      "billing.process_payments",
    ],
    { locations: [clinicA], roleName: "Clinic Manager", givenName: "Maya", familyName: "Manager" },
  );
  return {
    clinicA,
    clinicB,
    manager: { user, dir },
    atA: await createStaff(ctx, {
      role: frontDesk,
      locations: [clinicA],
      givenName: "Ana",
      familyName: "Alpha",
    }),
    atB: await createStaff(ctx, {
      role: frontDesk,
      locations: [clinicB],
      givenName: "Bo",
      familyName: "Bravo",
    }),
    atAB: await createStaff(ctx, {
      role: frontDesk,
      locations: [clinicA, clinicB],
      givenName: "Cy",
      familyName: "Both",
    }),
    orgWide: await createStaff(ctx, {
      role: frontDesk,
      locations: "organization",
      givenName: "Di",
      familyName: "Wide",
    }),
  };
}

/**
 * R2 (deny by default), R3 (no escalation), R4 (delegated scope), R5 (tenant isolation).
 *
 * @example describe("memory", () => registerScopeTests(() => memoryWorld()));
 */
export function registerScopeTests(factory: WorldFactory): void {
  describe("R2 deny by default", () => {
    it("a Read-only Staff user can list users but not create, edit or disable", async () => {
      const ctx = await setup(factory);
      const reader = await createStaff(ctx, { role: "read_only" });
      const target = await createStaff(ctx);
      const dir = await ctx.world.as(reader.id);
      expect((await dir.users.list()).total).toBe(3);
      const input = await staffInput(ctx);
      await expectNoChange(ctx, async () => {
        await expectError(dir.users.create(input), { code: "forbidden" });
        await expectError(dir.users.disable(target.id, { version: target.version }), { code: "forbidden" });
        await expectError(
          dir.users.update(target.id, { profile: { title: "RN" } }, { version: target.version }),
          {
            code: "forbidden",
          },
        );
      });
    });

    it("a Front Desk user (no users.view) cannot list, count or read users, nor see the audit", async () => {
      const ctx = await setup(factory);
      const desk = await createStaff(ctx, { role: "front_desk" });
      const dir = await ctx.world.as(desk.id);
      await expectError(dir.users.list(), { code: "forbidden" });
      await expectError(dir.users.counts(), { code: "forbidden" });
      await expectError(dir.users.get(ctx.world.owner.id), { code: "forbidden" });
      await expectError(dir.audit.list(), { code: "forbidden" });
    });
  });

  describe("R3 no escalation", () => {
    it("an actor lacking billing.issue_refunds cannot give the Administrator role", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const admin = await templateRole(ctx, "administrator");
      const input = await staffInput(ctx, { role: admin, locations: [s.clinicA] });
      await expectNoChange(ctx, async () => {
        await expectError(s.manager.dir.users.create(input), { code: "forbidden" });
        await expectError(
          s.manager.dir.users.update(s.atA.id, { roleId: admin.id }, { version: s.atA.version }),
          {
            code: "forbidden",
          },
        );
      });
    });

    it("an actor cannot grant a location it lacks nor org-wide access", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const atB = await staffInput(ctx, { locations: [s.clinicB] });
      const wide = await staffInput(ctx, { locations: "organization", primary: s.clinicA });
      await expectNoChange(ctx, async () => {
        await expectError(s.manager.dir.users.create(atB), { code: "forbidden" });
        await expectError(s.manager.dir.users.create(wide), { code: "forbidden" });
        await expectError(
          s.manager.dir.users.update(
            s.atA.id,
            { locationAccess: [s.clinicA.id, s.clinicB.id] },
            { version: s.atA.version },
          ),
          { code: "forbidden" },
        );
      });
    });

    it("nobody changes their own role or locations (self_change)", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const frontDesk = await templateRole(ctx, "front_desk");
      const me = s.manager.user;
      await expectNoChange(ctx, async () => {
        await expectError(
          s.manager.dir.users.update(me.id, { roleId: frontDesk.id }, { version: me.version }),
          {
            code: "rule",
            rule: "self_change",
          },
        );
        const owner = ctx.world.owner;
        await expectError(
          ctx.owner.users.update(owner.id, { locationAccess: [s.clinicA.id] }, { version: owner.version }),
          {
            code: "rule",
            rule: "self_change",
          },
        );
      });
    });

    it("a delegated manager can create and edit users inside its locations", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const created = await createStaff(ctx, { by: s.manager.dir, locations: [s.clinicA] });
      expect(created.locationAccess).toEqual([s.clinicA.id]);
      const edited = await s.manager.dir.users.update(
        s.atA.id,
        { profile: { title: "MA" } },
        { version: s.atA.version },
      );
      expect(edited.displayName).toBe("Ana Alpha MA");
      expect((await s.manager.dir.users.disable(s.atA.id, await current(ctx, s.atA.id))).status).toBe(
        "disabled",
      );
    });
  });

  describe("R4/R5 delegated scope and tenant isolation", () => {
    it("sees users sharing its location (org-wide ones included), never users only elsewhere", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const expected = [ctx.world.owner.id, s.manager.user.id, s.atA.id, s.atAB.id, s.orgWide.id].sort();
      expect(await visibleIds(s.manager.dir)).toEqual(expected);
      expect((await s.manager.dir.users.list()).total).toBe(5);
      expect(await s.manager.dir.users.counts()).toEqual({ active: 5, pending: 0, disabled: 0 });
      expect((await s.manager.dir.users.list({ search: "Bravo" })).total).toBe(0);
      const atB = await s.manager.dir.users.list({ locationId: s.clinicB.id });
      expect(atB.items.map((u) => u.id).sort()).toEqual([ctx.world.owner.id, s.atAB.id, s.orgWide.id].sort());
    });

    it("an invisible user is not_found exactly like a missing id, for reads and writes", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const dir = s.manager.dir;
      const missing = await expectError(dir.users.get(missingId()), { code: "not_found" });
      const hidden = await expectError(dir.users.get(s.atB.id), { code: "not_found" });
      expect(hidden.message).toBe(missing.message);
      await expectNoChange(ctx, async () => {
        for (const attempt of [
          () => dir.users.update(s.atB.id, { profile: { title: "RN" } }, { version: s.atB.version }),
          () => dir.users.disable(s.atB.id, { version: s.atB.version }),
          () => dir.users.delete(s.atB.id, { version: s.atB.version }),
          () => dir.users.invitation(s.atB.id),
        ]) {
          expect((await expectError(attempt(), { code: "not_found" })).message).toBe(missing.message);
        }
      });
    });

    it("a visible user with access outside the manager's locations is forbidden to manage", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      expect((await s.manager.dir.users.get(s.atAB.id)).id).toBe(s.atAB.id);
      await expectNoChange(ctx, async () => {
        for (const target of [s.atAB, s.orgWide]) {
          await expectError(
            s.manager.dir.users.update(target.id, { profile: { title: "RN" } }, { version: target.version }),
            {
              code: "forbidden",
            },
          );
          await expectError(s.manager.dir.users.disable(target.id, await current(ctx, target.id)), {
            code: "forbidden",
          });
        }
      });
    });

    it("another organization's users, roles and locations are not_found like missing ids and never listed", async () => {
      const ctx = await setup(factory);
      const other = await ctx.world.bootstrapAnother();
      const otherDir = await ctx.world.as(other.owner.id, other.organization.id);
      const otherRole = (await otherDir.roles.list())[0];
      if (!otherRole) throw new Error("no role in the other organization");
      const missing = await expectError(ctx.owner.users.get(missingId()), { code: "not_found" });
      await expectNoChange(ctx, async () => {
        const foreign = await expectError(ctx.owner.users.get(other.owner.id), { code: "not_found" });
        expect(foreign.message).toBe(missing.message);
        await expectError(ctx.owner.users.disable(other.owner.id, { version: other.owner.version }), {
          code: "not_found",
        });
        await expectError(
          ctx.owner.users.update(
            other.owner.id,
            { profile: { title: "X" } },
            { version: other.owner.version },
          ),
          {
            code: "not_found",
          },
        );
        await expectError(
          ctx.owner.roles.update(otherRole.id, { name: "Mine" }, { version: otherRole.version }),
          {
            code: "not_found",
          },
        );
        await expectError(ctx.owner.roles.delete(otherRole.id, { version: otherRole.version }), {
          code: "not_found",
        });
        await expectError(
          ctx.owner.locations.archive(other.location.id, { version: other.location.version }),
          { code: "not_found" },
        );
      });
      expect(await visibleIds(ctx.owner)).not.toContain(other.owner.id);
      expect((await ctx.owner.roles.list()).map((r) => r.id)).not.toContain(otherRole.id);
      expect((await ctx.owner.locations.list()).map((l) => l.id)).not.toContain(other.location.id);
      expect((await ctx.owner.users.list({ search: other.owner.email })).total).toBe(0);
      expect((await otherDir.users.get(other.owner.id)).id).toBe(other.owner.id);
    });

    it("an actor of one organization cannot act in another", async () => {
      const ctx = await setup(factory);
      const other = await ctx.world.bootstrapAnother();
      const error = await rejectionOf(async () => {
        const dir = await ctx.world.as(ctx.world.owner.id, other.organization.id);
        return dir.users.list();
      });
      expect(["unauthenticated", "forbidden", "not_found"]).toContain(error);
    });
  });
}

/** The error code of an async action that must fail (whether `as` or the call throws). */
async function rejectionOf(act: () => Promise<unknown>): Promise<string> {
  try {
    await act();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? code : `non-DirectoryError: ${String(error)}`;
  }
  return "succeeded";
}
