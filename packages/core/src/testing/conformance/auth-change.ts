import { describe, expect, it } from "vitest";
import {
  attempt,
  expectAlive,
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
  WRONG_PASSWORD,
} from "./auth-helpers";
import { asDirectoryError, expectError } from "./errors-expect";
import { type Ctx, DAY, expectNoChange, MINUTE, setup } from "./helpers";
import type { WorldFactory } from "./world";

/** A person created with "must change at first sign-in" (W1), named Rosalind for the personal-word check. */
function mustChange(ctx: Ctx): Promise<Person> {
  return staffMember(ctx, { givenName: "Rosalind", extra: { mustChangePassword: true } });
}

/**
 * W13/W5 forced and voluntary password change through `auth.changePassword`.
 *
 * @example describe("memory", () => registerAuthChangeTests(() => memoryWorld()));
 */
export function registerAuthChangeTests(factory: WorldFactory): void {
  describe("W13 forced password change", () => {
    it("a user created with mustChangePassword signs in, but can do nothing before changing it", async () => {
      const ctx = await setup(factory);
      const rosalind = await mustChange(ctx);
      const { token, session } = await signIn(ctx, rosalind);
      expect(session.mustChangePassword).toBe(true);
      expect((await ctx.world.auth.session(token)).mustChangePassword).toBe(true);
      await expectError(ctx.world.auth.authorize(token), { code: "rule", rule: "must_change_password" });
      // Still refused later in the same session: the flag is not a one-off.
      ctx.world.clock.advance(MINUTE);
      await expectError(ctx.world.auth.authorize(token), { code: "rule", rule: "must_change_password" });
    });

    it("R16 wrong current, unchanged, too short and personal new passwords are field errors that change nothing", async () => {
      const ctx = await setup(factory);
      const rosalind = await mustChange(ctx);
      const { token } = await signIn(ctx, rosalind);
      const other = await signIn(ctx, rosalind);
      const change = (currentPassword: string, newPassword: string) =>
        ctx.world.auth.changePassword({ token, currentPassword, newPassword });
      await expectNoChange(ctx, async () => {
        await expectError(change(WRONG_PASSWORD, NEW_PASSWORD), {
          code: "validation",
          path: ["currentPassword"],
        });
        await expectError(change(rosalind.password, rosalind.password), {
          code: "validation",
          path: ["newPassword"],
        });
        await expectError(change(rosalind.password, "short-pass1"), {
          code: "validation",
          path: ["newPassword"],
        });
        await expectError(change(rosalind.password, "rosalind-on-the-night-shift"), {
          code: "validation",
          path: ["newPassword"],
        });
      });
      expect((await ctx.world.auth.session(token)).mustChangePassword).toBe(true);
      await expectAlive(ctx, other.token, rosalind);
      expect(mailsTo(ctx, rosalind.email, "password_changed")).toBe(0);
      await expectUnauthenticated(attempt(ctx, rosalind.email, NEW_PASSWORD));
      expect((await signIn(ctx, rosalind)).session.mustChangePassword).toBe(true);
    });

    it("a successful change clears the flag, keeps this session, ends the others and mails the person", async () => {
      const ctx = await setup(factory);
      const rosalind = await mustChange(ctx);
      const { token } = await signIn(ctx, rosalind);
      const other = await signIn(ctx, rosalind);
      const view = await ctx.world.auth.changePassword({
        token,
        currentPassword: rosalind.password,
        newPassword: NEW_PASSWORD,
      });
      expect(view).toMatchObject({ userId: rosalind.user.id, mustChangePassword: false });
      expect((await ctx.world.auth.session(token)).mustChangePassword).toBe(false);
      expect((await ctx.world.auth.authorize(token)).userId).toBe(rosalind.user.id);
      await expectEnded(ctx, other.token);
      expect(mailsTo(ctx, rosalind.email, "password_changed")).toBe(1);
      const mail = ctx.world.mailer.outbox.find((m) => m.kind === "password_changed");
      expect(JSON.stringify(mail)).not.toContain(NEW_PASSWORD);
      expect((await ctx.owner.users.get(rosalind.user.id)).mustChangePassword).toBe(false);
      await expectUnauthenticated(signIn(ctx, rosalind));
      const again = await signIn(ctx, { ...rosalind, password: NEW_PASSWORD });
      expect(again.session.mustChangePassword).toBe(false);
      expect((await ctx.world.auth.authorize(again.token)).userId).toBe(rosalind.user.id);
    });

    it("an admin's temporary password must be changed at next sign-in, unless the admin says otherwise", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      await ctx.owner.users.resetPassword(
        sam.user.id,
        { mode: "temporary", password: TEMPORARY_PASSWORD },
        { version: sam.user.version },
      );
      const temporary = { ...sam, password: TEMPORARY_PASSWORD };
      const { token, session } = await signIn(ctx, temporary);
      expect(session.mustChangePassword).toBe(true);
      await expectError(ctx.world.auth.authorize(token), { code: "rule", rule: "must_change_password" });
      await ctx.world.auth.changePassword({
        token,
        currentPassword: TEMPORARY_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect((await ctx.world.auth.authorize(token)).userId).toBe(sam.user.id);

      const lee = await staffMember(ctx);
      await ctx.owner.users.resetPassword(
        lee.user.id,
        {
          mode: "temporary",
          password: TEMPORARY_PASSWORD,
          mustChangePassword: false,
        },
        { version: lee.user.version },
      );
      const free = await signIn(ctx, { ...lee, password: TEMPORARY_PASSWORD });
      expect(free.session.mustChangePassword).toBe(false);
      expect((await ctx.world.auth.authorize(free.token)).userId).toBe(lee.user.id);
    });

    it("a session that must change its password cannot switch organization to escape it", async () => {
      const ctx = await setup(factory);
      const rosalind = await mustChange(ctx);
      const other = await ctx.world.bootstrapAnother();
      const otherOwner = await ctx.world.as(other.owner.id, other.organization.id);
      const frontDesk = (await otherOwner.roles.list()).find((r) => r.template === "front_desk");
      await otherOwner.users.invite({
        email: rosalind.email,
        profile: { givenName: "Rosalind", familyName: "Castellanos" },
        roleId: frontDesk?.id ?? "",
        locationAccess: [other.location.id],
        primaryLocationId: other.location.id,
      });
      const invitation = mailedToken(ctx, rosalind.email, "invitation");
      expect((await ctx.world.auth.acceptInvitation({ token: invitation })).outcome).toBe("joined");
      const { token } = await signIn(ctx, rosalind, ctx.world.organization.id);
      await expectError(ctx.world.auth.authorize(token), { code: "rule", rule: "must_change_password" });
      // "While true the session can do nothing but changePassword": either the switch is refused, or
      // the session it opens is just as restricted.
      const switched = await ctx.world.auth
        .switchOrganization({ token, organizationId: other.organization.id })
        .then(
          (result) => ({ ok: true as const, result }),
          (error: unknown) => ({ ok: false as const, error }),
        );
      if (switched.ok) {
        expect(switched.result.session.mustChangePassword, "the switched session must still change").toBe(
          true,
        );
        await expectError(ctx.world.auth.authorize(switched.result.token), {
          code: "rule",
          rule: "must_change_password",
        });
      } else {
        expect(asDirectoryError(switched.error)).toMatchObject({
          code: "rule",
          rule: "must_change_password",
        });
        await expectError(ctx.world.auth.authorize(token), { code: "rule", rule: "must_change_password" });
      }
    });

    it("R17 refused new passwords (with the right current one) never lock the person out", async () => {
      const ctx = await setup(factory);
      const rosalind = await mustChange(ctx);
      const { token } = await signIn(ctx, rosalind);
      for (let i = 0; i <= LOCKOUT_THRESHOLD; i++) {
        await expectError(
          ctx.world.auth.changePassword({
            token,
            currentPassword: rosalind.password,
            newPassword: "too-short",
          }),
          { code: "validation", path: ["newPassword"] },
        );
      }
      expect((await ctx.owner.users.get(rosalind.user.id)).locked).toBe(false);
      await ctx.world.auth.changePassword({
        token,
        currentPassword: rosalind.password,
        newPassword: NEW_PASSWORD,
      });
      expect((await signIn(ctx, { ...rosalind, password: NEW_PASSWORD })).session.userId).toBe(
        rosalind.user.id,
      );
    });

    it("R17 a lockout caused by wrong current passwords ends like any other lockout", async () => {
      const ctx = await setup(factory);
      const rosalind = await mustChange(ctx);
      const { token } = await signIn(ctx, rosalind);
      for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
        await expectError(
          ctx.world.auth.changePassword({
            token,
            currentPassword: WRONG_PASSWORD,
            newPassword: NEW_PASSWORD,
          }),
          { code: "validation", path: ["currentPassword"] },
        );
      }
      // However it was counted, no lockout outlasts the longest one (24 hours by default).
      ctx.world.clock.advance(DAY + MINUTE);
      expect((await signIn(ctx, rosalind)).session.userId).toBe(rosalind.user.id);
    });
  });
}
