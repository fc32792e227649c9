import { describe, expect, it } from "vitest";
import {
  expectEnded,
  expectInFromNow,
  expectUnauthenticated,
  invitedFromElsewhere,
  mailedToken,
  memberOfTwo,
  NEW_PASSWORD,
  type Person,
  signIn,
} from "./auth-helpers";
import { asDirectoryError, expectError } from "./errors-expect";
import { type Ctx, DAY, expectNoChange, inviteStaff, MINUTE, setup, usersIn } from "./helpers";
import type { WorldFactory } from "./world";

/** Invites a new person (no account yet) and returns their pending user and invitation token. */
async function invited(ctx: Ctx): Promise<{ person: Person; token: string }> {
  const { user } = await inviteStaff(ctx, { givenName: "Priya", familyName: "Patel", title: "NP" });
  return {
    person: { user, email: user.email, password: NEW_PASSWORD },
    token: mailedToken(ctx, user.email, "invitation"),
  };
}

/**
 * W3 accepting an invitation through `auth`: what the page shows, activation with a new password,
 * joining with an existing account, dead tokens, switching organization.
 *
 * @example describe("memory", () => registerAuthAcceptTests(() => memoryWorld()));
 */
export function registerAuthAcceptTests(factory: WorldFactory): void {
  describe("W3 accept invitation", () => {
    it("invitation(token) shows the organization, the invitee, the inviter and that a password is needed", async () => {
      const ctx = await setup(factory);
      const { person, token } = await invited(ctx);
      const view = await ctx.world.auth.invitation(token);
      expect(view).toMatchObject({
        organizationId: ctx.world.organization.id,
        organizationName: ctx.world.organization.name,
        email: person.email,
        givenName: "Priya",
        familyName: "Patel",
        invitedBy: ctx.world.owner.displayName,
        existingAccount: false,
      });
      expectInFromNow(ctx, view.expiresAt, 7 * DAY);
      // Looking does not use the token up.
      expect((await ctx.world.auth.invitation(token)).email).toBe(person.email);
    });

    it("a new account must choose a password: without one it is a field error and nothing changes", async () => {
      const ctx = await setup(factory);
      const { person, token } = await invited(ctx);
      await expectNoChange(ctx, async () => {
        await expectError(ctx.world.auth.acceptInvitation({ token }), {
          code: "validation",
          path: ["password"],
        });
        await expectError(ctx.world.auth.acceptInvitation({ token, password: "" }), {
          code: "validation",
          path: ["password"],
        });
      });
      expect((await ctx.world.auth.invitation(token)).email).toBe(person.email);
      expect((await ctx.owner.users.get(person.user.id)).status).toBe("pending");
    });

    it("accepting with a password activates the user: Active tab, and they can sign in", async () => {
      const ctx = await setup(factory);
      const { person, token } = await invited(ctx);
      const result = await ctx.world.auth.acceptInvitation({ token, password: NEW_PASSWORD });
      expect(result).toEqual({
        outcome: "activated",
        organizationId: ctx.world.organization.id,
        organizationName: ctx.world.organization.name,
        email: person.email,
        userId: person.user.id,
      });
      expect((await usersIn(ctx.owner, "active")).map((u) => u.id)).toContain(person.user.id);
      expect((await usersIn(ctx.owner, "pending")).map((u) => u.id)).not.toContain(person.user.id);
      expect(await ctx.owner.users.invitation(person.user.id)).toBeNull();
      const { token: session } = await signIn(ctx, person);
      expect((await ctx.world.auth.authorize(session)).userId).toBe(person.user.id);
    });

    it("R15 the token dies on use: a second accept and the page are not_found", async () => {
      const ctx = await setup(factory);
      const { person, token } = await invited(ctx);
      await ctx.world.auth.acceptInvitation({ token, password: NEW_PASSWORD });
      await expectNoChange(ctx, async () => {
        await expectError(ctx.world.auth.acceptInvitation({ token, password: "another-fine-passphrase-5" }), {
          code: "not_found",
        });
        await expectError(ctx.world.auth.invitation(token), { code: "not_found" });
      });
      expect((await signIn(ctx, person)).session.userId).toBe(person.user.id);
    });

    it("R15 an expired invitation (8 days) is not_found and the user stays pending", async () => {
      const ctx = await setup(factory);
      const { person, token } = await invited(ctx);
      ctx.world.clock.advance(8 * DAY);
      await expectNoChange(ctx, async () => {
        await expectError(ctx.world.auth.invitation(token), { code: "not_found" });
        await expectError(ctx.world.auth.acceptInvitation({ token, password: NEW_PASSWORD }), {
          code: "not_found",
        });
      });
      expect((await ctx.owner.users.get(person.user.id)).status).toBe("pending");
      await expectUnauthenticated(signIn(ctx, person));
    });

    it("R15 a revoked invitation is not_found", async () => {
      const ctx = await setup(factory);
      const { person, token } = await invited(ctx);
      await ctx.owner.users.revokeInvitation(person.user.id, { version: person.user.version });
      await expectError(ctx.world.auth.invitation(token), { code: "not_found" });
      await expectError(ctx.world.auth.acceptInvitation({ token, password: NEW_PASSWORD }), {
        code: "not_found",
      });
      await expectUnauthenticated(signIn(ctx, person));
    });

    it("R15 after a resend the old token is not_found and the new one works", async () => {
      const ctx = await setup(factory);
      const { person, token: old } = await invited(ctx);
      ctx.world.clock.advance(5 * MINUTE);
      await ctx.owner.users.resendInvitation(person.user.id, { version: person.user.version });
      const fresh = mailedToken(ctx, person.email, "invitation");
      await expectError(ctx.world.auth.invitation(old), { code: "not_found" });
      await expectError(ctx.world.auth.acceptInvitation({ token: old, password: NEW_PASSWORD }), {
        code: "not_found",
      });
      expect((await ctx.world.auth.acceptInvitation({ token: fresh, password: NEW_PASSWORD })).outcome).toBe(
        "activated",
      );
    });

    it("an unknown or malformed token is not_found", async () => {
      const ctx = await setup(factory);
      for (const token of ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", "x"]) {
        await expectError(ctx.world.auth.invitation(token), { code: "not_found" });
        await expectError(ctx.world.auth.acceptInvitation({ token, password: NEW_PASSWORD }), {
          code: "not_found",
        });
      }
    });

    it("an existing account just joins: no password asked, the old one signs in, both organizations listed", async () => {
      const ctx = await setup(factory);
      const { other, elsewhere, here, token } = await invitedFromElsewhere(ctx);
      const view = await ctx.world.auth.invitation(token);
      expect(view).toMatchObject({ email: elsewhere.email, existingAccount: true });
      const result = await ctx.world.auth.acceptInvitation({ token });
      expect(result).toMatchObject({
        outcome: "joined",
        organizationId: ctx.world.organization.id,
        userId: here.id,
        email: elsewhere.email,
      });
      expect((await ctx.owner.users.get(here.id)).status).toBe("active");
      const person: Person = { ...elsewhere, user: here };
      const { token: session } = await signIn(ctx, person, ctx.world.organization.id);
      expect((await ctx.world.auth.authorize(session)).userId).toBe(here.id);
      const choices = await ctx.world.auth.organizations(session);
      expect([...choices].sort((a, b) => a.organizationId.localeCompare(b.organizationId))).toEqual(
        [
          {
            organizationId: ctx.world.organization.id,
            name: ctx.world.organization.name,
            userId: here.id,
            current: true,
          },
          {
            organizationId: other.organization.id,
            name: other.organization.name,
            userId: other.owner.id,
            current: false,
          },
        ].sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
      );
      // Their own organization still works as before.
      const there = await signIn(ctx, elsewhere, other.organization.id);
      expect(there.session).toMatchObject({ organizationId: other.organization.id, userId: other.owner.id });
    });

    it("an invited existing account cannot sign into the new organization before accepting", async () => {
      const ctx = await setup(factory);
      const { other, elsewhere, here, token } = await invitedFromElsewhere(ctx);
      const person: Person = { ...elsewhere, user: here };
      await expectUnauthenticated(signIn(ctx, person, ctx.world.organization.id));
      const { token: session } = await signIn(ctx, elsewhere);
      expect((await ctx.world.auth.organizations(session)).map((o) => o.organizationId)).toEqual([
        other.organization.id,
      ]);
      await ctx.world.auth.acceptInvitation({ token });
      expect((await signIn(ctx, person, ctx.world.organization.id)).session.userId).toBe(here.id);
    });

    it("switchOrganization opens a session in the other organization and ends the old one", async () => {
      const ctx = await setup(factory);
      const { other, person } = await memberOfTwo(ctx);
      const here = await signIn(ctx, person, ctx.world.organization.id);
      const switched = await ctx.world.auth.switchOrganization({
        token: here.token,
        organizationId: other.organization.id,
      });
      expect(switched.token).not.toBe(here.token);
      expect(switched.session).toMatchObject({
        organizationId: other.organization.id,
        organizationName: other.organization.name,
        userId: other.owner.id,
      });
      const actor = await ctx.world.auth.authorize(switched.token);
      expect(actor).toMatchObject({ organizationId: other.organization.id, userId: other.owner.id });
      expect((await (await ctx.world.as(actor.userId, actor.organizationId)).me()).user.id).toBe(
        other.owner.id,
      );
      expect(switched.organizations.find((o) => o.current)?.organizationId).toBe(other.organization.id);
      await expectEnded(ctx, here.token);
    });

    it("switching to an organization the person is not in is refused and keeps the session", async () => {
      const ctx = await setup(factory);
      const { person } = await memberOfTwo(ctx);
      const stranger = await ctx.world.bootstrapAnother();
      const here = await signIn(ctx, person, ctx.world.organization.id);
      const refused = asDirectoryError(
        await ctx.world.auth
          .switchOrganization({ token: here.token, organizationId: stranger.organization.id })
          .then(
            () => null,
            (error: unknown) => error,
          ),
      );
      expect(refused?.code, "a DirectoryError").toBeDefined();
      expect(["not_found", "forbidden", "unauthenticated"]).toContain(refused?.code);
      expect((await ctx.world.auth.session(here.token)).organizationId).toBe(ctx.world.organization.id);
    });

    it("without organizationId, sign-in picks the most recently used organization", async () => {
      const ctx = await setup(factory);
      const { other, person } = await memberOfTwo(ctx);
      await signIn(ctx, person, ctx.world.organization.id);
      ctx.world.clock.advance(MINUTE);
      expect((await signIn(ctx, person)).session.organizationId).toBe(ctx.world.organization.id);
      ctx.world.clock.advance(MINUTE);
      await signIn(ctx, person, other.organization.id);
      ctx.world.clock.advance(MINUTE);
      expect((await signIn(ctx, person)).session.organizationId).toBe(other.organization.id);
    });

    it("R15 single use: of two concurrent accepts exactly one succeeds; the other is not_found", async () => {
      const ctx = await setup(factory);
      const { person, token } = await invited(ctx);
      const results = await Promise.allSettled([
        ctx.world.auth.acceptInvitation({ token, password: NEW_PASSWORD }),
        ctx.world.auth.acceptInvitation({ token, password: "another-fine-passphrase-5" }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.flatMap((r) => (r.status === "rejected" ? [asDirectoryError(r.reason)] : []));
      expect(won).toHaveLength(1);
      expect(lost.map((e) => e?.code)).toEqual(["not_found"]);
      const winner = results[0]?.status === "fulfilled" ? NEW_PASSWORD : "another-fine-passphrase-5";
      expect((await signIn(ctx, { ...person, password: winner })).session.userId).toBe(person.user.id);
      expect((await ctx.owner.users.counts()).active).toBe(2);
    });

    it("of two concurrent joins of an existing account exactly one succeeds", async () => {
      const ctx = await setup(factory);
      const { token } = await invitedFromElsewhere(ctx);
      const results = await Promise.allSettled([
        ctx.world.auth.acceptInvitation({ token }),
        ctx.world.auth.acceptInvitation({ token }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.flatMap((r) => (r.status === "rejected" ? [asDirectoryError(r.reason)] : []));
      expect(lost.map((e) => e?.code)).toEqual(["not_found"]);
    });
  });
}
