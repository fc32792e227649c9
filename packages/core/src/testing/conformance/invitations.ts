import { describe, expect, it } from "vitest";
import { tokenFromLink } from "../../ports/mailer";
import { expectError } from "./errors-expect";
import type { Ctx } from "./helpers";
import {
  auditEvents,
  createStaff,
  current,
  DAY,
  expectNoChange,
  inviteStaff,
  MINUTE,
  nowIso,
  setup,
  staffInput,
  usersIn,
} from "./helpers";
import type { WorldFactory } from "./world";

/** The token in the newest invitation mail to `email`; fails when there is none. */
function invitationToken(ctx: Ctx, email: string): string {
  const token = tokenFromLink(ctx.world.mailer.latest(email, "invitation")?.link);
  if (!token) throw new Error(`no invitation token mailed to ${email}`);
  return token;
}

/**
 * W2 (invite by email; pending tab; resend, revoke, expire) as an administrator sees it.
 *
 * @example describe("memory", () => registerInvitationTests(() => memoryWorld()));
 */
export function registerInvitationTests(factory: WorldFactory): void {
  describe("W2 invitations", () => {
    it("R15 invite creates a pending user, mails a single-use token and never returns it", async () => {
      const ctx = await setup(factory);
      const result = await inviteStaff(ctx, { givenName: "Priya", familyName: "Patel", title: "NP" });
      const { user, invitation } = result;
      expect(user).toMatchObject({
        status: "pending",
        displayName: "Priya Patel NP",
        invitedAt: nowIso(ctx),
      });
      expect(invitation).toMatchObject({ userId: user.id, email: user.email, sentCount: 1, expired: false });
      expect(invitation.lastSentAt).toBe(nowIso(ctx));
      expect(Date.parse(invitation.expiresAt) - ctx.world.clock.now()).toBe(7 * DAY);
      const token = invitationToken(ctx, user.email);
      expect(token.length, "at least 128 bits of base64url").toBeGreaterThanOrEqual(22);
      expect(JSON.stringify(result)).not.toContain(token);
      expect(await ctx.owner.users.invitation(user.id)).toEqual(invitation);
      expect((await usersIn(ctx.owner, "pending")).map((u) => u.id)).toEqual([user.id]);
      expect((await usersIn(ctx.owner, "active")).map((u) => u.id)).not.toContain(user.id);
      expect(await ctx.owner.users.counts()).toMatchObject({ active: 1, pending: 1 });
    });

    it("an active user has no invitation", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      expect(await ctx.owner.users.invitation(user.id)).toBeNull();
    });

    it("a failed invite mails nothing and writes nothing", async () => {
      const ctx = await setup(factory);
      const input = await staffInput(ctx, { email: ctx.world.owner.email });
      const { password: _p, mustChangePassword: _m, ...invite } = input;
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.invite(invite), { code: "conflict", path: ["email"] }),
      );
      const bad = { ...invite, email: "not an email" };
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.invite(bad), { code: "validation", path: ["email"] }),
      );
    });

    it("resend too soon is rate_limited and changes nothing", async () => {
      const ctx = await setup(factory);
      const { user } = await inviteStaff(ctx);
      const token = invitationToken(ctx, user.email);
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.resendInvitation(user.id, { version: user.version }), {
          code: "rate_limited",
        }),
      );
      expect(invitationToken(ctx, user.email)).toBe(token);
      expect((await ctx.owner.users.invitation(user.id))?.sentCount).toBe(1);
    });

    it("resend later issues a new token, extends expiry and counts the send", async () => {
      const ctx = await setup(factory);
      const { user, invitation } = await inviteStaff(ctx);
      const first = invitationToken(ctx, user.email);
      ctx.world.clock.advance(2 * DAY);
      const resent = await ctx.owner.users.resendInvitation(user.id, { version: user.version });
      const second = invitationToken(ctx, user.email);
      expect(second).not.toBe(first);
      expect(resent).toMatchObject({
        userId: user.id,
        sentCount: 2,
        expired: false,
        lastSentAt: nowIso(ctx),
      });
      expect(Date.parse(resent.expiresAt)).toBeGreaterThan(Date.parse(invitation.expiresAt));
      expect(await ctx.owner.users.invitation(user.id)).toEqual(resent);
      const mails = ctx.world.mailer.outbox.filter((m) => m.to === user.email && m.kind === "invitation");
      expect(mails).toHaveLength(2);
    });

    it("an expired invitation is shown as expired, stays pending and may be resent", async () => {
      const ctx = await setup(factory);
      const { user } = await inviteStaff(ctx);
      ctx.world.clock.advance(7 * DAY + MINUTE);
      const expired = await ctx.owner.users.invitation(user.id);
      expect(expired?.expired).toBe(true);
      expect((await usersIn(ctx.owner, "pending")).map((u) => u.id)).toEqual([user.id]);
      const resent = await ctx.owner.users.resendInvitation(user.id, { version: user.version });
      expect(resent.expired).toBe(false);
      expect(Date.parse(resent.expiresAt) - ctx.world.clock.now()).toBe(7 * DAY);
    });

    it("R9 revoke removes the pending user and frees the seat", async () => {
      const ctx = await setup(factory);
      await ctx.owner.organization.update(
        { seats: { named: 2 } },
        { version: ctx.world.organization.version },
      );
      const { user } = await inviteStaff(ctx);
      const result = await ctx.owner.users.revokeInvitation(user.id, { version: user.version });
      expect(result.id).toBe(user.id);
      await expectError(ctx.owner.users.get(user.id), { code: "not_found" });
      await expectError(ctx.owner.users.invitation(user.id), { code: "not_found" });
      expect((await ctx.owner.users.counts()).pending).toBe(0);
      expect((await ctx.owner.organization.usage()).named.used).toBe(1);
      await inviteStaff(ctx);
    });

    it("revoke and resend apply to pending users only (conflict otherwise)", async () => {
      const ctx = await setup(factory);
      const active = await createStaff(ctx);
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.users.revokeInvitation(active.id, { version: active.version }), {
          code: "conflict",
        });
        await expectError(ctx.owner.users.resendInvitation(active.id, await current(ctx, active.id)), {
          code: "conflict",
        });
      });
    });

    it("R15 no invitation token appears in the audit trail", async () => {
      const ctx = await setup(factory);
      const { user } = await inviteStaff(ctx);
      const first = invitationToken(ctx, user.email);
      ctx.world.clock.advance(5 * MINUTE);
      await ctx.owner.users.resendInvitation(user.id, { version: user.version });
      const second = invitationToken(ctx, user.email);
      const trail = JSON.stringify(await auditEvents(ctx.owner));
      expect(trail).not.toContain(first);
      expect(trail).not.toContain(second);
    });
  });
}
