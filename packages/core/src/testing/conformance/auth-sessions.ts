import { describe, expect, it } from "vitest";
import {
  expectAlive,
  expectEnded,
  expectInFromNow,
  expectUnauthenticated,
  LOCKOUT_THRESHOLD,
  memberOfTwo,
  NEW_PASSWORD,
  type Person,
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
  signIn,
  staffMember,
  TEMPORARY_PASSWORD,
  UNKNOWN_TOKEN,
} from "./auth-helpers";
import { asDirectoryError, expectError } from "./errors-expect";
import { current, MINUTE, setSeats, setup } from "./helpers";
import type { WorldFactory } from "./world";

/**
 * W13 sessions: idle and absolute limits, sign-out, concurrent seats (R9), and every way a session
 * ends early (disable, delete, password change, admin reset).
 *
 * @example describe("memory", () => registerAuthSessionTests(() => memoryWorld()));
 */
export function registerAuthSessionTests(factory: WorldFactory): void {
  describe("W13 sessions", () => {
    it("an unused session ends after 15 minutes; each use moves the idle deadline", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { token } = await signIn(ctx, sam);
      ctx.world.clock.advance(14 * MINUTE);
      const touched = await ctx.world.auth.session(token);
      expectInFromNow(ctx, touched.idleExpiresAt, SESSION_IDLE_MS);
      ctx.world.clock.advance(14 * MINUTE);
      await ctx.world.auth.authorize(token);
      ctx.world.clock.advance(SESSION_IDLE_MS + MINUTE);
      await expectEnded(ctx, token);
      // Dead stays dead, even for a quick retry.
      await expectUnauthenticated(ctx.world.auth.session(token));
    });

    it("used every 10 minutes a session lives until its 12-hour limit, then ends", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { token, session } = await signIn(ctx, sam);
      const start = ctx.world.clock.now();
      while (ctx.world.clock.now() - start < SESSION_LIFETIME_MS - 10 * MINUTE) {
        ctx.world.clock.advance(10 * MINUTE);
        const view = await ctx.world.auth.session(token);
        expect(view.expiresAt).toBe(session.expiresAt);
        expect(Date.parse(view.idleExpiresAt)).toBeLessThanOrEqual(Date.parse(view.expiresAt));
      }
      ctx.world.clock.advance(9 * MINUTE);
      expect((await ctx.world.auth.authorize(token)).userId).toBe(sam.user.id);
      ctx.world.clock.advance(2 * MINUTE);
      await expectEnded(ctx, token);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("signOut ends that session only and is idempotent, unknown tokens included", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const desk = await signIn(ctx, sam);
      const tablet = await signIn(ctx, sam);
      await expect(ctx.world.auth.signOut(desk.token)).resolves.toBeUndefined();
      await expectEnded(ctx, desk.token);
      await expectAlive(ctx, tablet.token, sam);
      await expect(ctx.world.auth.signOut(desk.token)).resolves.toBeUndefined();
      await expect(ctx.world.auth.signOut(UNKNOWN_TOKEN)).resolves.toBeUndefined();
      await expect(ctx.world.auth.signOut("")).resolves.toBeUndefined();
      await expectAlive(ctx, tablet.token, sam);
    });

    it("a session never resolves from a made-up token", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { token } = await signIn(ctx, sam);
      for (const fake of [UNKNOWN_TOKEN, "", "x", `${token}x`, token.slice(0, -1)]) {
        await expectEnded(ctx, fake);
      }
      await expectAlive(ctx, token, sam);
    });

    it("R9 concurrent seats: a third sign-in is refused while two are in use and works after a sign-out", async () => {
      const ctx = await setup(factory);
      await setSeats(ctx, { concurrent: 2 });
      const [a, b, c] = [await staffMember(ctx), await staffMember(ctx), await staffMember(ctx)];
      const first = await signIn(ctx, a);
      await signIn(ctx, b);
      const refused = await expectError(signIn(ctx, c), { code: "rule", rule: "concurrent_seat_limit" });
      expect(refused.message.length).toBeGreaterThan(0);
      await expectError(signIn(ctx, a), { code: "rule", rule: "concurrent_seat_limit" });
      await ctx.world.auth.signOut(first.token);
      const third = await signIn(ctx, c);
      await expectAlive(ctx, third.token, c);
      await expectError(signIn(ctx, a), { code: "rule", rule: "concurrent_seat_limit" });
    });

    it("R9 concurrent seats hold under parallel sign-ins", async () => {
      const ctx = await setup(factory);
      await setSeats(ctx, { concurrent: 2 });
      const people: Person[] = [];
      for (let i = 0; i < 6; i++) people.push(await staffMember(ctx));
      const results = await Promise.allSettled(people.map((p) => signIn(ctx, p)));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
      for (const r of results) {
        if (r.status === "rejected") {
          expect(asDirectoryError(r.reason)).toMatchObject({ code: "rule", rule: "concurrent_seat_limit" });
        }
      }
    });

    it("R9 an idle-expired session frees its concurrent seat", async () => {
      const ctx = await setup(factory);
      await setSeats(ctx, { concurrent: 1 });
      const [a, b] = [await staffMember(ctx), await staffMember(ctx)];
      await signIn(ctx, a);
      await expectError(signIn(ctx, b), { code: "rule", rule: "concurrent_seat_limit" });
      ctx.world.clock.advance(SESSION_IDLE_MS + MINUTE);
      await expectAlive(ctx, (await signIn(ctx, b)).token, b);
    });

    it("R9/R17 sign-ins refused for lack of seats (right password) never lock the person out", async () => {
      const ctx = await setup(factory);
      await setSeats(ctx, { concurrent: 1 });
      const [a, b] = [await staffMember(ctx), await staffMember(ctx)];
      const held = await signIn(ctx, a);
      for (let i = 0; i <= LOCKOUT_THRESHOLD; i++) {
        await expectError(signIn(ctx, b), { code: "rule", rule: "concurrent_seat_limit" });
      }
      expect((await ctx.owner.users.get(b.user.id)).locked).toBe(false);
      await ctx.world.auth.signOut(held.token);
      await expectAlive(ctx, (await signIn(ctx, b)).token, b);
    });

    it("disabling a user ends all their sessions at once; restoring does not revive them", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const desk = await signIn(ctx, sam);
      const tablet = await signIn(ctx, sam);
      await ctx.owner.users.disable(sam.user.id, { version: sam.user.version });
      await expectEnded(ctx, desk.token);
      await expectEnded(ctx, tablet.token);
      await expectUnauthenticated(signIn(ctx, sam));
      await ctx.owner.users.restore(sam.user.id, await current(ctx, sam.user.id));
      await expectEnded(ctx, desk.token);
      await expectAlive(ctx, (await signIn(ctx, sam)).token, sam);
    });

    it("deleting a user ends their session and sign-in here; their other organization is untouched", async () => {
      const ctx = await setup(factory);
      const { other, person } = await memberOfTwo(ctx);
      const user = person.user;
      const here = await signIn(ctx, person, ctx.world.organization.id);
      const there = await signIn(ctx, person, other.organization.id);
      await ctx.owner.users.disable(user.id, await current(ctx, user.id));
      const result = await ctx.owner.users.delete(user.id, await current(ctx, user.id));
      expect(result.accountDeleted).toBe(false);
      await expectEnded(ctx, here.token);
      await expectUnauthenticated(signIn(ctx, person, ctx.world.organization.id));
      expect((await ctx.world.auth.session(there.token)).organizationId).toBe(other.organization.id);
      const choices = await ctx.world.auth.organizations(there.token);
      expect(choices.map((c) => c.organizationId)).toEqual([other.organization.id]);
      expect((await signIn(ctx, person)).session.organizationId).toBe(other.organization.id);
    });

    it("a deleted person with no other organization can no longer sign in at all", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { token } = await signIn(ctx, sam);
      await ctx.owner.users.disable(sam.user.id, { version: sam.user.version });
      expect(
        (await ctx.owner.users.delete(sam.user.id, await current(ctx, sam.user.id))).accountDeleted,
      ).toBe(true);
      await expectEnded(ctx, token);
      await expectUnauthenticated(signIn(ctx, sam));
    });

    it("changing one's password ends the person's other sessions, not this one", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const desk = await signIn(ctx, sam);
      const tablet = await signIn(ctx, sam);
      await ctx.world.auth.changePassword({
        token: desk.token,
        currentPassword: sam.password,
        newPassword: NEW_PASSWORD,
      });
      await expectAlive(ctx, desk.token, sam);
      await expectEnded(ctx, tablet.token);
    });

    it("an admin's temporary password ends the person's sessions", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const desk = await signIn(ctx, sam);
      const tablet = await signIn(ctx, sam);
      await ctx.owner.users.resetPassword(
        sam.user.id,
        { mode: "temporary", password: TEMPORARY_PASSWORD },
        { version: sam.user.version },
      );
      await expectEnded(ctx, desk.token);
      await expectEnded(ctx, tablet.token);
      await expectUnauthenticated(signIn(ctx, sam));
      const again = await signIn(ctx, { ...sam, password: TEMPORARY_PASSWORD });
      expect(again.session.mustChangePassword).toBe(true);
    });
  });
}
