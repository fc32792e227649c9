import { describe, expect, it } from "vitest";
import type { CreateUserInput } from "../../users/user-input.schema";
import { FIXTURE_PASSWORD } from "../fixtures";
import { expectError } from "./errors-expect";
import {
  createStaff,
  expectNoChange,
  inviteStaff,
  MINUTE,
  nowIso,
  setup,
  staffInput,
  templateRole,
  uniqueEmail,
  usersIn,
  withUnknown,
} from "./helpers";
import type { WorldFactory } from "./world";

/**
 * W1 (create a user directly) and R1 (email is the user name), R14 on create.
 *
 * @example describe("memory", () => registerUserCreateTests(() => memoryWorld()));
 */
export function registerUserCreateTests(factory: WorldFactory): void {
  describe("W1 create a user", () => {
    it("creates an active user with profile, role, locations and the must-change flag", async () => {
      const ctx = await setup(factory);
      const clinicB = await ctx.owner.locations.create({ name: "Sunset District" });
      const role = await templateRole(ctx, "provider");
      const before = await ctx.owner.users.counts();
      const user = await ctx.owner.users.create({
        email: "jane.smith@harbor-urgent-care.example",
        profile: {
          givenName: "Jane",
          familyName: "Smith",
          title: "RN",
          jobTitle: "Charge nurse",
          primaryPhone: "+1 (415) 555-0123",
          alternatePhone: "+14155550188",
        },
        roleId: role.id,
        locationAccess: [ctx.location.id, clinicB.id],
        primaryLocationId: clinicB.id,
        password: FIXTURE_PASSWORD,
        mustChangePassword: true,
      });
      expect(user).toMatchObject({
        organizationId: ctx.world.organization.id,
        email: "jane.smith@harbor-urgent-care.example",
        status: "active",
        displayName: "Jane Smith RN",
        roleId: role.id,
        locationAccess: [ctx.location.id, clinicB.id],
        primaryLocationId: clinicB.id,
        mustChangePassword: true,
        locked: false,
        profile: {
          givenName: "Jane",
          familyName: "Smith",
          initials: "JS",
          title: "RN",
          jobTitle: "Charge nurse",
          primaryPhone: "+14155550123",
          alternatePhone: "+14155550188",
        },
      });
      expect(user.createdAt).toBe(nowIso(ctx));
      expect(await ctx.owner.users.get(user.id)).toEqual(user);
      expect((await usersIn(ctx.owner, "active")).map((u) => u.id)).toContain(user.id);
      const after = await ctx.owner.users.counts();
      expect(after).toEqual({ ...before, active: before.active + 1 });
      const serialized = JSON.stringify(user);
      expect(serialized).not.toContain(FIXTURE_PASSWORD);
      expect(serialized).not.toMatch(/"(password|hash|salt|tokenHash)"/);
    });

    it("keeps mustChangePassword false when asked", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx, { extra: { mustChangePassword: false } });
      expect(user.mustChangePassword).toBe(false);
    });

    it("R1 stores the email trimmed and lower-cased", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx, { email: "  Jane.Smith@Harbor-Urgent-Care.EXAMPLE " });
      expect(user.email).toBe("jane.smith@harbor-urgent-care.example");
    });

    it("R1 refuses a duplicate email ignoring case with conflict on email, writing nothing", async () => {
      const ctx = await setup(factory);
      await createStaff(ctx, { email: "sam.lee@harbor-urgent-care.example" });
      const input = await staffInput(ctx, { email: "SAM.Lee@Harbor-Urgent-Care.example" });
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.create(input), { code: "conflict", path: ["email"] }),
      );
    });

    it("R1 refuses the email of the owner and of a pending invitee", async () => {
      const ctx = await setup(factory);
      const { user: pending } = await inviteStaff(ctx);
      for (const email of [ctx.world.owner.email.toUpperCase(), pending.email]) {
        const input = await staffInput(ctx, { email });
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.create(input), { code: "conflict", path: ["email"] }),
        );
      }
    });

    it("R1 refuses malformed emails with a validation issue on email", async () => {
      const ctx = await setup(factory);
      for (const email of ["not-an-email", "jane@", "jane smith@clinic.example", "", "a@b"]) {
        const input = await staffInput(ctx, { email });
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.create(input), { code: "validation", path: ["email"] }),
        );
      }
    });

    it("refuses a missing first name, a bad phone and a bad title with issues on their fields", async () => {
      const ctx = await setup(factory);
      const base = await staffInput(ctx);
      const cases: [CreateUserInput, (string | number)[]][] = [
        [{ ...base, profile: { ...base.profile, givenName: "   " } }, ["profile", "givenName"]],
        [{ ...base, profile: { ...base.profile, familyName: "" } }, ["profile", "familyName"]],
        [
          { ...base, profile: { ...base.profile, primaryPhone: "call me maybe" } },
          ["profile", "primaryPhone"],
        ],
        [{ ...base, profile: { ...base.profile, title: "X".repeat(21) } }, ["profile", "title"]],
        // Control characters: NUL cannot be stored by PostgreSQL, the others spoof logs and CSVs.
        [{ ...base, profile: { ...base.profile, givenName: "Ja\u0000ne" } }, ["profile", "givenName"]],
        [{ ...base, profile: { ...base.profile, jobTitle: "Nurse\u001b[2J" } }, ["profile", "jobTitle"]],
      ];
      for (const [input, path] of cases) {
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.create(input), { code: "validation", path }),
        );
      }
    });

    it("R8 refuses an empty location list with an issue on locationAccess", async () => {
      const ctx = await setup(factory);
      const input = { ...(await staffInput(ctx)), locationAccess: [] };
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.create(input), { code: "validation", path: ["locationAccess"] }),
      );
    });

    it("R16 refuses a too-short password with an issue on password", async () => {
      const ctx = await setup(factory);
      const input = { ...(await staffInput(ctx)), password: "short1" };
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.create(input), { code: "validation", path: ["password"] }),
      );
    });

    it("R14 rejects unknown fields and fields that change only through their own operations", async () => {
      const ctx = await setup(factory);
      const base = await staffInput(ctx);
      const extras: Record<string, unknown>[] = [
        { status: "disabled" },
        { isAdmin: true },
        { organizationId: ctx.world.organization.id },
        { accountId: "acc_zzzzzzzzzzzzzzzz" },
        { passwordHash: "pbkdf2$1$abc" },
        { version: 7 },
      ];
      for (const extra of extras) {
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.create(withUnknown(base, extra)), { code: "validation" }),
        );
      }
      const nested = { ...base, profile: withUnknown(base.profile, { nickname: "Sammy" }) };
      await expectNoChange(ctx, () => expectError(ctx.owner.users.create(nested), { code: "validation" }));
    });

    it("R5 a role or location id of another organization answers exactly like a missing one", async () => {
      const ctx = await setup(factory);
      const other = await ctx.world.bootstrapAnother();
      const otherOwner = await ctx.world.as(other.owner.id, other.organization.id);
      const foreignRole = (await otherOwner.roles.list())[0];
      if (!foreignRole) throw new Error("the other organization has no roles");
      const base = await staffInput(ctx);
      const missingRole = await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.create({ ...base, roleId: "rol_zzzzzzzzzzzzzzzzzzzz" }), {
          code: "validation",
          path: ["roleId"],
        }),
      );
      const foreignRoleError = await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.create({ ...base, roleId: foreignRole.id }), { code: missingRole.code }),
      );
      expect(foreignRoleError.message).toBe(missingRole.message);
      expect(foreignRoleError.issues.map((i) => i.path)).toEqual(missingRole.issues.map((i) => i.path));
      const missingLoc = "loc_zzzzzzzzzzzzzzzzzzzz";
      const missingLocation = await expectError(
        ctx.owner.users.create({ ...base, locationAccess: [missingLoc], primaryLocationId: missingLoc }),
        { code: "validation", pathPrefix: ["locationAccess"] },
      );
      const foreignLocation = await expectError(
        ctx.owner.users.create({
          ...base,
          locationAccess: [other.location.id],
          primaryLocationId: other.location.id,
        }),
        { code: missingLocation.code },
      );
      expect(foreignLocation.message).toBe(missingLocation.message);
      expect(foreignLocation.issues.map((i) => i.path)).toEqual(missingLocation.issues.map((i) => i.path));
    });

    it("R1 one email may belong to two organizations, as one account", async () => {
      const ctx = await setup(factory);
      const email = uniqueEmail(ctx, "shared");
      const here = await createStaff(ctx, { email });
      const other = await ctx.world.bootstrapAnother();
      const otherOwner = await ctx.world.as(other.owner.id, other.organization.id);
      const frontDesk = (await otherOwner.roles.list()).find((r) => r.template === "front_desk");
      if (!frontDesk) throw new Error("no front desk role in the other organization");
      const { user: there } = await otherOwner.users.invite({
        email: email.toUpperCase(),
        profile: { givenName: "Sam", familyName: "Shared" },
        roleId: frontDesk.id,
        locationAccess: [other.location.id],
        primaryLocationId: other.location.id,
      });
      expect(there.email).toBe(here.email);
      expect(there.accountId).toBe(here.accountId);
      expect(there.organizationId).toBe(other.organization.id);
      expect((await ctx.owner.users.get(here.id)).status).toBe("active");
    });

    it("records the creation time from the clock", async () => {
      const ctx = await setup(factory);
      ctx.world.clock.advance(5 * MINUTE);
      const user = await createStaff(ctx);
      expect(user.createdAt).toBe(nowIso(ctx));
      expect(user.updatedAt).toBe(nowIso(ctx));
    });
  });
}
