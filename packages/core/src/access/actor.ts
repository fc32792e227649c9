import { checkMetadata } from "../directory/validate";
import { fail } from "../errors/directory-error";
import { isId } from "../primitives/ids.schema";
import type { OrganizationRecord, RoleRecord, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { type AccessSubject, accessSubject } from "./access.rules";
import type { Actor } from "./access.schema";

/** The actor as loaded for one operation. */
export interface ActorContext {
  readonly actor: Actor;
  readonly organization: OrganizationRecord;
  readonly user: UserRecord;
  readonly role: RoleRecord;
  readonly subject: AccessSubject;
}

/**
 * Loads the actor inside a transaction. An actor that is missing, not active or whose organization is
 * gone cannot act: `unauthenticated`, the same answer for each case.
 */
export async function loadActor(tx: StoreTransaction, actor: Actor): Promise<ActorContext> {
  // Ids that are not shaped like ids name nobody: the same answer as a missing actor.
  if (!isId(actor.organizationId) || !isId(actor.userId)) throw fail.unauthenticated();
  checkMetadata(actor.metadata);
  const organization = await tx.getOrganization(actor.organizationId);
  const user = organization ? await tx.getUser(actor.organizationId, actor.userId) : null;
  if (!organization || !user || user.status !== "active") throw fail.unauthenticated();
  const role = await tx.getRole(actor.organizationId, user.roleId);
  if (!role) throw new Error(`Invariant broken: user ${user.id} holds a missing role ${user.roleId}`);
  const subject = accessSubject(
    user.id,
    role.permissions,
    user.locationAccess,
    organization.mainContactUserId === user.id,
  );
  return { actor, organization, user, role, subject };
}

/** `forbidden` unless the actor holds the permission (R2). */
export function requirePermission(ctx: ActorContext, permission: string): void {
  if (!ctx.subject.permissions.has(permission)) throw fail.forbidden();
}
