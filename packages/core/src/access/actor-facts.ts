import type { RoleRecord } from "../store/records";
import { type AccessSubject, accessSubject } from "./access.rules";
import type { ActorView } from "./access.schema";

/**
 * What every verdict knows about who acts: the access subject (effective permissions, locations,
 * main-contact flag and, for a provisioning token, the roles it may grant), the organization's main
 * contact, the role the actor holds, and every role's permissions. The service builds it from the
 * actor it loaded for the operation; a client builds it from the last `me()` ({@link actorFactsOf}),
 * which is the one snapshot `can()` and `users.actions()` answer from.
 *
 * @example { subject, mainContactUserId: "usr_…", roleId: "rol_…", roles: new Map([["rol_…", ["users.view"]]]) }
 */
export interface ActorFacts {
  /**
   * Who acts, as decisions see it. `subject.grantableRoleIds` is a provisioning token's R3: the only
   * roles it may give, and the only roles of users it may manage (null for a person).
   */
  readonly subject: AccessSubject;
  readonly mainContactUserId: string | null;
  /** The role the actor holds; null for a provisioning token, which holds none. */
  readonly roleId: string | null;
  /** Every role's permissions by id; null when the actor may not read roles (then it manages no one). */
  readonly roles: ReadonlyMap<string, readonly string[]> | null;
}

/**
 * The facts of the actor a `me()` answer describes. Local directories and `restDirectory` both build
 * their snapshot with it, so `can()` and `users.actions()` answer alike everywhere.
 *
 * @example const facts = actorFactsOf(await admin.me()); decide(facts.subject, "users.manage") // true
 */
export function actorFactsOf(
  view: Pick<
    ActorView<string>,
    "user" | "role" | "permissions" | "isMainContact" | "mainContactUserId" | "rolePermissions"
  >,
): ActorFacts {
  return {
    subject: accessSubject(view.user.id, view.permissions, view.user.locationAccess, view.isMainContact),
    mainContactUserId: view.mainContactUserId,
    roleId: view.role.id,
    roles: view.rolePermissions ? new Map(Object.entries(view.rolePermissions)) : null,
  };
}

/**
 * The facts of an actor the service loaded (a person, or a provisioning token: no role, its
 * grantable roles in its subject), with the organization's roles read in the same transaction.
 *
 * @example const facts = loadedActorFacts(a, await tx.listRoles(a.organization.id));
 */
export function loadedActorFacts(
  a: {
    readonly subject: AccessSubject;
    readonly organization: { readonly mainContactUserId: string | null };
    readonly role: { readonly id: string } | null;
  },
  roles: readonly Pick<RoleRecord, "id" | "permissions">[],
): ActorFacts {
  return {
    subject: a.subject,
    mainContactUserId: a.organization.mainContactUserId,
    roleId: a.role?.id ?? null,
    roles: new Map(roles.map((r) => [r.id, r.permissions])),
  };
}
