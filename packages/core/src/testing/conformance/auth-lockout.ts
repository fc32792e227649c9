import { describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD } from "../fixtures";
import {
  attempt,
  expectNothingButAudit,
  expectUnauthenticated,
  failSignIns,
  LOCKOUT_BASE_MS,
  LOCKOUT_THRESHOLD,
  type Person,
  signIn,
  staffMember,
  WRONG_PASSWORD,
} from "./auth-helpers";
import { asDirectoryError } from "./errors-expect";
import { auditEvents, type Ctx, current, DAY, MINUTE, offered, setup, uniqueEmail } from "./helpers";
import type { WorldFactory } from "./world";

/**
 * Reads what the administrator sees (`locked`), then tries the right password: a person the
 * sign-in refuses must show as locked, so the admin knows to unlock them (W5).
 */
async function expectLockVisible(ctx: Ctx, person: Person): Promise<void> {
  const seen = (await ctx.owner.users.get(person.user.id)).locked;
  const outcome = await signIn(ctx, person).then(
    () => "signed in",
    (error: unknown) => asDirectoryError(error)?.code ?? String(error),
  );
  if (outcome !== "signed in") {
    expect(seen, `refused (${outcome}) with the right password, yet the admin sees locked: ${seen}`).toBe(
      true,
    );
  }
}

/**
 * R17 lockout: an atomic failure counter, growing lock lengths, reset on success, admin unlock, and
 * every attempt in the audit trail (R18) without the password.
 *
 * @example describe("memory", () => registerAuthLockoutTests(() => memoryWorld()));
 */
export function registerAuthLockoutTests(factory: WorldFactory): void {
  describe("R17 lockout", () => {
    it("ten wrong passwords lock the account: the right one is then refused like any failure", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      await failSignIns(ctx, sam.email, LOCKOUT_THRESHOLD);
      const refused = await expectNothingButAudit(ctx, () => expectUnauthenticated(signIn(ctx, sam)));
      const unknown = await expectUnauthenticated(attempt(ctx, uniqueEmail(ctx, "nobody"), FIXTURE_PASSWORD));
      expect(refused).toEqual(unknown);
      const seen = await ctx.owner.users.get(sam.user.id);
      expect(seen.locked).toBe(true);
      expect(offered(ctx.owner, seen)).toContain("unlock");
    });

    it("nine wrong passwords do not lock", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      await failSignIns(ctx, sam.email, LOCKOUT_THRESHOLD - 1);
      expect((await ctx.owner.users.get(sam.user.id)).locked).toBe(false);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("25 concurrent wrong passwords count at most 10: one lock of the first length", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      await Promise.all(
        Array.from({ length: 25 }, () => expectUnauthenticated(attempt(ctx, sam.email, WRONG_PASSWORD))),
      );
      await expectUnauthenticated(signIn(ctx, sam));
      expect((await ctx.owner.users.get(sam.user.id)).locked).toBe(true);
      // More than ten counted failures would have locked twice or more, for 30 minutes or longer.
      ctx.world.clock.advance(LOCKOUT_BASE_MS + MINUTE);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
      const events = await auditEvents(ctx.owner, { action: "auth.sign_in" });
      expect(events.filter((e) => e.outcome === "failure")).toHaveLength(26);
      expect(events.filter((e) => e.outcome === "success")).toHaveLength(1);
    });

    it("a lock expires after 15 minutes; then the right password works", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      await failSignIns(ctx, sam.email, LOCKOUT_THRESHOLD);
      ctx.world.clock.advance(LOCKOUT_BASE_MS - MINUTE);
      await expectUnauthenticated(signIn(ctx, sam));
      ctx.world.clock.advance(MINUTE + 1000);
      expect((await ctx.owner.users.get(sam.user.id)).locked).toBe(false);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("a second lockout lasts longer: still locked after 16 minutes, free after 30", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      await failSignIns(ctx, sam.email, LOCKOUT_THRESHOLD);
      ctx.world.clock.advance(LOCKOUT_BASE_MS + 1000);
      await failSignIns(ctx, sam.email, LOCKOUT_THRESHOLD);
      ctx.world.clock.advance(16 * MINUTE);
      await expectUnauthenticated(signIn(ctx, sam));
      expect((await ctx.owner.users.get(sam.user.id)).locked).toBe(true);
      ctx.world.clock.advance(14 * MINUTE + 1000);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("a success resets the count: 9 wrong, 1 right, 9 wrong still leaves the door open", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      await failSignIns(ctx, sam.email, LOCKOUT_THRESHOLD - 1);
      await signIn(ctx, sam);
      await failSignIns(ctx, sam.email, LOCKOUT_THRESHOLD - 1);
      expect((await ctx.owner.users.get(sam.user.id)).locked).toBe(false);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("an administrator's unlock clears the lock at once", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      await failSignIns(ctx, sam.email, LOCKOUT_THRESHOLD);
      expect((await ctx.owner.users.get(sam.user.id)).locked).toBe(true);
      const unlocked = await ctx.owner.users.unlock(sam.user.id, { version: sam.user.version });
      expect(unlocked.locked).toBe(false);
      expect((await ctx.owner.users.get(sam.user.id)).locked).toBe(false);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
      // The count starts from zero again: nine more failures do not lock.
      await failSignIns(ctx, sam.email, LOCKOUT_THRESHOLD - 1);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("right-password attempts while disabled never leave the restored person locked out for good", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      await ctx.owner.users.disable(sam.user.id, { version: sam.user.version });
      for (let i = 0; i <= LOCKOUT_THRESHOLD; i++) await expectUnauthenticated(signIn(ctx, sam));
      await ctx.owner.users.restore(sam.user.id, await current(ctx, sam.user.id));
      // However those attempts were counted, no lockout outlasts the longest one (24 hours).
      ctx.world.clock.advance(DAY + MINUTE);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("a person refused with the right password is shown locked to the admin (attempts into a foreign organization)", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const other = await ctx.world.bootstrapAnother();
      for (let i = 0; i <= LOCKOUT_THRESHOLD; i++) {
        await expectUnauthenticated(signIn(ctx, sam, other.organization.id));
      }
      await expectLockVisible(ctx, sam);
      ctx.world.clock.advance(DAY + MINUTE);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("every attempt is in the audit trail as auth.sign_in with its outcome and metadata, never a password", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const guesses = ["first-wrong-guess-alpha-1", "second-wrong-guess-beta-2"];
      const metadata = { ip: "203.0.113.9", userAgent: "conformance-browser/1.0" };
      for (const password of guesses) {
        await expectUnauthenticated(ctx.world.auth.signIn({ email: sam.email, password, metadata }));
      }
      await ctx.world.auth.signIn({ email: sam.email, password: sam.password, metadata });
      await failSignIns(ctx, sam.email, LOCKOUT_THRESHOLD);
      await expectUnauthenticated(signIn(ctx, sam));
      const events = await auditEvents(ctx.owner, { action: "auth.sign_in" });
      const outcomes = events.map((e) => e.outcome).reverse();
      expect(outcomes).toEqual([
        "failure",
        "failure",
        "success",
        ...Array.from({ length: LOCKOUT_THRESHOLD }, () => "failure"),
        "failure",
      ]);
      for (const event of events) expect(event.target.id).toBe(sam.user.id);
      const first = events.slice(-3);
      for (const event of first) expect(event.metadata).toMatchObject(metadata);
      const trail = JSON.stringify(await auditEvents(ctx.owner));
      for (const secret of [...guesses, WRONG_PASSWORD, sam.password]) expect(trail).not.toContain(secret);
    });
  });
}
