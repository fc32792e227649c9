import type { Role } from "../../../roles/role.schema";
import type { LocationAccess } from "../../../users/user.schema";
import type { ConformanceWorld } from "../../conformance/world";
import { FIXTURE_PASSWORD } from "../../fixtures";
import { readSnapshot } from "../snapshot";
import type { McState, Person } from "./model";
import type { McRun } from "./operations";

/** The property's email domain. */
const DOMAIN = "r7.prop.example";

/**
 * A password nobody else has and R16 accepts for anyone in the cast (no names, no email words).
 *
 * @example freshPassword(state) // "quartz-meadow-lantern-17"
 */
export function freshPassword(state: { seq: number }): string {
  state.seq += 1;
  return `quartz-meadow-lantern-${state.seq}`;
}

/**
 * An address in a mailbox the person reads (an alias of theirs), to move someone's email to.
 *
 * @example aliasOf(state, 1) // "p1.alias.9@r7.prop.example"
 */
export function aliasOf(state: McState, person: number): string {
  state.seq += 1;
  const email = `p${person}.alias.${state.seq}@${DOMAIN}`;
  state.mailboxes.set(email, person);
  return email;
}

function role(roles: readonly Role[], test: (r: Role) => boolean, what: string): Role {
  const found = roles.find(test);
  if (!found) throw new Error(`main-contact property setup: no ${what} role`);
  return found;
}

interface CastMember {
  readonly name: string;
  readonly familyName: string;
  readonly role: string;
  readonly access: "organization" | 0;
}

/** The cast after the owner (person 0, the main contact): other admins, a delegated manager, staff. */
const CAST: readonly CastMember[] = [
  { name: "Bram", familyName: "Osei", role: "administrator", access: "organization" },
  { name: "Cleo", familyName: "Nakamura", role: "Co-admin", access: "organization" },
  { name: "Lena", familyName: "Strand", role: "Lean admin", access: "organization" },
  { name: "Milo", familyName: "Ferris", role: "Clinic Manager", access: 0 },
  { name: "Dora", familyName: "Quill", role: "front_desk", access: 0 },
  { name: "Ravi", familyName: "Tamm", role: "read_only", access: "organization" },
];

/**
 * A run of the main-contact property on a fresh world: the owner (main contact, Administrator);
 * another Administrator; a "Co-admin" with every permission under another role (so the owner's role
 * is not its own); a "Lean admin" (users and roles only: a hand-over gives the main contact a role
 * others could add to); a delegated "Clinic Manager" of one clinic; Front Desk and Read-only staff;
 * and an observer. Everyone has their own password and mailbox. With `start: "leanHeir"` the owner
 * has handed the main contact over to the Lean admin.
 *
 * @example const state = await buildMcState(await factory());
 */
export async function buildMcState(
  world: ConformanceWorld,
  start: McRun["start"] = "owner",
): Promise<McState> {
  const owner = await world.as(world.owner.id);
  const clinic = await owner.locations.create({ name: "North Clinic" });
  const all = (await owner.roles.list()).find((r) => r.template === "administrator")?.permissions ?? [];
  await owner.roles.create({ name: "Co-admin", permissions: [...all] });
  await owner.roles.create({
    name: "Lean admin",
    permissions: ["users.view", "users.manage", "roles.manage", "organization.manage"],
  });
  await owner.roles.create({ name: "Clinic Manager", permissions: ["users.view", "users.manage"] });
  const observerRole = await owner.roles.create({
    name: "R7 Observer",
    permissions: ["users.view", "audit.view"],
  });
  const roles = await owner.roles.list();
  const state = {
    seq: 0,
    knows: new Map<number, Map<string, string>>([[0, new Map([[world.owner.id, FIXTURE_PASSWORD]])]]),
    mailboxes: new Map<string, number>([[world.owner.email, 0]]),
  };
  const people: Person[] = [{ index: 0, name: "Olivia", userId: world.owner.id }];
  for (const [i, member] of CAST.entries()) {
    const index = i + 1;
    const password = freshPassword(state);
    const access: LocationAccess = member.access === "organization" ? "organization" : [world.location.id];
    const email = `p${index}@${DOMAIN}`;
    const user = await owner.users.create({
      email,
      profile: { givenName: member.name, familyName: member.familyName },
      roleId: role(roles, (r) => r.template === member.role || r.name === member.role, member.role).id,
      locationAccess: access,
      primaryLocationId: world.location.id,
      password,
    });
    people.push({ index, name: member.name, userId: user.id });
    state.knows.set(index, new Map([[user.id, password]]));
    state.mailboxes.set(email, index);
  }
  const observerUser = await owner.users.create({
    email: `observer@${DOMAIN}`,
    profile: { givenName: "Obi", familyName: "Watcher" },
    roleId: observerRole.id,
    locationAccess: "organization",
    primaryLocationId: world.location.id,
    password: freshPassword(state),
  });
  const observer = await world.as(observerUser.id);
  if (start === "leanHeir") {
    const org = await owner.organization.get();
    const heir = people[3]?.userId ?? "";
    await owner.organization.update({ mainContactUserId: heir }, { version: org.version });
  }
  return {
    world,
    organizationId: world.organization.id,
    observer,
    people,
    roleIds: roles.filter((r) => r.id !== observerRole.id).map((r) => r.id),
    locationIds: [world.location.id, clinic.id],
    permissions: (await owner.roles.catalog()).modules.flatMap((m) => m.actions.map((a) => a.permission)),
    knows: state.knows,
    mailboxes: state.mailboxes,
    inbox: new Map(people.map((p) => [p.index, []])),
    sessions: new Map(people.map((p) => [p.index, new Map()])),
    directories: new Map(),
    delivered: world.mailer.outbox.length,
    seq: state.seq,
    snapshot: await readSnapshot(observer),
    trace: [],
  };
}
