import { describe, expect, it } from "vitest";
import type { Location } from "../../locations/location.schema";
import { npiWithCheckDigit } from "../../users/provider.rules";
import type { User } from "../../users/user.schema";
import type { UserQuery } from "../../users/user-query.schema";
import { expectError } from "./errors-expect";
import {
  addLocation,
  allPages,
  type Ctx,
  createStaff,
  current,
  expectNoChange,
  inviteStaff,
  itemsOf,
  MINUTE,
  setup,
  withUnknown,
} from "./helpers";
import type { WorldFactory } from "./world";

/** A small directory whose name, email and creation orders all differ. */
interface Roster {
  readonly clinicB: Location;
  readonly ava: User;
  readonly ben: User;
  readonly cara: User;
  readonly dev: User;
  readonly eli: User;
  readonly fay: User;
  readonly gus: User;
  readonly npi: string;
}

async function roster(ctx: Ctx): Promise<Roster> {
  const org = await ctx.owner.organization.get();
  await ctx.owner.organization.update(
    { features: { providerDirectory: true }, providerTypes: ["MD"] },
    { version: org.version },
  );
  const clinicB = await addLocation(ctx, "Sunset District");
  const npi = npiWithCheckDigit("176543210");
  const make = async (
    given: string,
    family: string,
    email: string,
    extra: Parameters<typeof createStaff>[1] = {},
  ) => {
    ctx.world.clock.advance(MINUTE);
    return createStaff(ctx, { givenName: given, familyName: family, email, ...extra });
  };
  const cara = await make("Cara", "Clark", "cat.cara@harbor-urgent-care.example", { locations: [clinicB] });
  const ava = await make("Ava", "Adams", "eve.ava@harbor-urgent-care.example");
  const eli = await make("Eli", "Evans", "amy.eli@harbor-urgent-care.example", { role: "provider" });
  const ben = await make("Ben", "Brown", "dan.ben@harbor-urgent-care.example", {
    extra: {
      flags: { practitioner: true },
      provider: {
        npi,
        taxonomyCodes: ["207Q00000X"],
        bio: null,
        providerTypes: [],
        capacity: 1,
        schedulingStep: 15,
      },
    },
  });
  const dev = await make("Dev", "Diaz", "bob.dev@harbor-urgent-care.example", {
    locations: [ctx.location, clinicB],
    extra: { profile: { givenName: "Dev", familyName: "Diaz", initials: "QX" } },
  });
  ctx.world.clock.advance(MINUTE);
  const { user: fay } = await inviteStaff(ctx, {
    givenName: "Fay",
    familyName: "Fox",
    email: "fay.fox@harbor-urgent-care.example",
  });
  const gus = await make("Gus", "Green", "gus.green@harbor-urgent-care.example");
  await ctx.owner.users.disable(gus.id, { version: gus.version });
  return { clinicB, ava, ben, cara, dev, eli, fay, gus, npi };
}

const ids = (users: readonly User[]) => users.map((u) => u.id);

/**
 * W12 (tabs, counts, search, filters, sort, paging, bulk actions).
 *
 * @example describe("memory", () => registerDirectoryTests(() => memoryWorld()));
 */
export function registerDirectoryTests(factory: WorldFactory): void {
  describe("W12 directory", () => {
    it("tabs and counts; the default list is the Active tab by name", async () => {
      const ctx = await setup(factory);
      const r = await roster(ctx);
      const owner = ctx.world.owner.id;
      expect(await ctx.owner.users.counts()).toEqual({ active: 6, pending: 1, disabled: 1 });
      const active = await ctx.owner.users.list();
      expect(ids(active.items)).toEqual([r.ava.id, r.ben.id, r.cara.id, r.dev.id, r.eli.id, owner]);
      expect(active.total).toBe(6);
      expect(active.nextCursor).toBeNull();
      expect(ids((await ctx.owner.users.list({ status: "pending" })).items)).toEqual([r.fay.id]);
      expect(ids((await ctx.owner.users.list({ status: "disabled" })).items)).toEqual([r.gus.id]);
    });

    it("searches by name, email, initials and NPI, ignoring case; counts follow the search", async () => {
      const ctx = await setup(factory);
      const r = await roster(ctx);
      const search = async (q: string, status: UserQuery["status"] = "active") =>
        ids((await ctx.owner.users.list({ search: q, status })).items);
      expect(await search("CLA")).toEqual([r.cara.id]);
      expect(await search("ava adams")).toEqual([r.ava.id]);
      expect(await search("bob.dev@")).toEqual([r.dev.id]);
      expect(await search("qx")).toEqual([r.dev.id]);
      expect(await search(r.npi)).toEqual([r.ben.id]);
      expect(await search("nobody-matches-this")).toEqual([]);
      expect(await search("fox", "pending")).toEqual([r.fay.id]);
      expect(await ctx.owner.users.counts({ search: "fox" })).toEqual({ active: 0, pending: 1, disabled: 0 });
      expect(await ctx.owner.users.counts({ search: "green" })).toEqual({
        active: 0,
        pending: 0,
        disabled: 1,
      });
    });

    it("filters by location (org-wide users included), role, admin and practitioner", async () => {
      const ctx = await setup(factory);
      const r = await roster(ctx);
      const owner = ctx.world.owner.id;
      const list = async (q: UserQuery) => ids((await ctx.owner.users.list(q)).items);
      expect(await list({ locationId: r.clinicB.id })).toEqual([r.cara.id, r.dev.id, owner]);
      expect(await list({ roleId: r.eli.roleId })).toEqual([r.eli.id]);
      expect(await list({ admin: true })).toEqual([owner]);
      expect(await list({ admin: false })).toEqual([r.ava.id, r.ben.id, r.cara.id, r.dev.id, r.eli.id]);
      expect(await list({ practitioner: true })).toEqual([r.ben.id]);
      expect(await ctx.owner.users.counts({ locationId: r.clinicB.id })).toEqual({
        active: 3,
        pending: 0,
        disabled: 0,
      });
    });

    it("sorts by name, email and creation time in both directions", async () => {
      const ctx = await setup(factory);
      const r = await roster(ctx);
      const owner = ctx.world.owner.id;
      const sorted = async (sort: UserQuery["sort"], direction: "asc" | "desc") =>
        ids((await ctx.owner.users.list({ sort, direction })).items);
      const byName = [r.ava.id, r.ben.id, r.cara.id, r.dev.id, r.eli.id, owner];
      const byEmail = [r.eli.id, r.dev.id, r.cara.id, r.ben.id, r.ava.id, owner];
      const byCreated = [owner, r.cara.id, r.ava.id, r.eli.id, r.ben.id, r.dev.id];
      expect(await sorted("name", "asc")).toEqual(byName);
      expect(await sorted("name", "desc")).toEqual([...byName].reverse());
      expect(await sorted("email", "asc")).toEqual(byEmail);
      expect(await sorted("email", "desc")).toEqual([...byEmail].reverse());
      expect(await sorted("createdAt", "asc")).toEqual(byCreated);
      expect(await sorted("createdAt", "desc")).toEqual([...byCreated].reverse());
    });

    it("cursor paging visits every user exactly once with a steady total, for every sort", async () => {
      const ctx = await setup(factory);
      for (let i = 0; i < 22; i++) {
        await createStaff(ctx, {
          givenName: i % 3 === 0 ? "Same" : `Given${i}`,
          familyName: i % 2 === 0 ? "Twin" : `Fam${i}`,
        });
      }
      const everyone = ids(await allPages((cursor) => ctx.owner.users.list({ limit: 200, cursor }))).sort();
      expect(everyone).toHaveLength(23);
      for (const sort of ["name", "email", "createdAt", "lastSignInAt"] as const) {
        for (const direction of ["asc", "desc"] as const) {
          const totals = new Set<number>();
          const seen = await allPages(async (cursor) => {
            const page = await ctx.owner.users.list({ sort, direction, limit: 4, cursor });
            totals.add(page.total);
            expect(page.items.length).toBeLessThanOrEqual(4);
            return page;
          });
          expect([...totals], `${sort} ${direction}`).toEqual([23]);
          expect(ids(seen).sort(), `${sort} ${direction}`).toEqual(everyone);
        }
      }
    });

    it("R14 refuses bad queries: limits out of range, unknown sort, unknown fields", async () => {
      const ctx = await setup(factory);
      for (const query of [
        { limit: 0 },
        { limit: 201 },
        { search: "smi\u0000th" },
        withUnknown<UserQuery>({}, { sort: "salary" }),
        withUnknown<UserQuery>({}, { organizationId: ctx.world.organization.id }),
      ]) {
        await expectError(ctx.owner.users.list(query), { code: "validation" });
      }
    });

    it("R7 bulk disable reports per row: self fails with self_change, the others succeed", async () => {
      const ctx = await setup(factory);
      const r = await roster(ctx);
      const me = ctx.world.owner.id;
      const self = await ctx.owner.users.get(me);
      const result = await ctx.owner.users.bulk({ action: "disable", items: itemsOf(r.ava, self, r.ben) });
      expect(result.succeeded).toBe(2);
      expect(result.failed).toBe(1);
      expect(result.results.map((x) => [x.id, x.ok])).toEqual([
        [r.ava.id, true],
        [me, false],
        [r.ben.id, true],
      ]);
      const selfRow = result.results[1];
      expect(selfRow && !selfRow.ok ? [selfRow.error.code, selfRow.error.rule] : null).toEqual([
        "rule",
        "self_change",
      ]);
      expect((await ctx.owner.users.get(r.ava.id)).status).toBe("disabled");
      expect((await ctx.owner.users.get(me)).status).toBe("active");
    });

    it("R5 bulk restore, setRole and delete, with a not_found row for a foreign or missing id", async () => {
      const ctx = await setup(factory);
      const r = await roster(ctx);
      const other = await ctx.world.bootstrapAnother();
      await ctx.owner.users.bulk({ action: "disable", items: itemsOf(r.ava, r.ben) });
      const restored = await ctx.owner.users.bulk({
        action: "restore",
        items: [
          { id: r.ava.id, ...(await current(ctx, r.ava.id)) },
          { id: other.owner.id, version: other.owner.version },
        ],
      });
      expect(restored.results.map((x) => (x.ok ? "ok" : x.error.code))).toEqual(["ok", "not_found"]);
      const role = r.eli.roleId;
      const set = await ctx.owner.users.bulk({
        action: "setRole",
        items: [
          { id: r.ava.id, ...(await current(ctx, r.ava.id)) },
          { id: r.cara.id, version: r.cara.version },
        ],
        roleId: role,
      });
      expect(set.succeeded).toBe(2);
      expect((await ctx.owner.users.get(r.cara.id)).roleId).toBe(role);
      const deleted = await ctx.owner.users.bulk({
        action: "delete",
        items: [
          { id: r.ben.id, ...(await current(ctx, r.ben.id)) },
          { id: r.cara.id, ...(await current(ctx, r.cara.id)) },
          { id: "usr_zzzzzzzzzzzzzzzzzzzz", version: 1 },
        ],
      });
      expect(deleted.results.map((x) => (x.ok ? "ok" : x.error.code))).toEqual([
        "ok",
        "conflict",
        "not_found",
      ]);
      await expectError(ctx.owner.users.get(r.ben.id), { code: "not_found" });
    });

    it("R2 a bulk action nobody may take changes nothing", async () => {
      const ctx = await setup(factory);
      const r = await roster(ctx);
      const reader = await createStaff(ctx, { role: "read_only", locations: "organization" });
      const dir = await ctx.world.as(reader.id);
      await expectNoChange(ctx, async () => {
        try {
          const result = await dir.users.bulk({ action: "disable", items: itemsOf(r.ava, r.ben) });
          expect(result.succeeded).toBe(0);
          expect(result.results.map((x) => (x.ok ? "ok" : x.error.code))).toEqual(["forbidden", "forbidden"]);
        } catch (error) {
          expect((error as { code?: unknown }).code).toBe("forbidden");
        }
      });
    });
  });
}
