import { describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD } from "../fixtures";
import {
  attempt,
  expectInFromNow,
  expectNothingButAudit,
  expectUnauthenticated,
  failSignIns,
  LOCKOUT_THRESHOLD,
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
  signIn,
  staffMember,
  WRONG_PASSWORD,
} from "./auth-helpers";
import { actAs, inviteStaff, nowIso, setSeats, setup, uniqueEmail } from "./helpers";
import type { WorldFactory } from "./world";

/** A base64url token of at least 16 random bytes (128 bits, R15). */
const STRONG_TOKEN = /^[A-Za-z0-9_-]{22,}$/;

/**
 * W13/R17 sign-in through `auth`: the session a person gets, and one indistinguishable
 * `unauthenticated` answer for every way of not getting one.
 *
 * @example describe("memory", () => registerAuthSignInTests(() => memoryWorld()));
 */
export function registerAuthSignInTests(factory: WorldFactory): void {
  describe("W13 sign-in", () => {
    it("R15 returns a strong token and the session: organization, user, limits", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const result = await signIn(ctx, sam);
      expect(result.token).toMatch(STRONG_TOKEN);
      expect(result.session).toMatchObject({
        organizationId: ctx.world.organization.id,
        organizationName: ctx.world.organization.name,
        userId: sam.user.id,
        mustChangePassword: false,
      });
      expect(result.session.user).toMatchObject({ id: sam.user.id, email: sam.email, status: "active" });
      expectInFromNow(ctx, result.session.createdAt, 0);
      expectInFromNow(ctx, result.session.idleExpiresAt, SESSION_IDLE_MS);
      expectInFromNow(ctx, result.session.expiresAt, SESSION_LIFETIME_MS);
      expect(result.organizations).toEqual([
        {
          organizationId: ctx.world.organization.id,
          name: ctx.world.organization.name,
          userId: sam.user.id,
          current: true,
        },
      ]);
      expect(JSON.stringify(result.session)).not.toContain(sam.password);
    });

    it("session() resolves the token; authorize() gives an actor the directory accepts", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { token, session } = await signIn(ctx, sam);
      const resolved = await ctx.world.auth.session(token);
      expect(resolved).toMatchObject({
        organizationId: ctx.world.organization.id,
        userId: sam.user.id,
        mustChangePassword: false,
        createdAt: session.createdAt,
        expiresAt: session.expiresAt,
      });
      expect(resolved.user.id).toBe(sam.user.id);
      const actor = await ctx.world.auth.authorize(token);
      expect(actor).toMatchObject({ organizationId: ctx.world.organization.id, userId: sam.user.id });
      const me = await (await actAs(ctx, actor.userId, actor.organizationId)).me();
      expect(me.user.id).toBe(sam.user.id);
    });

    it("each sign-in opens its own session with a different token; the admin sees the last sign-in", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const first = await signIn(ctx, sam);
      const second = await signIn(ctx, sam);
      expect(second.token).not.toBe(first.token);
      expect((await ctx.world.auth.session(first.token)).userId).toBe(sam.user.id);
      expect((await ctx.world.auth.session(second.token)).userId).toBe(sam.user.id);
      expect((await ctx.owner.users.get(sam.user.id)).lastSignInAt).toBe(nowIso(ctx));
    });

    it("the email is matched ignoring case and surrounding spaces (R1)", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const result = await ctx.world.auth.signIn({
        email: `  ${sam.email.toUpperCase()} `,
        password: sam.password,
      });
      expect(result.session.userId).toBe(sam.user.id);
    });

    it("R17 one identical unauthenticated answer: unknown email, wrong password, locked, disabled, pending, malformed", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const locked = await staffMember(ctx);
      await failSignIns(ctx, locked.email, LOCKOUT_THRESHOLD);
      const disabled = await staffMember(ctx);
      await ctx.owner.users.disable(disabled.user.id, { version: disabled.user.version });
      const { user: pending } = await inviteStaff(ctx);
      const answers = await expectNothingButAudit(ctx, async () => ({
        unknownEmail: await expectUnauthenticated(attempt(ctx, uniqueEmail(ctx, "nobody"), FIXTURE_PASSWORD)),
        wrongPassword: await expectUnauthenticated(attempt(ctx, sam.email, WRONG_PASSWORD)),
        emptyPassword: await expectUnauthenticated(attempt(ctx, sam.email, "")),
        locked: await expectUnauthenticated(attempt(ctx, locked.email, locked.password)),
        disabled: await expectUnauthenticated(attempt(ctx, disabled.email, disabled.password)),
        pendingInvitee: await expectUnauthenticated(attempt(ctx, pending.email, FIXTURE_PASSWORD)),
        pendingEmptyPassword: await expectUnauthenticated(attempt(ctx, pending.email, "")),
        malformedEmail: await expectUnauthenticated(attempt(ctx, "not an email", FIXTURE_PASSWORD)),
        emptyEmail: await expectUnauthenticated(attempt(ctx, "", FIXTURE_PASSWORD)),
      }));
      for (const [kind, json] of Object.entries(answers)) {
        expect(json, `${kind} answers like an unknown email`).toEqual(answers.unknownEmail);
      }
      // The refused people are exactly as they were.
      expect((await ctx.owner.users.get(disabled.user.id)).status).toBe("disabled");
      expect((await ctx.owner.users.get(pending.id)).status).toBe("pending");
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("R5/R17 a sign-in into an organization the person does not belong to gets the same answer", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const other = await ctx.world.bootstrapAnother();
      const unknown = await expectUnauthenticated(attempt(ctx, uniqueEmail(ctx, "nobody"), sam.password));
      const elsewhere = await expectUnauthenticated(signIn(ctx, sam, other.organization.id));
      expect(elsewhere).toEqual(unknown);
      expect((await signIn(ctx, sam, ctx.world.organization.id)).session.userId).toBe(sam.user.id);
    });

    it("R17 a refused sign-in opens no session", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      await expectUnauthenticated(attempt(ctx, sam.email, WRONG_PASSWORD));
      await setSeats(ctx, { concurrent: 1 });
      // With one concurrent seat, the refused attempt must not be holding it.
      const { token } = await signIn(ctx, sam);
      expect((await ctx.world.auth.session(token)).userId).toBe(sam.user.id);
    });
  });
}
