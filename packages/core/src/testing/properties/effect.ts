import type { StaffDirectory } from "../../directory/staff-directory";
import type { LocationAccess, User } from "../../users/user.schema";
import { type Attempt, describeAttempt } from "./attempt";
import { type ActorInfo, actorInfo, directoryOf, type OrgModel, type PropertyState, pick } from "./model";
import type { AccessPick, ActorPick } from "./operations";

/**
 * A user an operation changed: `before` undefined for a new user, `after` null for a removed one.
 *
 * @example { userId: "usr_…", before: undefined, after: createdUser }
 */
export interface Modified {
  readonly userId: string;
  readonly before: User | undefined;
  readonly after: User | null;
}

/**
 * What one executed operation claims, for the generic step checks: how many records it changed
 * (each needs one audit event), which users it touched and which roles it handed out.
 *
 * @example const effect = await execBulk(state, op); checkStep(state, effect, before, after);
 */
export interface Effect {
  readonly org: OrgModel;
  readonly actor: ActorInfo;
  readonly label: string;
  readonly result: Attempt<unknown>;
  /** The write named a version that was not current (R12): it must not land. */
  readonly stale: boolean;
  /** A cross-organization attempt: it must not succeed (R5). */
  readonly mustFail: boolean;
  /** The permission a success requires (R2); null when nothing landed (a bulk call whose rows all failed). */
  readonly requires: string | null;
  /** Records changed on success (0 for a successful no-op). */
  readonly changes: number;
  readonly modified: readonly Modified[];
  /** Users whose role was set by this actor (R3 provenance). */
  readonly grants: readonly string[];
  /** Permissions added to a role by this actor (R3 provenance). */
  readonly roleEdit: { readonly roleId: string; readonly added: readonly string[] } | null;
  readonly created: {
    readonly users: readonly User[];
    readonly roles: readonly string[];
    readonly locations: readonly string[];
  };
}

/**
 * The actor of an operation, resolved against the model.
 *
 * @example const { org, actor, dir } = await resolveActor(state, 0, { mainContact: true });
 */
export interface Acting {
  readonly org: OrgModel;
  readonly actor: ActorInfo;
  readonly dir: StaffDirectory;
}

/**
 * Resolves an {@link ActorPick} to a user of the organization and its directory.
 *
 * @example const { actor, dir } = await resolveActor(state, op.org, op.actor);
 */
export async function resolveActor(
  state: PropertyState,
  orgIndex: 0 | 1,
  pickActor: ActorPick,
): Promise<Acting> {
  const org = state.orgs[orgIndex];
  const mainContact = org.snapshot.organization.mainContactUserId;
  const id = pickActor.mainContact
    ? (mainContact ?? org.userIds[0] ?? "")
    : (pick(org.userIds, pickActor.index) ?? "");
  return { org, actor: actorInfo(org, id), dir: await directoryOf(state, orgIndex, id) };
}

/**
 * Location access and primary location from an {@link AccessPick}.
 *
 * @example resolveAccess(org, { orgWide: false, locations: [0, 2], primary: 1 })
 */
export function resolveAccess(
  org: OrgModel,
  access: AccessPick,
): { locationAccess: LocationAccess; primaryLocationId: string } {
  const chosen = [...new Set(access.locations.map((i) => pick(org.locationIds, i) ?? ""))];
  const primaryLocationId = pick(chosen, access.primary) ?? "";
  return access.orgWide
    ? { locationAccess: "organization", primaryLocationId }
    : { locationAccess: chosen, primaryLocationId };
}

/**
 * A version that is not the current one: the one before, or the next when there is none before.
 *
 * @example staleVersion(3) // 2; staleVersion(1) // 2
 */
export const staleVersion = (current: number): number => (current > 1 ? current - 1 : current + 1);

/**
 * Location access as names, for traces.
 *
 * @example places(org, ["loc_…"]) // "Downtown Clinic"
 */
export function places(org: OrgModel, access: LocationAccess | undefined): string {
  if (access === undefined) return "-";
  if (access === "organization") return "org-wide";
  return access.map((l) => org.snapshot.locations.get(l)?.name ?? l).join("+");
}

/** A short label for a user id in traces. @example who(org, id) // "usr_…(Seed Admin, active)" */
export function who(org: OrgModel, id: string): string {
  const user = org.snapshot.users.get(id);
  const short = id.slice(0, 10);
  if (!user) return `${short}(gone)`;
  const access = places(org, user.locationAccess);
  return `${short}(${user.profile.familyName},${user.status},${org.snapshot.roles.get(user.roleId)?.name ?? "?"},${access})`;
}

/**
 * Records the operation in the trace and returns an effect with nothing changed, to spread over.
 *
 * @example return { ...noEffect(state, acting, label, result), changes: 1 };
 */
export function noEffect(
  state: PropertyState,
  acting: Acting,
  label: string,
  result: Attempt<unknown>,
): Effect {
  const full = `[org${acting.org.index}] ${who(acting.org, acting.actor.id)} ${label}`;
  state.trace.push(`#${state.trace.length + 1} ${full} → ${describeAttempt(result)}`);
  return {
    org: acting.org,
    actor: acting.actor,
    label: full,
    result,
    stale: false,
    mustFail: false,
    requires: null,
    changes: 0,
    modified: [],
    grants: [],
    roleEdit: null,
    created: { users: [], roles: [], locations: [] },
  };
}
