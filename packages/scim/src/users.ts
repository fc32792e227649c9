import {
  DirectoryError,
  isGroupMember,
  type ProvisionedAttributes,
  type ProvisionedAttributesPatch,
  ProvisionedAttributesPatchSchema,
  parseInput,
  provisionedUserStart,
  type User,
  type UserPatch,
  UserPatchSchema,
} from "@staffroom/core";
import { URN } from "./constants";
import type { RequestContext } from "./context";
import { canonicalDocument, isObject, type Json } from "./document";
import { ScimError } from "./error";
import { matches, validateFilter } from "./evaluate";
import type { Filter } from "./filter";
import { applyPatch, patchOperations } from "./patch";
import { type IfMatch, preconditionFailed, requireMatch } from "./precondition";
import {
  type DesiredUser,
  desiredUser,
  normalEmail,
  normalPhone,
  type UserFacts,
  userDocument,
  userScope,
} from "./user-resource";

const STATUSES = ["active", "pending", "disabled"] as const;
/** Most candidates a `displayName eq` filter may gather before answering `tooMany`. */
const MAX_CANDIDATES = 1000;

/** The SCIM facts of users: their IdP attributes and groups. */
export async function factsOf(ctx: RequestContext, users: readonly User[]): Promise<UserFacts[]> {
  const attributes = new Map<string, ProvisionedAttributes>();
  for (let i = 0; i < users.length; i += 500) {
    const ids = users.slice(i, i + 500).map((u) => u.id);
    for (const a of await ctx.staff.provisioning.attributes(ids)) attributes.set(a.userId, a);
  }
  const groups = await ctx.groups();
  return users.map((user) => ({
    user,
    attributes: attributes.get(user.id) ?? null,
    groups: groups.filter((g) => isGroupMember(user, g)),
  }));
}

/** One user's SCIM document; 404 when the token cannot see it. */
export async function userResource(ctx: RequestContext, id: string): Promise<Json> {
  const user = await ctx.userOrNull(id);
  if (!user) throw new ScimError(404, null, `User ${id} not found.`);
  const [facts] = await factsOf(ctx, [user]);
  return userDocument(facts as UserFacts, ctx.base);
}

/** Every page of one status tab's users, by email. */
async function walk(
  ctx: RequestContext,
  status: (typeof STATUSES)[number],
  query: { search?: string },
  take: (user: User) => boolean,
): Promise<void> {
  let cursor: string | null = null;
  for (;;) {
    const page = await ctx.staff.users.list({ ...query, status, sort: "email", limit: 200, cursor });
    for (const user of page.items) if (!take(user)) return;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/**
 * The users an indexed term of a filter narrows to, or null when the filter has none: `userName`,
 * `emails…value`, `externalId`, `id` and `displayName` with `eq` (through `and`, and `or` when
 * both sides have one). Core finds the first four exactly; `displayName` through its search.
 */
async function candidates(ctx: RequestContext, filter: Filter): Promise<User[] | null> {
  if (filter.kind === "and") return (await candidates(ctx, filter.left)) ?? candidates(ctx, filter.right);
  if (filter.kind === "or") {
    const [a, b] = [await candidates(ctx, filter.left), await candidates(ctx, filter.right)];
    if (!a || !b) return null;
    return [...a, ...b.filter((u) => !a.some((x) => x.id === u.id))];
  }
  if (filter.kind !== "compare" || filter.op !== "eq" || typeof filter.value !== "string") return null;
  const path = filter.path;
  if (path.urn !== null && path.urn.toLowerCase() !== URN.user.toLowerCase()) return null;
  const attr = path.attr.toLowerCase();
  const value = filter.value;
  const found = (u: User | null) => (u ? [u] : []);
  if (attr === "username" && path.sub === null)
    return found(await ctx.staff.provisioning.findUser({ email: value }));
  if (attr === "emails" && (path.sub === null || path.sub.toLowerCase() === "value"))
    return found(await ctx.staff.provisioning.findUser({ email: value }));
  if (attr === "externalid") return found(await ctx.staff.provisioning.findUser({ externalId: value }));
  if (attr === "id")
    return found(/^[a-z]{3}_[0-9a-z]{10,40}$/.test(value) ? await ctx.userOrNull(value) : null);
  if (attr === "displayname") {
    if (value.trim() === "" || value.length > 200) return [];
    const out: User[] = [];
    for (const status of STATUSES) {
      await walk(ctx, status, { search: value }, (user) => {
        if (out.length >= MAX_CANDIDATES)
          throw new ScimError(
            400,
            "tooMany",
            "Too many users match this displayName; add userName or externalId.",
          );
        out.push(user);
        return true;
      });
    }
    return out;
  }
  return null;
}

/** Query parameters of a list request. */
export interface ListQuery {
  readonly filter: Filter | null;
  readonly startIndex: number;
  readonly count: number;
}

/**
 * `GET /Users`: a ListResponse page. Without a filter, every user the token sees — active, then
 * pending, then disabled, each by email — counted by core; with one, the users an indexed term
 * finds, matched against the whole filter.
 */
export async function listUsers(
  ctx: RequestContext,
  query: ListQuery,
): Promise<{ total: number; documents: Json[] }> {
  const scope = userScope(ctx.options.passwords);
  if (query.filter) {
    validateFilter(query.filter, scope);
    const found = await candidates(ctx, query.filter);
    if (found === null)
      throw new ScimError(
        400,
        "invalidFilter",
        'Filter on userName, emails.value, externalId, id or displayName with eq (and, or): for example userName eq "jane@clinic.org".',
      );
    const filter = query.filter;
    const documents = (await factsOf(ctx, found))
      .map((f) => userDocument(f, ctx.base))
      .filter((doc) => matches(filter, doc, scope));
    return {
      total: documents.length,
      documents: documents.slice(query.startIndex - 1, query.startIndex - 1 + query.count),
    };
  }
  const counts = await ctx.staff.users.counts({});
  const total = counts.active + counts.pending + counts.disabled;
  const page: User[] = [];
  let skip = query.startIndex - 1;
  for (const status of STATUSES) {
    if (page.length >= query.count) break;
    if (skip >= counts[status]) {
      skip -= counts[status];
      continue;
    }
    const key = (position: number) => `${ctx.actorId}|${status}|${position}`;
    let cursor = skip > 0 ? ctx.cursors.get(key(skip)) : null;
    let position = cursor ? skip : 0;
    if (cursor) skip = 0;
    for (;;) {
      const limit = Math.min(200, skip + query.count - page.length);
      const result = await ctx.staff.users.list({ status, sort: "email", limit, cursor });
      for (const user of result.items) {
        if (skip > 0) skip--;
        else if (page.length < query.count) page.push(user);
      }
      position += result.items.length;
      if (result.nextCursor) ctx.cursors.set(key(position), result.nextCursor);
      if (page.length >= query.count || !result.nextCursor) break;
      cursor = result.nextCursor;
    }
    skip = 0;
  }
  return { total, documents: (await factsOf(ctx, page)).map((f) => userDocument(f, ctx.base)) };
}

/** What the identity-provider attributes of a desired user change, or null. */
function attributesPatch(
  current: ProvisionedAttributes | null,
  desired: DesiredUser,
): ProvisionedAttributesPatch | null {
  const patch: { externalId?: string | null; employeeNumber?: string | null; department?: string | null } =
    {};
  if ((current?.externalId ?? null) !== desired.externalId) patch.externalId = desired.externalId;
  if ((current?.employeeNumber ?? null) !== desired.employeeNumber)
    patch.employeeNumber = desired.employeeNumber;
  if ((current?.department ?? null) !== desired.department) patch.department = desired.department;
  return Object.keys(patch).length ? patch : null;
}

/** What the email and profile of a desired user change, compared as core stores them, or null. */
function profilePatch(user: User, desired: DesiredUser): UserPatch | null {
  const p = user.profile;
  const profile: Record<string, string | null> = {};
  if (desired.givenName !== p.givenName) profile.givenName = desired.givenName;
  if (desired.familyName !== p.familyName) profile.familyName = desired.familyName;
  if (desired.jobTitle !== (p.jobTitle || null)) profile.jobTitle = desired.jobTitle;
  if (normalPhone(desired.primaryPhone) !== p.primaryPhone) profile.primaryPhone = desired.primaryPhone;
  if (normalPhone(desired.alternatePhone) !== p.alternatePhone)
    profile.alternatePhone = desired.alternatePhone;
  const email = normalEmail(desired.email);
  const patch: UserPatch = {
    ...(email !== user.email ? { email: desired.email } : {}),
    ...(Object.keys(profile).length ? { profile } : {}),
  };
  return Object.keys(patch).length ? patch : null;
}

/** 409 `uniqueness` when another user already has this email or external id (core refuses it too; asking first keeps a PATCH from half-applying). */
async function requireUnique(
  ctx: RequestContext,
  userId: string | null,
  desired: DesiredUser,
): Promise<void> {
  const byEmail = await ctx.staff.provisioning.findUser({ email: desired.email });
  if (byEmail && byEmail.id !== userId)
    throw new ScimError(409, "uniqueness", "userName: a user with this email already exists.");
  if (desired.externalId !== null) {
    const byId = await ctx.staff.provisioning.findUser({ externalId: desired.externalId });
    if (byId && byId.id !== userId)
      throw new ScimError(409, "uniqueness", "externalId: another user already has this external id.");
  }
}

/** One try of a read-modify-write: whether it has written yet (see {@link guarded}). */
interface Attempt {
  wrote: boolean;
}

/**
 * Brings a user to a desired state through core, each write with the version it read (R12): the
 * status first (disable or restore; a rule refusing it writes nothing else), then email and profile,
 * then the identity-provider attributes, then a password with `passwords: "set"`. Inputs are
 * checked with core's own schemas, and uniqueness asked, before the first write.
 */
async function bringTo(
  ctx: RequestContext,
  facts: UserFacts,
  desired: DesiredUser,
  attempt: Attempt,
): Promise<User> {
  let user = facts.user;
  const profile = profilePatch(user, desired);
  const attributes = attributesPatch(facts.attributes, desired);
  if (profile) parseInput(UserPatchSchema, profile);
  if (attributes) parseInput(ProvisionedAttributesPatchSchema, attributes);
  if (profile?.email !== undefined || attributes?.externalId) await requireUnique(ctx, user.id, desired);
  const staff = ctx.staff;
  const wrote = (next: User) => {
    attempt.wrote = true;
    user = next;
  };
  if (desired.active === false && user.status !== "disabled")
    wrote(await staff.users.disable(user.id, { version: user.version }));
  if (desired.active === true && user.status === "disabled")
    wrote(await staff.users.restore(user.id, { version: user.version }));
  if (profile) wrote(await staff.users.update(user.id, profile, { version: user.version }));
  if (attributes)
    wrote(await staff.provisioning.setAttributes(user.id, attributes, { version: user.version }));
  if (desired.password !== undefined)
    wrote(
      await staff.users.resetPassword(
        user.id,
        { mode: "temporary", password: desired.password, mustChangePassword: false },
        { version: user.version },
      ),
    );
  return user;
}

/**
 * Runs a read-modify-write of user `id` with the version it reads (R12), honouring `If-Match`
 * (RFC 7644 §3.14): the user read must be a version the client named (412 otherwise), and core
 * checks that version again on the first write, so a write racing in between is 412 too. Once a
 * write went through, the precondition has held; a `stale` after it (another writer between two of
 * this request's writes) runs the rest again from a fresh read, as a request without `If-Match`
 * does on any `stale`, up to three times (then 409).
 */
async function guarded<T>(
  ctx: RequestContext,
  id: string,
  ifMatch: IfMatch | null,
  work: (facts: UserFacts, attempt: Attempt) => Promise<T>,
): Promise<T> {
  const attempt: Attempt = { wrote: false };
  for (let tries = 1; ; tries++) {
    const facts = await current(ctx, id);
    const checked = !attempt.wrote && ifMatch !== null;
    if (checked) requireMatch(ifMatch, facts.user.version, `User ${id}`);
    try {
      return await work(facts, attempt);
    } catch (error) {
      if (!(error instanceof DirectoryError && error.code === "stale")) throw error;
      if (checked && !attempt.wrote) throw preconditionFailed(`User ${id}`);
      if (tries >= 3) throw error;
    }
  }
}

async function documentOf(ctx: RequestContext, user: User): Promise<Json> {
  const [facts] = await factsOf(ctx, [user]);
  return userDocument(facts as UserFacts, ctx.base);
}

/**
 * `POST /Users`: an active user with the organization's default role and locations
 * (`provisionedUserStart`), no password unless `passwords: "set"` (the person sets one through a
 * reset link); a person who already has an account in another organization is invited instead
 * (pending until they accept: their sign-in is theirs). `active: false` disables right after.
 */
export async function createUser(ctx: RequestContext, body: unknown): Promise<Json> {
  const scope = userScope(ctx.options.passwords);
  const doc = canonicalDocument(body, scope);
  const desired = desiredUser(doc, isObject(body) ? body : null, ctx.options.passwords);
  const start = provisionedUserStart(await ctx.settings());
  const base = {
    email: desired.email,
    profile: {
      givenName: desired.givenName,
      familyName: desired.familyName,
      jobTitle: desired.jobTitle,
      primaryPhone: desired.primaryPhone,
      alternatePhone: desired.alternatePhone,
    },
    ...start,
  };
  const attributes = attributesPatch(null, desired);
  if (attributes) parseInput(ProvisionedAttributesPatchSchema, attributes);
  await requireUnique(ctx, null, desired);
  let user: User;
  try {
    user = await ctx.staff.users.create({
      ...base,
      ...(desired.password !== undefined ? { password: desired.password, mustChangePassword: false } : {}),
    });
  } catch (error) {
    const elsewhere =
      error instanceof DirectoryError &&
      error.code === "conflict" &&
      error.issues.some((i) => i.code === "existing_account");
    if (!elsewhere) throw error;
    user = (await ctx.staff.users.invite(base)).user;
  }
  if (attributes)
    user = await ctx.staff.provisioning.setAttributes(user.id, attributes, { version: user.version });
  if (desired.active === false && user.status === "active")
    user = await ctx.staff.users.disable(user.id, { version: user.version });
  return documentOf(ctx, user);
}

async function current(ctx: RequestContext, id: string): Promise<UserFacts> {
  const user = await ctx.userOrNull(id);
  if (!user) throw new ScimError(404, null, `User ${id} not found.`);
  return (await factsOf(ctx, [user]))[0] as UserFacts;
}

/**
 * `PUT /Users/{id}`: the user becomes what the body says (RFC 7644 §3.5.1): writable attributes
 * absent from the body are cleared (title, phones, IdP attributes); `active` absent stays as is.
 * With `If-Match`, only the version it names is replaced (412 otherwise, {@link guarded}).
 */
export async function replaceUser(
  ctx: RequestContext,
  id: string,
  body: unknown,
  ifMatch: IfMatch | null = null,
): Promise<Json> {
  const scope = userScope(ctx.options.passwords);
  const doc = canonicalDocument(body, scope);
  const desired = desiredUser(doc, isObject(body) ? body : null, ctx.options.passwords);
  const user = await guarded(ctx, id, ifMatch, (facts, attempt) => bringTo(ctx, facts, desired, attempt));
  return documentOf(ctx, user);
}

/**
 * `PATCH /Users/{id}`: the operations applied to the user's document, then the user brought to
 * the result ({@link bringTo}). Answers 200 with the resource (Okta and Entra accept it). With
 * `If-Match`, only the version it names is patched (412 otherwise, {@link guarded}).
 */
export async function patchUser(
  ctx: RequestContext,
  id: string,
  body: unknown,
  ifMatch: IfMatch | null = null,
): Promise<Json> {
  const operations = patchOperations(body);
  const scope = userScope(ctx.options.passwords);
  const user = await guarded(ctx, id, ifMatch, (facts, attempt) => {
    const next = applyPatch(userDocument(facts, ctx.base), operations, scope);
    return bringTo(ctx, facts, desiredUser(next, null, ctx.options.passwords), attempt);
  });
  return documentOf(ctx, user);
}

/**
 * `DELETE /Users/{id}`: the person leaves the organization — disabled first when active (core
 * deletes only from disabled or pending), then deleted: W6's erasure when they belong nowhere
 * else. Every rule of both steps applies (R6, R7). With `If-Match`, only the version it names is
 * deleted (412 otherwise).
 */
export async function deleteUser(
  ctx: RequestContext,
  id: string,
  ifMatch: IfMatch | null = null,
): Promise<void> {
  await guarded(ctx, id, ifMatch, async (facts, attempt) => {
    let user = facts.user;
    if (user.status === "active") {
      user = await ctx.staff.users.disable(user.id, { version: user.version });
      attempt.wrote = true;
    }
    await ctx.staff.users.delete(user.id, { version: user.version });
  });
}
