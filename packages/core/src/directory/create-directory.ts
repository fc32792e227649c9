import { decide } from "../access/access.rules";
import type { DefaultPermission } from "../access/catalog";
import { defaultCatalog } from "../access/catalog";
import { me } from "../access/me.service";
import { listAudit, verifyAudit } from "../audit/audit.service";
import { createAuth } from "../auth/auth.service";
import { endSession, listSessions } from "../auth/session-admin.service";
import {
  archiveLocation,
  createLocation,
  listLocations,
  updateLocation,
} from "../locations/locations.service";
import { bootstrap } from "../organization/bootstrap.service";
import {
  getOrganization,
  organizationFormOptions,
  seatUsage,
  updateOrganization,
} from "../organization/organization.service";
import { inProcessTasks } from "../ports/background";
import { systemClock } from "../ports/clock";
import { randomIds } from "../ports/ids";
import { memoryMailer } from "../ports/mailer";
import { pbkdf2Hasher } from "../ports/password-hasher";
import { memoryRateLimiter } from "../ports/rate-limiter";
import {
  authenticateProvisioningToken,
  createProvisioningToken,
  findProvisionedUser,
  listProvisioningTokens,
  provisionedAttributes,
  provisioningGroups,
  provisioningSettings,
  revokeProvisioningToken,
  setProvisionedAttributes,
  updateProvisioningSettings,
} from "../provisioning/provisioning.service";
import {
  createRole,
  deleteRole,
  listRoles,
  roleCatalog,
  roleFormOptions,
  updateRole,
} from "../roles/roles.service";
import { ROLE_TEMPLATES } from "../roles/templates";
import { expiringCredentials } from "../users/credentials.service";
import { userActionOffers } from "../users/users.rules";
import { bulkUsers } from "../users/users-bulk.service";
import { createUser, inviteUser } from "../users/users-create.service";
import { userFormOptions } from "../users/users-form-options.service";
import { importUsers } from "../users/users-import.service";
import { resendInvitation, revokeInvitation } from "../users/users-invitations.service";
import { inviteMany } from "../users/users-invite-many.service";
import { deleteUser, disableUser, restoreUser } from "../users/users-lifecycle.service";
import { resetUserPassword, unlockUser } from "../users/users-passwords.service";
import { countUsersByStatus, getInvitation, getUser, listUsers } from "../users/users-read.service";
import { updateUser } from "../users/users-update.service";
import type { ServiceContext } from "./context";
import type { Directory, DirectoryOptions } from "./directory.types";
import { DEFAULT_POLICY } from "./policy";
import type { ActorSession } from "./runner";
import type { StaffDirectory } from "./staff-directory";

/**
 * Creates a directory over a store. Everything but the store has a safe default.
 *
 * @example
 * const directory = createDirectory({ store: memoryStore() });
 * const { organization, user } = await directory.bootstrap({
 *   organization: { name: "Harbor Urgent Care" }, location: { name: "Downtown" },
 *   owner: { email: "olive@harbor.example", password: "correct-horse-battery-staple", profile: { givenName: "Olive", familyName: "Owner" } },
 * });
 * const admin = directory.forActor({ organizationId: organization.id, userId: user.id });
 */
export function createDirectory<P extends string = DefaultPermission>(
  options: DirectoryOptions<P>,
): Directory<P> {
  const catalog = options.catalog ?? defaultCatalog;
  const ctx: ServiceContext = {
    store: options.store,
    passwords: options.passwords ?? pbkdf2Hasher(),
    mailer: options.mailer ?? memoryMailer(),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    catalog,
    templates: options.templates ?? ROLE_TEMPLATES,
    policy: { ...DEFAULT_POLICY, ...options.policy },
    isCommonPassword: options.isCommonPassword,
    breachedPasswordCheck: options.breachedPasswordCheck,
    rateLimiter: options.rateLimiter === undefined ? memoryRateLimiter() : options.rateLimiter,
    background: options.background ?? inProcessTasks(),
    links: options.links ?? {
      acceptInvitation: (token) => `/accept-invitation?token=${token}`,
      resetPassword: (token) => `/reset-password?token=${token}`,
    },
  };
  return {
    catalog: catalog as Directory<P>["catalog"],
    store: options.store,
    settled: () => ctx.background.settled(),
    bootstrap: (input) => bootstrap(ctx, input),
    auth: createAuth(ctx),
    provisioning: {
      authenticate: (secret, metadata) => authenticateProvisioningToken(ctx, secret, metadata),
    },
    forActor: (actor) => staffDirectory<P>({ ctx, actor, snapshot: null }),
  };
}

function staffDirectory<P extends string>(s: ActorSession): StaffDirectory<P> {
  return {
    organizationId: s.actor.organizationId,
    me: () => me<P>(s),
    // can() and actions() answer from the last me()'s snapshot, never from whichever call ran last.
    can: (permission, target) => (s.snapshot ? decide(s.snapshot.subject, permission, target) : false),
    users: {
      list: (query) => listUsers(s, query),
      counts: (query) => countUsersByStatus(s, query),
      get: (id) => getUser(s, id),
      create: (input) => createUser(s, input),
      invite: (input) => inviteUser(s, input),
      inviteMany: (input) => inviteMany(s, input),
      update: (id, patch, options) => updateUser(s, id, patch, options),
      disable: (id, options) => disableUser(s, id, options),
      restore: (id, options) => restoreUser(s, id, options),
      delete: (id, options) => deleteUser(s, id, options),
      resetPassword: (id, input, options) => resetUserPassword(s, id, input, options),
      unlock: (id, options) => unlockUser(s, id, options),
      resendInvitation: (id, options) => resendInvitation(s, id, options),
      revokeInvitation: (id, options) => revokeInvitation(s, id, options),
      invitation: (id) => getInvitation(s, id),
      bulk: (input) => bulkUsers(s, input),
      import: (input) => importUsers(s, input),
      actions: (user) => userActionOffers(s.snapshot, { ...user, account: null }),
      formOptions: (id) => userFormOptions(s, id),
    },
    credentials: {
      expiring: (query) => expiringCredentials(s, query),
    },
    roles: {
      list: () => listRoles(s),
      catalog: () => roleCatalog(s),
      create: (input) => createRole(s, input),
      update: (id, patch, options) => updateRole(s, id, patch, options),
      delete: (id, options) => deleteRole(s, id, options),
      formOptions: (id) => roleFormOptions(s, id),
    },
    locations: {
      list: () => listLocations(s),
      create: (input) => createLocation(s, input),
      update: (id, patch, options) => updateLocation(s, id, patch, options),
      archive: (id, options) => archiveLocation(s, id, options),
    },
    organization: {
      get: () => getOrganization(s),
      update: (patch, options) => updateOrganization(s, patch, options),
      usage: () => seatUsage(s),
      formOptions: () => organizationFormOptions(s),
    },
    sessions: {
      list: (query) => listSessions(s, query),
      end: (id) => endSession(s, id),
    },
    audit: {
      list: (query) => listAudit(s, query),
      verify: () => verifyAudit(s),
    },
    provisioning: {
      settings: () => provisioningSettings(s),
      updateSettings: (patch, options) => updateProvisioningSettings(s, patch, options),
      tokens: () => listProvisioningTokens(s),
      createToken: (input) => createProvisioningToken(s, input),
      revokeToken: (id, options) => revokeProvisioningToken(s, id, options),
      attributes: (userIds) => provisionedAttributes(s, userIds),
      groups: () => provisioningGroups(s),
      findUser: (lookup) => findProvisionedUser(s, lookup),
      setAttributes: (id, patch, options) => setProvisionedAttributes(s, id, patch, options),
    },
  };
}
