import type { DefaultPermission } from "../../access/catalog";
import type { StaffDirectory } from "../../directory/staff-directory";
import type { Location } from "../../locations/location.schema";
import type { Role } from "../../roles/role.schema";
import type { LocationAccess, User } from "../../users/user.schema";
import type { ConformanceWorld } from "../conformance/world";
import { FIXTURE_PASSWORD, standardBootstrap } from "../fixtures";
import type { OrgIndex, OrgModel, PropertyState } from "./model";
import { readSnapshot } from "./snapshot";

/**
 * Permissions of the delegated "Clinic Manager" role of every run.
 *
 * @example await owner.roles.create({ name: "Clinic Manager", permissions: [...CLINIC_MANAGER_PERMISSIONS] });
 */
export const CLINIC_MANAGER_PERMISSIONS: readonly DefaultPermission[] = [
  "users.view",
  "users.manage",
  "roles.manage",
  "calendar.view",
  "calendar.create",
  "calendar.delete",
  "billing.process_payments",
];

/**
 * The observer's role: reads everything org-wide, administers nothing (so R6 stays meaningful).
 *
 * @example await owner.roles.create({ name: "Property Observer", permissions: [...OBSERVER_PERMISSIONS] });
 */
export const OBSERVER_PERMISSIONS: readonly DefaultPermission[] = ["users.view", "audit.view"];

/** Email domain of a run's organization. @example domainOf(1) // "cedar.prop.example" */
export const domainOf = (org: OrgIndex): string => (org === 0 ? "harbor.prop.example" : "cedar.prop.example");

/**
 * A unique email in an organization's domain.
 *
 * @example nextEmail(state, 0) // "p.7@harbor.prop.example"
 */
export function nextEmail(state: { seq: number }, org: OrgIndex): string {
  state.seq += 1;
  return `p.${state.seq}@${domainOf(org)}`;
}

/** Finds a template role by key. */
function templateRole(roles: readonly Role[], key: string): Role {
  const role = roles.find((r) => r.template === key);
  if (!role) throw new Error(`property setup: no role from template ${key}`);
  return role;
}

interface Seeder {
  readonly owner: StaffDirectory;
  readonly org: OrgIndex;
  readonly seq: { seq: number };
}

async function seedUser(
  s: Seeder,
  role: Role,
  access: LocationAccess,
  primary: Location,
  familyName: string,
): Promise<User> {
  return s.owner.users.create({
    email: nextEmail(s.seq, s.org),
    profile: { givenName: "Seed", familyName },
    roleId: role.id,
    locationAccess: access,
    primaryLocationId: primary.id,
    password: FIXTURE_PASSWORD,
  });
}

/**
 * One organization of a run: three locations, the template roles plus a "Clinic Manager" role, a
 * second administrator, two delegated managers, Front Desk and Read-only staff, a disabled and a
 * pending user, and the observer.
 */
async function seedOrganization(
  world: ConformanceWorld,
  org: OrgIndex,
  boot: { organization: { id: string }; location: Location; owner: User },
  seq: { seq: number },
): Promise<OrgModel> {
  const owner = await world.as(boot.owner.id, boot.organization.id);
  const s: Seeder = { owner, org, seq };
  const l0 = boot.location;
  const l1 = await owner.locations.create({ name: "North Clinic" });
  const l2 = await owner.locations.create({ name: "Harborview Clinic", group: "South" });
  const manager = await owner.roles.create({
    name: "Clinic Manager",
    permissions: [...CLINIC_MANAGER_PERMISSIONS],
  });
  const observerRole = await owner.roles.create({
    name: "Property Observer",
    permissions: [...OBSERVER_PERMISSIONS],
  });
  const roles = await owner.roles.list();
  const admin = templateRole(roles, "administrator");
  const frontDesk = templateRole(roles, "front_desk");
  const readOnly = templateRole(roles, "read_only");
  const seeded: User[] = [
    await seedUser(s, admin, "organization", l0, "Admin"),
    await seedUser(s, manager, [l0.id], l0, "ManagerA"),
    await seedUser(s, manager, [l1.id, l2.id], l1, "ManagerBC"),
    await seedUser(s, frontDesk, [l1.id], l1, "FrontDesk"),
    await seedUser(s, readOnly, [l0.id, l2.id], l2, "ReadOnly"),
    await seedUser(s, frontDesk, [l0.id, l1.id], l0, "StaffAB"),
    await seedUser(s, frontDesk, "organization", l2, "StaffOrg"),
  ];
  const disabled = await seedUser(s, frontDesk, [l2.id], l2, "Disabled");
  await owner.users.disable(disabled.id, { version: disabled.version });
  const pending = await owner.users.invite({
    email: nextEmail(seq, org),
    profile: { givenName: "Seed", familyName: "Pending" },
    roleId: readOnly.id,
    locationAccess: [l1.id],
    primaryLocationId: l1.id,
  });
  const observerUser = await seedUser(s, observerRole, "organization", l0, "Observer");
  const observer = await world.as(observerUser.id, boot.organization.id);
  const snapshot = await readSnapshot(observer);
  const ownerPermissions = new Set(admin.permissions);
  const justified = new Map<string, ReadonlySet<string>>();
  for (const id of snapshot.users.keys()) justified.set(id, ownerPermissions);
  const userIds = [boot.owner.id, ...seeded.map((u) => u.id), disabled.id, pending.user.id];
  return {
    index: org,
    id: boot.organization.id,
    observer,
    observerUserId: observerUser.id,
    observerRoleId: observerRole.id,
    userIds,
    roleIds: roles.filter((r) => r.id !== observerRole.id).map((r) => r.id),
    locationIds: [l0.id, l1.id, l2.id],
    emails: [...snapshot.users.values()].filter((u) => u.id !== observerUser.id).map((u) => u.email),
    justified,
    snapshot,
  };
}

/**
 * Builds a run: the world's organization and a second one bootstrapped in the same backend, both
 * seeded alike. The second one has a named-seat limit three above its use (R9).
 *
 * @example const state = await buildState(await factory());
 */
export async function buildState(world: ConformanceWorld): Promise<PropertyState> {
  const seq = { seq: 0 };
  const first = await seedOrganization(
    world,
    0,
    { organization: world.organization, location: world.location, owner: world.owner },
    seq,
  );
  const other = await world.bootstrapAnother(
    standardBootstrap({
      organization: { name: "Cedar Ridge Pediatrics" },
      location: { name: "Cedar Main Street" },
      owner: {
        email: "owner@cedar.prop.example",
        password: FIXTURE_PASSWORD,
        profile: { givenName: "Cora", familyName: "Cedar" },
      },
    }),
  );
  const second = await seedOrganization(world, 1, other, seq);
  const owner = await world.as(other.owner.id, other.organization.id);
  const usage = await owner.organization.usage();
  const org = await owner.organization.get();
  await owner.organization.update({ seats: { named: usage.named.used + 3 } }, { version: org.version });
  second.snapshot = await readSnapshot(second.observer);
  return { world, orgs: [first, second], seq: seq.seq, trace: [], directories: new Map() };
}
