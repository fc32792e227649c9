import type { Location, StaffDirectory, User } from "@staffroom/core";
import { FIXTURE_PASSWORD, type MemoryWorld, memoryWorld, sequentialIds } from "@staffroom/core/fixtures";

/** A memory world with a realistic morning of audit events, for AuditTrail's tests and stories. */
export interface AuditWorld {
  readonly world: MemoryWorld;
  /** The owner: administrator with `audit.view`, org-wide. */
  readonly owner: StaffDirectory;
  /** The nurse (a Provider): no `audit.view`, so core answers `forbidden`. */
  readonly provider: StaffDirectory;
  readonly nurse: User;
  readonly receptionist: User;
  readonly location: Location;
}

const MINUTE = 60_000;

/** Options of {@link auditWorld}. @example { extraEvents: 8 } @example { deleteReceptionist: true } */
export interface AuditWorldOptions {
  /** Location renames added at the end (for paging). Default 0. */
  readonly extraEvents?: number;
  /** Delete the disabled receptionist at the end (W6): their events show an erased person. Default false. */
  readonly deleteReceptionist?: boolean;
}

/**
 * Builds the world through the real service, the clock moving a few minutes between steps: a new
 * clinic, two users, a profile edit, a role change, an invitation, a wrong password and a sign-in,
 * a disable (and, with `deleteReceptionist`, the deletion of the disabled receptionist).
 * `extraEvents` adds that many location renames (for paging).
 *
 * @example const { owner, world } = await auditWorld(); <AuditTrail /> over owner
 */
export async function auditWorld(options: AuditWorldOptions = {}): Promise<AuditWorld> {
  const world = await memoryWorld({ start: "2026-11-23T08:00:00.000Z", ids: sequentialIds() });
  const owner = world.directory.forActor({ organizationId: world.organization.id, userId: world.owner.id });
  const step = () => world.clock.advance(7 * MINUTE);
  const roles = await owner.roles.list();
  const roleId = (name: string) => roles.find((r) => r.name === name)?.id ?? "";
  step();
  const location = await owner.locations.create({ name: "Harbor North Clinic", group: "North" });
  step();
  const nurse = await owner.users.create({
    email: "nina.patel@harbor-urgent-care.example",
    profile: { givenName: "Nina", familyName: "Patel", title: "RN", jobTitle: "Nurse" },
    roleId: roleId("Front Desk"),
    locationAccess: [world.location.id],
    primaryLocationId: world.location.id,
    password: FIXTURE_PASSWORD,
  });
  step();
  const receptionist = await owner.users.create({
    email: "omar.haddad@harbor-urgent-care.example",
    profile: { givenName: "Omar", familyName: "Haddad", jobTitle: "Receptionist" },
    roleId: roleId("Front Desk"),
    locationAccess: [world.location.id, location.id],
    primaryLocationId: location.id,
    password: FIXTURE_PASSWORD,
  });
  step();
  const edited = await owner.users.update(
    nurse.id,
    { profile: { jobTitle: "Charge nurse" } },
    { version: nurse.version },
  );
  step();
  const promoted = await owner.users.update(
    nurse.id,
    { roleId: roleId("Provider") },
    { version: edited.version },
  );
  step();
  await owner.users.invite({
    email: "sam.lee@harbor-urgent-care.example",
    profile: { givenName: "Sam", familyName: "Lee" },
    roleId: roleId("Read-only Staff"),
    locationAccess: "organization",
    primaryLocationId: world.location.id,
  });
  step();
  await world.auth
    .signIn({ email: receptionist.email, password: "not-my-password-at-all" })
    .catch(() => null);
  await world.auth.signIn({ email: receptionist.email, password: FIXTURE_PASSWORD });
  step();
  const disabled = await owner.users.disable(receptionist.id, { version: receptionist.version });
  if (options.deleteReceptionist) {
    step();
    await owner.users.delete(receptionist.id, { version: disabled.version });
  }
  let renamed = location;
  for (let i = 0; i < (options.extraEvents ?? 0); i++) {
    world.clock.advance(MINUTE);
    renamed = await owner.locations.update(
      location.id,
      { name: `Harbor North Clinic ${i + 2}` },
      { version: renamed.version },
    );
  }
  return {
    world,
    owner,
    provider: world.directory.forActor({ organizationId: world.organization.id, userId: nurse.id }),
    nurse: promoted,
    receptionist,
    location,
  };
}
