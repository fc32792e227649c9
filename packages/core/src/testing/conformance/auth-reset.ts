import { describe, expect, it } from "vitest";
import {
  expectEnded,
  expectUnauthenticated,
  LOCKOUT_THRESHOLD,
  mailedToken,
  mailsTo,
  NEW_PASSWORD,
  type Person,
  signIn,
  staffMember,
  TEMPORARY_PASSWORD,
} from "./auth-helpers";
import { expectError } from "./errors-expect";
import { auditEvents, type Ctx, expectNoChange, inviteStaff, MINUTE, setup, uniqueEmail } from "./helpers";
import type { WorldFactory } from "./world";

/** A base64url token of at least 16 random bytes (128 bits, R15). */
const STRONG_TOKEN = /^[A-Za-z0-9_-]{22,}$/;

/** Asks for a reset link for `person` and returns the mailed token. */
async function resetToken(ctx: Ctx, person: Person): Promise<string> {
  await ctx.world.auth.requestPasswordReset({ email: person.email });
  return mailedToken(ctx, person.email, "password_reset");
}

/** Asserts `password` signs `person` in and the old one does not. */
async function expectPasswordNow(ctx: Ctx, person: Person, password: string): Promise<void> {
  await expectUnauthenticated(signIn(ctx, person));
  expect((await signIn(ctx, { ...person, password })).session.userId).toBe(person.user.id);
}

/**
 * W13 forgot password: `requestPasswordReset` (same answer either way, silently rate-limited, never
 * locks) and `completePasswordReset` (single-use, expiring, ends every session, no sign-in).
 *
 * @example describe("memory", () => registerAuthResetTests(() => memoryWorld()));
 */
export function registerAuthResetTests(factory: WorldFactory): void {
  describe("W13 forgot password", () => {
    it("a known and an unknown email get the same answer; only the known one gets a link", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const nobody = uniqueEmail(ctx, "nobody");
      const known = await ctx.world.auth.requestPasswordReset({ email: sam.email });
      const shouted = await ctx.world.auth.requestPasswordReset({ email: sam.email.toUpperCase() });
      const unknown = await ctx.world.auth.requestPasswordReset({ email: nobody });
      const malformed = await ctx.world.auth.requestPasswordReset({ email: "not an email" });
      expect(known).toBeUndefined();
      expect(shouted).toBeUndefined();
      expect(unknown).toBeUndefined();
      expect(malformed).toBeUndefined();
      // The email is matched ignoring case (R1): two links, both to the stored address.
      expect(mailsTo(ctx, sam.email, "password_reset")).toBe(2);
      expect(mailsTo(ctx, nobody, "password_reset")).toBe(0);
      expect(ctx.world.mailer.outbox.filter((m) => m.kind === "password_reset")).toHaveLength(2);
      expect(mailedToken(ctx, sam.email, "password_reset")).toMatch(STRONG_TOKEN);
      // Asking changes no password.
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("more than 3 requests in 15 minutes are dropped silently; it never locks; a later window mails again", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      for (let i = 0; i < 4; i++) {
        await expect(ctx.world.auth.requestPasswordReset({ email: sam.email })).resolves.toBeUndefined();
      }
      expect(mailsTo(ctx, sam.email, "password_reset")).toBe(3);
      for (let i = 0; i < 2 * LOCKOUT_THRESHOLD; i++) {
        await expect(ctx.world.auth.requestPasswordReset({ email: sam.email })).resolves.toBeUndefined();
      }
      expect(mailsTo(ctx, sam.email, "password_reset")).toBe(3);
      expect((await ctx.owner.users.get(sam.user.id)).locked).toBe(false);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
      ctx.world.clock.advance(15 * MINUTE + 1000);
      await ctx.world.auth.requestPasswordReset({ email: sam.email });
      expect(mailsTo(ctx, sam.email, "password_reset")).toBe(4);
    });

    it("completing sets the password, ends every session and does not sign in", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const desk = await signIn(ctx, sam);
      const tablet = await signIn(ctx, sam);
      const token = await resetToken(ctx, sam);
      const result = await ctx.world.auth.completePasswordReset({ token, password: NEW_PASSWORD });
      expect(result).toBeUndefined();
      await expectEnded(ctx, desk.token);
      await expectEnded(ctx, tablet.token);
      await expectPasswordNow(ctx, sam, NEW_PASSWORD);
      const trail = JSON.stringify(await auditEvents(ctx.owner));
      expect(trail).not.toContain(token);
      expect(trail).not.toContain(NEW_PASSWORD);
    });

    it("R15 a reset link works once: a second use is not_found and changes nothing", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const token = await resetToken(ctx, sam);
      await ctx.world.auth.completePasswordReset({ token, password: NEW_PASSWORD });
      await expectNoChange(ctx, () =>
        expectError(ctx.world.auth.completePasswordReset({ token, password: TEMPORARY_PASSWORD }), {
          code: "not_found",
        }),
      );
      await expectPasswordNow(ctx, sam, NEW_PASSWORD);
    });

    it("R15 a reset link expires after 60 minutes", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const token = await resetToken(ctx, sam);
      ctx.world.clock.advance(61 * MINUTE);
      await expectNoChange(ctx, () =>
        expectError(ctx.world.auth.completePasswordReset({ token, password: NEW_PASSWORD }), {
          code: "not_found",
        }),
      );
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
    });

    it("an unknown token is not_found", async () => {
      const ctx = await setup(factory);
      await expectError(
        ctx.world.auth.completePasswordReset({
          token: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
          password: NEW_PASSWORD,
        }),
        { code: "not_found" },
      );
      await expectError(ctx.world.auth.completePasswordReset({ token: "", password: NEW_PASSWORD }), {
        code: "not_found",
      });
    });

    it("R15 tokens are not interchangeable: invitation, reset and session tokens each work only for their purpose", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { token: session } = await signIn(ctx, sam);
      const reset = await resetToken(ctx, sam);
      const { user: invitee } = await inviteStaff(ctx);
      const invitation = mailedToken(ctx, invitee.email, "invitation");
      await expectNoChange(ctx, async () => {
        for (const token of [invitation, session]) {
          await expectError(ctx.world.auth.completePasswordReset({ token, password: NEW_PASSWORD }), {
            code: "not_found",
          });
        }
        for (const token of [reset, session]) {
          await expectError(ctx.world.auth.invitation(token), { code: "not_found" });
          await expectError(ctx.world.auth.acceptInvitation({ token, password: NEW_PASSWORD }), {
            code: "not_found",
          });
        }
        for (const token of [reset, invitation]) await expectUnauthenticated(ctx.world.auth.session(token));
      });
      expect((await ctx.world.auth.session(session)).userId).toBe(sam.user.id);
      await ctx.world.auth.completePasswordReset({ token: reset, password: NEW_PASSWORD });
      expect((await ctx.world.auth.invitation(invitation)).email).toBe(invitee.email);
    });

    it("R16 a refused password is a field error, changes nothing and leaves the link usable", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx, { givenName: "Rosalind" });
      const desk = await signIn(ctx, sam);
      const token = await resetToken(ctx, sam);
      await expectNoChange(ctx, async () => {
        await expectError(ctx.world.auth.completePasswordReset({ token, password: "short-pass1" }), {
          code: "validation",
          path: ["password"],
        });
        await expectError(
          ctx.world.auth.completePasswordReset({ token, password: "rosalind-at-the-front-desk" }),
          {
            code: "validation",
            path: ["password"],
          },
        );
        await expectError(ctx.world.auth.completePasswordReset({ token, password: "" }), {
          code: "validation",
          path: ["password"],
        });
      });
      expect((await ctx.world.auth.session(desk.token)).userId).toBe(sam.user.id);
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
      await ctx.world.auth.completePasswordReset({ token, password: NEW_PASSWORD });
      await expectEnded(ctx, desk.token);
      await expectPasswordNow(ctx, sam, NEW_PASSWORD);
    });

    it("an admin's reset link (W5) works with completePasswordReset", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const desk = await signIn(ctx, sam);
      await ctx.owner.users.resetPassword(sam.user.id, { mode: "link" }, { version: sam.user.version });
      expect(mailsTo(ctx, sam.email, "password_reset")).toBe(1);
      const token = mailedToken(ctx, sam.email, "password_reset");
      expect(token).toMatch(STRONG_TOKEN);
      // Sending the link changes no password.
      expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
      await ctx.world.auth.completePasswordReset({ token, password: NEW_PASSWORD });
      await expectEnded(ctx, desk.token);
      await expectPasswordNow(ctx, sam, NEW_PASSWORD);
      await expectError(ctx.world.auth.completePasswordReset({ token, password: TEMPORARY_PASSWORD }), {
        code: "not_found",
      });
    });
  });
}
