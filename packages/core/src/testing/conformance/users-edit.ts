import { describe, expect, it } from "vitest";
import type { VersionOption } from "../../primitives/version.schema";
import type { UserPatch } from "../../users/user-input.schema";
import { asDirectoryError, expectError } from "./errors-expect";
import {
  addLocation,
  createStaff,
  expectNoChange,
  MINUTE,
  nowIso,
  setup,
  templateRole,
  usersIn,
  withUnknown,
} from "./helpers";
import type { WorldFactory } from "./world";

/**
 * W4 (edit a user) and R12 (optimistic concurrency), R14 on patches.
 *
 * @example describe("memory", () => registerUserEditTests(() => memoryWorld()));
 */
export function registerUserEditTests(factory: WorldFactory): void {
  describe("W4 edit a user", () => {
    it("edits the profile: new title shows in the display name, version and time move on", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx, { givenName: "Jane", familyName: "Smith", title: "LPN" });
      ctx.world.clock.advance(3 * MINUTE);
      const updated = await ctx.owner.users.update(
        user.id,
        { profile: { title: "RN", jobTitle: "Charge nurse" } },
        { version: user.version },
      );
      expect(updated.displayName).toBe("Jane Smith RN");
      expect(updated.profile).toMatchObject({
        givenName: "Jane",
        familyName: "Smith",
        title: "RN",
        jobTitle: "Charge nurse",
      });
      expect(updated.version).toBeGreaterThan(user.version);
      expect(updated.updatedAt).toBe(nowIso(ctx));
      expect(updated.createdAt).toBe(user.createdAt);
      expect(await ctx.owner.users.get(user.id)).toEqual(updated);
    });

    it("promotes to Administrator and demotes back; the admin filter follows", async () => {
      const ctx = await setup(factory);
      const admin = await templateRole(ctx, "administrator");
      const frontDesk = await templateRole(ctx, "front_desk");
      const user = await createStaff(ctx, { role: frontDesk });
      const promoted = await ctx.owner.users.update(user.id, { roleId: admin.id }, { version: user.version });
      expect(promoted.roleId).toBe(admin.id);
      expect((await usersIn(ctx.owner, "active", { admin: true })).map((u) => u.id)).toContain(user.id);
      const demoted = await ctx.owner.users.update(
        user.id,
        { roleId: frontDesk.id },
        { version: promoted.version },
      );
      expect(demoted.roleId).toBe(frontDesk.id);
      expect((await usersIn(ctx.owner, "active", { admin: true })).map((u) => u.id)).not.toContain(user.id);
    });

    it("changes locations and primary location together", async () => {
      const ctx = await setup(factory);
      const clinicB = await addLocation(ctx, "Sunset District");
      const user = await createStaff(ctx);
      const updated = await ctx.owner.users.update(
        user.id,
        { locationAccess: [clinicB.id], primaryLocationId: clinicB.id },
        { version: user.version },
      );
      expect(updated).toMatchObject({ locationAccess: [clinicB.id], primaryLocationId: clinicB.id });
      const orgWide = await ctx.owner.users.update(
        user.id,
        { locationAccess: "organization" },
        { version: updated.version },
      );
      expect(orgWide.locationAccess).toBe("organization");
    });

    it("sets the practitioner flag", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const updated = await ctx.owner.users.update(
        user.id,
        { flags: { practitioner: true } },
        { version: user.version },
      );
      expect(updated.flags.practitioner).toBe(true);
      expect((await usersIn(ctx.owner, "active", { practitioner: true })).map((u) => u.id)).toEqual([
        user.id,
      ]);
    });

    it("R1 changes the email, normalised; a taken email is a conflict on email", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const other = await createStaff(ctx);
      const updated = await ctx.owner.users.update(
        user.id,
        { email: " New.Address@Harbor-Urgent-Care.EXAMPLE" },
        { version: user.version },
      );
      expect(updated.email).toBe("new.address@harbor-urgent-care.example");
      await expectNoChange(ctx, () =>
        expectError(
          ctx.owner.users.update(user.id, { email: other.email.toUpperCase() }, { version: updated.version }),
          {
            code: "conflict",
            path: ["email"],
          },
        ),
      );
    });

    it("refuses bad patch values with issues on their fields, writing nothing", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const cases: [UserPatch, (string | number)[]][] = [
        [{ profile: { givenName: "" } }, ["profile", "givenName"]],
        [{ email: "nope" }, ["email"]],
        [{ profile: { primaryPhone: "12" } }, ["profile", "primaryPhone"]],
        [{ locationAccess: [] }, ["locationAccess"]],
      ];
      for (const [patch, path] of cases) {
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.update(user.id, patch, { version: user.version }), {
            code: "validation",
            path,
          }),
        );
      }
    });

    it("R14 rejects unknown fields and fields with their own operations (status, password, organization)", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const extras: Record<string, unknown>[] = [
        { status: "disabled" },
        { password: "another-long-passphrase-99" },
        { mustChangePassword: false },
        { organizationId: ctx.world.organization.id },
        { accountId: user.accountId },
        { locked: false },
        { favouriteColour: "teal" },
      ];
      for (const extra of extras) {
        const patch = withUnknown<UserPatch>({ profile: { jobTitle: "Scheduler" } }, extra);
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.update(user.id, patch, { version: user.version }), {
            code: "validation",
          }),
        );
      }
    });

    it("R12 a stale version fails with stale and writes nothing", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx, { title: "MA" });
      const first = await ctx.owner.users.update(
        user.id,
        { profile: { title: "LPN" } },
        { version: user.version },
      );
      await expectNoChange(ctx, () =>
        expectError(
          ctx.owner.users.update(user.id, { profile: { title: "RN" } }, { version: user.version }),
          {
            code: "stale",
          },
        ),
      );
      expect((await ctx.owner.users.get(user.id)).profile.title).toBe("LPN");
      expect(first.version).toBeGreaterThan(user.version);
    });

    it("R12 a write without the version it read fails with precondition_required", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const noVersion = {} as unknown as VersionOption;
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.update(user.id, { profile: { title: "RN" } }, noVersion), {
          code: "precondition_required",
        }),
      );
    });

    it("R12 two concurrent edits of the same version: exactly one wins, the other is stale", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const results = await Promise.allSettled([
        ctx.owner.users.update(user.id, { profile: { title: "RN" } }, { version: user.version }),
        ctx.owner.users.update(user.id, { profile: { title: "NP" } }, { version: user.version }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.flatMap((r) =>
        r.status === "rejected" ? [asDirectoryError(r.reason)?.code] : [],
      );
      expect(won).toHaveLength(1);
      expect(lost).toEqual(["stale"]);
      const title = (await ctx.owner.users.get(user.id)).profile.title;
      expect(won[0]?.status === "fulfilled" ? won[0].value.profile.title : null).toBe(title);
    });
  });
}
