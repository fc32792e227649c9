import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../directory/staff-directory";
import type { User } from "../../users/user.schema";
import { expectError } from "./errors-expect";
import {
  actAs,
  type Ctx,
  createStaff,
  current,
  expectNoChange,
  setup,
  templateRole,
  usersIn,
} from "./helpers";
import type { WorldFactory } from "./world";

/** Creates an org-wide Administrator and returns it with its directory. */
async function addAdmin(ctx: Ctx, givenName: string): Promise<{ user: User; dir: StaffDirectory }> {
  const user = await createStaff(ctx, {
    role: "administrator",
    locations: "organization",
    givenName,
    familyName: "Admin",
  });
  return { user, dir: await actAs(ctx, user.id) };
}

/** Hands the main contact over, as the current main contact `from`. */
async function handOver(from: StaffDirectory, to: User): Promise<void> {
  const org = await from.organization.get();
  await from.organization.update({ mainContactUserId: to.id }, { version: org.version });
}

/**
 * R6 (at least one active administrator, also under concurrency) and R7 (no self-removal; only the
 * main contact removes or demotes administrators; hand-over).
 *
 * @example describe("memory", () => registerAdminTests(() => memoryWorld()));
 */
export function registerAdminTests(factory: WorldFactory): void {
  describe("R6/R7 administrators", () => {
    it("nobody disables, deletes or demotes themselves (self_change)", async () => {
      const ctx = await setup(factory);
      const me = ctx.world.owner;
      const frontDesk = await templateRole(ctx, "front_desk");
      await addAdmin(ctx, "Second");
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.users.disable(me.id, { version: me.version }), {
          code: "rule",
          rule: "self_change",
        });
        await expectError(ctx.owner.users.delete(me.id, await current(ctx, me.id)), {
          code: "rule",
          rule: "self_change",
        });
        await expectError(ctx.owner.users.update(me.id, { roleId: frontDesk.id }, { version: me.version }), {
          code: "rule",
          rule: "self_change",
        });
      });
    });

    it("an administrator who is not the main contact cannot disable, delete or demote another administrator", async () => {
      const ctx = await setup(factory);
      const second = await addAdmin(ctx, "Second");
      const third = await addAdmin(ctx, "Third");
      const frontDesk = await templateRole(ctx, "front_desk");
      await expectNoChange(ctx, async () => {
        await expectError(second.dir.users.disable(third.user.id, { version: third.user.version }), {
          code: "rule",
          rule: "main_contact_only",
        });
        await expectError(
          second.dir.users.disable(ctx.world.owner.id, { version: ctx.world.owner.version }),
          {
            code: "rule",
            rule: "main_contact_only",
          },
        );
        await expectError(
          second.dir.users.update(third.user.id, { roleId: frontDesk.id }, { version: third.user.version }),
          { code: "rule", rule: "main_contact_only" },
        );
      });
      const disabled = await ctx.owner.users.disable(third.user.id, await current(ctx, third.user.id));
      await expectNoChange(ctx, () =>
        expectError(second.dir.users.delete(third.user.id, { version: disabled.version }), {
          code: "rule",
          rule: "main_contact_only",
        }),
      );
    });

    it("a non-main-contact administrator still manages ordinary staff", async () => {
      const ctx = await setup(factory);
      const second = await addAdmin(ctx, "Second");
      const staff = await createStaff(ctx);
      expect((await second.dir.users.disable(staff.id, { version: staff.version })).status).toBe("disabled");
      expect((await second.dir.users.delete(staff.id, await current(ctx, staff.id))).id).toBe(staff.id);
    });

    it("the main contact disables, demotes and deletes another administrator", async () => {
      const ctx = await setup(factory);
      const second = await addAdmin(ctx, "Second");
      const third = await addAdmin(ctx, "Third");
      const frontDesk = await templateRole(ctx, "front_desk");
      const demoted = await ctx.owner.users.update(
        second.user.id,
        { roleId: frontDesk.id },
        { version: second.user.version },
      );
      expect(demoted.roleId).toBe(frontDesk.id);
      await ctx.owner.users.disable(third.user.id, { version: third.user.version });
      expect((await ctx.owner.users.delete(third.user.id, await current(ctx, third.user.id))).id).toBe(
        third.user.id,
      );
      expect((await usersIn(ctx.owner, "active", { admin: true })).map((u) => u.id)).toEqual([
        ctx.world.owner.id,
      ]);
    });

    it("the main contact hands over; the new main contact may then remove the old one", async () => {
      const ctx = await setup(factory);
      const second = await addAdmin(ctx, "Second");
      await handOver(ctx.owner, second.user);
      expect((await ctx.owner.organization.get()).mainContactUserId).toBe(second.user.id);
      expect((await second.dir.me()).isMainContact).toBe(true);
      expect((await ctx.owner.me()).isMainContact).toBe(false);
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.disable(second.user.id, { version: second.user.version }), {
          code: "rule",
          rule: "main_contact_only",
        }),
      );
      const frontDesk = await templateRole(ctx, "front_desk");
      const owner = await ctx.owner.users.get(ctx.world.owner.id);
      const demoted = await second.dir.users.update(
        owner.id,
        { roleId: frontDesk.id },
        { version: owner.version },
      );
      expect(demoted.roleId).toBe(frontDesk.id);
    });

    it("only the main contact hands the main contact over", async () => {
      const ctx = await setup(factory);
      const second = await addAdmin(ctx, "Second");
      const org = await second.dir.organization.get();
      await expectNoChange(ctx, () =>
        expectError(
          second.dir.organization.update({ mainContactUserId: second.user.id }, { version: org.version }),
          {
            code: "rule",
            rule: "main_contact_only",
          },
        ),
      );
    });

    it("R6 concurrent removals never leave the organization without an active administrator", async () => {
      const ctx = await setup(factory);
      const second = await addAdmin(ctx, "Second");
      const third = await addAdmin(ctx, "Third");
      // Every version is read before the race starts: an await inside the array would leave the
      // writes already started without a handler while it waits.
      const secondNow = await current(ctx, second.user.id);
      await Promise.allSettled([
        ctx.owner.users.disable(second.user.id, { version: second.user.version }),
        ctx.owner.users.disable(third.user.id, { version: third.user.version }),
        second.dir.users.disable(ctx.world.owner.id, { version: ctx.world.owner.version }),
        third.dir.users.disable(second.user.id, secondNow),
      ]);
      const admins = await usersIn(ctx.owner, "active", { admin: true });
      expect(admins.length).toBeGreaterThanOrEqual(1);
      expect(admins.map((u) => u.id)).toContain(ctx.world.owner.id);
    });

    it("R6/R7 a hand-over racing a disable leaves an active main contact who is an administrator", async () => {
      const ctx = await setup(factory);
      const second = await addAdmin(ctx, "Second");
      const org = await ctx.owner.organization.get();
      await Promise.allSettled([
        ctx.owner.organization.update({ mainContactUserId: second.user.id }, { version: org.version }),
        ctx.owner.users.disable(second.user.id, { version: second.user.version }),
      ]);
      const after = await ctx.owner.organization.get();
      const admins = await usersIn(ctx.owner, "active", { admin: true });
      expect(admins.length).toBeGreaterThanOrEqual(1);
      expect(admins.map((u) => u.id)).toContain(after.mainContactUserId);
    });

    it("R6 concurrent demotions through roles never leave zero administrators", async () => {
      const ctx = await setup(factory);
      const admin = await templateRole(ctx, "administrator");
      const coAdmin = await ctx.owner.roles.create({ name: "Co-admin", permissions: [...admin.permissions] });
      const other = await createStaff(ctx, { role: coAdmin, locations: "organization" });
      const frontDesk = await templateRole(ctx, "front_desk");
      const without = (p: readonly string[]) => p.filter((x) => x !== "users.manage");
      await Promise.allSettled([
        ctx.owner.roles.update(
          coAdmin.id,
          { permissions: without(coAdmin.permissions) },
          { version: coAdmin.version },
        ),
        ctx.owner.roles.update(
          admin.id,
          { permissions: without(admin.permissions) },
          { version: admin.version },
        ),
        ctx.owner.users.update(other.id, { roleId: frontDesk.id }, { version: other.version }),
      ]);
      expect((await usersIn(ctx.owner, "active", { admin: true })).length).toBeGreaterThanOrEqual(1);
    });
  });
}
