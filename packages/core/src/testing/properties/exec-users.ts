import type { User } from "../../users/user.schema";
import type { UserPatch } from "../../users/user-input.schema";
import { FIXTURE_PASSWORD } from "../fixtures";
import { attempt, ensure } from "./attempt";
import {
  type Acting,
  type Effect,
  noEffect,
  places,
  resolveAccess,
  resolveActor,
  staleVersion,
  who,
} from "./effect";
import { type OrgModel, type PropertyState, permissionsOf, pick } from "./model";
import type { Operation } from "./operations";
import { nextEmail } from "./setup";

type Op<K extends Operation["kind"]> = Extract<Operation, { kind: K }>;

const TITLES = ["RN", "MD", "NP", null, "PA"] as const;

const isAdmin = (org: OrgModel, user: User | undefined): boolean =>
  permissionsOf(org.snapshot, user).has("users.manage");

/** R7: only the main contact removes, disables or demotes an administrator; nobody does it to themselves. */
function checkRemoval(state: PropertyState, acting: Acting, before: User | undefined, what: string): void {
  ensure(
    state.trace,
    before?.id !== acting.actor.id,
    `R7: ${who(acting.org, acting.actor.id)} managed to ${what} itself`,
  );
  if (isAdmin(acting.org, before)) {
    ensure(
      state.trace,
      acting.actor.isMainContact,
      `R7: a non-main-contact managed to ${what} an administrator`,
    );
  }
}

/**
 * W1/W2: create or invite a user with a role and locations.
 *
 * @example await execCreate(state, { kind: "invite", org: 1, actor: { mainContact: false, index: 2 }, role: 3, access: { orgWide: false, locations: [0], primary: 0 }, email: { reuse: false } });
 */
export async function execCreate(state: PropertyState, op: Op<"create" | "invite">): Promise<Effect> {
  const acting = await resolveActor(state, op.org, op.actor);
  const { org, dir } = acting;
  const roleId = pick(org.roleIds, op.role) ?? "";
  const reused = op.email.reuse ? pick(state.orgs[op.email.org].emails, op.email.index) : undefined;
  const email = reused ?? nextEmail(state, op.org);
  state.seq += 1;
  const fields = {
    email,
    profile: { givenName: "Gen", familyName: `P${state.seq}` },
    roleId,
    ...resolveAccess(org, op.access),
  };
  const label = `${op.kind} ${email} role=${org.snapshot.roles.get(roleId)?.name ?? roleId} at ${places(org, fields.locationAccess)}`;
  const result =
    op.kind === "create"
      ? await attempt(label, () => dir.users.create({ ...fields, password: FIXTURE_PASSWORD }))
      : await attempt(label, async () => (await dir.users.invite(fields)).user);
  const effect = noEffect(state, acting, label, result);
  if (!result.ok) return { ...effect, requires: "users.manage" };
  const user = result.value;
  ensure(state.trace, user.roleId === roleId, `${op.kind} returned role ${user.roleId}, asked ${roleId}`);
  return {
    ...effect,
    requires: "users.manage",
    changes: 1,
    modified: [{ userId: user.id, before: undefined, after: user }],
    grants: [user.id],
    created: { users: [user], roles: [], locations: [] },
  };
}

/**
 * W4: role, locations or profile, with the current or a stale version.
 *
 * @example await execUpdate(state, { kind: "setRole", org: 0, actor: { mainContact: true }, target: 1, role: 2, stale: true });
 */
export async function execUpdate(
  state: PropertyState,
  op: Op<"setRole" | "setLocations" | "setProfile">,
): Promise<Effect> {
  const acting = await resolveActor(state, op.org, op.actor);
  const { org, dir } = acting;
  const targetId = pick(org.userIds, op.target) ?? "";
  const before = org.snapshot.users.get(targetId);
  const current = before?.version ?? 1;
  const version = op.stale ? staleVersion(current) : current;
  let patch: UserPatch;
  if (op.kind === "setRole") patch = { roleId: pick(org.roleIds, op.role) ?? "" };
  else if (op.kind === "setLocations") patch = resolveAccess(org, op.access);
  else patch = { profile: { title: TITLES[op.title % TITLES.length] ?? null } };
  const change =
    op.kind === "setRole"
      ? `role=${org.snapshot.roles.get(patch.roleId ?? "")?.name ?? patch.roleId}`
      : op.kind === "setLocations"
        ? `access=${places(org, patch.locationAccess)}`
        : JSON.stringify(patch);
  const label = `update ${who(org, targetId)} ${change} v${version}${op.stale ? " (stale)" : ""}`;
  const result = await attempt(label, () => dir.users.update(targetId, patch, { version }));
  const effect = { ...noEffect(state, acting, label, result), stale: op.stale, requires: "users.manage" };
  if (!result.ok) return effect;
  const after = result.value;
  ensure(state.trace, after.id === targetId, `update returned another user ${after.id}`);
  const changed = after.version !== before?.version;
  const roleChanged = before !== undefined && before.roleId !== after.roleId;
  const accessChanged = JSON.stringify(before?.locationAccess) !== JSON.stringify(after.locationAccess);
  if (targetId === acting.actor.id) {
    ensure(state.trace, !roleChanged && !accessChanged, "R3/R7: an actor changed its own role or locations");
  }
  if (roleChanged && isAdmin(org, before) && !permissionsOf(org.snapshot, after).has("users.manage")) {
    checkRemoval(state, acting, before, "demote");
  }
  return {
    ...effect,
    changes: changed ? 1 : 0,
    modified: changed ? [{ userId: targetId, before, after }] : [],
    grants: roleChanged ? [targetId] : [],
  };
}

/**
 * W6 and W2: disable, restore, delete or revoke, with the current or a stale version (R12).
 *
 * @example await execLifecycle(state, { kind: "disable", org: 0, actor: { mainContact: true }, target: 1, stale: false });
 */
export async function execLifecycle(
  state: PropertyState,
  op: Op<"disable" | "restore" | "delete" | "revoke">,
): Promise<Effect> {
  const acting = await resolveActor(state, op.org, op.actor);
  const { org, dir } = acting;
  const targetId = pick(org.userIds, op.target) ?? "";
  const before = org.snapshot.users.get(targetId);
  const { stale } = op;
  // A missing target is not_found whatever version the write names.
  const current = before?.version ?? 1;
  const options = { version: stale ? staleVersion(current) : current };
  const label = `${op.kind} ${who(org, targetId)} ${JSON.stringify(options)}${stale ? " (stale)" : ""}`;
  const result = await attempt(label, async (): Promise<User | null> => {
    if (op.kind === "disable") return dir.users.disable(targetId, options);
    if (op.kind === "restore") return dir.users.restore(targetId, options);
    if (op.kind === "delete") await dir.users.delete(targetId, options);
    else await dir.users.revokeInvitation(targetId, options);
    return null;
  });
  const effect = { ...noEffect(state, acting, label, result), stale, requires: "users.manage" };
  if (!result.ok) return effect;
  if (op.kind === "disable" || op.kind === "delete") checkRemoval(state, acting, before, op.kind);
  const expectedStatus = {
    disable: "active",
    restore: "disabled",
    delete: "disabled|pending",
    revoke: "pending",
  }[op.kind];
  ensure(
    state.trace,
    before !== undefined && expectedStatus.split("|").includes(before.status),
    `${op.kind} succeeded on a user that was ${before?.status ?? "missing"}`,
  );
  return { ...effect, changes: 1, modified: [{ userId: targetId, before, after: result.value }] };
}
