import { describe, expect, it } from "vitest";
import type { RoleInput } from "../../roles/role.schema";
import { ROLE_TEMPLATES } from "../../roles/templates";
import { expectError } from "./errors-expect";
import {
  actAs,
  createRole,
  createStaff,
  expectNoChange,
  setup,
  staffWithPermissions,
  templateRole,
  withUnknown,
} from "./helpers";
import type { WorldFactory } from "./world";

/**
 * W7 (roles: list, create from template, toggle permissions, screens, delete unused) and the role
 * side of R2/R3.
 *
 * @example describe("memory", () => registerRoleTests(() => memoryWorld()));
 */
export function registerRoleTests(factory: WorldFactory): void {
  describe("W7 roles", () => {
    it("every template is a role of a new organization, with screens and user counts", async () => {
      const ctx = await setup(factory);
      const roles = await ctx.owner.roles.list();
      for (const template of ROLE_TEMPLATES) {
        const role = roles.find((r) => r.template === template.key);
        expect(role, template.key).toBeDefined();
        expect([...(role?.permissions ?? [])].sort()).toEqual([...template.permissions].sort());
      }
      const admin = await templateRole(ctx, "administrator");
      expect(admin.userCount).toBe(1);
      expect(admin.screens).toContain("Settings › Users");
      const frontDesk = await templateRole(ctx, "front_desk");
      expect(frontDesk.userCount).toBe(0);
      expect(frontDesk.screens).toEqual(["Billing › Payments", "Calendar"]);
    });

    it("the catalog lists modules with permissions and screens, and the templates", async () => {
      const ctx = await setup(factory);
      const catalog = await ctx.owner.roles.catalog();
      const users = catalog.modules.find((m) => m.key === "users");
      expect(users?.actions.map((a) => a.permission)).toEqual(["users.view", "users.manage"]);
      expect(catalog.templates.map((t) => t.key)).toEqual(ROLE_TEMPLATES.map((t) => t.key));
    });

    it("creates a role from a template and from explicit permissions; screens follow", async () => {
      const ctx = await setup(factory);
      const night = await ctx.owner.roles.create({ name: "Night Nurse", template: "provider" });
      const provider = ROLE_TEMPLATES.find((t) => t.key === "provider");
      expect([...night.permissions].sort()).toEqual([...(provider?.permissions ?? [])].sort());
      expect(night).toMatchObject({ name: "Night Nurse", userCount: 0 });
      const scheduler = await createRole(ctx, "Scheduler", ["calendar.view", "calendar.create"]);
      expect(scheduler.screens).toEqual(["Calendar"]);
      const names = (await ctx.owner.roles.list()).map((r) => r.name);
      expect(names).toEqual(expect.arrayContaining(["Night Nurse", "Scheduler"]));
    });

    it("R12 toggles module permissions; screens and version follow; a stale version is refused", async () => {
      const ctx = await setup(factory);
      const role = await createRole(ctx, "Scheduler", ["calendar.view"]);
      const updated = await ctx.owner.roles.update(
        role.id,
        { permissions: ["calendar.view", "billing.view_revenue"] },
        { version: role.version },
      );
      expect(updated.screens).toEqual(["Billing › Reports", "Calendar"]);
      expect(updated.version).toBeGreaterThan(role.version);
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.roles.update(role.id, { name: "Old" }, { version: role.version }), {
          code: "stale",
        }),
      );
    });

    it("userCount counts the holders", async () => {
      const ctx = await setup(factory);
      const role = await createRole(ctx, "Scheduler", ["calendar.view"]);
      await createStaff(ctx, { role });
      await createStaff(ctx, { role });
      expect((await ctx.owner.roles.list()).find((r) => r.id === role.id)?.userCount).toBe(2);
    });

    it("R14 unknown permissions, unknown templates and unknown fields are validation errors", async () => {
      const ctx = await setup(factory);
      const cases: [RoleInput, (string | number)[] | null][] = [
        [{ name: "Lab", permissions: ["lab.order"] }, ["permissions", 0]],
        [{ name: "Lab", template: "no_such_template" }, ["template"]],
        [{ name: "", permissions: [] }, ["name"]],
        [
          withUnknown<RoleInput>(
            { name: "Lab", permissions: [] },
            { organizationId: ctx.world.organization.id },
          ),
          null,
        ],
      ];
      for (const [input, path] of cases) {
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.roles.create(input), { code: "validation", ...(path ? { path } : {}) }),
        );
      }
    });

    it("a role in use cannot be deleted (role_in_use); an unused one can", async () => {
      const ctx = await setup(factory);
      const used = await createRole(ctx, "Scheduler", ["calendar.view"]);
      await createStaff(ctx, { role: used });
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.roles.delete(used.id, { version: used.version }), {
          code: "rule",
          rule: "role_in_use",
        }),
      );
      const unused = await createRole(ctx, "Unused", ["calendar.view"]);
      await ctx.owner.roles.delete(unused.id, { version: unused.version });
      expect((await ctx.owner.roles.list()).map((r) => r.id)).not.toContain(unused.id);
      await expectError(ctx.owner.roles.delete(unused.id, { version: unused.version }), {
        code: "not_found",
      });
    });

    it("a role held only by disabled or pending users is still in use", async () => {
      const ctx = await setup(factory);
      const role = await createRole(ctx, "Scheduler", ["calendar.view"]);
      const user = await createStaff(ctx, { role });
      await ctx.owner.users.disable(user.id, { version: user.version });
      await expectNoChange(ctx, () =>
        expectError(ctx.owner.roles.delete(role.id, { version: role.version }), {
          code: "rule",
          rule: "role_in_use",
        }),
      );
    });

    it("R2 without roles.manage nobody creates, edits or deletes roles", async () => {
      const ctx = await setup(factory);
      const { dir } = await staffWithPermissions(ctx, ["users.view", "users.manage"]);
      const role = await createRole(ctx, "Scheduler", ["calendar.view"]);
      await expectNoChange(ctx, async () => {
        await expectError(dir.roles.create({ name: "Mine", permissions: ["users.view"] }), {
          code: "forbidden",
        });
        await expectError(dir.roles.update(role.id, { name: "Renamed" }, { version: role.version }), {
          code: "forbidden",
        });
        await expectError(dir.roles.delete(role.id, { version: role.version }), { code: "forbidden" });
      });
    });

    it("R3 a role manager cannot create or widen a role beyond the permissions it holds", async () => {
      const ctx = await setup(factory);
      const { dir } = await staffWithPermissions(
        ctx,
        ["roles.manage", "calendar.view", "billing.process_payments"],
        {
          locations: "organization",
        },
      );
      const mine = await dir.roles.create({ name: "Desk", permissions: ["calendar.view"] });
      await expectNoChange(ctx, async () => {
        await expectError(dir.roles.create({ name: "Refunds", permissions: ["billing.issue_refunds"] }), {
          code: "forbidden",
        });
        await expectError(dir.roles.create({ name: "Admins", template: "administrator" }), {
          code: "forbidden",
        });
        await expectError(
          dir.roles.update(
            mine.id,
            { permissions: ["calendar.view", "billing.issue_refunds"] },
            { version: mine.version },
          ),
          { code: "forbidden" },
        );
      });
    });

    it("R6 removing users.manage from the role every administrator holds is refused", async () => {
      const ctx = await setup(factory);
      const admin = await templateRole(ctx, "administrator");
      const withoutManage = admin.permissions.filter((p) => p !== "users.manage");
      const error = await expectNoChange(ctx, () =>
        expectError(
          ctx.owner.roles.update(admin.id, { permissions: withoutManage }, { version: admin.version }),
          {
            code: "rule",
          },
        ),
      );
      expect(["last_admin", "self_change"]).toContain(error.rule);
    });

    it("R7 the main contact may demote another administrator through that administrator's role", async () => {
      const ctx = await setup(factory);
      const admin = await templateRole(ctx, "administrator");
      const coAdmin = await ctx.owner.roles.create({ name: "Co-admin", permissions: [...admin.permissions] });
      const other = await createStaff(ctx, { role: coAdmin, locations: "organization" });
      const otherDir = await actAs(ctx, other.id);
      expect(otherDir.can("users.manage")).toBe(true);
      await ctx.owner.roles.update(
        coAdmin.id,
        { permissions: coAdmin.permissions.filter((p) => p !== "users.manage") },
        { version: coAdmin.version },
      );
      await otherDir.me();
      expect(otherDir.can("users.manage")).toBe(false);
    });
  });
}
