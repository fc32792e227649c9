import { describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD } from "../fixtures";
import {
  expectUnauthenticated,
  memberOfTwo,
  ownerElsewhere,
  signIn,
  staffMember,
  WRONG_PASSWORD,
} from "./auth-helpers";
import { actAs, auditEvents, auditTotal, setup, uniqueEmail } from "./helpers";
import type { WorldFactory } from "./world";

/**
 * Abuse of the public sign-in: whose audit trail a stranger can write into.
 *
 * @example describe("memory", () => registerAuthAbuseTests(() => memoryWorld()));
 */
export function registerAuthAbuseTests(factory: WorldFactory): void {
  describe("R18 abuse: failed sign-ins are recorded only where the account belongs", () => {
    it("naming another organization's id at sign-in writes nothing into its trail: unknown email, stranger, right or wrong password", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { other } = await ownerElsewhere(ctx);
      const elsewhere = await actAs(ctx, other.owner.id, other.organization.id);
      const theirs = await auditTotal(elsewhere);
      const ours = await auditTotal(ctx.owner);
      const target = other.organization.id;
      const unknown = uniqueEmail(ctx, "nobody");
      await expectUnauthenticated(
        ctx.world.auth.signIn({ email: unknown, password: FIXTURE_PASSWORD, organizationId: target }),
      );
      await expectUnauthenticated(
        ctx.world.auth.signIn({ email: sam.email, password: WRONG_PASSWORD, organizationId: target }),
      );
      await expectUnauthenticated(signIn(ctx, sam, target));
      // An unknown email naming our own organization writes nothing here either.
      await expectUnauthenticated(
        ctx.world.auth.signIn({
          email: unknown,
          password: WRONG_PASSWORD,
          organizationId: ctx.world.organization.id,
        }),
      );
      expect(await auditTotal(elsewhere), "the named organization's trail is untouched").toBe(theirs);
      // Sam's two attempts concern Sam's account: they land in Sam's own organization, nothing else does.
      const added = (await auditEvents(ctx.owner)).slice(0, (await auditTotal(ctx.owner)) - ours);
      expect(added.map((e) => ({ action: e.action, outcome: e.outcome, target: e.target.id }))).toEqual([
        { action: "auth.sign_in", outcome: "failure", target: sam.user.id },
        { action: "auth.sign_in", outcome: "failure", target: sam.user.id },
      ]);
      expect((await elsewhere.audit.verify()).ok).toBe(true);
    });

    it("a person in two organizations who names one is recorded in that one only", async () => {
      const ctx = await setup(factory);
      const { other, person } = await memberOfTwo(ctx);
      const elsewhere = await actAs(ctx, other.owner.id, other.organization.id);
      const theirs = await auditTotal(elsewhere);
      const ours = await auditTotal(ctx.owner);
      await expectUnauthenticated(
        ctx.world.auth.signIn({
          email: person.email,
          password: WRONG_PASSWORD,
          organizationId: other.organization.id,
        }),
      );
      expect(await auditTotal(ctx.owner)).toBe(ours);
      expect(await auditTotal(elsewhere)).toBe(theirs + 1);
      const [event] = await auditEvents(elsewhere, { action: "auth.sign_in" });
      expect(event).toMatchObject({ outcome: "failure", target: { id: other.owner.id } });
    });
  });
}
