import { describe, expect, it } from "vitest";
import { expectError } from "./errors-expect";
import { actAs, createStaff, inviteStaff, offered, refusedBecause, setup } from "./helpers";
import { scopedWorld } from "./scope";
import type { WorldFactory } from "./world";

/**
 * `can()` and `users.actions()`: the UI affordances agree with what the service does.
 *
 * @example describe("memory", () => registerAffordanceTests(() => memoryWorld()));
 */
export function registerAffordanceTests(factory: WorldFactory): void {
  describe("can() and actions()", () => {
    it("R2 can() is false before me() and then matches the service's decisions", async () => {
      const ctx = await setup(factory);
      const reader = await createStaff(ctx, { role: "read_only" });
      const desk = await createStaff(ctx, { role: "front_desk" });
      const fresh = await ctx.world.as(reader.id);
      expect(fresh.can("users.view")).toBe(false);
      const readerDir = await actAs(ctx, reader.id);
      const deskDir = await actAs(ctx, desk.id);
      expect(ctx.owner.can("users.manage")).toBe(true);
      expect(ctx.owner.can("organization.manage")).toBe(true);
      expect(readerDir.can("users.view")).toBe(true);
      expect(readerDir.can("users.manage")).toBe(false);
      expect(deskDir.can("users.view")).toBe(false);
      expect(deskDir.can("calendar.create")).toBe(true);
      expect((await readerDir.users.list()).total).toBeGreaterThan(0);
      await expectError(deskDir.users.list(), { code: "forbidden" });
      await expectError(readerDir.users.disable(desk.id, { version: desk.version }), { code: "forbidden" });
    });

    it("R4 can() with a target answers false outside the actor's locations", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const dir = s.manager.dir;
      expect(dir.can("users.manage")).toBe(true);
      expect(dir.can("users.manage", s.atA)).toBe(true);
      expect(dir.can("users.manage", s.atB)).toBe(false);
      expect(dir.can("users.manage", s.atAB)).toBe(false);
      expect(dir.can("users.manage", s.orgWide)).toBe(false);
      expect(ctx.owner.can("users.manage", s.atB)).toBe(true);
    });

    it("R7 actions() fit the status: active, disabled, pending, and never self-removal", async () => {
      const ctx = await setup(factory);
      const active = await createStaff(ctx);
      const staff = await createStaff(ctx);
      const disabled = await ctx.owner.users.disable(staff.id, { version: staff.version });
      const { user: pending } = await inviteStaff(ctx);
      const self = await ctx.owner.users.get(ctx.world.owner.id);
      const onActive = offered(ctx.owner, active);
      expect(onActive).toEqual(expect.arrayContaining(["edit", "disable", "resetPassword"]));
      expect(onActive).not.toContain("restore");
      expect(onActive).not.toContain("delete");
      const onDisabled = offered(ctx.owner, disabled);
      expect(onDisabled).toEqual(expect.arrayContaining(["restore", "delete"]));
      expect(onDisabled).not.toContain("disable");
      expect(offered(ctx.owner, pending)).toEqual(
        expect.arrayContaining(["edit", "resendInvitation", "revokeInvitation"]),
      );
      const onSelf = offered(ctx.owner, self);
      expect(onSelf).not.toContain("disable");
      expect(onSelf).not.toContain("delete");
      expect(refusedBecause(ctx.owner, self, "disable")).toBe("You cannot disable yourself.");
      expect((await ctx.owner.users.delete(disabled.id, { version: disabled.version })).id).toBe(disabled.id);
      expect((await ctx.owner.users.disable(active.id, { version: active.version })).status).toBe("disabled");
    });

    it("R2/R4/R7 actions() are empty for a reader and honour scope and the main contact rule", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const readerUser = await createStaff(ctx, { role: "read_only" });
      const reader = await actAs(ctx, readerUser.id);
      expect(offered(reader, s.atA)).toEqual([]);
      expect(offered(s.manager.dir, s.atA)).toEqual(expect.arrayContaining(["edit", "disable"]));
      expect(offered(s.manager.dir, s.atAB)).not.toContain("edit");
      expect(offered(s.manager.dir, s.atAB)).not.toContain("disable");
      expect(refusedBecause(s.manager.dir, s.atAB, "disable")).toBe(
        "This user has access to locations outside yours.",
      );
      const admin = await createStaff(ctx, { role: "administrator", locations: "organization" });
      const adminDir = await actAs(ctx, admin.id);
      const owner = await ctx.owner.users.get(ctx.world.owner.id);
      expect(offered(adminDir, owner)).not.toContain("disable");
      expect(offered(ctx.owner, admin)).toContain("disable");
    });
  });
}
