import type { AccessSubject } from "../access/access.rules";
import { type ActorContext, requirePermission } from "../access/actor";
import { fail } from "../errors/directory-error";

/**
 * R2, R5: the trail is organization-wide: a location-limited actor would see events about users
 * outside its scope, so only org-wide actors holding `audit.view` read or verify it.
 *
 * @example if (!canReadAudit(a.subject)) throw fail.forbidden();
 */
export function canReadAudit(subject: AccessSubject): boolean {
  return subject.locations === null && subject.permissions.has("audit.view");
}

/**
 * {@link canReadAudit}, asserted: `forbidden` without `audit.view`, and `forbidden` with the reason
 * for a location-limited actor that holds it.
 *
 * @example requireAuditReader(a);
 */
export function requireAuditReader(a: ActorContext): void {
  if (canReadAudit(a.subject)) return;
  requirePermission(a, "audit.view");
  throw fail.forbidden("Only organization-wide administrators read the audit trail.");
}
