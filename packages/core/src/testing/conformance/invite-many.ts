import { describe, expect, it } from "vitest";
import type { InviteManyInput } from "../../users/invite-many.schema";
import type { InviteManyResult } from "../../users/user-results.schema";
import { expectError } from "./errors-expect";
import {
  auditEvents,
  type Ctx,
  createStaff,
  expectNoChange,
  setSeats,
  setup,
  templateRole,
  usersIn,
  withUnknown,
} from "./helpers";
import { scopedWorld } from "./scope";
import type { WorldFactory } from "./world";

/** Each row's outcome as a person reads it: the address, and ok or the error's code, rule and field. */
const rows = (result: InviteManyResult) =>
  result.results.map((r) =>
    r.ok
      ? { email: r.email, ok: true, name: r.user.displayName }
      : {
          email: r.email,
          ok: false,
          code: r.error.code,
          ...(r.error.rule ? { rule: r.error.rule } : {}),
          paths: (r.error.issues ?? []).map((i) => i.path.join(".")),
        },
  );

async function shared(ctx: Ctx, role: "front_desk" | "read_only" = "read_only") {
  const read = await templateRole(ctx, role);
  return { roleId: read.id, locationAccess: [ctx.location.id], primaryLocationId: ctx.location.id };
}

/**
 * W2 for several people at once (reference 004, `users.inviteMany`): one role and locations, each
 * address through every rule of a single invite, a result per row.
 *
 * @example describe("memory", () => registerInviteManyTests(() => memoryWorld()));
 */
export function registerInviteManyTests(factory: WorldFactory): void {
  describe("W2 invite several people at once", () => {
    it("invites each address with the one role and location; a bad address, a repeat and a member fail alone", async () => {
      const ctx = await setup(factory);
      const member = await createStaff(ctx, { email: "member.here@harbor.example" });
      const input: InviteManyInput = {
        ...(await shared(ctx)),
        invitees: [
          { email: "ines.okafor@harbor.example" },
          { email: "not an email" },
          { email: "  INES.Okafor@Harbor.example " },
          { email: member.email.toUpperCase() },
          { email: "drj@harbor.example", givenName: "Dana", familyName: "Jones" },
          { email: "jsmith@harbor.example" },
        ],
      };
      const result = await ctx.owner.users.inviteMany(input);
      expect(rows(result)).toEqual([
        { email: "ines.okafor@harbor.example", ok: true, name: "Ines Okafor" },
        { email: "not an email", ok: false, code: "validation", paths: ["email"] },
        { email: "ines.okafor@harbor.example", ok: false, code: "conflict", paths: ["email"] },
        { email: member.email, ok: false, code: "conflict", paths: ["email"] },
        { email: "drj@harbor.example", ok: true, name: "Dana Jones" },
        { email: "jsmith@harbor.example", ok: false, code: "validation", paths: ["profile.givenName"] },
      ]);
      expect(result).toMatchObject({ succeeded: 2, failed: 4 });
      for (const r of result.results) if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
      const pending = await usersIn(ctx.owner, "pending");
      expect(pending.map((u) => u.email).sort()).toEqual([
        "drj@harbor.example",
        "ines.okafor@harbor.example",
      ]);
      for (const user of pending) {
        expect(user).toMatchObject({
          roleId: input.roleId,
          locationAccess: [ctx.location.id],
          primaryLocationId: ctx.location.id,
        });
        expect(ctx.world.mailer.latest(user.email, "invitation")).toBeTruthy();
      }
      expect(ctx.world.mailer.latest("jsmith@harbor.example", "invitation")).toBeFalsy();
      const invited = (await auditEvents(ctx.owner)).filter((e) => e.action === "user.invited");
      expect(invited).toHaveLength(2);
    });

    it("R9 rows beyond the named seats fail with seat_limit; the rows before them are invited", async () => {
      const ctx = await setup(factory);
      await setSeats(ctx, { named: 3 });
      const result = await ctx.owner.users.inviteMany({
        ...(await shared(ctx)),
        invitees: [
          { email: "amy.one@harbor.example" },
          { email: "ben.two@harbor.example" },
          { email: "cat.three@harbor.example" },
        ],
      });
      expect(rows(result).map((r) => ("rule" in r ? r.rule : r.ok))).toEqual([true, true, "seat_limit"]);
      expect((await ctx.owner.organization.usage()).named).toEqual({ used: 3, limit: 3 });
    });

    it("R3/R4 a location outside a delegated manager's scope fails every row as a single invite does, writing nothing", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const frontDesk = await templateRole(ctx, "front_desk");
      const outside = {
        roleId: frontDesk.id,
        locationAccess: [s.clinicB.id],
        primaryLocationId: s.clinicB.id,
      };
      const single = await expectNoChange(ctx, () =>
        expectError(
          s.manager.dir.users.invite({
            ...outside,
            email: "one.alone@harbor.example",
            profile: { givenName: "One", familyName: "Alone" },
          }),
          { code: "forbidden" },
        ),
      );
      const result = await expectNoChange(ctx, () =>
        s.manager.dir.users.inviteMany({
          ...outside,
          invitees: [{ email: "two.here@harbor.example" }, { email: "three.here@harbor.example" }],
        }),
      );
      expect(result).toMatchObject({ succeeded: 0, failed: 2 });
      for (const r of result.results) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: single.code, message: single.message });
      }
      // Inside the manager's scope the same call invites.
      const inside = await s.manager.dir.users.inviteMany({
        roleId: frontDesk.id,
        locationAccess: [s.clinicA.id],
        primaryLocationId: s.clinicA.id,
        invitees: [{ email: "four.here@harbor.example" }],
      });
      expect(rows(inside)).toEqual([{ email: "four.here@harbor.example", ok: true, name: "Four Here" }]);
    });

    it("an empty list, too many addresses or an unknown field is refused as validation and writes nothing", async () => {
      const ctx = await setup(factory);
      const base = await shared(ctx);
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.users.inviteMany({ ...base, invitees: [] }), {
          code: "validation",
          path: ["invitees"],
        });
        const many = Array.from({ length: 501 }, (_, i) => ({
          email: `p.n${"x".repeat(i % 5)}@harbor.example`,
        }));
        await expectError(ctx.owner.users.inviteMany({ ...base, invitees: many }), {
          code: "validation",
          path: ["invitees"],
        });
        await expectError(
          ctx.owner.users.inviteMany(
            withUnknown({ ...base, invitees: [{ email: "a.b@harbor.example" }] }, { status: "active" }),
          ),
          { code: "validation" },
        );
        await expectError(
          ctx.owner.users.inviteMany({
            ...base,
            invitees: [withUnknown({ email: "a.b@harbor.example" }, { roleId: "x" })],
          }),
          { code: "validation" },
        );
      });
    });
  });
}
