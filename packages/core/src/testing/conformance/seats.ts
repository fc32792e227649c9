import { describe, expect, it } from "vitest";
import { asDirectoryError, expectError } from "./errors-expect";
import { createStaff, expectNoChange, inviteStaff, setSeats, setup, staffInput } from "./helpers";
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
