import { describe, expect, it } from "vitest";
import type { UserQuery } from "../../users/user-query.schema";
import { FORGED_INSTANTS, forgeCursor, HOSTILE, rawCursor } from "./boundary-values";
import { expectError } from "./errors-expect";
import { type Ctx, createStaff, MINUTE, setup } from "./helpers";
import type { WorldFactory } from "./world";

/** Three users whose names, emails and creation times differ, so every order has a second page. */
async function threeUsers(ctx: Ctx): Promise<void> {
  for (const family of ["Adams", "Brown", "Clark"]) {
    ctx.world.clock.advance(MINUTE);
    await createStaff(ctx, { familyName: family });
  }
}

/** The first page's cursor of `query` (one user a page). */
async function firstCursor(ctx: Ctx, query: UserQuery): Promise<string> {
  const page = await ctx.owner.users.list({ ...query, limit: 1 });
  if (!page.nextCursor) throw new Error(`no second page for ${JSON.stringify(query)}`);
  return page.nextCursor;
}

/** Expects `cursor` to be refused on `cursor` for `query`. */
async function expectRefused(ctx: Ctx, query: UserQuery, cursor: string, what: string): Promise<void> {
  const error = await expectError(ctx.owner.users.list({ ...query, limit: 1, cursor }), {
    code: "validation",
    path: ["cursor"],
  });
  expect(error.code, what).toBe("validation");
}

/** Edits of a cursor's parts that no store ever writes, for any order. */
const SHAPE_FORGERIES: readonly (readonly [string, (parts: readonly unknown[]) => readonly unknown[]])[] = [
  ["an id with a NUL", (p) => p.with(3, `${String(p[3])}\u0000`)],
  ["an id with an unpaired surrogate", (p) => p.with(3, `${String(p[3]).slice(0, 8)}\ud800`)],
  ["an id not shaped like an id", (p) => p.with(3, "'; DROP TABLE users; --")],
  ["a number for an id", (p) => p.with(3, 42)],
  ["a missing id", (p) => p.slice(0, -1)],
  ["an extra part", (p) => [...p, "more"]],
  ["another version", (p) => p.with(0, 2)],
  ["another query's fingerprint", (p) => p.with(1, "0")],
];

/**
 * R14 for page cursors: a cursor is opaque, and one the store did not make — forged with a NUL or
 * an unpaired surrogate in its key or id, a date no store holds (year 275760, year 0, 31 February),
 * a sequence past PostgreSQL's integer, or a wrong shape — is `validation` on `cursor` on every
 * store, never a 500 and never a page.
 *
 * @example describe("memory", () => registerCursorBoundaryTests(() => memoryWorld()));
 */
export function registerCursorBoundaryTests(factory: WorldFactory): void {
  describe("R14 forged cursors", () => {
    it("R14 cursors: a forged users.list cursor (NUL, controls or unpaired surrogates in key or id, wrong shape) is refused on cursor", async () => {
      const ctx = await setup(factory);
      await threeUsers(ctx);
      for (const sort of ["name", "email"] as const) {
        const query: UserQuery = { sort };
        const cursor = await firstCursor(ctx, query);
        for (const [name, bad] of HOSTILE) {
          const forged = forgeCursor(cursor, (p) => p.with(2, `${String(p[2]).slice(0, 3)}${bad}z`));
          await expectRefused(ctx, query, forged, `${sort} key with ${name}`);
        }
        for (const [name, change] of SHAPE_FORGERIES)
          await expectRefused(ctx, query, forgeCursor(cursor, change), `${sort}: ${name}`);
        await expectRefused(
          ctx,
          query,
          forgeCursor(cursor, (p) => p.with(2, null)),
          `${sort}: null key`,
        );
        await expectRefused(
          ctx,
          query,
          forgeCursor(cursor, (p) => p.with(2, "x".repeat(1500))),
          "long key",
        );
        // The real one still works: the refusals above were about the forgeries.
        expect((await ctx.owner.users.list({ ...query, limit: 1, cursor })).items).toHaveLength(1);
      }
      for (const cursor of [
        "%%%",
        "a\u0000b",
        "\ud800",
        rawCursor([0xc3, 0x28]),
        rawCursor([0xed, 0xa0, 0x80]),
        rawCursor([0x5b, 0x31, 0x2c]),
        "W10",
      ]) {
        await expectRefused(ctx, {}, cursor, JSON.stringify(cursor));
      }
    });

    it("R14 cursors: a forged date in a createdAt or lastSignInAt cursor (year 275760, year 0, 31 February, non-canonical) is refused on cursor", async () => {
      const ctx = await setup(factory);
      await threeUsers(ctx);
      for (const sort of ["createdAt", "lastSignInAt"] as const) {
        for (const direction of ["asc", "desc"] as const) {
          const query: UserQuery = { sort, direction };
          const cursor = await firstCursor(ctx, query);
          for (const instant of FORGED_INSTANTS) {
            await expectRefused(
              ctx,
              query,
              forgeCursor(cursor, (p) => p.with(2, instant)),
              `${sort} ${direction}: ${instant}`,
            );
          }
          await expectRefused(
            ctx,
            query,
            forgeCursor(cursor, (p) => p.with(2, 1e15)),
            "a number key",
          );
          expect((await ctx.owner.users.list({ ...query, limit: 1, cursor })).items).toHaveLength(1);
        }
      }
      // A never-signed-in user's key is null only in the lastSignInAt order.
      const byCreation = await firstCursor(ctx, { sort: "createdAt" });
      await expectRefused(
        ctx,
        { sort: "createdAt" },
        forgeCursor(byCreation, (p) => p.with(2, null)),
        "null",
      );
    });

    it("R14 cursors: a forged audit.list cursor (sequence past PostgreSQL's integer, negative, fractional, text, wrong shape) is refused on cursor", async () => {
      const ctx = await setup(factory);
      await threeUsers(ctx);
      const page = await ctx.owner.audit.list({ limit: 1 });
      const cursor = page.nextCursor;
      if (!cursor) throw new Error("no second audit page");
      for (const sequence of [2 ** 31, 2 ** 40, 2 ** 53, 1e308, -1, 0, 1.5, "5", null, "5\u0000"]) {
        const error = await expectError(
          ctx.owner.audit.list({ limit: 1, cursor: forgeCursor(cursor, (p) => p.with(2, sequence)) }),
          { code: "validation", path: ["cursor"] },
        );
        expect(error.code, String(sequence)).toBe("validation");
      }
      for (const change of [
        (p: readonly unknown[]) => [...p, 1],
        (p: readonly unknown[]) => p.with(1, "0"),
      ]) {
        await expectError(ctx.owner.audit.list({ limit: 1, cursor: forgeCursor(cursor, change) }), {
          code: "validation",
          path: ["cursor"],
        });
      }
      for (const bad of ["a\u0000b", "\udc00", rawCursor([0xff, 0xfe])]) {
        await expectError(ctx.owner.audit.list({ limit: 1, cursor: bad }), {
          code: "validation",
          path: ["cursor"],
        });
      }
      expect((await ctx.owner.audit.list({ limit: 1, cursor })).items).toHaveLength(1);
    });
  });
}
