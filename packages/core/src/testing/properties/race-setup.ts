import type { StaffDirectory } from "../../directory/staff-directory";
import type { Role } from "../../roles/role.schema";
import type { User } from "../../users/user.schema";
import type { ConformanceWorld } from "../conformance/world";
import { FIXTURE_PASSWORD } from "../fixtures";
import { OBSERVER_PERMISSIONS } from "./setup";

/**
 * The cast of the concurrency property: the main contact M, admins A and B, disabled D1–D3.
 *
 * @example await race.dirs.M.users.disable(race.users.A.id, { version: race.users.A.version });
 */
export interface RaceWorld {
  readonly world: ConformanceWorld;
  readonly observer: StaffDirectory;
  readonly dirs: { readonly M: StaffDirectory; readonly A: StaffDirectory; readonly B: StaffDirectory };
  readonly users: Readonly<Record<"M" | "A" | "B" | "D1" | "D2" | "D3", User>>;
  readonly roles: {
    readonly administrator: Role;
    readonly coAdmin: Role;
    readonly frontDesk: Role;
    /** Six non-administrator roles, one per demoting operation. */
    readonly demoted: readonly Role[];
  };
  /** Counter for unique emails. */
  seq: number;
}

/**
 * Permissions of the "Co-Admin" role that B holds: an administrator role other than the template.
 *
 * @example await owner.roles.create({ name: "Co-Admin", permissions: [...CO_ADMIN_PERMISSIONS] });
 */
export const CO_ADMIN_PERMISSIONS = [
  "users.view",
  "users.manage",
  "roles.manage",
  "organization.manage",
  "calendar.view",
  "calendar.create",
  "calendar.delete",
  "billing.process_payments",
] as const;

/**
 * Seeds the world's organization for the races: A (Administrator), B (Co-Admin), three disabled
 * Front Desk users and an observer; then limits named seats to the seats in use plus `slack`.
 *
 * @example const race = await raceWorld(await factory(), 1);
 */
export async function raceWorld(world: ConformanceWorld, slack: number): Promise<RaceWorld> {
  const orgId = world.organization.id;
  const M = await world.as(world.owner.id, orgId);
  const roles = await M.roles.list();
  const byTemplate = (key: string): Role => {
    const role = roles.find((r) => r.template === key);
    if (!role) throw new Error(`race setup: no ${key} role`);
    return role;
  };
  const administrator = byTemplate("administrator");
  const frontDesk = byTemplate("front_desk");
  const coAdmin = await M.roles.create({ name: "Co-Admin", permissions: [...CO_ADMIN_PERMISSIONS] });
  const demoted: Role[] = [];
  for (let i = 1; i <= 6; i++)
    demoted.push(await M.roles.create({ name: `Demoted ${i}`, permissions: ["calendar.view"] }));
  const observerRole = await M.roles.create({
    name: "Property Observer",
    permissions: [...OBSERVER_PERMISSIONS],
  });
  let n = 0;
  const make = (role: Role, familyName: string) => {
    n += 1;
    return M.users.create({
      email: `race.${n}@harbor.prop.example`,
      profile: { givenName: "Race", familyName },
      roleId: role.id,
      locationAccess: "organization",
      primaryLocationId: world.location.id,
      password: FIXTURE_PASSWORD,
    });
  };
  const A = await make(administrator, "Alpha");
  const B = await make(coAdmin, "Bravo");
  const disabled: User[] = [];
  for (const name of ["Delta", "Echo", "Foxtrot"]) {
    const user = await make(frontDesk, name);
    disabled.push(await M.users.disable(user.id, { version: user.version }));
  }
  const observerUser = await make(observerRole, "Observer");
  const usage = await M.organization.usage();
  const org = await M.organization.get();
  await M.organization.update({ seats: { named: usage.named.used + slack } }, { version: org.version });
  const [D1, D2, D3] = disabled;
  if (!D1 || !D2 || !D3) throw new Error("race setup: disabled users missing");
  return {
    world,
    observer: await world.as(observerUser.id, orgId),
    dirs: { M, A: await world.as(A.id, orgId), B: await world.as(B.id, orgId) },
    users: { M: world.owner, A, B, D1, D2, D3 },
    roles: { administrator, coAdmin, frontDesk, demoted },
    seq: n,
  };
}
