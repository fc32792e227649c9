import { describe, expect, it } from "vitest";
import { expectError } from "./errors-expect";
import { createStaff, inviteStaff, setup } from "./helpers";
import type { WorldFactory } from "./world";

/**
 * R12 for the writes whose version is optional: a version, when named, must be current.
 *
 * @example describe("memory", () => registerVersionTests(() => memoryWorld()));
 */
export function registerVersionTests(factory: WorldFactory): void {
  describe("R12 optional versions on password reset, unlock and invitations", () => {
    it("a stale version is refused with stale and the current one is accepted", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const edited = await ctx.owner.users.update(
        user.id,
        { profile: { jobTitle: "Scheduler" } },
        { version: user.version },
      );
      const stale = { version: user.version };
      await expectError(ctx.owner.users.resetPassword(user.id, { mode: "link" }, stale), { code: "stale" });
      await expectError(ctx.owner.users.unlock(user.id, stale), { code: "stale" });
      const sent = await ctx.owner.users.resetPassword(
        user.id,
        { mode: "link" },
        { version: edited.version },
      );
      expect(sent.version).toBe(edited.version);

      const { user: pending } = await inviteStaff(ctx);
      ctx.world.clock.advance(2 * 60 * 1000);
      await expectError(ctx.owner.users.resendInvitation(pending.id, { version: pending.version + 1 }), {
        code: "stale",
      });
      await expectError(ctx.owner.users.revokeInvitation(pending.id, { version: pending.version + 1 }), {
        code: "stale",
      });
      expect(
        (await ctx.owner.users.resendInvitation(pending.id, { version: pending.version })).sentCount,
      ).toBe(2);
      expect((await ctx.owner.users.revokeInvitation(pending.id, { version: pending.version })).id).toBe(
        pending.id,
      );
    });
  });
}
