import { checkMetadata } from "../directory/validate";
import { fail } from "../errors/directory-error";
import { isId } from "../primitives/ids.schema";
import { tokenSubject } from "../provisioning/provisioning.rules";
import { isProvisioningTokenId } from "../provisioning/token-id";
import type { OrganizationRecord, ProvisioningTokenRecord, RoleRecord, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { displayName } from "../users/user.schema";
import { type AccessSubject, accessSubject } from "./access.rules";
import type { Actor } from "./access.schema";

/**
 * The actor as loaded for one operation. A person has `user` and `role`; a provisioning token has
 * `token` instead (it is nobody: no profile, no role of its own, never the main contact, never "self").
 */
export interface ActorContext {
  readonly actor: Actor;
  readonly organization: OrganizationRecord;
  /** The acting user; null when a provisioning token acts. */
  readonly user: UserRecord | null;
  /** The acting user's role; null when a provisioning token acts. */
  readonly role: RoleRecord | null;
  /** The acting provisioning token; null when a person acts. */
  readonly token: ProvisioningTokenRecord | null;
  readonly subject: AccessSubject;
}

/**
 * Loads the actor inside a transaction. An actor that is missing, not active or whose organization is
 * gone cannot act: `unauthenticated`, the same answer for each case. A provisioning token (`ptk_…`)
 * that is missing, revoked or of another organization answers the same.
 */
export async function loadActor(tx: StoreTransaction, actor: Actor): Promise<ActorContext> {
  // Ids that are not shaped like ids name nobody: the same answer as a missing actor.
  if (!isId(actor.organizationId) || !isId(actor.userId)) throw fail.unauthenticated();
  checkMetadata(actor.metadata);
  const organization = await tx.getOrganization(actor.organizationId);
  if (!organization) throw fail.unauthenticated();
  if (isProvisioningTokenId(actor.userId)) {
    const token = await tx.getProvisioningToken(organization.id, actor.userId);
    if (!token || token.revokedAt !== null) throw fail.unauthenticated();
    return { actor, organization, user: null, role: null, token, subject: tokenSubject(token) };
  }
  const user = await tx.getUser(actor.organizationId, actor.userId);
  if (user === null || user.status !== "active") throw fail.unauthenticated();
  const role = await tx.getRole(actor.organizationId, user.roleId);
  if (!role) throw new Error(`Invariant broken: user ${user.id} holds a missing role ${user.roleId}`);
  const subject = accessSubject(
    user.id,
    role.permissions,
    user.locationAccess,
    organization.mainContactUserId === user.id,
  );
  return { actor, organization, user, role, token: null, subject };
}

/**
 * How mail names the actor: a person's display name, a provisioning token's label (which its
 * administrators chose, e.g. "Okta").
 *
 * @example actorName(a) // "Olive Owner" or "Okta"
 */
export function actorName(a: ActorContext): string {
  return a.user ? displayName(a.user.profile) : (a.token?.label ?? "");
}

/** `forbidden` unless the actor holds the permission (R2). */
export function requirePermission(ctx: ActorContext, permission: string): void {
  if (!ctx.subject.permissions.has(permission)) throw fail.forbidden();
}
