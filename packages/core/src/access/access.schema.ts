import type { RequestMetadata } from "../audit/audit.schema";
import type { Role } from "../roles/role.schema";
import type { LocationAccess, User } from "../users/user.schema";
import type { DefaultPermission } from "./catalog";

/**
 * Who is acting: a user of an organization, or one of its provisioning tokens (an identity
 * provider, `directory.provisioning.authenticate(secret)`), with the request's metadata for the audit
 * trail. A token is one more actor: every rule applies to it as to a person, and it acts as nobody.
 *
 * @example { organizationId: "org_…", userId: "usr_…", metadata: { ip: "203.0.113.4" } }
 * @example { organizationId: "org_…", userId: "ptk_…" } // a provisioning token
 */
export interface Actor {
  readonly organizationId: string;
  /** The acting user's id (`usr_…`), or the acting provisioning token's id (`ptk_…`). */
  readonly userId: string;
  readonly metadata?: RequestMetadata;
}

/**
 * Anything with location access can be a target of a scoped decision (a {@link User} is one).
 *
 * @example admin.can("users.manage", { locationAccess: ["loc_…"] }) // a User is one too
 */
export interface AccessTarget {
  readonly id?: string;
  readonly locationAccess: LocationAccess;
}

/**
 * The actor as the directory sees it: its user, role, permissions and location scope.
 *
 * @example { user, role, permissions: ["users.view", …], isMainContact: true, mainContactUserId: "usr_…" }
 */
export interface ActorView<P extends string = DefaultPermission> {
  readonly user: User;
  readonly role: Role;
  readonly permissions: readonly P[];
  readonly isMainContact: boolean;
  /**
   * The organization's main contact (R7), so a client can answer `users.actions()` as the service
   * would (nobody else is offered anything on them) and say why a form is read-only.
   */
  readonly mainContactUserId: string | null;
}
