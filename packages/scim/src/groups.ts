import {
  DirectoryError,
  type DirectoryGroup,
  isGroupMember,
  joinGroupPatch,
  leaveGroupPatch,
  type User,
} from "@staffroom/core";
import { URN } from "./constants";
import type { RequestContext } from "./context";
import { canonicalDocument, isObject, type Json } from "./document";
import { ScimError } from "./error";
import { matches, type Scope, validateFilter } from "./evaluate";
import { type Filter, parsePath } from "./filter";
import { applyPatch, type PatchOperation, patchOperations } from "./patch";
import { etagOf, type IfMatch, requireMatch } from "./precondition";
import { COMMON_ATTRIBUTES, GROUP_SCHEMA } from "./schemas";
import type { ListQuery } from "./users";

/** What Group filters and paths resolve against. */
export const GROUP_SCOPE: Scope = {
  coreUrn: URN.group,
  attributes: [...COMMON_ATTRIBUTES, ...GROUP_SCHEMA.attributes],
  extensions: new Map(),
};

const STATUSES = ["active", "pending", "disabled"] as const;

/** Every user of the group the token can see (derived from role and locations, never stored). */
export async function membersOf(ctx: RequestContext, group: DirectoryGroup): Promise<User[]> {
  const out: User[] = [];
  const first = Array.isArray(group.locationAccess) ? group.locationAccess[0] : undefined;
  const query = group.roleId !== null ? { roleId: group.roleId } : first ? { locationId: first } : {};
  for (const status of STATUSES) {
    let cursor: string | null = null;
    for (;;) {
      const page = await ctx.staff.users.list({ ...query, status, sort: "email", limit: 200, cursor });
      for (const user of page.items) if (isGroupMember(user, group)) out.push(user);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  }
  return out;
}

async function groupDocument(
  ctx: RequestContext,
  group: DirectoryGroup,
  withMembers: boolean,
): Promise<Json> {
  const members = withMembers ? await membersOf(ctx, group) : null;
  return {
    schemas: [URN.group],
    id: group.id,
    displayName: group.displayName,
    ...(members
      ? {
          members: members.map((u) => ({
            value: u.id,
            $ref: `${ctx.base}/Users/${u.id}`,
            display: u.displayName,
            type: "User",
          })),
        }
      : {}),
    meta: {
      resourceType: "Group",
      ...(group.createdAt ? { created: group.createdAt } : {}),
      ...(group.updatedAt ? { lastModified: group.updatedAt } : {}),
      location: `${ctx.base}/Groups/${group.id}`,
      version: etagOf(group.version),
    },
  };
}

/** Whether a filter names `members` anywhere (then members must be loaded to match it). */
function mentionsMembers(filter: Filter): boolean {
  switch (filter.kind) {
    case "and":
    case "or":
      return mentionsMembers(filter.left) || mentionsMembers(filter.right);
    case "not":
      return mentionsMembers(filter.filter);
    default:
      return filter.path.attr.toLowerCase() === "members";
  }
}

async function findGroup(
  ctx: RequestContext,
  id: string,
  ifMatch: IfMatch | null = null,
): Promise<DirectoryGroup> {
  const group = (await ctx.groups()).find((g) => g.id === id);
  if (!group) throw new ScimError(404, null, `Group ${id} not found.`);
  requireMatch(ifMatch, group.version, `Group ${id}`);
  return group;
}

/**
 * `GET /Groups`: the organization's roles by name and its mapped groups, filtered (any filter: the
 * groups are few) and paged. Members are loaded only when the answer includes them or the filter
 * names them (`excludedAttributes=members`, as Entra asks, costs one query).
 */
export async function listGroups(
  ctx: RequestContext,
  query: ListQuery,
  withMembers: boolean,
): Promise<{ total: number; documents: Json[] }> {
  if (query.filter) validateFilter(query.filter, GROUP_SCOPE);
  const groups = await ctx.groups();
  const needMembers = query.filter ? mentionsMembers(query.filter) : false;
  const matching: DirectoryGroup[] = [];
  for (const group of groups) {
    if (!query.filter) matching.push(group);
    else if (matches(query.filter, await groupDocument(ctx, group, needMembers), GROUP_SCOPE))
      matching.push(group);
  }
  const page = matching.slice(query.startIndex - 1, query.startIndex - 1 + query.count);
  const documents: Json[] = [];
  for (const group of page) documents.push(await groupDocument(ctx, group, withMembers));
  return { total: matching.length, documents };
}

/** `GET /Groups/{id}`. */
export async function groupResource(ctx: RequestContext, id: string, withMembers: boolean): Promise<Json> {
  return groupDocument(ctx, await findGroup(ctx, id), withMembers);
}

/** Users named as members, each one the token can see; `invalidValue` (before any write) otherwise. */
async function resolveMembers(ctx: RequestContext, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    if (!(await ctx.userOrNull(id)))
      throw new ScimError(400, "invalidValue", `members: no user ${id} to add or remove.`);
  }
  return unique;
}

/** Puts a user into, or takes them out of, a group through `users.update` with the version read. */
async function move(
  ctx: RequestContext,
  group: DirectoryGroup,
  userId: string,
  join: boolean,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const user = await ctx.userOrNull(userId);
    if (!user) throw new ScimError(400, "invalidValue", `members: no user ${userId}.`);
    const [groups, settings] = await Promise.all([ctx.groups(), ctx.settings()]);
    const patch = join ? joinGroupPatch(user, group) : leaveGroupPatch(user, group, groups, settings);
    if (!patch) return;
    try {
      await ctx.staff.users.update(user.id, patch, { version: user.version });
      return;
    } catch (error) {
      if (!(error instanceof DirectoryError && error.code === "stale") || attempt >= 3) throw error;
    }
  }
}

/** Member ids in a value list (`[{ value }]`, a single `{ value }`). */
function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((m, i) => {
    const id = isObject(m)
      ? m[Object.keys(m).find((k) => k.toLowerCase() === "value") ?? "value"]
      : undefined;
    if (typeof id !== "string") throw new ScimError(400, "invalidValue", `members[${i}].value is a user id.`);
    return id;
  });
}

/** `members[value eq "a"]`, `members[value eq "a" or value eq "b"]`: the ids, or null for other filters. */
function idsOfFilter(filter: Filter): string[] | null {
  if (filter.kind === "or") {
    const a = idsOfFilter(filter.left);
    const b = idsOfFilter(filter.right);
    return a && b ? [...a, ...b] : null;
  }
  if (
    filter.kind === "compare" &&
    filter.op === "eq" &&
    filter.path.attr.toLowerCase() === "value" &&
    filter.path.sub === null &&
    typeof filter.value === "string"
  )
    return [filter.value];
  return null;
}

/** A displayName write must name the group as it is: renaming happens in Staffroom. */
function requireSameName(group: DirectoryGroup, value: unknown): void {
  if (typeof value !== "string" || value.trim().toLowerCase() !== group.displayName.toLowerCase())
    throw new ScimError(
      400,
      "mutability",
      `displayName: "${group.displayName}" is a Staffroom role or mapped group; rename it in Staffroom.`,
    );
}

/** The joins and leaves of membership-only operations, or null when one needs the whole member list. */
function fastPlan(
  group: DirectoryGroup,
  operations: readonly PatchOperation[],
): { join: string[]; leave: string[] } | null {
  const join: string[] = [];
  const leave: string[] = [];
  for (const op of operations) {
    if (op.path === null) {
      if (!isObject(op.value) || op.op !== "add") return null;
      for (const [key, value] of Object.entries(op.value)) {
        if (key.toLowerCase() === "members") join.push(...memberIds(value));
        else if (key.toLowerCase() === "displayname") requireSameName(group, value);
        else return null;
      }
      continue;
    }
    const path = op.path.trim();
    if (path.toLowerCase() === "displayname") {
      if (op.op === "remove") throw new ScimError(400, "mutability", "displayName cannot be removed.");
      requireSameName(group, op.value);
      continue;
    }
    if (path.toLowerCase() === "members") {
      if (op.op === "add") join.push(...memberIds(op.value));
      else if (op.op === "remove" && op.value !== undefined && op.value !== null)
        leave.push(...memberIds(op.value));
      else return null;
      continue;
    }
    const named = op.op === "remove" ? filterIds(path) : null;
    if (!named) return null;
    leave.push(...named);
  }
  return { join, leave };
}

/** The ids `members[value eq "a" or value eq "b"]` names, or null for any other path. */
function filterIds(text: string): string[] | null {
  if (!/^members\s*\[/i.test(text)) return null;
  const path = parsePath(text, [URN.group]);
  return path.attr.toLowerCase() === "members" && path.filter && path.sub === null
    ? idsOfFilter(path.filter)
    : null;
}

/**
 * `PATCH /Groups/{id}` (204): members added and removed in both shapes — Entra's
 * `{ op: "Remove", path: "members", value: [{ value }] }` and RFC's `members[value eq "…"]` —
 * and any other RFC operation on `members` against the whole member list. A user joins or leaves
 * by the composition rules of core's `joinGroupPatch` / `leaveGroupPatch`; each change is a
 * `users.update` with the version read, so every rule applies (R3 the token's roles, R4 its
 * locations, R6, R7, R8). All members are resolved before the first write. `If-Match` names the
 * group's version (its name and mapping: the role's version, or the settings' for a mapped group);
 * membership is each user's own, written with the user's version (412 on another group version).
 */
export async function patchGroup(
  ctx: RequestContext,
  id: string,
  body: unknown,
  ifMatch: IfMatch | null = null,
): Promise<void> {
  const group = await findGroup(ctx, id, ifMatch);
  const operations = patchOperations(body);
  let plan = fastPlan(group, operations);
  if (!plan) {
    const members = await membersOf(ctx, group);
    const doc = await groupDocument(ctx, group, false);
    doc.members = members.map((u) => ({ value: u.id, display: u.displayName, type: "User" }));
    const next = applyPatch(doc, operations, GROUP_SCOPE);
    if (typeof next.displayName === "string") requireSameName(group, next.displayName);
    const wanted = new Set(memberIds(Array.isArray(next.members) ? next.members : []));
    const had = new Set(members.map((u) => u.id));
    plan = { join: [...wanted].filter((m) => !had.has(m)), leave: [...had].filter((m) => !wanted.has(m)) };
  }
  const join = await resolveMembers(ctx, plan.join);
  const leave = await resolveMembers(
    ctx,
    plan.leave.filter((m) => !join.includes(m)),
  );
  for (const userId of join) await move(ctx, group, userId, true);
  for (const userId of leave) await move(ctx, group, userId, false);
}

/**
 * `PUT /Groups/{id}`: `displayName` as it is, `members` exactly the given users (every member the
 * body leaves out leaves the group). Answers the group. `If-Match` as for {@link patchGroup}.
 */
export async function replaceGroup(
  ctx: RequestContext,
  id: string,
  body: unknown,
  ifMatch: IfMatch | null = null,
): Promise<Json> {
  const group = await findGroup(ctx, id, ifMatch);
  const doc = canonicalDocument(body, GROUP_SCOPE);
  if (doc.displayName !== undefined) requireSameName(group, doc.displayName);
  const wanted = new Set(memberIds(Array.isArray(doc.members) ? doc.members : []));
  const members = await membersOf(ctx, group);
  const had = new Set(members.map((u) => u.id));
  const join = await resolveMembers(
    ctx,
    [...wanted].filter((m) => !had.has(m)),
  );
  const leave = [...had].filter((m) => !wanted.has(m));
  for (const userId of join) await move(ctx, group, userId, true);
  for (const userId of leave) await move(ctx, group, userId, false);
  return groupDocument(ctx, group, true);
}

/**
 * `POST /Groups`: Staffroom's groups are its roles and the groups an administrator mapped, so a
 * group is never created here: a name that exists is `uniqueness` (409, with its id, as Entra
 * expects before it links it); any other is 403 with where to create it.
 */
export async function createGroup(ctx: RequestContext, body: unknown): Promise<never> {
  const doc = canonicalDocument(body, GROUP_SCOPE);
  if (typeof doc.displayName !== "string" || doc.displayName.trim() === "")
    throw new ScimError(400, "invalidValue", "displayName is required.");
  const name = doc.displayName.trim().toLowerCase();
  const existing = (await ctx.groups()).find((g) => g.displayName.toLowerCase() === name);
  if (existing)
    throw new ScimError(
      409,
      "uniqueness",
      `A group named "${existing.displayName}" exists: its id is ${existing.id}.`,
    );
  throw new ScimError(
    403,
    null,
    `R2: a provisioning token creates no groups. Groups are Staffroom's roles (by name) and the groups an administrator maps in Settings › Provisioning; create the role or map "${doc.displayName.trim()}" there.`,
  );
}

/** `DELETE /Groups/{id}`: 403 — roles and mappings are removed in Staffroom, not by a token. */
export async function deleteGroup(
  ctx: RequestContext,
  id: string,
  ifMatch: IfMatch | null = null,
): Promise<never> {
  const group = await findGroup(ctx, id, ifMatch);
  throw new ScimError(
    403,
    null,
    `R2: "${group.displayName}" is a Staffroom role or mapped group; a provisioning token does not delete it. Remove its members, or unmap it in Settings › Provisioning.`,
  );
}
