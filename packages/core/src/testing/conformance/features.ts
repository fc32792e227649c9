import { describe, expect, it } from "vitest";
import { fixtureNpi } from "../fixtures";
import { seededRandom } from "../random";
import { expectError } from "./errors-expect";
import { createStaff, expectNoChange, setFeatures, setup, staffInput } from "./helpers";
import type { WorldFactory } from "./world";

const provider = () => ({
  npi: fixtureNpi(seededRandom(11)),
  taxonomyCodes: ["207Q00000X"],
  bio: null,
  providerTypes: [],
  capacity: 1,
  schedulingStep: 15 as const,
});

/**
 * R10 (features the organization lacks cannot be set; mobile login needs a phone).
 *
 * @example describe("memory", () => registerFeatureTests(() => memoryWorld()));
 */
export function registerFeatureTests(factory: WorldFactory): void {
  describe("R10 conditional fields", () => {
    it("without the feature: provider profile, case manager, diary and mobile login are feature_disabled", async () => {
      const ctx = await setup(factory);
      const extras = [
        { flags: { practitioner: true }, provider: provider() },
        { flags: { caseManager: true } },
        { flags: { diary: true } },
        {
          loginChannels: { mobile: true },
          profile: { givenName: "Mo", familyName: "Bile", primaryPhone: "+14155550142" },
        },
      ];
      for (const extra of extras) {
        const input = await staffInput(ctx, { extra });
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.create(input), { code: "rule", rule: "feature_disabled" }),
        );
      }
      const user = await createStaff(ctx);
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.update(user.id, { flags: { diary: true } }, { version: user.version }), {
          code: "rule",
          rule: "feature_disabled",
        }),
      );
    });

    it("with the features on, the same fields are accepted", async () => {
      const ctx = await setup(factory);
      await setFeatures(ctx, { providerDirectory: true, caseManagement: true, diary: true, mobileApp: true });
      const user = await createStaff(ctx, {
        extra: {
          flags: { practitioner: true, diary: true, caseManager: true },
          provider: provider(),
          loginChannels: { web: true, mobile: true },
          profile: { givenName: "Mo", familyName: "Bile", primaryPhone: "+14155550142" },
        },
      });
      expect(user).toMatchObject({
        flags: { practitioner: true, diary: true, caseManager: true },
        loginChannels: { web: true, mobile: true },
      });
      expect(user.provider?.taxonomyCodes).toEqual(["207Q00000X"]);
    });

    it("mobile login needs a primary phone, on create and when the phone is removed", async () => {
      const ctx = await setup(factory);
      await setFeatures(ctx, { mobileApp: true });
      const input = await staffInput(ctx, { extra: { loginChannels: { mobile: true } } });
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.create(input), { code: "rule", rule: "mobile_needs_phone" }),
      );
      const user = await createStaff(ctx, {
        extra: {
          loginChannels: { mobile: true },
          profile: { givenName: "Mo", familyName: "Bile", primaryPhone: "+14155550142" },
        },
      });
      await expectNoChange(ctx, () =>
        expectError(
          ctx.owner.users.update(user.id, { profile: { primaryPhone: null } }, { version: user.version }),
          {
            code: "rule",
            rule: "mobile_needs_phone",
          },
        ),
      );
    });
  });
}
