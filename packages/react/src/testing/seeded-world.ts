import type { Features, Location, Role, StaffDirectory, User } from "@staffroom/core";
import {
  FIXTURE_PASSWORD,
  fixtureLocations,
  fixtureUsers,
  type MemoryWorld,
  memoryWorld,
  PROVIDER_TYPES,
  seedUsersIntoStore,
  sequentialIds,
} from "@staffroom/core/fixtures";

/** Options of {@link seededWorld}. */
export interface SeededWorldOptions {
  /** Users created through the service (every rule applies). Default 24. */
  readonly users?: number;
  /** Extra users written straight into the store (for 10 000-user stories). Default 0. */
  readonly bulkUsers?: number;
  /** Extra locations beside "Downtown Clinic". Default 4. */
  readonly locations?: number;
  /** Organization features. Default: all on. */
  readonly features?: Partial<Features>;
  /** PRNG seed. Default 7. */
  readonly seed?: number;
}

/** A seeded memory world and directories for the actors stories and tests need. */
export interface SeededWorld {
  readonly world: MemoryWorld;
  /** The owner: administrator and main contact, org-wide. */
  readonly owner: StaffDirectory;
  /** A "Read-only Staff" user: sees the directory, may change nothing. */
  readonly readOnly: StaffDirectory;
  /** A delegated "Clinic Manager" limited to two clinics (R4). */
  readonly clinicManager: StaffDirectory;
  readonly locations: readonly Location[];
  readonly roles: readonly Role[];
  /** The users created through the service, in creation order. */
  readonly users: readonly User[];
  readonly readOnlyUser: User;
  readonly clinicManagerUser: User;
}

/**
 * A memory world seeded from core's fixtures through the REAL service (plus, optionally, thousands
 * of users written straight into the store): locations, a clinic-manager role, active, pending,
 * disabled and locked users. Stories and tests run the real core against it.
 *
 * @example const { owner } = await seededWorld({ users: 30 }); <StaffroomProvider directory={owner}>…
 */
export async function seededWorld(options: SeededWorldOptions = {}): Promise<SeededWorld> {
  // Sequential ids: the same world, to the id, on every run, so sorts break ties alike and the
  // screenshot references of the stories hold.
  const ids = sequentialIds();
  const world = await memoryWorld({
    ids,
    policy: { invitationResendIntervalMs: 0, lockoutThreshold: 3 },
    start: "2026-11-23T09:00:00.000Z",
  });
  const owner = world.as(world.owner.id) as StaffDirectory;
  await owner.me();
  const org = await owner.organization.get();
  await owner.organization.update(
    {
      features: {
        mobileApp: true,
        providerDirectory: true,
        caseManagement: true,
        diary: true,
        ...options.features,
      },
      providerTypes: [...PROVIDER_TYPES],
      licenceTypes: [{ key: "mobile", label: "Mobile app", seats: null }],
    },
    { version: org.version },
  );
  const features = (await owner.organization.get()).features;
  for (const input of fixtureLocations({ count: options.locations ?? 4, seed: 3 })) {
    if (input.name === world.location.name) continue;
    await owner.locations.create(input);
  }
  const locations = await owner.locations.list();
  const locationIds = locations.map((l) => l.id);
  const templates = await owner.roles.list();
  const manager = await owner.roles.create({
    name: "Clinic Manager",
    description: "Manages staff at their own clinics.",
    permissions: ["users.view", "users.manage", "calendar.view", "calendar.create"],
  });
  const staffRoles = templates.filter((r) => r.name !== "Administrator");
  const inputs = fixtureUsers({
    count: options.users ?? 24,
    seed: options.seed ?? 7,
    locationIds,
    roleIds: staffRoles.map((r) => r.id),
    features,
  });
  const users: User[] = [];
  for (const input of inputs) users.push(await owner.users.create(input));

  const readOnlyRole = templates.find((r) => r.name === "Read-only Staff") ?? staffRoles[0];
  const [first, second] = locationIds;
  const readOnlyUser = await owner.users.create({
    email: "rosa.reader@harbor-urgent-care.example",
    profile: { givenName: "Rosa", familyName: "Reader", jobTitle: "Scheduler" },
    roleId: readOnlyRole?.id ?? "",
    locationAccess: "organization",
    primaryLocationId: first ?? world.location.id,
    password: FIXTURE_PASSWORD,
  });
  const clinicManagerUser = await owner.users.create({
    email: "marcus.manager@harbor-urgent-care.example",
    profile: { givenName: "Marcus", familyName: "Webb", title: "RN", jobTitle: "Clinic manager" },
    roleId: manager.id,
    locationAccess: [first ?? world.location.id, second ?? world.location.id].filter(
      (v, i, a) => a.indexOf(v) === i,
    ),
    primaryLocationId: first ?? world.location.id,
    password: FIXTURE_PASSWORD,
  });

  // Some pending invitations, disabled users and a lockout, so every tab and badge has something.
  const invitees = fixtureUsers({
    count: 3,
    seed: 99,
    locationIds,
    roleIds: staffRoles.map((r) => r.id),
    domain: "invited.example",
  });
  for (const { password: _p, mustChangePassword: _m, ...invite } of invitees)
    await owner.users.invite(invite);
  for (const user of users.slice(0, 2)) await owner.users.disable(user.id, { version: user.version });
  const locked = users[3];
  if (locked) {
    for (let i = 0; i < 3; i++) {
      await world.auth
        .signIn({ email: locked.email, password: "not-the-password-at-all" })
        .catch(() => undefined);
    }
  }
  if (options.bulkUsers) {
    await seedUsersIntoStore(
      world.store,
      fixtureUsers({
        count: options.bulkUsers,
        seed: 1234,
        locationIds,
        roleIds: staffRoles.map((r) => r.id),
        features,
        domain: "staff.harbor-urgent-care.example",
      }),
      { organizationId: world.organization.id, ids },
    );
  }
  const readOnly = world.as(readOnlyUser.id) as StaffDirectory;
  const clinicManager = world.as(clinicManagerUser.id) as StaffDirectory;
  return {
    world,
    owner,
    readOnly,
    clinicManager,
    locations,
    roles: await owner.roles.list(),
    users,
    readOnlyUser,
    clinicManagerUser,
  };
}
