import { defaultCatalog } from "../../access/catalog";
import { attempt, ensure } from "./attempt";
import { type Effect, noEffect, resolveActor, staleVersion, who } from "./effect";
import { missing, type PropertyState, pick } from "./model";
import type { Operation } from "./operations";

type Op<K extends Operation["kind"]> = Extract<Operation, { kind: K }>;

const CATALOG: readonly string[] = defaultCatalog.permissions;

const byMask = (items: readonly string[], mask: number): string[] =>
  items.filter((_, i) => ((mask >>> i) & 1) === 1);

/**
 * W7: a role from a subset of the actor's permissions or of the catalog, sometimes with one more (R3).
 *
 * @example await execCreateRole(state, { kind: "createRole", org: 0, actor: { mainContact: false, index: 2 }, fromActor: true, mask: 5, extra: 3 });
 */
export async function execCreateRole(state: PropertyState, op: Op<"createRole">): Promise<Effect> {
  const acting = await resolveActor(state, op.org, op.actor);
  const base = op.fromActor ? [...acting.actor.permissions].sort() : [...CATALOG];
  const extra = op.extra === null ? [] : [pick(CATALOG, op.extra) ?? "calendar.view"];
  const permissions = [...new Set([...byMask(base, op.mask), ...extra])];
  state.seq += 1;
  const name = `Gen Role ${state.seq}`;
  const label = `roles.create ${name} ${JSON.stringify(permissions)}`;
  const result = await attempt(label, () => acting.dir.roles.create({ name, permissions }));
  const effect = { ...noEffect(state, acting, label, result), requires: "roles.manage" };
  if (!result.ok) return effect;
  const lacking = missing(result.value.permissions, acting.actor.permissions);
  ensure(
    state.trace,
    lacking.length === 0,
    `R3: a role was created with permissions the actor lacks: ${lacking}`,
  );
  return { ...effect, changes: 1, created: { users: [], roles: [result.value.id], locations: [] } };
}

/**
 * W7: toggles permissions of a role (R3: only ones the actor holds; never its own role).
 *
 * @example await execToggleRole(state, { kind: "toggleRole", org: 0, actor: { mainContact: true }, role: 4, fromActor: true, toggles: [1], stale: false });
 */
export async function execToggleRole(state: PropertyState, op: Op<"toggleRole">): Promise<Effect> {
  const acting = await resolveActor(state, op.org, op.actor);
  const { org } = acting;
  const roleId = pick(org.roleIds, op.role) ?? "";
  const before = org.snapshot.roles.get(roleId);
  const source = op.fromActor ? [...acting.actor.permissions].sort() : CATALOG;
  const toggles = [...new Set(op.toggles.map((i) => pick(source, i) ?? "calendar.view"))];
  const old = before?.permissions ?? [];
  const permissions = [
    ...old.filter((p) => !toggles.includes(p)),
    ...toggles.filter((p) => !old.includes(p)),
  ];
  const current = before?.version ?? 1;
  const version = op.stale ? staleVersion(current) : current;
  const label = `roles.update ${before?.name ?? roleId} toggle ${JSON.stringify(toggles)} v${version}${op.stale ? " (stale)" : ""}`;
  const result = await attempt(label, () => acting.dir.roles.update(roleId, { permissions }, { version }));
  const effect = { ...noEffect(state, acting, label, result), stale: op.stale, requires: "roles.manage" };
  if (!result.ok) return effect;
  const after = result.value.permissions;
  const added = after.filter((p) => !old.includes(p));
  const removed = old.filter((p) => !after.includes(p));
  const lacking = missing([...added, ...removed], acting.actor.permissions);
  ensure(state.trace, lacking.length === 0, `R3: permissions toggled that the actor lacks: ${lacking}`);
  const scope = acting.actor.locations;
  if (scope !== null && added.length + removed.length > 0) {
    const outside = [...org.snapshot.users.values()].filter(
      (u) =>
        u.roleId === roleId &&
        (u.locationAccess === "organization" || u.locationAccess.some((l) => !scope.has(l))),
    );
    ensure(
      state.trace,
      outside.length === 0,
      `R4: a location-limited actor changed the permissions of ${outside.map((u) => who(org, u.id)).join(", ")} (holders of the role) outside its locations`,
    );
  }
  const ownRole = acting.actor.user?.roleId === roleId;
  ensure(
    state.trace,
    !ownRole || added.length + removed.length === 0,
    "R3: an actor changed its own role's permissions",
  );
  return {
    ...effect,
    changes: result.value.version !== before?.version ? 1 : 0,
    roleEdit: { roleId, added },
  };
}

/**
 * W8: create a location (org-wide actors only).
 *
 * @example await execCreateLocation(state, { kind: "createLocation", org: 1, actor: { mainContact: true } });
 */
export async function execCreateLocation(state: PropertyState, op: Op<"createLocation">): Promise<Effect> {
  const acting = await resolveActor(state, op.org, op.actor);
  state.seq += 1;
  const name = `Gen Clinic ${state.seq}`;
  const result = await attempt(name, () => acting.dir.locations.create({ name }));
  const effect = {
    ...noEffect(state, acting, `locations.create ${name}`, result),
    requires: "locations.manage",
  };
  if (!result.ok) return effect;
  ensure(state.trace, acting.actor.locations === null, "a location-limited actor created a location");
  return { ...effect, changes: 1, created: { users: [], roles: [], locations: [result.value.id] } };
}

/**
 * W8: archive a location, with the current or a stale version.
 *
 * @example await execArchive(state, { kind: "archiveLocation", org: 0, actor: { mainContact: true }, location: 2, stale: true });
 */
export async function execArchive(state: PropertyState, op: Op<"archiveLocation">): Promise<Effect> {
  const acting = await resolveActor(state, op.org, op.actor);
  const { org } = acting;
  const locationId = pick(org.locationIds, op.location) ?? "";
  const before = org.snapshot.locations.get(locationId);
  const version = op.stale ? staleVersion(before?.version ?? 1) : (before?.version ?? 1);
  const label = `locations.archive ${before?.name ?? locationId} v${version}${op.stale ? " (stale)" : ""}`;
  const result = await attempt(label, () => acting.dir.locations.archive(locationId, { version }));
  const effect = { ...noEffect(state, acting, label, result), stale: op.stale, requires: "locations.manage" };
  if (!result.ok) return effect;
  const scope = acting.actor.locations;
  ensure(
    state.trace,
    scope === null || scope.has(locationId),
    "R4: a limited actor archived a location outside its own",
  );
  return { ...effect, changes: 1 };
}

/**
 * R7: hand the main-contact role over.
 *
 * @example await execHandOver(state, { kind: "handOver", org: 0, actor: { mainContact: true }, target: 1 });
 */
export async function execHandOver(state: PropertyState, op: Op<"handOver">): Promise<Effect> {
  const acting = await resolveActor(state, op.org, op.actor);
  const { org } = acting;
  const targetId = pick(org.userIds, op.target) ?? "";
  const before = org.snapshot.organization;
  const label = `hand main contact to ${who(org, targetId)}`;
  const result = await attempt(label, () =>
    acting.dir.organization.update({ mainContactUserId: targetId }, { version: before.version }),
  );
  const effect = { ...noEffect(state, acting, label, result), requires: "organization.manage" };
  if (!result.ok) return effect;
  const changed = result.value.version !== before.version;
  if (changed) {
    ensure(state.trace, acting.actor.isMainContact, "R7: a non-main-contact handed the main contact over");
    const heir = org.snapshot.users.get(targetId);
    const heirRole = heir ? org.snapshot.roles.get(heir.roleId) : undefined;
    ensure(
      state.trace,
      heir?.status === "active" && heirRole?.permissions.includes("users.manage") === true,
      "R7: the main contact went to someone who is not an active administrator",
    );
  }
  return { ...effect, changes: changed ? 1 : 0 };
}
