import type { StaffDirectory } from "../../directory/staff-directory";
import type { Location } from "../../locations/location.schema";
import type { Organization } from "../../organization/organization.schema";
import type { Role } from "../../roles/role.schema";
import type { User } from "../../users/user.schema";
import type { ConformanceWorld } from "../conformance/world";

/**
 * Which of the two organizations of a run.
 *
 * @example state.orgs[1 satisfies OrgIndex]
 */
export type OrgIndex = 0 | 1;

/**
 * Everything the observer of one organization can read, taken after every step.
 *
 * @example const snapshot: Snapshot = await readSnapshot(org.observer);
 */
export interface Snapshot {
  readonly organization: Organization;
  /** Every user in any tab, by id. */
  readonly users: ReadonlyMap<string, User>;
  readonly roles: ReadonlyMap<string, Role>;
  readonly locations: ReadonlyMap<string, Location>;
  /** `audit.list().total`. */
  readonly auditTotal: number;
}

/**
 * The model of one organization. Arrays only grow (deleted users stay as stale references), so
 * generated indexes keep meaning the same thing while fast-check shrinks a sequence.
 *
 * @example const id = pick(org.userIds, op.target);
 */
export interface OrgModel {
  readonly index: OrgIndex;
  readonly id: string;
  /** An org-wide, non-administrator reader (users.view + audit.view) that no operation targets. */
  readonly observer: StaffDirectory;
  readonly observerUserId: string;
  readonly observerRoleId: string;
  /** Users that operations may act as or target, in creation order (the owner first). */
  readonly userIds: string[];
  /** Roles operations may grant or edit (the observer's role excluded). */
  readonly roleIds: string[];
  readonly locationIds: string[];
  /** Emails used in this organization, for duplicate and cross-organization email attempts. */
  readonly emails: string[];
  /**
   * R3 provenance: per user, the permissions its holder may legitimately have: those of the actor
   * that last gave it its role, plus permissions later added to that role by actors holding them.
   */
  readonly justified: Map<string, ReadonlySet<string>>;
  snapshot: Snapshot;
}

/**
 * The state of one property run.
 *
 * @example const state: PropertyState = await buildState(await factory());
 */
export interface PropertyState {
  readonly world: ConformanceWorld;
  readonly orgs: readonly [OrgModel, OrgModel];
  /** Counter for unique emails and names. */
  seq: number;
  /** Human-readable log of the resolved operations and their outcomes, for counterexamples. */
  readonly trace: string[];
  readonly directories: Map<string, StaffDirectory>;
}

/**
 * The actor as the last snapshot shows it.
 *
 * @example actorInfo(org, userId).permissions.has("users.manage")
 */
export interface ActorInfo {
  readonly id: string;
  readonly org: OrgIndex;
  readonly user: User | undefined;
  readonly active: boolean;
  readonly permissions: ReadonlySet<string>;
  /** Null when org-wide. */
  readonly locations: ReadonlySet<string> | null;
  readonly isMainContact: boolean;
}

/**
 * The element at `index` modulo the length (generated indexes stay valid as arrays grow or shrink).
 *
 * @example pick(["a", "b"], 3) // "b"
 */
export function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[Math.abs(index) % items.length];
}

/**
 * The permissions of a user's role in a snapshot (empty when the user or role is gone).
 *
 * @example permissionsOf(snapshot, user).has("users.manage")
 */
export function permissionsOf(snapshot: Snapshot, user: User | undefined): ReadonlySet<string> {
  if (!user) return new Set();
  return new Set(snapshot.roles.get(user.roleId)?.permissions ?? []);
}

/**
 * Who an actor is right before an operation.
 *
 * @example const actor = actorInfo(state.orgs[0], userId);
 */
export function actorInfo(org: OrgModel, id: string): ActorInfo {
  const user = org.snapshot.users.get(id);
  const active = user?.status === "active";
  return {
    id,
    org: org.index,
    user,
    active,
    permissions: active ? permissionsOf(org.snapshot, user) : new Set(),
    locations: !user || user.locationAccess === "organization" ? null : new Set(user.locationAccess),
    isMainContact: org.snapshot.organization.mainContactUserId === id,
  };
}

/**
 * The directory acting as a user (cached per organization and user).
 *
 * @example const dir = await directoryOf(state, 0, userId);
 */
export async function directoryOf(
  state: PropertyState,
  org: OrgIndex,
  userId: string,
): Promise<StaffDirectory> {
  const orgId = state.orgs[org].id;
  const key = `${orgId}:${userId}`;
  const cached = state.directories.get(key);
  if (cached) return cached;
  const dir = await state.world.as(userId, orgId);
  state.directories.set(key, dir);
  return dir;
}

/** True when every element of `inner` is in `outer`. @example isSubset(["a"], new Set(["a", "b"])) */
export function isSubset(inner: Iterable<string>, outer: ReadonlySet<string>): boolean {
  for (const x of inner) if (!outer.has(x)) return false;
  return true;
}

/** The elements of `inner` missing from `outer`. @example missing(["a", "c"], new Set(["a"])) // ["c"] */
export function missing(inner: Iterable<string>, outer: ReadonlySet<string>): string[] {
  return [...inner].filter((x) => !outer.has(x));
}
