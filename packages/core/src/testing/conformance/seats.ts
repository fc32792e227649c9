import { describe, expect, it } from "vitest";
import { seatLimitsBelowUse } from "../../organization/seat-limits.rules";
import { asDirectoryError, expectError } from "./errors-expect";
import { createStaff, expectNoChange, inviteStaff, setSeats, setup, staffInput, usersIn } from "./helpers";
import type { WorldFactory } from "./world";

/**
 * R9 (named, practitioner and licence seats; nothing half-written; holds under concurrency).
 *
 * @example describe("memory", () => registerSeatTests(() => memoryWorld()));
 */
export function registerSeatTests(factory: WorldFactory): void {
  describe("R9 seats", () => {
    it("create and invite beyond the named seats fail with seat_limit and write nothing", async () => {
      const ctx = await setup(factory);
      await setSeats(ctx, { named: 3 });
      await createStaff(ctx);
      await inviteStaff(ctx);
      const input = await staffInput(ctx);
      const { password: _p, mustChangePassword: _m, ...invite } = input;
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.users.create(input), { code: "rule", rule: "seat_limit" });
        await expectError(ctx.owner.users.invite(invite), { code: "rule", rule: "seat_limit" });
      });
      expect((await ctx.owner.organization.usage()).named).toEqual({ used: 3, limit: 3 });
    });

    it("disabled users free their seat; restoring beyond the limit is refused", async () => {
      const ctx = await setup(factory);
      await setSeats(ctx, { named: 2 });
      const first = await createStaff(ctx);
      const disabled = await ctx.owner.users.disable(first.id, { version: first.version });
      await createStaff(ctx);
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.restore(first.id, { version: disabled.version }), {
          code: "rule",
          rule: "seat_limit",
        }),
      );
      expect((await ctx.owner.users.get(first.id)).status).toBe("disabled");
    });

    it("practitioner seats: a practitioner beyond the limit is refused on create and on edit", async () => {
      const ctx = await setup(factory);
      await setSeats(ctx, { practitioners: 1 });
      await createStaff(ctx, { extra: { flags: { practitioner: true } } });
      const input = await staffInput(ctx, { extra: { flags: { practitioner: true } } });
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.create(input), { code: "rule", rule: "practitioner_seat_limit" }),
      );
      const plain = await createStaff(ctx);
      await expectNoChange(ctx, () =>
        expectError(
          ctx.owner.users.update(plain.id, { flags: { practitioner: true } }, { version: plain.version }),
          {
            code: "rule",
            rule: "practitioner_seat_limit",
          },
        ),
      );
    });

    it("licence seats: a licence beyond its seats is refused; an unknown licence is a validation error", async () => {
      const ctx = await setup(factory);
      const org = await ctx.owner.organization.get();
      await ctx.owner.organization.update(
        { licenceTypes: [{ key: "mobile", label: "Mobile app", seats: 1 }] },
        { version: org.version },
      );
      await createStaff(ctx, { extra: { licences: ["mobile"] } });
      const input = await staffInput(ctx, { extra: { licences: ["mobile"] } });
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.create(input), { code: "rule", rule: "licence_seat_limit" }),
      );
      const unknown = await staffInput(ctx, { extra: { licences: ["telehealth"] } });
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.create(unknown), { code: "validation", path: ["licences", 0] }),
      );
    });

    it("a named-seat limit saved below use disables nobody; creating, inviting and restoring are refused until use falls below it", async () => {
      const ctx = await setup(factory);
      const [ava, ben, cal] = [await createStaff(ctx), await createStaff(ctx), await createStaff(ctx)];
      const dropped = await ctx.owner.users.disable(cal.id, { version: cal.version });
      const org = await ctx.owner.organization.get();
      const usage = await ctx.owner.organization.usage();
      expect(usage.named.used).toBe(3);
      // The fact a settings screen confirms before saving (core's, not the screen's).
      expect(seatLimitsBelowUse(usage, { seats: { named: 2 } }, org)).toEqual([
        { kind: "named", limit: 2, used: 3 },
      ]);
      expect(seatLimitsBelowUse(usage, { seats: { named: 3 } }, org)).toEqual([]);
      await setSeats(ctx, { named: 2 });
      expect((await ctx.owner.organization.usage()).named).toEqual({ used: 3, limit: 2 });
      expect((await usersIn(ctx.owner, "active")).map((u) => u.id).sort()).toEqual(
        [ctx.world.owner.id, ava.id, ben.id].sort(),
      );
      const input = await staffInput(ctx);
      const { password: _p, mustChangePassword: _m, ...invite } = input;
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.users.create(input), { code: "rule", rule: "seat_limit" });
        await expectError(ctx.owner.users.invite(invite), { code: "rule", rule: "seat_limit" });
        await expectError(ctx.owner.users.restore(cal.id, { version: dropped.version }), {
          code: "rule",
          rule: "seat_limit",
        });
      });
      // One seat freed is not enough (3 → 2 in use is still the limit); two are.
      await ctx.owner.users.disable(ava.id, { version: ava.version });
      await expectError(ctx.owner.users.create(input), { code: "rule", rule: "seat_limit" });
      await ctx.owner.users.disable(ben.id, { version: ben.version });
      expect((await ctx.owner.users.create(input)).status).toBe("active");
    });

    it("concurrent creates never exceed the named seats", async () => {
      const ctx = await setup(factory);
      await setSeats(ctx, { named: 3 });
      const inputs = await Promise.all([1, 2, 3, 4, 5].map(() => staffInput(ctx)));
      const results = await Promise.allSettled(inputs.map((input) => ctx.owner.users.create(input)));
      const ok = results.filter((r) => r.status === "fulfilled").length;
      const refused = results.flatMap((r) =>
        r.status === "rejected" ? [asDirectoryError(r.reason)?.rule] : [],
      );
      expect(ok).toBe(2);
      expect(refused).toEqual(["seat_limit", "seat_limit", "seat_limit"]);
      expect((await ctx.owner.organization.usage()).named.used).toBe(3);
      expect((await ctx.owner.users.counts()).active).toBe(3);
    });

    it("R1 concurrent creates with one email: exactly one wins, the other is a conflict", async () => {
      const ctx = await setup(factory);
      const a = await staffInput(ctx, { email: "twin@harbor-urgent-care.example" });
      const b = await staffInput(ctx, { email: "TWIN@harbor-urgent-care.example" });
      const results = await Promise.allSettled([ctx.owner.users.create(a), ctx.owner.users.create(b)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const codes = results.flatMap((r) =>
        r.status === "rejected" ? [asDirectoryError(r.reason)?.code] : [],
      );
      expect(codes).toEqual(["conflict"]);
    });
  });
}
