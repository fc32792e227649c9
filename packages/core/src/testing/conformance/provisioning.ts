import { describe, expect, it } from "vitest";
import type { DefaultPermission } from "../../access/catalog";
import {
  attempt,
  expectUnauthenticated,
  mailedToken,
  NEW_PASSWORD,
  signIn,
  WRONG_PASSWORD,
} from "./auth-helpers";
import { expectError } from "./errors-expect";
import {
  actAs,
  addLocation,
  auditEvents,
  createStaff,
  expectNoChange,
  setup,
  staffInput,
  staffWithPermissions,
  templateRole,
} from "./helpers";
import type { WorldFactory } from "./world";

/** A secret an administrator brings (base64url, ≥ 22 characters). */
const BROUGHT_SECRET = "Brought-Secret_0123456789abcdefXYZ";

/**
 * Provisioning through the public API, as an administrator configures it (every backend, REST
 * included): tokens whose secret is shown once (R15), granted only what the administrator may give
 * (R3), revoked with the version read (R12); the settings' defaults and mapped groups (R8); users'
 * identity-provider attributes (R12, uniqueness, R5, R7); a user created without a password (W1).
 * What a token does as an actor is `runProvisioningSuite` (local wirings: REST never acts as a token).
 *
 * @example describe("memory", () => registerProvisioningTests(() => memoryWorld()));
 */
export function registerProvisioningTests(factory: WorldFactory): void {
  describe("provisioning, configured by administrators", () => {
    it("R15 a token's secret is in the create answer only: never in tokens(), the audit trail or a refusal; creating and revoking are audited", async () => {
      const ctx = await setup(factory);
      const frontDesk = await templateRole(ctx, "front_desk");
      const { token, secret } = await ctx.owner.provisioning.createToken({
        label: "Okta",
        roleIds: [frontDesk.id],
        locationAccess: "organization",
      });
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      expect(token).toMatchObject({
        label: "Okta",
        roleIds: [frontDesk.id],
        locationAccess: "organization",
        createdBy: ctx.world.owner.id,
        lastUsedAt: null,
        revokedAt: null,
        version: 1,
      });
      expect(JSON.stringify(token)).not.toContain(secret);
      const listed = await ctx.owner.provisioning.tokens();
      expect(listed).toEqual([token]);
      const brought = await ctx.owner.provisioning.createToken({
        label: "Entra ID",
        roleIds: [frontDesk.id],
        locationAccess: [ctx.location.id],
        secret: BROUGHT_SECRET,
      });
      expect(brought.secret).toBe(BROUGHT_SECRET);
      const again = await expectError(
        ctx.owner.provisioning.createToken({
          label: "Copy",
          roleIds: [frontDesk.id],
          locationAccess: "organization",
          secret: BROUGHT_SECRET,
        }),
        { code: "conflict", path: ["secret"] },
      );
      expect(JSON.stringify(again)).not.toContain(BROUGHT_SECRET);
      const revoked = await ctx.owner.provisioning.revokeToken(token.id, { version: token.version });
      expect(revoked.revokedAt).not.toBeNull();
      expect(revoked.version).toBe(2);
      await expectError(ctx.owner.provisioning.revokeToken(token.id, { version: revoked.version }), {
        code: "conflict",
      });
      const trail = await auditEvents(ctx.owner);
      expect(trail.map((e) => e.action).slice(0, 3)).toEqual([
        "provisioning.token_revoked",
        "provisioning.token_created",
        "provisioning.token_created",
      ]);
      expect(trail[2]).toMatchObject({
        actor: { userId: ctx.world.owner.id },
        target: { type: "provisioning_token", id: token.id, label: "Okta" },
        changes: { roleIds: { before: null, after: [frontDesk.id] } },
      });
      const text = JSON.stringify([
        trail,
        await ctx.owner.audit.verify(),
        await ctx.owner.provisioning.tokens(),
      ]);
      for (const s of [secret, BROUGHT_SECRET]) expect(text).not.toContain(s);
    });

    it("R3 a token is given only roles and locations the administrator may give; unknown ones are validation on their field, writing nothing", async () => {
      const ctx = await setup(factory);
      const frontDesk = await templateRole(ctx, "front_desk");
      const other = await ctx.world.bootstrapAnother();
      const archived = await addLocation(ctx, "Old Harbor");
      await ctx.owner.locations.archive(archived.id, { version: archived.version });
      await expectNoChange(ctx, async () => {
        await expectError(
          ctx.owner.provisioning.createToken({
            label: "X",
            roleIds: ["rol_zzzzzzzzzzzzzz"],
            locationAccess: "organization",
          }),
          { code: "validation", path: ["roleIds", 0] },
        );
        await expectError(
          ctx.owner.provisioning.createToken({
            label: "X",
            roleIds: [frontDesk.id],
            locationAccess: [other.location.id],
          }),
          { code: "validation", path: ["locationAccess", 0] },
        );
        await expectError(
          ctx.owner.provisioning.createToken({
            label: "X",
            roleIds: [frontDesk.id],
            locationAccess: [archived.id],
          }),
          { code: "validation", path: ["locationAccess", 0] },
        );
        await expectError(
          ctx.owner.provisioning.createToken({ label: "X", roleIds: [], locationAccess: "organization" }),
          { code: "validation", path: ["roleIds"] },
        );
      });
      // An org-wide administrator lacking billing.issue_refunds cannot hand a token the Administrator role.
      const held = new Set([...frontDesk.permissions, "users.view", "users.manage", "organization.manage"]);
      const { dir: partial } = await staffWithPermissions(ctx, [...held] as DefaultPermission[], {
        locations: "organization",
      });
      const admin = await templateRole(ctx, "administrator");
      await expectError(
        partial.provisioning.createToken({
          label: "Too much",
          roleIds: [admin.id],
          locationAccess: "organization",
        }),
        { code: "forbidden" },
      );
      const ok = await partial.provisioning.createToken({
        label: "Front desk only",
        roleIds: [frontDesk.id],
        locationAccess: "organization",
      });
      expect(ok.token.roleIds).toEqual([frontDesk.id]);
    });

    it("R2 only an org-wide administrator holding organization.manage and users.manage lists, creates or revokes tokens and changes the settings", async () => {
      const ctx = await setup(factory);
      const frontDesk = await templateRole(ctx, "front_desk");
      const { token } = await ctx.owner.provisioning.createToken({
        label: "Okta",
        roleIds: [frontDesk.id],
        locationAccess: "organization",
      });
      const clinic = await addLocation(ctx, "Eastside");
      const { dir: manager } = await staffWithPermissions(
        ctx,
        ["users.view", "users.manage", "organization.manage"],
        {
          locations: [clinic],
        },
      );
      const { dir: usersOnly } = await staffWithPermissions(ctx, ["users.view", "users.manage"], {
        locations: "organization",
      });
      for (const dir of [manager, usersOnly]) {
        await expectNoChange(ctx, async () => {
          await expectError(dir.provisioning.tokens(), { code: "forbidden" });
          await expectError(
            dir.provisioning.createToken({
              label: "Mine",
              roleIds: [frontDesk.id],
              locationAccess: [clinic.id],
            }),
            { code: "forbidden" },
          );
          await expectError(dir.provisioning.revokeToken(token.id, { version: token.version }), {
            code: "forbidden",
          });
          await expectError(dir.provisioning.settings(), { code: "forbidden" });
          await expectError(
            dir.provisioning.updateSettings({ defaultRoleId: frontDesk.id }, { version: 0 }),
            {
              code: "forbidden",
            },
          );
        });
      }
      const elsewhere = await ctx.world.bootstrapAnother();
      const foreign = await actAs(ctx, elsewhere.owner.id, elsewhere.organization.id);
      await expectError(foreign.provisioning.revokeToken(token.id, { version: token.version }), {
        code: "not_found",
      });
      expect(await foreign.provisioning.tokens()).toEqual([]);
    });

    it("R12 revoking a token and changing the settings need the version read: a stale or missing one writes nothing", async () => {
      const ctx = await setup(factory);
      const frontDesk = await templateRole(ctx, "front_desk");
      const { token } = await ctx.owner.provisioning.createToken({
        label: "Okta",
        roleIds: [frontDesk.id],
        locationAccess: "organization",
      });
      const first = await ctx.owner.provisioning.settings();
      expect(first).toMatchObject({ version: 0, defaultRoleId: null, groups: [], updatedAt: null });
      const saved = await ctx.owner.provisioning.updateSettings(
        {
          defaultRoleId: frontDesk.id,
          defaultLocationAccess: [ctx.location.id],
          defaultPrimaryLocationId: ctx.location.id,
        },
        { version: 0 },
      );
      expect(saved).toMatchObject({ version: 1, defaultRoleId: frontDesk.id });
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.provisioning.updateSettings({ defaultRoleId: null }, { version: 0 }), {
          code: "stale",
        });
        await expectError(
          ctx.owner.provisioning.updateSettings({ defaultRoleId: null }, {} as { version: number }),
          { code: "precondition_required" },
        );
        await expectError(ctx.owner.provisioning.revokeToken(token.id, { version: token.version + 1 }), {
          code: "stale",
        });
        await expectError(ctx.owner.provisioning.revokeToken(token.id, {} as { version: number }), {
          code: "precondition_required",
        });
      });
      expect((await ctx.owner.provisioning.settings()).version).toBe(1);
      expect((await ctx.owner.provisioning.tokens())[0]?.revokedAt).toBeNull();
    });

    it("R8 settings: the default primary location lies inside the default locations; a group gives a role or locations, under a name no role or other group has", async () => {
      const ctx = await setup(factory);
      const frontDesk = await templateRole(ctx, "front_desk");
      const eastside = await addLocation(ctx, "Eastside");
      await expectNoChange(ctx, async () => {
        await expectError(
          ctx.owner.provisioning.updateSettings(
            { defaultLocationAccess: [eastside.id], defaultPrimaryLocationId: ctx.location.id },
            { version: 0 },
          ),
          { code: "validation", path: ["defaultPrimaryLocationId"] },
        );
        await expectError(
          ctx.owner.provisioning.updateSettings(
            { groups: [{ displayName: "front DESK", locationAccess: [eastside.id] }] },
            { version: 0 },
          ),
          { code: "validation", path: ["groups", 0, "displayName"] },
        );
        await expectError(
          ctx.owner.provisioning.updateSettings(
            { groups: [{ displayName: "Both", roleId: frontDesk.id, locationAccess: [eastside.id] }] },
            { version: 0 },
          ),
          { code: "validation", path: ["groups", 0] },
        );
        await expectError(
          ctx.owner.provisioning.updateSettings(
            {
              groups: [
                { displayName: "Eastside staff", locationAccess: [eastside.id] },
                { displayName: "EASTSIDE staff", locationAccess: [ctx.location.id] },
              ],
            },
            { version: 0 },
          ),
          { code: "validation", path: ["groups", 1, "displayName"] },
        );
        await expectError(ctx.owner.provisioning.updateSettings({ unknown: true } as never, { version: 0 }), {
          code: "validation",
          path: ["unknown"],
        });
      });
      const saved = await ctx.owner.provisioning.updateSettings(
        {
          defaultRoleId: frontDesk.id,
          defaultLocationAccess: [eastside.id],
          defaultPrimaryLocationId: eastside.id,
          groups: [
            { displayName: "Eastside staff", locationAccess: [eastside.id] },
            { displayName: "Reception", roleId: frontDesk.id },
          ],
        },
        { version: 0 },
      );
      const [eastGroup] = saved.groups;
      expect(eastGroup?.id).toMatch(/^grp_/);
      // Keeping a group's id keeps it; a group without an id is new.
      const next = await ctx.owner.provisioning.updateSettings(
        {
          groups: [
            { id: eastGroup?.id, displayName: "Eastside Clinic staff", locationAccess: [eastside.id] },
          ],
        },
        { version: saved.version },
      );
      expect(next.groups).toEqual([
        {
          id: eastGroup?.id,
          displayName: "Eastside Clinic staff",
          roleId: null,
          locationAccess: [eastside.id],
        },
      ]);
      const event = (await auditEvents(ctx.owner))[0];
      expect(event).toMatchObject({
        action: "provisioning.settings_updated",
        target: { type: "organization" },
      });
    });

    it("R5 groups() lists the roles by name, then the mapped groups, each as the identity provider sees it", async () => {
      const ctx = await setup(factory);
      const frontDesk = await templateRole(ctx, "front_desk");
      const eastside = await addLocation(ctx, "Eastside");
      const saved = await ctx.owner.provisioning.updateSettings(
        {
          groups: [
            { displayName: "Eastside Clinic staff", locationAccess: [eastside.id] },
            { displayName: "Reception", roleId: frontDesk.id },
          ],
        },
        { version: 0 },
      );
      const roles = await ctx.owner.roles.list();
      const groups = await ctx.owner.provisioning.groups();
      expect(groups.map((g) => g.displayName)).toEqual([
        ...roles.map((r) => r.name),
        "Eastside Clinic staff",
        "Reception",
      ]);
      expect(groups.find((g) => g.displayName === "Front Desk")).toMatchObject({
        id: frontDesk.id,
        roleId: frontDesk.id,
        locationAccess: null,
        mapped: false,
        version: frontDesk.version,
      });
      expect(groups.at(-2)).toMatchObject({
        id: saved.groups[0]?.id,
        roleId: null,
        locationAccess: [eastside.id],
        mapped: true,
        version: saved.version,
      });
      await ctx.owner.locations.archive(eastside.id, { version: eastside.version });
      expect((await ctx.owner.provisioning.groups()).map((g) => g.displayName)).not.toContain(
        "Eastside Clinic staff",
      );
      const { dir: reader } = await staffWithPermissions(ctx, ["users.view"], { locations: "organization" });
      await expectError(reader.provisioning.groups(), { code: "forbidden" });
    });

    it("R12 identity-provider attributes are written with the user's version, which moves on; an external id is unique in the organization (conflict on externalId)", async () => {
      const ctx = await setup(factory);
      const jane = await createStaff(ctx);
      const sam = await createStaff(ctx);
      const set = await ctx.owner.provisioning.setAttributes(
        jane.id,
        { externalId: "00u-jane", employeeNumber: "E-1042", department: "Nursing" },
        { version: jane.version },
      );
      expect(set.version).toBe(jane.version + 1);
      expect(await ctx.owner.provisioning.attributes([sam.id, jane.id, "usr_zzzzzzzzzzzzzz"])).toEqual([
        { userId: jane.id, externalId: "00u-jane", employeeNumber: "E-1042", department: "Nursing" },
      ]);
      await expectNoChange(ctx, async () => {
        await expectError(
          ctx.owner.provisioning.setAttributes(jane.id, { department: "Surgery" }, { version: jane.version }),
          { code: "stale" },
        );
        await expectError(
          ctx.owner.provisioning.setAttributes(sam.id, { externalId: "00u-jane" }, { version: sam.version }),
          { code: "conflict", path: ["externalId"] },
        );
        await expectError(
          ctx.owner.provisioning.setAttributes(
            sam.id,
            { externalId: "bad\u0000id" },
            { version: sam.version },
          ),
          { code: "validation", path: ["externalId"] },
        );
        await expectError(
          ctx.owner.provisioning.setAttributes(sam.id, { manager: "x" } as never, { version: sam.version }),
          { code: "validation", path: ["manager"] },
        );
      });
      const cleared = await ctx.owner.provisioning.setAttributes(
        jane.id,
        { externalId: null, employeeNumber: null, department: null },
        { version: set.version },
      );
      expect(cleared.version).toBe(set.version + 1);
      expect(await ctx.owner.provisioning.findUser({ externalId: "00u-jane" })).toBeNull();
      const reused = await ctx.owner.provisioning.setAttributes(
        sam.id,
        { externalId: "00u-jane" },
        { version: sam.version },
      );
      expect((await ctx.owner.provisioning.findUser({ externalId: "00u-jane" }))?.id).toBe(reused.id);
    });

    it("R1 findUser finds by email ignoring case and by external id exactly; R5 a user outside the actor's scope or organization is not found", async () => {
      const ctx = await setup(factory);
      const eastside = await addLocation(ctx, "Eastside");
      const jane = await createStaff(ctx, { email: "jane.rivera@staff.harbor.example" });
      const far = await createStaff(ctx, { locations: [eastside] });
      const withId = await ctx.owner.provisioning.setAttributes(
        far.id,
        { externalId: "E-77" },
        { version: far.version },
      );
      expect((await ctx.owner.provisioning.findUser({ email: "JANE.Rivera@Staff.Harbor.EXAMPLE" }))?.id).toBe(
        jane.id,
      );
      expect(await ctx.owner.provisioning.findUser({ email: "not an email" })).toBeNull();
      expect((await ctx.owner.provisioning.findUser({ externalId: "E-77" }))?.id).toBe(withId.id);
      expect(await ctx.owner.provisioning.findUser({ externalId: "e-77" })).toBeNull();
      await expectError(ctx.owner.provisioning.findUser({}), { code: "validation" });
      await expectError(ctx.owner.provisioning.findUser({ email: jane.email, externalId: "E-77" }), {
        code: "validation",
      });
      const { dir: manager } = await staffWithPermissions(ctx, ["users.view"], { locations: [ctx.location] });
      expect(await manager.provisioning.findUser({ externalId: "E-77" })).toBeNull();
      await ctx.owner.provisioning.setAttributes(
        jane.id,
        { department: "Front office" },
        { version: jane.version },
      );
      expect(await manager.provisioning.attributes([far.id, jane.id])).toEqual([
        { userId: jane.id, externalId: null, employeeNumber: null, department: "Front office" },
      ]);
      const elsewhere = await ctx.world.bootstrapAnother();
      const foreign = await actAs(ctx, elsewhere.owner.id, elsewhere.organization.id);
      expect(await foreign.provisioning.findUser({ email: jane.email })).toBeNull();
      expect(await foreign.provisioning.attributes([jane.id])).toEqual([]);
    });

    it("R7 the main contact's identity-provider attributes are theirs: another administrator is refused main_contact_only", async () => {
      const ctx = await setup(factory);
      const admin = await createStaff(ctx, { role: "administrator", locations: "organization" });
      const other = await actAs(ctx, admin.id);
      const owner = await ctx.owner.users.get(ctx.world.owner.id);
      await expectError(
        other.provisioning.setAttributes(owner.id, { externalId: "00u-owner" }, { version: owner.version }),
        {
          code: "rule",
          rule: "main_contact_only",
        },
      );
      const own = await ctx.owner.provisioning.setAttributes(
        owner.id,
        { externalId: "00u-owner" },
        { version: owner.version },
      );
      expect(own.version).toBe(owner.version + 1);
    });

    it("W1/R17 a user created without a password is active, cannot sign in with any password, and signs in after a reset link sets one", async () => {
      const ctx = await setup(factory);
      const { password: _password, ...input } = await staffInput(ctx, {
        email: "no.password@staff.harbor.example",
      });
      const user = await ctx.owner.users.create(input);
      expect(user).toMatchObject({ status: "active", mustChangePassword: false });
      await expectUnauthenticated(attempt(ctx, user.email, WRONG_PASSWORD));
      await expectUnauthenticated(attempt(ctx, user.email, ""));
      await expectError(
        ctx.owner.users.create({ ...input, email: "other@staff.harbor.example", password: "" }),
        {
          code: "validation",
          path: ["password"],
        },
      );
      await ctx.owner.users.resetPassword(user.id, { mode: "link" }, { version: user.version });
      await ctx.world.auth.completePasswordReset({
        token: mailedToken(ctx, user.email, "password_reset"),
        password: NEW_PASSWORD,
      });
      const { session } = await signIn(ctx, { user, email: user.email, password: NEW_PASSWORD });
      expect(session.userId).toBe(user.id);
    });
  });
}
