import { canReadUsers, mayGrantRole, sharesLocation } from "../access/access.rules";
import type { Actor } from "../access/access.schema";
import { auditActor, auditTarget, diff } from "../audit/audit-writer";
import type { ServiceContext } from "../directory/context";
import { type ActorSession, readOp, writeOp } from "../directory/runner";
import { checkId, checkMetadata, parseInput } from "../directory/validate";
import { expectVersion, orStale, requireVersion } from "../directory/versions";
import { fail } from "../errors/directory-error";
import { locationInScope } from "../locations/locations.rules";
import { randomToken, sha256Hex } from "../ports/crypto";
import { EmailSchema } from "../primitives/contact.schema";
import { isPlainText } from "../primitives/text.schema";
import type {
  ProvisionedUserRecord,
  ProvisioningSettingsRecord,
  ProvisioningTokenRecord,
  UserRecord,
} from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import type { User } from "../users/user.schema";
import { managedUser } from "../users/user-target";
import { userView } from "../users/user-view";
import {
  canReadProvisioning,
  checkSettings,
  checkTokenGrant,
  directoryGroups,
  requireFreeExternalId,
  requireProvisioningManager,
} from "./provisioning.rules";
import {
  type CreatedProvisioningToken,
  CreateProvisioningTokenInputSchema,
  type DirectoryGroup,
  type ProvisionedAttributes,
  ProvisionedAttributesPatchSchema,
  ProvisionedLookupSchema,
  type ProvisioningGroup,
  type ProvisioningSettings,
  ProvisioningSettingsPatchSchema,
  type ProvisioningToken,
} from "./provisioning.schema";
import { isProvisioningTokenId } from "./token-id";

/** A token as administrators see it: everything but the secret's hash. */
function tokenView(record: ProvisioningTokenRecord): ProvisioningToken {
  const { secretHash: _hash, ...view } = record;
  return { ...view, roleIds: [...record.roleIds] };
}

function settingsView(
  organizationId: string,
  record: ProvisioningSettingsRecord | null,
): ProvisioningSettings {
  if (!record) {
    return {
      organizationId,
      defaultRoleId: null,
      defaultLocationAccess: null,
      defaultPrimaryLocationId: null,
      groups: [],
      version: 0,
      updatedAt: null,
    };
  }
  return { ...record, groups: record.groups.map((g) => ({ ...g })) };
}

/** Settings as read; `forbidden` for actors who neither configure provisioning nor are a token. */
export async function provisioningSettings(s: ActorSession): Promise<ProvisioningSettings> {
  return readOp(s, async (tx, a) => {
    if (!canReadProvisioning(a)) throw fail.forbidden();
    return settingsView(a.organization.id, await tx.getProvisioningSettings(a.organization.id));
  });
}

/**
 * Changes the default role and locations of provisioned users and the mapped groups, with the
 * version read (R12; 0 before the first save). R2/R4: org-wide `organization.manage` + `users.manage`;
 * R3: only roles and locations the administrator may give; R5/R8 via {@link checkSettings}.
 */
export async function updateProvisioningSettings(
  s: ActorSession,
  raw: unknown,
  options: unknown,
): Promise<ProvisioningSettings> {
  const version = requireVersion(options as { version?: unknown });
  const patch = parseInput(ProvisioningSettingsPatchSchema, raw);
  return writeOp(s, async (unit, a) => {
    requireProvisioningManager(a);
    const orgId = a.organization.id;
    const current = await unit.tx.getProvisioningSettings(orgId);
    expectVersion({ version: current?.version ?? 0 }, version);
    const before = settingsView(orgId, current);
    const known = new Map(before.groups.map((g) => [g.id, g]));
    const groups: ProvisioningGroup[] = (patch.groups ?? before.groups).map((g) => ({
      id: g.id !== undefined && known.has(g.id) ? g.id : s.ctx.ids("provisioningGroup"),
      displayName: g.displayName,
      roleId: g.roleId ?? null,
      locationAccess: g.locationAccess ?? null,
    }));
    const next: ProvisioningSettingsRecord = {
      organizationId: orgId,
      defaultRoleId: patch.defaultRoleId === undefined ? before.defaultRoleId : patch.defaultRoleId,
      defaultLocationAccess:
        patch.defaultLocationAccess === undefined
          ? before.defaultLocationAccess
          : patch.defaultLocationAccess,
      defaultPrimaryLocationId:
        patch.defaultPrimaryLocationId === undefined
          ? before.defaultPrimaryLocationId
          : patch.defaultPrimaryLocationId,
      groups,
      version: (current?.version ?? 0) + 1,
      updatedAt: unit.now,
    };
    const roles = await unit.tx.listRoles(orgId);
    checkSettings(roles, await unit.tx.listLocations(orgId), next);
    for (const id of [next.defaultRoleId, ...groups.map((g) => g.roleId)]) {
      const role = roles.find((r) => r.id === id);
      if (role && !mayGrantRole(a.subject, role))
        throw fail.forbidden("You cannot map a role with permissions you do not hold.");
    }
    const changes = diff(before, next, [
      "defaultRoleId",
      "defaultLocationAccess",
      "defaultPrimaryLocationId",
      "groups",
    ]);
    if (Object.keys(changes).length === 0) return before;
    await orStale(unit.tx.putProvisioningSettings(next, current ? current.version : null));
    await auditActor(s.ctx, unit, a, {
      action: "provisioning.settings_updated",
      target: auditTarget.organization(a.organization),
      changes,
    });
    return settingsView(orgId, next);
  });
}

/** Every token of the organization, revoked ones too (no secrets). */
export async function listProvisioningTokens(s: ActorSession): Promise<ProvisioningToken[]> {
  return readOp(s, async (tx, a) => {
    requireProvisioningManager(a);
    return (await tx.listProvisioningTokens(a.organization.id)).map(tokenView);
  });
}

const tokenTarget = (t: Pick<ProvisioningTokenRecord, "id" | "label">) => ({
  type: "provisioning_token",
  id: t.id,
  label: t.label,
});

/**
 * Creates a token (R3: roles and locations the administrator may give). The secret — 256 random
 * bits, or one a server brings — is returned once; the store keeps its SHA-256 (R15).
 */
export async function createProvisioningToken(
  s: ActorSession,
  raw: unknown,
): Promise<CreatedProvisioningToken> {
  const input = parseInput(CreateProvisioningTokenInputSchema, raw);
  const secret = input.secret ?? randomToken();
  const secretHash = await sha256Hex(secret);
  return writeOp(s, async (unit, a) => {
    requireProvisioningManager(a);
    const orgId = a.organization.id;
    const roleIds = [...input.roleIds];
    checkTokenGrant(
      a.subject,
      await unit.tx.listRoles(orgId),
      await unit.tx.listLocations(orgId),
      roleIds,
      input.locationAccess,
    );
    if (await unit.tx.findProvisioningTokenByHash(secretHash)) {
      throw fail.conflict("This secret is already in use. Let Staffroom generate one.", [
        { path: ["secret"], code: "duplicate_secret", message: "This secret is already in use." },
      ]);
    }
    const record: ProvisioningTokenRecord = {
      id: s.ctx.ids("provisioningToken"),
      organizationId: orgId,
      label: input.label,
      secretHash,
      roleIds,
      locationAccess: input.locationAccess,
      createdBy: a.user?.id ?? null,
      createdAt: unit.now,
      lastUsedAt: null,
      revokedAt: null,
      version: 1,
    };
    await unit.tx.insertProvisioningToken(record);
    await auditActor(s.ctx, unit, a, {
      action: "provisioning.token_created",
      target: tokenTarget(record),
      changes: diff({}, record, ["roleIds", "locationAccess"]),
    });
    return { token: tokenView(record), secret };
  });
}

/** Revokes a token with the version read (R12): from the next request on it is `unauthenticated`. */
export async function revokeProvisioningToken(
  s: ActorSession,
  id: unknown,
  options: unknown,
): Promise<ProvisioningToken> {
  const version = requireVersion(options as { version?: unknown });
  return writeOp(s, async (unit, a) => {
    requireProvisioningManager(a);
    const token = await unit.tx.getProvisioningToken(a.organization.id, checkId(id));
    if (!token) throw fail.notFound("Token not found.");
    expectVersion(token, version);
    if (token.revokedAt !== null) throw fail.conflict("This token is already revoked.");
    const next: ProvisioningTokenRecord = { ...token, revokedAt: unit.now, version: token.version + 1 };
    await orStale(unit.tx.updateProvisioningToken(next, token.version));
    await auditActor(s.ctx, unit, a, {
      action: "provisioning.token_revoked",
      target: tokenTarget(token),
      changes: { revokedAt: { before: null, after: unit.now } },
    });
    return tokenView(next);
  });
}

const NO_ATTRIBUTES = { externalId: null, employeeNumber: null, department: null } as const;

/**
 * The identity-provider attributes of those of these users who have any and whom the actor sees
 * (R5: the others are left out, as users without attributes are), in the order asked. At most 500
 * ids. One store query for an org-wide actor; a location-limited one also reads each user found.
 */
export async function provisionedAttributes(
  s: ActorSession,
  userIds: unknown,
): Promise<ProvisionedAttributes[]> {
  if (!Array.isArray(userIds) || userIds.length > 500)
    throw fail.field(["userIds"], "invalid_ids", "Give at most 500 user ids.");
  const ids = [...new Set(userIds.map((id) => checkId(id)))];
  return readOp(s, async (tx, a) => {
    if (!canReadUsers(a.subject)) throw fail.forbidden();
    const records = new Map(
      (await tx.listProvisionedUsers(a.organization.id, ids)).map((r) => [r.userId, r]),
    );
    const out: ProvisionedAttributes[] = [];
    for (const id of ids) {
      const r = records.get(id);
      if (!r) continue;
      if (a.subject.locations !== null) {
        const user = await tx.getUser(a.organization.id, id);
        if (!user || !sharesLocation(a.subject, user.locationAccess)) continue;
      }
      out.push({ userId: id, ...pick(r) });
    }
    return out;
  });
}

/**
 * The organization's groups as an identity provider sees them ({@link directoryGroups}): its roles
 * by name, then its mapped groups, each location group cut to the live locations inside the
 * actor's scope (R4, R5: a clinic-limited token does not see other clinics' groups).
 */
export async function provisioningGroups(s: ActorSession): Promise<DirectoryGroup[]> {
  return readOp(s, async (tx, a) => {
    if (!canReadProvisioning(a)) throw fail.forbidden();
    const [roles, settings, locations] = await Promise.all([
      tx.listRoles(a.organization.id),
      tx.getProvisioningSettings(a.organization.id),
      tx.listLocations(a.organization.id),
    ]);
    const visible = new Set(
      locations.filter((l) => !l.archived && locationInScope(a.subject, l.id)).map((l) => l.id),
    );
    return directoryGroups(roles, settings, visible);
  });
}

const pick = (r: ProvisionedUserRecord) => ({
  externalId: r.externalId,
  employeeNumber: r.employeeNumber,
  department: r.department,
});

/**
 * One user by exact email (R1's normal form: an address differing only in case is the same) or by
 * the identity provider's `externalId`; null when none is visible to the actor (R5). A value that
 * cannot be an email finds nobody.
 */
export async function findProvisionedUser(s: ActorSession, raw: unknown): Promise<User | null> {
  const lookup = parseInput(ProvisionedLookupSchema, raw);
  if ((lookup.email === undefined) === (lookup.externalId === undefined))
    throw fail.field([], "invalid_lookup", "Look a user up by email or by external id.");
  return readOp(s, async (tx, a) => {
    if (!canReadUsers(a.subject)) throw fail.forbidden();
    const orgId = a.organization.id;
    let user: UserRecord | null = null;
    if (lookup.email !== undefined) {
      const email = EmailSchema.safeParse(lookup.email);
      const account = email.success ? await tx.findAccountByEmail(email.data) : null;
      user = account ? await tx.findUserByAccount(orgId, account.id) : null;
    } else if (lookup.externalId !== undefined && isPlainText(lookup.externalId)) {
      const record = await tx.findProvisionedUserByExternalId(orgId, lookup.externalId.trim());
      user = record ? await tx.getUser(orgId, record.userId) : null;
    }
    if (!user || !sharesLocation(a.subject, user.locationAccess)) return null;
    return userView(tx, user, s.ctx.clock.now());
  });
}

/**
 * Sets a user's identity-provider attributes with the user's version (R12): a change of the user,
 * so the user's version moves on; managed like any user write (R2–R7); `externalId` unique in the
 * organization (`conflict` on `externalId`); audited as `user.updated` (the values are personal:
 * they go to the person's erasable part).
 */
export async function setProvisionedAttributes(
  s: ActorSession,
  id: unknown,
  raw: unknown,
  options: unknown,
): Promise<User> {
  const version = requireVersion(options as { version?: unknown });
  const patch = parseInput(ProvisionedAttributesPatchSchema, raw);
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id, unit.nowMs);
    const user = target.user;
    expectVersion(user, version);
    const orgId = a.organization.id;
    const [stored] = await unit.tx.listProvisionedUsers(orgId, [user.id]);
    const before = stored ? pick(stored) : NO_ATTRIBUTES;
    const value = (given: string | null | undefined, current: string | null) =>
      given === undefined ? current : given === "" ? null : given;
    const after = {
      externalId: value(patch.externalId, before.externalId),
      employeeNumber: value(patch.employeeNumber, before.employeeNumber),
      department: value(patch.department, before.department),
    };
    const changes = diff(before, after, ["externalId", "employeeNumber", "department"]);
    if (Object.keys(changes).length === 0) return userView(unit.tx, user, unit.nowMs);
    if (after.externalId !== null && after.externalId !== before.externalId)
      requireFreeExternalId(await unit.tx.findProvisionedUserByExternalId(orgId, after.externalId), user.id);
    const next: UserRecord = { ...user, version: user.version + 1, updatedAt: unit.now };
    await orStale(unit.tx.updateUser(next, user.version));
    if (after.externalId === null && after.employeeNumber === null && after.department === null)
      await unit.tx.deleteProvisionedUser(orgId, user.id);
    else await unit.tx.putProvisionedUser({ organizationId: orgId, userId: user.id, ...after });
    await auditActor(s.ctx, unit, a, { action: "user.updated", target: auditTarget.user(next), changes });
    return userView(unit.tx, next, unit.nowMs);
  });
}

/** How often a token's `lastUsedAt` is written at most: once a minute, not once a request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * `directory.provisioning.authenticate`: the actor a provisioning secret stands for. The same
 * `unauthenticated` answer for a secret that is malformed, unknown or revoked, or whose organization
 * is gone. Records the use in `lastUsedAt` (at most once a minute). Servers call it per request.
 */
export async function authenticateProvisioningToken(
  ctx: ServiceContext,
  secret: unknown,
  metadata?: unknown,
): Promise<Actor> {
  const checked = checkMetadata(metadata);
  if (typeof secret !== "string" || secret.length === 0 || secret.length > 512 || !isPlainText(secret))
    throw fail.unauthenticated();
  const hash = await sha256Hex(secret);
  const token = await ctx.store.transaction(
    async (tx: StoreTransaction) => {
      const found = await tx.findProvisioningTokenByHash(hash);
      if (!found || found.revokedAt !== null || !isProvisioningTokenId(found.id)) return null;
      return (await tx.getOrganization(found.organizationId)) ? found : null;
    },
    { readOnly: true },
  );
  if (!token) throw fail.unauthenticated();
  const nowMs = ctx.clock.now();
  if (token.lastUsedAt === null || nowMs - Date.parse(token.lastUsedAt) >= TOUCH_INTERVAL_MS) {
    const at = new Date(nowMs).toISOString();
    await ctx.store.transaction((tx) => tx.touchProvisioningToken(token.organizationId, token.id, at));
  }
  return {
    organizationId: token.organizationId,
    userId: token.id,
    ...(checked ? { metadata: checked } : {}),
  };
}
