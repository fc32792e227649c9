import { describe, expect, it } from "vitest";
import { tokenFromLink } from "../../ports/mailer";
import { expectError } from "./errors-expect";
import { createStaff, current, expectNoChange, inviteStaff, setup, uniqueEmail, usersIn } from "./helpers";
import type { WorldFactory } from "./world";

/**
 * W6 (disable, restore, delete) and W5 (password reset).
 *
 * @example describe("memory", () => registerLifecycleTests(() => memoryWorld()));
 */
export function registerLifecycleTests(factory: WorldFactory): void {
  describe("W6 disable, restore, delete", () => {
    it("disable moves the user from the Active to the Disabled tab and keeps everything", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx, { title: "RN" });
      const disabled = await ctx.owner.users.disable(user.id, { version: user.version });
      expect(disabled).toMatchObject({ status: "disabled", profile: user.profile, roleId: user.roleId });
      expect(disabled.version).toBeGreaterThan(user.version);
      expect((await usersIn(ctx.owner, "active")).map((u) => u.id)).not.toContain(user.id);
      expect((await usersIn(ctx.owner, "disabled")).map((u) => u.id)).toEqual([user.id]);
      expect(await ctx.owner.users.counts()).toMatchObject({ active: 1, disabled: 1 });
    });

    it("restore brings a disabled user back to Active", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      await ctx.owner.users.disable(user.id, { version: user.version });
      const restored = await ctx.owner.users.restore(user.id, await current(ctx, user.id));
      expect(restored.status).toBe("active");
      expect((await usersIn(ctx.owner, "active")).map((u) => u.id)).toContain(user.id);
      expect(await ctx.owner.users.counts()).toMatchObject({ disabled: 0 });
    });

    it("R12 disable and restore with a stale version fail with stale", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const edited = await ctx.owner.users.update(
        user.id,
        { profile: { jobTitle: "Scheduler" } },
        { version: user.version },
      );
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.disable(user.id, { version: user.version }), { code: "stale" }),
      );
      const disabled = await ctx.owner.users.disable(user.id, { version: edited.version });
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.restore(user.id, { version: edited.version }), { code: "stale" }),
      );
      expect((await ctx.owner.users.restore(user.id, { version: disabled.version })).status).toBe("active");
    });

    it("wrong states are conflicts: disable a disabled user, restore an active one, delete an active one", async () => {
      const ctx = await setup(factory);
      const active = await createStaff(ctx);
      const disabled = await createStaff(ctx);
      await ctx.owner.users.disable(disabled.id, { version: disabled.version });
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.users.disable(disabled.id, await current(ctx, disabled.id)), {
          code: "conflict",
        });
        await expectError(ctx.owner.users.restore(active.id, { version: active.version }), {
          code: "conflict",
        });
        await expectError(ctx.owner.users.delete(active.id, await current(ctx, active.id)), {
          code: "conflict",
        });
      });
    });

    it("delete erases a disabled user: get is not_found, gone from every tab and count", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      await ctx.owner.users.disable(user.id, { version: user.version });
      const result = await ctx.owner.users.delete(user.id, await current(ctx, user.id));
      expect(result).toEqual({ id: user.id, accountDeleted: true });
      await expectError(ctx.owner.users.get(user.id), { code: "not_found" });
      expect(await ctx.owner.users.counts()).toEqual({ active: 1, pending: 0, disabled: 0 });
      const search = await ctx.owner.users.list({ status: "disabled", search: user.profile.familyName });
      expect(search.total).toBe(0);
      await expectError(ctx.owner.users.restore(user.id, { version: user.version }), { code: "not_found" });
    });

    it("delete removes a pending user too", async () => {
      const ctx = await setup(factory);
      const { user } = await inviteStaff(ctx);
      expect((await ctx.owner.users.delete(user.id, { version: user.version })).id).toBe(user.id);
      await expectError(ctx.owner.users.get(user.id), { code: "not_found" });
      expect((await ctx.owner.users.counts()).pending).toBe(0);
    });

    it("a person in two organizations deleted from one keeps the other membership and the account", async () => {
      const ctx = await setup(factory);
      const email = uniqueEmail(ctx, "two.orgs");
      const here = await createStaff(ctx, { email });
      const other = await ctx.world.bootstrapAnother();
      const otherOwner = await ctx.world.as(other.owner.id, other.organization.id);
      const role = (await otherOwner.roles.list()).find((r) => r.template === "read_only");
      if (!role) throw new Error("no read-only role in the other organization");
      const { user: there } = await otherOwner.users.invite({
        email,
        profile: { givenName: "Sam", familyName: "Two" },
        roleId: role.id,
        locationAccess: [other.location.id],
        primaryLocationId: other.location.id,
      });
      await ctx.owner.users.disable(here.id, { version: here.version });
      expect(await ctx.owner.users.delete(here.id, await current(ctx, here.id))).toEqual({
        id: here.id,
        accountDeleted: false,
      });
      await expectError(ctx.owner.users.get(here.id), { code: "not_found" });
      expect(await otherOwner.users.get(there.id)).toMatchObject({
        email,
        status: "pending",
        accountId: here.accountId,
      });
    });

    it("after deletion the email can be used again", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      await ctx.owner.users.disable(user.id, { version: user.version });
      await ctx.owner.users.delete(user.id, await current(ctx, user.id));
      const again = await createStaff(ctx, { email: user.email });
      expect(again.id).not.toBe(user.id);
    });
  });

  describe("W5 reset a password", () => {
    it("R15 a temporary password forces a change at next sign-in by default; no secret is returned", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx, { extra: { mustChangePassword: false } });
      const temporary = "temporary-lantern-orchard-58";
      const reset = await ctx.owner.users.resetPassword(
        user.id,
        { mode: "temporary", password: temporary },
        { version: user.version },
      );
      expect(reset.mustChangePassword).toBe(true);
      expect(reset.version).toBeGreaterThan(user.version);
      expect(JSON.stringify(reset)).not.toContain(temporary);
      const kept = await ctx.owner.users.resetPassword(
        reset.id,
        {
          mode: "temporary",
          password: "second-lantern-orchard-77",
          mustChangePassword: false,
        },
        { version: reset.version },
      );
      expect(kept.mustChangePassword).toBe(false);
    });

    it("R16 a too-short temporary password is refused on the password field, writing nothing", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      await expectNoChange(ctx, () =>
        expectError(
          ctx.owner.users.resetPassword(
            user.id,
            { mode: "temporary", password: "abc" },
            { version: user.version },
          ),
          {
            code: "validation",
            path: ["password"],
          },
        ),
      );
    });

    it("R15 a reset link is emailed to the user with a single-use token", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      await ctx.owner.users.resetPassword(user.id, { mode: "link" }, { version: user.version });
      const mail = ctx.world.mailer.latest(user.email, "password_reset");
      const token = tokenFromLink(mail?.link);
      expect(token?.length ?? 0).toBeGreaterThanOrEqual(22);
    });
  });
}
