import fc from "fast-check";
import { type DefaultPermission, defaultCatalog } from "../../../access/catalog";
import type { StaffDirectory } from "../../../directory/staff-directory";

import type { Location } from "../../../locations/location.schema";
import { tokenFromLink } from "../../../ports/mailer";
import type { Role } from "../../../roles/role.schema";
import type { LocationAccess, User } from "../../../users/user.schema";
import { asDirectoryError } from "../../conformance/errors-expect";
import type { ConformanceWorld } from "../../conformance/world";
import { FIXTURE_PASSWORD } from "../../fixtures";

/** The catalog every generated world uses. */
export const PERMISSIONS: readonly DefaultPermission[] = defaultCatalog.permissions;

/** One generated user: a role (by index), access (org-wide or location indices), a primary, a status. */
export interface UserSpec {
  readonly role: number;
  readonly access: "organization" | readonly number[];
  readonly primary: number;
  readonly status: "active" | "disabled" | "pending";
  readonly practitioner: boolean;
  readonly licensed: boolean;
}

/**
 * A generated organization: features, a licence type, seats, locations, roles with random permission
 * sets (the first one always a delegated manager's: `users.view` + `users.manage` + more), users with
 * random roles, access and statuses (the first one a manager limited to one location), people who
 * also belong to a second organization (one of them its main contact), an archived location still in
 * someone's access, and perhaps a main contact other than the owner.
 *
 * @example fc.sample(worldSpecArbitrary, 1)[0].users.length // 5–10
 */
export interface WorldSpec {
  readonly features: {
    readonly diary: boolean;
    readonly caseManagement: boolean;
    readonly mobileApp: boolean;
    readonly providerDirectory: boolean;
  };
  readonly licenceSeats: number | null;
  /** Named seats left after seeding; null: no limit. */
  readonly seatSlack: number | null;
  readonly extraLocations: number;
  readonly archived: boolean;
  readonly roles: readonly (readonly number[])[];
  readonly users: readonly UserSpec[];
  readonly crossOrg: boolean;
  /** Lock one active user out (ten wrong passwords), so unlock is offered. */
  readonly lockOne: boolean;
  /** Hand the main-contact role to this user when it is an active administrator. */
  readonly handOver: number | null;
}

const userSpec: fc.Arbitrary<UserSpec> = fc.record({
  role: fc.nat(10),
  access: fc.oneof(
    { arbitrary: fc.constant("organization" as const), weight: 1 },
    { arbitrary: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 3 }), weight: 3 },
  ),
  primary: fc.nat(3),
  status: fc.constantFrom("active", "active", "active", "disabled", "pending"),
  practitioner: fc.boolean(),
  licensed: fc.boolean(),
});

/** Random worlds for the offered ⇔ allowed property. @example fc.sample(worldSpecArbitrary, 1) */
export const worldSpecArbitrary: fc.Arbitrary<WorldSpec> = fc.record({
  features: fc.record({
    diary: fc.boolean(),
    caseManagement: fc.boolean(),
    mobileApp: fc.boolean(),
    providerDirectory: fc.boolean(),
  }),
  licenceSeats: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  seatSlack: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  extraLocations: fc.integer({ min: 1, max: 3 }),
  archived: fc.boolean(),
  roles: fc.array(fc.uniqueArray(fc.nat(PERMISSIONS.length - 1), { maxLength: PERMISSIONS.length }), {
    minLength: 2,
    maxLength: 5,
  }),
  users: fc.array(userSpec, { minLength: 5, maxLength: 10 }),
  crossOrg: fc.boolean(),
  lockOne: fc.boolean(),
  handOver: fc.option(fc.nat(9), { nil: null, freq: 3 }),
});

/**
 * A built world: the backend, the owner's directory, the organization's id and a second
 * organization's owner when the spec asked for people in two organizations.
 *
 * @example const built = await buildWorld(await factory(), spec);
 */
export interface BuiltWorld {
  readonly world: ConformanceWorld;
  readonly organizationId: string;
  readonly owner: StaffDirectory;
  /** An org-wide reader outside the property (never an actor or a target) that reads the world. */
  readonly observer: StaffDirectory;
  readonly observerId: string;
  readonly observerRoleId: string;
  /** Users of this organization who also belong to another (one of them its main contact). */
  readonly shared: readonly string[];
  seq: number;
}

/** A unique email of the run. @example nextEmail(built) // "v.7@verdicts.example" */
export function nextEmail(built: { seq: number }, hint = "v"): string {
  built.seq += 1;
  return `${hint}.${built.seq}@verdicts.example`;
}

async function accept(world: ConformanceWorld, email: string): Promise<void> {
  const token = tokenFromLink(world.mailer.latest(email, "invitation")?.link);
  if (!token) throw new Error(`property setup: no invitation mailed to ${email}`);
  // Both people who join already have an account: they just join.
  await world.auth.acceptInvitation({ token });
}

function accessOf(
  spec: UserSpec,
  locations: readonly Location[],
): { access: LocationAccess; primary: string } {
  if (spec.access === "organization") {
    const primary = locations[spec.primary % locations.length] ?? locations[0];
    return { access: "organization", primary: primary?.id ?? "" };
  }
  const ids = [...new Set(spec.access.map((i) => locations[i % locations.length]?.id ?? ""))];
  return { access: ids, primary: ids[spec.primary % ids.length] ?? "" };
}

/**
 * Seeds a world from its spec, as the owner (an Administrator, the main contact).
 *
 * @example const built = await buildWorld(world, spec);
 */
export async function buildWorld(world: ConformanceWorld, spec: WorldSpec): Promise<BuiltWorld> {
  const owner = await world.as(world.owner.id);
  const seeded = { seq: 0 };
  let org = await owner.organization.get();
  org = await owner.organization.update(
    {
      features: spec.features,
      licenceTypes: [{ key: "lic", label: "Licence", seats: spec.licenceSeats }],
      providerTypes: ["MD"],
    },
    { version: org.version },
  );
  const locations: Location[] = [world.location];
  for (let i = 0; i < spec.extraLocations; i++)
    locations.push(await owner.locations.create({ name: `Site ${i + 1}` }));
  const roles: Role[] = [];
  for (const [i, picks] of spec.roles.entries()) {
    const permissions = new Set(picks.map((p) => PERMISSIONS[p] ?? "users.view"));
    // The first role is a delegated manager's: it manages users.
    if (i === 0) for (const p of ["users.view", "users.manage"] as const) permissions.add(p);
    roles.push(await owner.roles.create({ name: `Generated ${i + 1}`, permissions: [...permissions] }));
  }
  const allRoles = await owner.roles.list();
  const users: User[] = [];
  for (const [i, u] of spec.users.entries()) {
    // The first user is a delegated manager limited to one location.
    const role = i === 0 ? roles[0] : allRoles[u.role % allRoles.length];
    const { access, primary } =
      i === 0
        ? { access: [locations[u.primary % locations.length]?.id ?? world.location.id], primary: "" }
        : accessOf(u, locations);
    const input = {
      email: nextEmail(seeded),
      profile: { givenName: "Gen", familyName: `User${i}` },
      roleId: role?.id ?? "",
      locationAccess: access,
      primaryLocationId: primary || (access === "organization" ? world.location.id : (access[0] ?? "")),
      flags: { practitioner: u.practitioner },
      licences: u.licensed ? ["lic"] : [],
    };
    const made = await (u.status === "pending" && i > 0
      ? owner.users.invite(input).then((r) => r.user)
      : owner.users.create({ ...input, password: FIXTURE_PASSWORD })
    ).catch((error: unknown) => {
      // A seat or licence limit of the spec may refuse a seeded user; anything else is a bug.
      if (asDirectoryError(error)?.code === "rule") return null;
      throw error;
    });
    if (!made) continue;
    users.push(
      u.status === "disabled" && i > 0 ? await owner.users.disable(made.id, { version: made.version }) : made,
    );
  }
  if (spec.archived && users.length > 1) {
    const old = await owner.locations.create({ name: "Old site" });
    const holder = users.find((u) => u.status !== "disabled" && u.locationAccess !== "organization");
    if (holder && holder.locationAccess !== "organization") {
      await owner.users.update(
        holder.id,
        { locationAccess: [...holder.locationAccess, old.id] },
        { version: holder.version },
      );
    }
    await owner.locations.archive(old.id, { version: old.version });
  }
  if (spec.lockOne) {
    const locked = users.find((u) => u.status === "active" && u.id !== world.owner.id);
    for (let i = 0; locked && i < 10; i++) {
      await world.auth
        .signIn({ email: locked.email, password: "not-the-right-password-9" })
        .catch(() => null);
    }
  }
  const observerRole = await owner.roles.create({ name: "Property observer", permissions: ["users.view"] });
  const observerUser = await owner.users.create({
    email: nextEmail(seeded, "observer"),
    profile: { givenName: "Olga", familyName: "Observer" },
    roleId: observerRole.id,
    locationAccess: "organization",
    primaryLocationId: world.location.id,
    password: FIXTURE_PASSWORD,
  });
  const shared: string[] = [];
  if (spec.crossOrg) {
    const other = await world.bootstrapAnother();
    const otherOwner = await world.as(other.owner.id, other.organization.id);
    // The other organization's main contact joins this one…
    const joined = await owner.users.invite({
      email: other.owner.email,
      profile: { givenName: "Other", familyName: "Owner" },
      roleId: (roles[1] ?? roles[0])?.id ?? "",
      locationAccess: [world.location.id],
      primaryLocationId: world.location.id,
    });
    await accept(world, other.owner.email);
    shared.push(joined.user.id);
    // …and someone of this one joins the other.
    const member = users.find((u) => u.status === "active" && u.id !== world.owner.id);
    if (member) {
      await otherOwner.users.invite({
        email: member.email,
        profile: { givenName: "Shared", familyName: "Member" },
        roleId: (await otherOwner.roles.list())[0]?.id ?? "",
        locationAccess: [other.location.id],
        primaryLocationId: other.location.id,
      });
      await accept(world, member.email);
      shared.push(member.id);
    }
  }
  if (spec.seatSlack !== null) {
    const usage = await owner.organization.usage();
    const current = await owner.organization.get();
    await owner.organization.update(
      { seats: { named: usage.named.used + spec.seatSlack } },
      { version: current.version },
    );
  }
  if (spec.handOver !== null) {
    const heir = users[spec.handOver % Math.max(1, users.length)];
    const admins = (await owner.users.list({ admin: true, limit: 200 })).items;
    if (heir && admins.some((a) => a.id === heir.id)) {
      const current = await owner.organization.get();
      await owner.organization.update({ mainContactUserId: heir.id }, { version: current.version });
    }
  }
  return {
    world,
    organizationId: world.organization.id,
    owner,
    observer: await world.as(observerUser.id),
    observerId: observerUser.id,
    observerRoleId: observerRole.id,
    shared,
    seq: seeded.seq,
  };
}
