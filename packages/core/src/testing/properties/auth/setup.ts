import type { StaffDirectory } from "../../../directory/staff-directory";
import type { Location } from "../../../locations/location.schema";
import { tokenFromLink } from "../../../ports/mailer";
import type { User } from "../../../users/user.schema";
import { auditTotal } from "../../conformance/helpers";
import type { ConformanceWorld } from "../../conformance/world";
import { FIXTURE_PASSWORD } from "../../fixtures";
import { ensure } from "../attempt";
import type { OrgIndex } from "../model";
import type { AccountModel, AuthOrgModel, AuthState, MembershipModel, PersonKey, PersonModel } from "./model";
import { settle } from "./outcome";

/** The domain of the cast's emails. */
const DOMAIN = "lockout.prop.example";

/** Names that appear in none of the passwords the property sets (R16 refuses personal words). */
const NAMES: Readonly<Record<PersonKey, { givenName: string; familyName: string }>> = {
  staff: { givenName: "Dana", familyName: "Quill" },
  disabled: { givenName: "Eli", familyName: "Moss" },
  pending: { givenName: "Pia", familyName: "Vance" },
  dual: { givenName: "Ivo", familyName: "Duval" },
  cedar: { givenName: "Noor", familyName: "Fenn" },
  unknown: { givenName: "Nobody", familyName: "Here" },
};

/** The email of a person of the cast. @example emailOf("staff") // "staff@lockout.prop.example" */
export function emailOf(key: PersonKey): string {
  return `${key}@${DOMAIN}`;
}

async function frontDeskRole(owner: StaffDirectory): Promise<string> {
  const role = (await owner.roles.list()).find((r) => r.template === "front_desk");
  if (!role) throw new Error("auth property setup: no Front Desk role");
  return role.id;
}

interface Org {
  readonly owner: StaffDirectory;
  readonly roleId: string;
  readonly location: Location;
}

function staffInput(org: Org, key: PersonKey) {
  return {
    email: emailOf(key),
    profile: NAMES[key],
    roleId: org.roleId,
    locationAccess: [org.location.id],
    primaryLocationId: org.location.id,
  };
}

async function create(org: Org, key: PersonKey): Promise<User> {
  return org.owner.users.create({ ...staffInput(org, key), password: FIXTURE_PASSWORD });
}

function account(password: string | null): AccountModel {
  return { password, failures: 0, lockedUntil: null, lockouts: 0, resets: new Map() };
}

function member(person: PersonKey, org: OrgIndex, user: User): MembershipModel {
  return { person, org, userId: user.id, status: user.status, lastSignIn: null };
}

async function orgModel(index: OrgIndex, id: string, owner: StaffDirectory): Promise<AuthOrgModel> {
  const organization = await owner.organization.get();
  return {
    index,
    id,
    owner,
    concurrent: organization.seats.concurrent,
    signIns: (await owner.audit.list({ action: "auth.sign_in", limit: 1 })).total,
    auditTotal: await auditTotal(owner),
  };
}

/**
 * Builds a run of the sign-in property on a fresh world: in the world's organization an active
 * Front Desk member (`staff`), a disabled one and a pending invitee (new account, no password); a
 * second organization with its own member (`cedar`); and `dual`, created in the second and then
 * invited into the first (an existing account that joins). Three concurrent seats in the first,
 * one in the second. Takes the reference refusal from an unknown email.
 *
 * @example const state = await buildAuthState(await factory());
 */
export async function buildAuthState(world: ConformanceWorld): Promise<AuthState> {
  const owner0 = await world.as(world.owner.id, world.organization.id);
  const other = await world.bootstrapAnother();
  const owner1 = await world.as(other.owner.id, other.organization.id);
  const here: Org = { owner: owner0, roleId: await frontDeskRole(owner0), location: world.location };
  const there: Org = { owner: owner1, roleId: await frontDeskRole(owner1), location: other.location };

  const staff = await create(here, "staff");
  const toDisable = await create(here, "disabled");
  const disabled = await owner0.users.disable(toDisable.id, { version: toDisable.version });
  const pending = (await owner0.users.invite(staffInput(here, "pending"))).user;
  const cedar = await create(there, "cedar");
  const dualThere = await create(there, "dual");
  const dualHere = (await owner0.users.invite(staffInput(here, "dual"))).user;
  const token = tokenFromLink(world.mailer.latest(emailOf("dual"), "invitation")?.link);
  if (!token) throw new Error("auth property setup: no invitation mailed to dual");
  const accepted = await world.auth.acceptInvitation({ token });
  if (accepted.outcome !== "joined") throw new Error("auth property setup: dual did not join");

  const memberships = [
    member("staff", 0, staff),
    member("disabled", 0, disabled),
    member("pending", 0, pending),
    member("dual", 0, { ...dualHere, status: "active" }),
    member("dual", 1, dualThere),
    member("cedar", 1, cedar),
  ];
  const person = (key: PersonKey, acc: AccountModel | null): PersonModel => ({
    key,
    email: emailOf(key),
    account: acc,
    memberships: memberships.filter((m) => m.person === key),
  });
  const people: Record<PersonKey, PersonModel> = {
    staff: person("staff", account(FIXTURE_PASSWORD)),
    disabled: person("disabled", account(FIXTURE_PASSWORD)),
    pending: person("pending", account(null)),
    dual: person("dual", account(FIXTURE_PASSWORD)),
    cedar: person("cedar", account(FIXTURE_PASSWORD)),
    unknown: person("unknown", null),
  };

  // Seats from the start (the steps change them): three concurrent sessions here, one there.
  for (const [owner, concurrent] of [
    [owner0, 3],
    [owner1, 1],
  ] as const) {
    const { version } = await owner.organization.get();
    await owner.organization.update({ seats: { concurrent } }, { version });
  }
  const trace: string[] = [];
  const reference = await settle("signIn", () =>
    world.auth.signIn({ email: `reference.nobody@${DOMAIN}`, password: FIXTURE_PASSWORD }),
  );
  ensure(
    trace,
    !reference.ok && reference.error.code === "unauthenticated" && reference.error.issues.length === 0,
    `R17: an unknown email must be refused unauthenticated, got ${reference.ok ? "a session" : reference.json}`,
  );
  return {
    world,
    orgs: [
      await orgModel(0, world.organization.id, owner0),
      await orgModel(1, other.organization.id, owner1),
    ],
    people,
    memberships,
    sessions: [],
    refusal: reference.json,
    passwords: new Set([FIXTURE_PASSWORD]),
    start: world.clock.now(),
    trace,
  };
}
