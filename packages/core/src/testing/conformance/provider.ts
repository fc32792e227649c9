import { describe, expect, it } from "vitest";
import { npiWithCheckDigit } from "../../users/provider.rules";
import type { ProviderInput } from "../fixtures";
import { expectError } from "./errors-expect";
import { type Ctx, createStaff, expectNoChange, setup, staffInput } from "./helpers";
import type { WorldFactory } from "./world";

const NPI = npiWithCheckDigit("123456789");

/** Turns on the provider directory with MD/RN/NP provider types. */
async function providerOrg(ctx: Ctx): Promise<void> {
  const org = await ctx.owner.organization.get();
  await ctx.owner.organization.update(
    { features: { providerDirectory: true }, providerTypes: ["MD", "RN", "NP"] },
    { version: org.version },
  );
}

const profileFor = (locationId: string): ProviderInput => ({
  npi: NPI,
  taxonomyCodes: ["163W00000X", "363lf0000x"],
  bio: "Family nurse practitioner with twelve years in urgent care.",
  providerTypes: [{ type: "NP", locationIds: [locationId] }],
  capacity: 2,
  schedulingStep: 20,
});

/**
 * W10 (provider profile, initials, display name) and R11 (NPI, taxonomy, capacity, step).
 *
 * @example describe("memory", () => registerProviderTests(() => memoryWorld()));
 */
export function registerProviderTests(factory: WorldFactory): void {
  describe("W10 provider profile", () => {
    it("R11 round-trips a provider profile; taxonomy codes are upper-cased", async () => {
      const ctx = await setup(factory);
      await providerOrg(ctx);
      const user = await createStaff(ctx, {
        givenName: "Jane",
        familyName: "Smith",
        title: "NP",
        extra: { flags: { practitioner: true }, provider: profileFor(ctx.location.id) },
      });
      expect(user.provider).toEqual({
        ...profileFor(ctx.location.id),
        taxonomyCodes: ["163W00000X", "363LF0000X"],
      });
      expect(await ctx.owner.users.get(user.id)).toEqual(user);
      const cleared = await ctx.owner.users.update(user.id, { provider: null }, { version: user.version });
      expect(cleared.provider).toBeNull();
    });

    it("initials are derived from the names unless given; the title follows the name", async () => {
      const ctx = await setup(factory);
      const derived = await createStaff(ctx, { givenName: "Jane", familyName: "Smith", title: "RN" });
      expect(derived.profile.initials).toBe("JS");
      expect(derived.displayName).toBe("Jane Smith RN");
      const given = await createStaff(ctx, {
        givenName: "Jane",
        familyName: "Smith",
        extra: { profile: { givenName: "Jane", familyName: "Smith", initials: "JAS" } },
      });
      expect(given.profile.initials).toBe("JAS");
      expect(given.displayName).toBe("Jane Smith");
    });

    it("R11 refuses a bad NPI, taxonomy, capacity or scheduling step on its field, writing nothing", async () => {
      const ctx = await setup(factory);
      await providerOrg(ctx);
      const good = profileFor(ctx.location.id);
      const wrongCheck = `${NPI.slice(0, 9)}${(Number(NPI[9]) + 1) % 10}`;
      const cases: [ProviderInput, (string | number)[]][] = [
        [{ ...good, npi: wrongCheck }, ["provider", "npi"]],
        [{ ...good, npi: "123456789" }, ["provider", "npi"]],
        [{ ...good, taxonomyCodes: ["207Q0000X"] }, ["provider", "taxonomyCodes", 0]],
        [{ ...good, taxonomyCodes: ["207Q00000X", "family medicine"] }, ["provider", "taxonomyCodes", 1]],
        [{ ...good, capacity: 0 }, ["provider", "capacity"]],
        [{ ...good, schedulingStep: 7 as 5 }, ["provider", "schedulingStep"]],
      ];
      const user = await createStaff(ctx, { extra: { flags: { practitioner: true } } });
      for (const [provider, path] of cases) {
        const input = await staffInput(ctx, { extra: { flags: { practitioner: true }, provider } });
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.create(input), { code: "validation", pathPrefix: path }),
        );
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.update(user.id, { provider }, { version: user.version }), {
            code: "validation",
            pathPrefix: path,
          }),
        );
      }
    });
  });
}
