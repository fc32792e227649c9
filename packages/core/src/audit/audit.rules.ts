import { type ActorContext, requirePermission } from "../access/actor";
import { fail } from "../errors/directory-error";

/**
 * R2, R5: the trail is organization-wide: a location-limited actor would see events about users
 * outside its scope, so only org-wide actors holding `audit.view` read or verify it; `forbidden`
 * otherwise.
 *
 * @example requireAuditReader(a);
 */
export function requireAuditReader(a: ActorContext): void {
  requirePermission(a, "audit.view");
  if (a.subject.locations !== null)
    throw fail.forbidden("Only organization-wide administrators read the audit trail.");
}
