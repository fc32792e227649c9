import type { StaffDirectory } from "../../directory/staff-directory";
import { DirectoryError } from "../../errors/directory-error";
import { missingId } from "../conformance/helpers";
import { FIXTURE_PASSWORD } from "../fixtures";
import { attempt, describeAttempt, ensure, failureKey } from "./attempt";
import { type Effect, noEffect, resolveActor } from "./effect";
import { type OrgModel, type PropertyState, pick } from "./model";
import type { ForeignProbe, Operation } from "./operations";
import { nextEmail } from "./setup";

type ForeignOp = Extract<Operation, { kind: "foreign" }>;

/** The ids a probe uses: of the other organization, or missing everywhere. */
interface Ids {
  readonly user: string;
  readonly role: string;
  readonly location: string;
}

type Call = (dir: StaffDirectory, ids: Ids) => Promise<unknown>;

function probeCall(
  state: PropertyState,
  org: OrgModel,
  probe: Exclude<ForeignProbe, "actInOtherOrg">,
  target: number,
): Call {
  const own = org.snapshot.users.get(pick(org.userIds, target) ?? "");
  const l0 = org.locationIds[0] ?? "";
  const email = nextEmail(state, org.index);
  const input = (role: string, location: string) => ({
    email,
    profile: { givenName: "Cross", familyName: "Org" },
    roleId: role,
    locationAccess: [location],
    primaryLocationId: location,
    password: FIXTURE_PASSWORD,
  });
  const calls: Record<typeof probe, Call> = {
    get: (d, ids) => d.users.get(ids.user),
    update: (d, ids) => d.users.update(ids.user, { profile: { jobTitle: "Crossed" } }, { version: 1 }),
    disable: (d, ids) => d.users.disable(ids.user, { version: 1 }),
    restore: (d, ids) => d.users.restore(ids.user, { version: 1 }),
    delete: (d, ids) => d.users.delete(ids.user, { version: 1 }),
    revoke: (d, ids) => d.users.revokeInvitation(ids.user, { version: 1 }),
    grantForeignRole: (d, ids) => d.users.create(input(ids.role, l0)),
    grantForeignLocation: (d, ids) => d.users.create(input(org.roleIds[0] ?? "", ids.location)),
    setForeignRole: (d, ids) =>
      d.users.update(own?.id ?? "", { roleId: ids.role }, { version: own?.version ?? 1 }),
    updateForeignRole: (d, ids) => d.roles.update(ids.role, { name: "Crossed role" }, { version: 1 }),
    archiveForeignLocation: (d, ids) => d.locations.archive(ids.location, { version: 1 }),
    handOverToForeign: (d, ids) =>
      d.organization.update({ mainContactUserId: ids.user }, { version: org.snapshot.organization.version }),
    bulkForeign: async (d, ids) => {
      const row = (await d.users.bulk({ action: "disable", items: [{ id: ids.user, version: 1 }] }))
        .results[0];
      if (row?.ok === false) throw new DirectoryError(row.error);
      return row;
    },
  };
  return calls[probe];
}

/**
 * R5: an actor uses ids of the other organization (or acts in it). The attempt must fail exactly as
 * the same call with ids that exist nowhere, and change nothing.
 *
 * @example await execForeign(state, { kind: "foreign", org: 0, actor: { mainContact: true }, probe: "get", target: 3 });
 */
export async function execForeign(state: PropertyState, op: ForeignOp): Promise<Effect> {
  const acting = await resolveActor(state, op.org, op.actor);
  const { org } = acting;
  const other = state.orgs[op.org === 0 ? 1 : 0];
  const foreign: Ids = {
    user: pick(other.userIds, op.target) ?? "",
    role: pick(other.roleIds, op.target) ?? "",
    location: pick(other.locationIds, op.target) ?? "",
  };
  const absent: Ids = { user: missingId("usr"), role: missingId("rol"), location: missingId("loc") };
  const label = `cross-org ${op.probe} with ${op.probe.includes("Role") ? foreign.role : op.probe.includes("Location") ? foreign.location : foreign.user}`;
  if (op.probe === "actInOtherOrg") {
    const inOther = async (userId: string) =>
      attempt(label, async () => (await state.world.as(userId, other.id)).users.get(foreign.user));
    const result = await inOther(acting.actor.id);
    const reference = await inOther(missingId("usr"));
    const effect = { ...noEffect(state, acting, label, result), mustFail: true };
    ensure(state.trace, !result.ok, `R5: ${label} acting in the other organization succeeded`);
    ensure(
      state.trace,
      failureKey(result) === failureKey(reference),
      `R5: acting in another org answered ${describeAttempt(result)}, a missing actor ${describeAttempt(reference)}`,
    );
    return effect;
  }
  const call = probeCall(state, org, op.probe, op.target);
  const result = await attempt(label, () => call(acting.dir, foreign));
  const reference = await attempt(label, () => call(acting.dir, absent));
  const effect = { ...noEffect(state, acting, label, result), mustFail: true };
  ensure(state.trace, !result.ok, `R5: ${label} succeeded across organizations`);
  ensure(
    state.trace,
    failureKey(result) === failureKey(reference),
    `R5: ${label} answered ${failureKey(result)} but a missing id answers ${failureKey(reference)}`,
  );
  return effect;
}
