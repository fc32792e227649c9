import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../directory/staff-directory";
import type { ProviderInput } from "../fixtures";
import { expectError } from "./errors-expect";
import { type Ctx, createStaff, expectNoChange, setup, staffInput } from "./helpers";
import type { WorldFactory } from "./world";

/** A provider profile holding these types at `locationId`. */
const holding = (locationId: string, ...types: string[]): ProviderInput => ({
  npi: null,
  taxonomyCodes: [],
  bio: null,
  providerTypes: types.map((type) => ({ type, locationIds: [locationId] })),
  capacity: 1,
  schedulingStep: 15,
});

/** Turns the provider directory on with these provider types, as `dir`'s organization's owner. */
async function useTypes(dir: StaffDirectory, types: readonly string[]): Promise<void> {
  const org = await dir.organization.get();
  await dir.organization.update(
    { features: { providerDirectory: true }, providerTypes: [...types] },
    { version: org.version },
  );
}

const typesOffered = async (dir: StaffDirectory, id?: string) =>
  (await dir.users.formOptions(id)).providerTypes.map((o) => [o.value, o.verdict.allowed]);

/** A practitioner of `ctx`'s organization holding `types`. */
const practitioner = (ctx: Ctx, ...types: string[]) =>
  createStaff(ctx, {
    extra: { flags: { practitioner: true }, provider: holding(ctx.location.id, ...types) },
  });

/**
 * Provider types per organization (reference 003): each organization defines its own list; a user's
 * provider types are chosen from the list of the organization they belong to — the user form offers
 * exactly that list, and core refuses any other.
 *
 * @example describe("memory", () => registerProviderTypeTests(() => memoryWorld()));
 */
export function registerProviderTypeTests(factory: WorldFactory): void {
  describe("W10 provider types per organization", () => {
    it("each organization offers its own provider types and refuses the other's, on create and on edit, writing nothing", async () => {
      const ctx = await setup(factory);
      await useTypes(ctx.owner, ["MD", "RN"]);
      const other = await ctx.world.bootstrapAnother();
      const otherOwner = await ctx.world.as(other.owner.id, other.organization.id);
      await otherOwner.me();
      await useTypes(otherOwner, ["Doula", "Midwife"]);

      expect(await typesOffered(ctx.owner)).toEqual([
        ["MD", true],
        ["RN", true],
      ]);
      expect(await typesOffered(otherOwner)).toEqual([
        ["Doula", true],
        ["Midwife", true],
      ]);

      // Offered means allowed: every offered type saves.
      const rn = await practitioner(ctx, "MD", "RN");
      expect(rn.provider?.providerTypes.map((t) => t.type)).toEqual(["MD", "RN"]);

      const foreign = await staffInput(ctx, {
        extra: { flags: { practitioner: true }, provider: holding(ctx.location.id, "Midwife") },
      });
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.users.create(foreign), {
          code: "validation",
          path: ["provider", "providerTypes", 0, "type"],
        });
        await expectError(
          ctx.owner.users.update(
            rn.id,
            { provider: holding(ctx.location.id, "RN", "Doula") },
            { version: rn.version },
          ),
          { code: "validation", path: ["provider", "providerTypes", 1, "type"] },
        );
      });
    });

    it("a provider type the organization stops using stays with those who hold it: they can still be edited; nobody else is given it", async () => {
      const ctx = await setup(factory);
      await useTypes(ctx.owner, ["MD", "RN"]);
      const holder = await practitioner(ctx, "RN");
      await useTypes(ctx.owner, ["MD"]);

      // The holder keeps RN, offered (and so allowed) on their own form only.
      expect(await typesOffered(ctx.owner, holder.id)).toEqual([
        ["MD", true],
        ["RN", true],
      ]);
      expect(await typesOffered(ctx.owner)).toEqual([["MD", true]]);
      const edited = await ctx.owner.users.update(
        holder.id,
        { profile: { title: "RN" } },
        { version: holder.version },
      );
      expect(edited.provider?.providerTypes.map((t) => t.type)).toEqual(["RN"]);
      const both = await ctx.owner.users.update(
        holder.id,
        { provider: holding(ctx.location.id, "RN", "MD") },
        { version: edited.version },
      );
      expect(both.provider?.providerTypes.map((t) => t.type)).toEqual(["RN", "MD"]);

      const other = await practitioner(ctx, "MD");
      await expectNoChange(ctx, () =>
        expectError(
          ctx.owner.users.update(
            other.id,
            { provider: holding(ctx.location.id, "RN") },
            { version: other.version },
          ),
          { code: "validation", path: ["provider", "providerTypes", 0, "type"] },
        ),
      );
      // Once dropped from the holder, it cannot come back.
      const dropped = await ctx.owner.users.update(
        holder.id,
        { provider: holding(ctx.location.id, "MD") },
        { version: both.version },
      );
      await expectError(
        ctx.owner.users.update(
          holder.id,
          { provider: holding(ctx.location.id, "RN") },
          { version: dropped.version },
        ),
        { code: "validation", path: ["provider", "providerTypes", 0, "type"] },
      );
    });
  });
}
