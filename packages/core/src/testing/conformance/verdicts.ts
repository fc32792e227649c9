import { describe, expect, it } from "vitest";
import { OrganizationFormOptionsSchema } from "../../organization/organization-form-options.schema";
import { RoleFormOptionsSchema } from "../../roles/role-form-options.schema";
import { UserFormOptionsSchema } from "../../users/user-form-options.schema";
import { expectError } from "./errors-expect";
import {
  actAs,
  addLocation,
  createRole,
  createStaff,
  expectNoChange,
  offered,
  setup,
  staffInput,
  staffWithPermissions,
  templateRole,
} from "./helpers";
import { scopedWorld } from "./scope";
import type { WorldFactory } from "./world";

/**
 * Verdicts: what `users.actions()` and `can()` offer is what the service allows, from one snapshot.
 *
 * @example describe("memory", () => registerVerdictTests(() => memoryWorld()));
 */
export function registerVerdictTests(factory: WorldFactory): void {
  describe("verdicts: offered ⇔ allowed", () => {
    it("R3 a delegated manager is offered nothing on a user holding permissions it lacks (a Billing Lead), whom the service refuses it", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const billing = await templateRole(ctx, "billing_manager");
      const lead = await createStaff(ctx, { role: billing, locations: [s.clinicA], familyName: "Lead" });
      expect(offered(s.manager.dir, lead)).toEqual([]);
      const refused = await expectError(s.manager.dir.users.disable(lead.id, { version: lead.version }), {
        code: "forbidden",
      });
      expect(refused.message).toBe("This user holds permissions you do not have.");
      expect(offered(s.manager.dir, s.atA)).toEqual(expect.arrayContaining(["edit", "disable"]));
    });

    it("R3 a delegated manager holding users.view and users.manage at one clinic is not offered Edit, Disable or Reset password on a Billing Lead there; each shows the reason the service refuses it with, and nothing changes", async () => {
      const ctx = await setup(factory);
      const downtown = await addLocation(ctx, "Downtown");
      const billing = await templateRole(ctx, "billing_manager");
      const lead = await createStaff(ctx, { role: billing, locations: [downtown], familyName: "Lead" });
      const viewers = await createRole(ctx, "Schedule viewers", ["users.view"]);
      const peer = await createStaff(ctx, { role: viewers, locations: [downtown], familyName: "Peer" });
      const { dir: manager } = await staffWithPermissions(ctx, ["users.view", "users.manage"], {
        locations: [downtown],
        roleName: "Clinic Manager",
      });
      const reason = "This user holds permissions you do not have.";
      const seen = await manager.users.get(lead.id);
      const offers = manager.users.actions(seen);
      for (const action of ["edit", "disable", "resetPassword"]) {
        expect(offers.find((o) => o.action === action)?.verdict).toEqual({
          allowed: false,
          code: "forbidden",
          message: reason,
        });
      }
      expect(offered(manager, seen)).toEqual([]);
      expect((await manager.users.formOptions(lead.id)).actions).toEqual(offers);
      const version = { version: seen.version };
      await expectNoChange(ctx, async () => {
        const writes = [
          () => manager.users.update(lead.id, { profile: { jobTitle: "Head of billing" } }, version),
          () => manager.users.disable(lead.id, version),
          () => manager.users.resetPassword(lead.id, { mode: "link" }, version),
        ];
        for (const write of writes) {
          expect((await expectError(write(), { code: "forbidden" })).message).toBe(reason);
        }
      });
      // The same manager is offered all three on someone holding nothing it lacks, and they work.
      const colleague = await manager.users.get(peer.id);
      expect(offered(manager, colleague)).toEqual(["edit", "disable", "resetPassword"]);
      const edited = await manager.users.update(
        peer.id,
        { profile: { jobTitle: "Scheduler" } },
        { version: colleague.version },
      );
      expect((await manager.users.disable(peer.id, { version: edited.version })).status).toBe("disabled");
    });

    it("R2 can() and actions() answer from the last me(), whatever the actor called since", async () => {
      const ctx = await setup(factory);
      const { user, dir } = await staffWithPermissions(
        ctx,
        [
          "users.view",
          "users.manage",
          "calendar.view",
          "calendar.create",
          "calendar.delete",
          "billing.process_payments",
        ],
        { locations: "organization" },
      );
      const target = await createStaff(ctx);
      expect(dir.can("users.manage")).toBe(true);
      expect(offered(dir, target)).toContain("disable");
      const readOnly = await templateRole(ctx, "read_only");
      await ctx.owner.users.update(user.id, { roleId: readOnly.id }, { version: user.version });
      expect((await dir.users.list()).total).toBeGreaterThan(0);
      await expectError(dir.users.disable(target.id, { version: target.version }), { code: "forbidden" });
      // The snapshot is the last me(): neither the list nor the refused write changed it.
      expect(dir.can("users.manage")).toBe(true);
      expect(offered(dir, target)).toContain("disable");
      await dir.me();
      expect(dir.can("users.manage")).toBe(false);
      expect(dir.can("users.view")).toBe(true);
      expect(offered(dir, target)).toEqual([]);
    });

    it("R2 can() and actions() stay closed until me(), whatever ran before it", async () => {
      const ctx = await setup(factory);
      const reader = await createStaff(ctx, { role: "read_only" });
      const target = await createStaff(ctx);
      const fresh = await ctx.world.as(ctx.world.owner.id);
      expect((await fresh.users.list()).total).toBeGreaterThan(0);
      await fresh.users.get(reader.id);
      expect(fresh.can("users.view")).toBe(false);
      expect(offered(fresh, target)).toEqual([]);
      await fresh.me();
      expect(fresh.can("users.view")).toBe(true);
      expect(offered(fresh, target)).toContain("disable");
      const again = await actAs(ctx, reader.id);
      expect(again.can("users.manage")).toBe(false);
    });
  });
}

/**
 * Form options: the choices `users.formOptions()`, `roles.formOptions()` and
 * `organization.formOptions()` offer are the ones the service accepts, and a refused one is refused
 * on save with the same code, rule and message.
 *
 * @example describe("memory", () => registerFormOptionTests(() => memoryWorld()));
 */
export function registerFormOptionTests(factory: WorldFactory): void {
  describe("form options: offered ⇔ allowed", () => {
    it("R3/R4 a Downtown-only manager is offered Downtown, roles it holds, and not all locations of the organization; saving org-wide is refused with the same reason", async () => {
      const ctx = await setup(factory);
      const s = await scopedWorld(ctx);
      const options = UserFormOptionsSchema.parse(await s.manager.dir.users.formOptions());
      expect(options.userId).toBeNull();
      expect(options.organizationWide).toMatchObject({
        allowed: false,
        code: "forbidden",
        message: "You can only give access to locations you have yourself.",
      });
      expect(options.locations).toEqual([
        { value: s.clinicA.id, label: s.clinicA.name, verdict: { allowed: true } },
      ]);
      expect(options.primaryLocations.map((o) => [o.value, o.verdict.allowed])).toEqual([
        [s.clinicA.id, true],
      ]);
      const frontDesk = await templateRole(ctx, "front_desk");
      const admin = await templateRole(ctx, "administrator");
      expect(options.roles.find((r) => r.value === frontDesk.id)?.verdict).toEqual({ allowed: true });
      expect(options.roles.find((r) => r.value === admin.id)?.verdict).toMatchObject({
        allowed: false,
        code: "forbidden",
        message: "You cannot give a role with permissions you do not hold.",
      });
      const input = await staffInput(ctx, { role: frontDesk, locations: "organization", primary: s.clinicA });
      const refused = await expectNoChange(ctx, () =>
        expectError(s.manager.dir.users.create(input), { code: "forbidden" }),
      );
      expect(refused.message).toBe("You can only give access to locations you have yourself.");
      const saved = await s.manager.dir.users.create({ ...input, locationAccess: [s.clinicA.id] });
      expect(saved.locationAccess).toEqual([s.clinicA.id]);
    });

    it("R8 a primary location is offered when it may join the access, and saving it with the access it joins succeeds", async () => {
      const ctx = await setup(factory);
      const north = await addLocation(ctx, "North Clinic");
      const user = await createStaff(ctx, { locations: [ctx.location] });
      const options = await ctx.owner.users.formOptions(user.id);
      expect(options.primaryLocations.find((o) => o.value === north.id)?.verdict).toEqual({ allowed: true });
      const refused = await expectNoChange(ctx, () =>
        expectError(
          ctx.owner.users.update(user.id, { primaryLocationId: north.id }, { version: user.version }),
          {
            code: "rule",
            rule: "primary_location_outside_access",
          },
        ),
      );
      expect(refused.issues.map((i) => i.path)).toEqual([["primaryLocationId"]]);
      const moved = await ctx.owner.users.update(
        user.id,
        { primaryLocationId: north.id, locationAccess: [ctx.location.id, north.id] },
        { version: user.version },
      );
      expect(moved).toMatchObject({
        primaryLocationId: north.id,
        locationAccess: [ctx.location.id, north.id],
      });
    });

    it("R3 your own role and locations are read-only with the reason, in the user form and the roles editor, and the service refuses them alike", async () => {
      const ctx = await setup(factory);
      const { role, user, dir } = await staffWithPermissions(
        ctx,
        ["users.view", "users.manage", "roles.manage", "calendar.view"],
        { locations: "organization" },
      );
      const mine = await dir.users.formOptions(user.id);
      const selfChange = { allowed: false, code: "rule", rule: "self_change" };
      expect(mine.fields.role).toMatchObject(selfChange);
      expect(mine.fields.access).toMatchObject(selfChange);
      expect(mine.fields.profile).toEqual({ allowed: true });
      expect(mine.roles.find((r) => r.value === role.id)?.verdict).toEqual({ allowed: true });
      expect(mine.roles.filter((r) => r.value !== role.id).every((r) => !r.verdict.allowed)).toBe(true);
      const editor = RoleFormOptionsSchema.parse(await dir.roles.formOptions(role.id));
      expect(editor.permissions).toMatchObject({
        ...selfChange,
        message: "You cannot change the permissions of your own role.",
      });
      const calendarCreate = editor.toggles.find((t) => t.value === "calendar.view");
      expect(calendarCreate?.verdict).toMatchObject(selfChange);
      const refused = await expectNoChange(ctx, () =>
        expectError(
          dir.roles.update(
            role.id,
            { permissions: ["users.view", "users.manage", "roles.manage"] },
            { version: role.version },
          ),
          {
            code: "rule",
            rule: "self_change",
          },
        ),
      );
      expect(refused.message).toBe("You cannot change the permissions of your own role.");
      expect(editor.rename).toEqual({ allowed: true });
    });

    it("W7 the roles editor: toggles of permissions the actor lacks are refused, delete says how many hold the role, templates needing more are refused", async () => {
      const ctx = await setup(factory);
      const { dir } = await staffWithPermissions(ctx, ["users.view", "roles.manage", "calendar.view"], {
        locations: "organization",
      });
      const frontDesk = await templateRole(ctx, "front_desk");
      await createStaff(ctx, { role: frontDesk });
      await createStaff(ctx, { role: frontDesk });
      const options = await dir.roles.formOptions(frontDesk.id);
      expect(options.permissions).toEqual({ allowed: true });
      expect(options.toggles.find((t) => t.value === "calendar.view")?.verdict).toEqual({ allowed: true });
      expect(options.toggles.find((t) => t.value === "calendar.create")?.verdict).toMatchObject({
        allowed: false,
        code: "forbidden",
        message: "You cannot change permissions you do not hold.",
      });
      expect(options.delete).toMatchObject({ allowed: false, code: "forbidden" });
      const empty = await ctx.owner.roles.create({
        name: "Calendar viewers",
        permissions: ["calendar.view"],
      });
      await createStaff(ctx, { role: empty });
      const inUse = await dir.roles.formOptions(empty.id);
      expect(inUse.delete).toMatchObject({
        allowed: false,
        code: "rule",
        rule: "role_in_use",
        details: { users: 1 },
      });
      const refused = await expectError(dir.roles.delete(empty.id, { version: empty.version }), {
        code: "rule",
        rule: "role_in_use",
      });
      expect(refused.message).toBe(inUse.delete && !inUse.delete.allowed ? inUse.delete.message : "");
      const created = await dir.roles.formOptions();
      expect(created.roleId).toBeNull();
      expect(created.delete).toBeNull();
      expect(created.templates.find((t) => t.value === "read_only")?.verdict).toMatchObject({
        allowed: false,
      });
      await expectError(dir.roles.create({ name: "Readers", template: "read_only" }), { code: "forbidden" });
      const allowed = created.templates.filter((t) => t.verdict.allowed).map((t) => t.value);
      for (const key of allowed) await dir.roles.create({ name: `From ${key}`, template: key });
    });

    it("R7 organization.formOptions(): only the main contact hands the role over; a licence type someone holds cannot be removed", async () => {
      const ctx = await setup(factory);
      const org = await ctx.owner.organization.get();
      await ctx.owner.organization.update(
        { licenceTypes: [{ key: "mobile", label: "Mobile app", seats: null }] },
        { version: org.version },
      );
      await createStaff(ctx, { extra: { licences: ["mobile"] } });
      const admin = await createStaff(ctx, { role: "administrator", locations: "organization" });
      const adminDir = await actAs(ctx, admin.id);
      const mine = OrganizationFormOptionsSchema.parse(await ctx.owner.organization.formOptions());
      expect(mine).toMatchObject({ update: { allowed: true }, handOver: { allowed: true } });
      expect(mine.licenceTypes[0]?.verdict).toMatchObject({
        allowed: false,
        rule: "licence_in_use",
        details: { users: 1 },
      });
      const theirs = await adminDir.organization.formOptions();
      expect(theirs.handOver).toMatchObject({ allowed: false, code: "rule", rule: "main_contact_only" });
      const current = await adminDir.organization.get();
      await expectError(
        adminDir.organization.update({ mainContactUserId: admin.id }, { version: current.version }),
        { code: "rule", rule: "main_contact_only" },
      );
    });

    it("W6 a disabled user is offered edit, restore and delete, and each is allowed", async () => {
      const ctx = await setup(factory);
      const staff = await createStaff(ctx);
      const user = await ctx.owner.users.disable(staff.id, { version: staff.version });
      expect(offered(ctx.owner, user)).toEqual(["edit", "restore", "delete"]);
      const edited = await ctx.owner.users.update(
        user.id,
        { profile: { jobTitle: "On leave" } },
        { version: user.version },
      );
      expect(edited).toMatchObject({ status: "disabled", profile: { jobTitle: "On leave" } });
    });

    it("W5 unlock clears a running lock only: a user with counted failures but no lock is not offered it and is refused", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      for (let i = 0; i < 3; i++) {
        await expectError(ctx.world.auth.signIn({ email: user.email, password: "not the password at all" }), {
          code: "unauthenticated",
        });
      }
      const seen = await ctx.owner.users.get(user.id);
      expect(seen.locked).toBe(false);
      expect(offered(ctx.owner, seen)).not.toContain("unlock");
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.users.unlock(user.id, { version: seen.version }), { code: "conflict" }),
      );
    });
  });
}
