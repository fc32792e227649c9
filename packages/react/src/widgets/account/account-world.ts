import { type Organization, type StaffDirectory, tokenFromLink } from "@staffroom/core";
import { FIXTURE_PASSWORD, type MemoryWorld, memoryWorld, sequentialIds } from "@staffroom/core/fixtures";

/**
 * Memory worlds and tokens for the account screens' tests and stories: everything goes through the
 * real `DirectoryAuth`, tokens come out of the memory mailer.
 */

/** A temporary password an administrator hands over (W5). */
export const TEMPORARY_PASSWORD = "lantern-harbor-maple-31";

/**
 * A fresh world: Harbor Urgent Care and its owner (whose password is `FIXTURE_PASSWORD`).
 *
 * @example const world = await accountWorld();
 */
export async function accountWorld(): Promise<MemoryWorld> {
  return memoryWorld({
    start: "2026-11-23T09:00:00.000Z",
    policy: { invitationResendIntervalMs: 0 },
    ids: sequentialIds(),
  });
}

/**
 * The owner's StaffDirectory.
 *
 * @example await ownerOf(world).users.list();
 */
export function ownerOf(world: MemoryWorld): StaffDirectory {
  return world.directory.forActor({ organizationId: world.organization.id, userId: world.owner.id });
}

async function firstRole(directory: StaffDirectory, name: string): Promise<string> {
  const roles = await directory.roles.list();
  return (roles.find((r) => r.name === name) ?? roles[0])?.id ?? "";
}

/**
 * Invites a new person to the world's organization; returns the invitation token from the email.
 *
 * @example const token = await inviteNewPerson(world);
 */
export async function inviteNewPerson(
  world: MemoryWorld,
  email = "sam.lee@harbor-urgent-care.example",
): Promise<string> {
  const owner = ownerOf(world);
  await owner.users.invite({
    email,
    profile: { givenName: "Sam", familyName: "Lee", title: "NP" },
    roleId: await firstRole(owner, "Provider"),
    locationAccess: "organization",
    primaryLocationId: world.location.id,
  });
  return tokenFromLink(world.mailer.latest(email, "invitation")?.link) ?? "";
}

/**
 * Another organization (Cedar Ridge Pediatrics) invites the world's owner, who already has an
 * account; returns that organization and the invitation token.
 *
 * @example const { token, organization } = await inviteExistingAccount(world);
 */
export async function inviteExistingAccount(
  world: MemoryWorld,
): Promise<{ token: string; organization: Organization }> {
  const other = await world.bootstrapAnother({ organization: { name: "Cedar Ridge Pediatrics" } });
  const admin = world.directory.forActor({ organizationId: other.organization.id, userId: other.owner.id });
  await admin.users.invite({
    email: world.owner.email,
    profile: { givenName: "Olivia", familyName: "Ortega", title: "MD" },
    roleId: await firstRole(admin, "Administrator"),
    locationAccess: "organization",
    primaryLocationId: other.location.id,
  });
  const token = tokenFromLink(world.mailer.latest(world.owner.email, "invitation")?.link) ?? "";
  return { token, organization: other.organization };
}

/**
 * The owner joins Cedar Ridge Pediatrics too and signs in (to Harbor): a session with two
 * organizations to switch between.
 *
 * @example const { token } = await twoOrganizations(world);
 */
export async function twoOrganizations(world: MemoryWorld): Promise<{ token: string; other: Organization }> {
  const { token: invitation, organization } = await inviteExistingAccount(world);
  await world.auth.acceptInvitation({ token: invitation });
  const signedIn = await world.auth.signIn({
    email: world.owner.email,
    password: FIXTURE_PASSWORD,
    organizationId: world.organization.id,
  });
  return { token: signedIn.token, other: organization };
}

/**
 * A user created with `TEMPORARY_PASSWORD` and "must change at first sign-in", signed in:
 * the session of a forced password change.
 *
 * @example const { token, email } = await forcedChangeSession(world);
 */
export async function forcedChangeSession(world: MemoryWorld): Promise<{ token: string; email: string }> {
  const owner = ownerOf(world);
  const email = "rosa.reyes@harbor-urgent-care.example";
  await owner.users.create({
    email,
    profile: { givenName: "Rosa", familyName: "Reyes", jobTitle: "Medical assistant" },
    roleId: await firstRole(owner, "Front Desk"),
    locationAccess: "organization",
    primaryLocationId: world.location.id,
    password: TEMPORARY_PASSWORD,
    mustChangePassword: true,
  });
  const { token } = await world.auth.signIn({ email, password: TEMPORARY_PASSWORD });
  return { token, email };
}

/**
 * The owner's signed-in session.
 *
 * @example const token = await ownerSession(world);
 */
export async function ownerSession(world: MemoryWorld): Promise<string> {
  return (await world.auth.signIn({ email: world.owner.email, password: FIXTURE_PASSWORD })).token;
}

/**
 * A password reset link for the owner; returns its token.
 *
 * @example const token = await resetToken(world);
 */
export async function resetToken(world: MemoryWorld): Promise<string> {
  await world.auth.requestPasswordReset({ email: world.owner.email });
  return tokenFromLink(world.mailer.latest(world.owner.email, "password_reset")?.link) ?? "";
}

/**
 * Limits Harbor to one concurrent session and takes it: the next sign-in finds no seat (R9).
 *
 * @example await fillConcurrentSeats(world); // signIn now fails with rule/concurrent_seat_limit
 */
export async function fillConcurrentSeats(world: MemoryWorld): Promise<void> {
  const owner = ownerOf(world);
  const org = await owner.organization.get();
  await owner.organization.update({ seats: { concurrent: 1 } }, { version: org.version });
  await ownerSession(world);
}
