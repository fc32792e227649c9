import { describe, expect, it } from "vitest";
import type { OrganizationPatch } from "../../organization/organization.schema";
import {
  expectAlive,
  expectEnded,
  expectInFromNow,
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
  signIn,
  staffMember,
} from "./auth-helpers";
import { expectError } from "./errors-expect";
import {
  type Ctx,
  expectNoChange,
  HOUR,
  latestEvent,
  MINUTE,
  setSeats,
  setup,
  staffWithPermissions,
  withUnknown,
} from "./helpers";
import type { WorldFactory } from "./world";

/** Sets the organization's session limits as the owner. */
async function setLimits(ctx: Ctx, sessionLimits: OrganizationPatch["sessionLimits"]): Promise<void> {
  const org = await ctx.owner.organization.get();
  await ctx.owner.organization.update({ sessionLimits }, { version: org.version });
}

/**
 * W13 session limits as organization settings: the idle limit and the absolute lifetime, with their
 * bounds (R14), the version read (R12), the audit (R18), and their effect on open sessions and on
 * the concurrent seats (R9).
 *
 * @example describe("memory", () => registerSessionLimitTests(() => memoryWorld()));
 */
export function registerSessionLimitTests(factory: WorldFactory): void {
  describe("W13 session limits (organization settings)", () => {
    it("a new organization's sessions end after 15 idle minutes and 12 hours; R12 the limits change with the version read, audited (R18)", async () => {
      const ctx = await setup(factory);
      const org = await ctx.owner.organization.get();
      expect(org.sessionLimits).toEqual({ idleMinutes: SESSION_IDLE_MS / MINUTE, lifetimeHours: 12 });
      const updated = await ctx.owner.organization.update(
        { sessionLimits: { idleMinutes: 30 } },
        { version: org.version },
      );
      expect(updated.sessionLimits).toEqual({ idleMinutes: 30, lifetimeHours: 12 });
      expect(await ctx.owner.organization.get()).toEqual(updated);
      expect(await latestEvent(ctx.owner)).toMatchObject({
        action: "organization.updated",
        changes: {
          sessionLimits: {
            before: { idleMinutes: 15, lifetimeHours: 12 },
            after: { idleMinutes: 30, lifetimeHours: 12 },
          },
        },
      });
      await expectError(
        ctx.owner.organization.update({ sessionLimits: { lifetimeHours: 8 } }, { version: org.version }),
        { code: "stale" },
      );
    });

    it("a shorter idle limit ends idle sessions at once; a longer one lets a session idle longer", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const ana = await staffMember(ctx);
      const idle = await signIn(ctx, sam);
      ctx.world.clock.advance(6 * MINUTE);
      await setLimits(ctx, { idleMinutes: 5 });
      await expectEnded(ctx, idle.token);
      const fresh = await signIn(ctx, ana);
      expectInFromNow(ctx, fresh.session.idleExpiresAt, 5 * MINUTE);
      await setLimits(ctx, { idleMinutes: 60 });
      ctx.world.clock.advance(45 * MINUTE);
      const view = await ctx.world.auth.session(fresh.token);
      expectInFromNow(ctx, view.idleExpiresAt, 60 * MINUTE);
      ctx.world.clock.advance(61 * MINUTE);
      await expectEnded(ctx, fresh.token);
    });

    it("a shorter lifetime ends sessions older than it at once, however busy; new sessions get it", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const busy = await signIn(ctx, sam);
      expectInFromNow(ctx, busy.session.expiresAt, SESSION_LIFETIME_MS);
      for (let i = 0; i < 9; i++) {
        ctx.world.clock.advance(10 * MINUTE);
        await ctx.world.auth.session(busy.token);
      }
      await setLimits(ctx, { lifetimeHours: 2 });
      expectInFromNow(ctx, (await ctx.world.auth.session(busy.token)).expiresAt, 30 * MINUTE);
      for (let i = 0; i < 2; i++) {
        ctx.world.clock.advance(10 * MINUTE);
        await expectAlive(ctx, busy.token, sam);
      }
      ctx.world.clock.advance(11 * MINUTE);
      await expectEnded(ctx, busy.token);
      const next = await signIn(ctx, sam);
      expectInFromNow(ctx, next.session.expiresAt, 2 * HOUR);
      await setLimits(ctx, { lifetimeHours: 24 });
      // A longer lifetime does not stretch a session already open past the end it was given.
      expectInFromNow(ctx, (await ctx.world.auth.session(next.token)).expiresAt, 2 * HOUR);
      await expectAlive(ctx, next.token, sam);
    });

    it("R9 concurrent seats count sessions within the organization's own idle limit", async () => {
      const ctx = await setup(factory);
      await setSeats(ctx, { concurrent: 1 });
      await setLimits(ctx, { idleMinutes: 5 });
      const [a, b] = [await staffMember(ctx), await staffMember(ctx)];
      await signIn(ctx, a);
      await expectError(signIn(ctx, b), { code: "rule", rule: "concurrent_seat_limit" });
      ctx.world.clock.advance(5 * MINUTE + 1000);
      expect((await ctx.owner.organization.usage()).concurrent).toEqual({ used: 0, limit: 1 });
      await expectAlive(ctx, (await signIn(ctx, b)).token, b);
    });

    it("R14 limits outside 5–240 minutes and 1–24 hours, not whole, idle beyond the lifetime, or unknown are refused on their field and change nothing", async () => {
      const ctx = await setup(factory);
      const { version } = await ctx.owner.organization.get();
      const cases: [OrganizationPatch["sessionLimits"], (string | number)[]][] = [
        [{ idleMinutes: 4 }, ["sessionLimits", "idleMinutes"]],
        [{ idleMinutes: 241 }, ["sessionLimits", "idleMinutes"]],
        [{ idleMinutes: 7.5 }, ["sessionLimits", "idleMinutes"]],
        [{ lifetimeHours: 0 }, ["sessionLimits", "lifetimeHours"]],
        [{ lifetimeHours: 25 }, ["sessionLimits", "lifetimeHours"]],
        [{ idleMinutes: 90, lifetimeHours: 1 }, ["sessionLimits", "idleMinutes"]],
        [withUnknown({ idleMinutes: 20 }, { absoluteMinutes: 60 }), ["sessionLimits", "absoluteMinutes"]],
      ];
      for (const [sessionLimits, path] of cases) {
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.organization.update({ sessionLimits }, { version }), {
            code: "validation",
            path,
          }),
        );
      }
      // The pair is checked as it will be stored: 90 idle minutes fit 12 hours, then 1 hour is too short.
      await setLimits(ctx, { idleMinutes: 90 });
      const { version: next } = await ctx.owner.organization.get();
      await expectError(
        ctx.owner.organization.update({ sessionLimits: { lifetimeHours: 1 } }, { version: next }),
        {
          code: "validation",
          path: ["sessionLimits", "idleMinutes"],
        },
      );
    });

    it("R2 only organization-wide holders of organization.manage change the session limits", async () => {
      const ctx = await setup(factory);
      const { dir } = await staffWithPermissions(ctx, ["users.view", "users.manage"], {
        locations: "organization",
      });
      const org = await dir.organization.get();
      expect(org.sessionLimits).toEqual({ idleMinutes: 15, lifetimeHours: 12 });
      await expectNoChange(ctx, () =>
        expectError(
          dir.organization.update({ sessionLimits: { idleMinutes: 240 } }, { version: org.version }),
          {
            code: "forbidden",
          },
        ),
      );
    });
  });
}
