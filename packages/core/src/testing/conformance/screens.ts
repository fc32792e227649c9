import { describe, expect, it } from "vitest";
import { ADMIN_SCREENS, type AdminScreen, canOpenScreen } from "../../access/screens";
import type { StaffDirectory } from "../../directory/staff-directory";
import { asDirectoryError } from "./errors-expect";
import { actAs, createStaff, setup, staffWithPermissions, type TemplateKey } from "./helpers";
import { scopedWorld } from "./scope";
import type { WorldFactory } from "./world";

/** The query each screen opens with. */
const READ: Readonly<Record<AdminScreen, (dir: StaffDirectory) => Promise<unknown>>> = {
  users: (dir) => dir.users.list(),
  roles: (dir) => dir.roles.list(),
  locations: (dir) => dir.locations.list(),
  organization: (dir) => dir.organization.usage(),
  sessions: (dir) => dir.sessions.list({ limit: 1 }),
  provisioning: (dir) => dir.provisioning.tokens(),
  audit: (dir) => dir.audit.list({ limit: 1 }),
};

/** True when the read answers, false when the service refuses it as `forbidden`; anything else throws. */
async function opens(dir: StaffDirectory, screen: AdminScreen): Promise<boolean> {
  try {
    await READ[screen](dir);
    return true;
  } catch (error) {
    if (asDirectoryError(error)?.code === "forbidden") return false;
    throw error;
  }
}

/**
 * `canOpenScreen()`: a host hides a screen, and a widget shows "no access", exactly when the
 * screen's query would be refused.
 *
 * @example describe("memory", () => registerScreenTests(() => memoryWorld()));
 */
export function registerScreenTests(factory: WorldFactory): void {
  describe("canOpenScreen()", () => {
    it("R2/R4 canOpenScreen() answers, for every template, single permission and scope, what each screen's query does", async () => {
      const ctx = await setup(factory);
      const actors: { name: string; dir: StaffDirectory }[] = [{ name: "owner", dir: ctx.owner }];
      const templates: TemplateKey[] = [
        "administrator",
        "front_desk",
        "provider",
        "billing_manager",
        "read_only",
      ];
      for (const role of templates) {
        const user = await createStaff(ctx, { role, locations: "organization" });
        actors.push({ name: role, dir: await actAs(ctx, user.id) });
      }
      for (const permission of [
        "users.view",
        "users.manage",
        "roles.manage",
        "locations.manage",
        "organization.manage",
        "audit.view",
      ] as const) {
        const wide = await staffWithPermissions(ctx, [permission], { locations: "organization" });
        actors.push({ name: `${permission}, org-wide`, dir: wide.dir });
        const limited = await staffWithPermissions(ctx, [permission], { locations: [ctx.location] });
        actors.push({ name: `${permission}, one location`, dir: limited.dir });
      }
      actors.push({ name: "delegated clinic manager", dir: (await scopedWorld(ctx)).manager.dir });

      const answers: string[] = [];
      for (const { name, dir } of actors) {
        for (const screen of ADMIN_SCREENS) {
          const offered = canOpenScreen(dir, screen);
          const served = await opens(dir, screen);
          answers.push(
            `${name} · ${screen}: ${offered === served ? "agrees" : `offered ${offered}, served ${served}`}`,
          );
        }
      }
      expect(answers.filter((a) => !a.endsWith("agrees"))).toEqual([]);
      // The table is not trivially true or false: each screen is open to some and closed to others.
      for (const screen of ADMIN_SCREENS) {
        const open = actors.filter(({ dir }) => canOpenScreen(dir, screen)).length;
        expect(open, screen).toBeGreaterThan(0);
        expect(open, screen).toBeLessThan(actors.length);
      }
    });

    it("R2 canOpenScreen() is false for every screen before the first me()", async () => {
      const ctx = await setup(factory);
      const fresh = await ctx.world.as(ctx.world.owner.id);
      for (const screen of ADMIN_SCREENS) expect(canOpenScreen(fresh, screen)).toBe(false);
      await fresh.me();
      for (const screen of ADMIN_SCREENS) expect(canOpenScreen(fresh, screen)).toBe(true);
    });
  });
}
