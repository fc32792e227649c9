import { describe, expect, it } from "vitest";
import type { OrganizationPatch } from "../../organization/organization.schema";
import type { VersionOption } from "../../primitives/version.schema";
import { expectError } from "./errors-expect";
import {
  createStaff,
  expectNoChange,
  inviteStaff,
  setFeatures,
  setup,
  staffWithPermissions,
  withUnknown,
} from "./helpers";
import type { WorldFactory } from "./world";

/**
 * W11 (organization features, seats, licence types; usage) and its R2/R12/R14 failures.
 *
 * @example describe("memory", () => registerOrganizationTests(() => memoryWorld()));
 */
export function registerOrganizationTests(factory: WorldFactory): void {
  describe("W11 organization", () => {
    it("a new organization has its owner as main contact, no optional features and unlimited seats", async () => {
      const ctx = await setup(factory);
      const org = await ctx.owner.organization.get();
      expect(org).toMatchObject({
        id: ctx.world.organization.id,
        mainContactUserId: ctx.world.owner.id,
        features: { mobileApp: false, providerDirectory: false, caseManagement: false, diary: false },
        seats: { named: null, concurrent: null, practitioners: null },
      });
      const me = await ctx.owner.me();
      expect(me).toMatchObject({ isMainContact: true, user: { id: ctx.world.owner.id } });
      expect(me.permissions).toContain("users.manage");
    });

    it("R12 updates features, seats, licence types and provider types with the version read", async () => {
      const ctx = await setup(factory);
      const org = await ctx.owner.organization.get();
      const updated = await ctx.owner.organization.update(
        {
          name: "Harbor Urgent Care & Family Medicine",
          features: { diary: true, mobileApp: true },
          seats: { named: 25, concurrent: 10 },
          licenceTypes: [{ key: "mobile", label: "Mobile app", seats: 5 }],
          providerTypes: ["MD", "RN", "NP"],
        },
        { version: org.version },
      );
      expect(updated).toMatchObject({
        name: "Harbor Urgent Care & Family Medicine",
        features: { diary: true, mobileApp: true, providerDirectory: false, caseManagement: false },
        seats: { named: 25, concurrent: 10, practitioners: null },
        licenceTypes: [{ key: "mobile", label: "Mobile app", seats: 5 }],
        providerTypes: ["MD", "RN", "NP"],
      });
      expect(updated.version).toBeGreaterThan(org.version);
      expect(await ctx.owner.organization.get()).toEqual(updated);
    });

    it("R12 a stale or missing version writes nothing", async () => {
      const ctx = await setup(factory);
      const org = await ctx.owner.organization.get();
      await setFeatures(ctx, { diary: true });
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.organization.update({ seats: { named: 3 } }, { version: org.version }), {
          code: "stale",
        });
        await expectError(
          ctx.owner.organization.update({ seats: { named: 3 } }, {} as unknown as VersionOption),
          {
            code: "precondition_required",
          },
        );
      });
    });

    it("R14 refuses negative seats, bad licence keys and unknown fields", async () => {
      const ctx = await setup(factory);
      const { version } = await ctx.owner.organization.get();
      const cases: [OrganizationPatch, (string | number)[] | null][] = [
        [{ seats: { named: -1 } }, ["seats", "named"]],
        [{ licenceTypes: [{ key: "Mobile App", label: "Mobile", seats: 1 }] }, ["licenceTypes", 0, "key"]],
        [withUnknown<OrganizationPatch>({}, { id: "org_zzzzzzzzzzzzzzzz" }), null],
        [withUnknown<OrganizationPatch>({ features: {} }, { billingPlan: "gold" }), null],
      ];
      for (const [patch, path] of cases) {
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.organization.update(patch, { version }), {
            code: "validation",
            ...(path ? { path } : {}),
          }),
        );
      }
    });

    it("R2 without organization.manage the organization cannot be changed", async () => {
      const ctx = await setup(factory);
      const { dir } = await staffWithPermissions(ctx, ["users.view", "users.manage"], {
        locations: "organization",
      });
      const org = await dir.organization.get();
      await expectNoChange(ctx, () =>
        expectError(dir.organization.update({ features: { diary: true } }, { version: org.version }), {
          code: "forbidden",
        }),
      );
    });

    it("R9 usage counts active and pending users, practitioners and licences", async () => {
      const ctx = await setup(factory);
      const org = await ctx.owner.organization.get();
      await ctx.owner.organization.update(
        {
          seats: { named: 10, practitioners: 4, concurrent: 3 },
          licenceTypes: [{ key: "cxm", label: "CXM", seats: 2 }],
        },
        { version: org.version },
      );
      await createStaff(ctx, { extra: { flags: { practitioner: true }, licences: ["cxm"] } });
      await inviteStaff(ctx, { extra: { flags: { practitioner: true } } });
      const disabled = await createStaff(ctx, {
        extra: { flags: { practitioner: true }, licences: ["cxm"] },
      });
      await ctx.owner.users.disable(disabled.id, { version: disabled.version });
      const usage = await ctx.owner.organization.usage();
      expect(usage).toEqual({
        named: { used: 3, limit: 10 },
        practitioners: { used: 2, limit: 4 },
        concurrent: { used: 0, limit: 3 },
        licences: [{ key: "cxm", label: "CXM", used: 1, limit: 2 }],
      });
    });
  });
}
