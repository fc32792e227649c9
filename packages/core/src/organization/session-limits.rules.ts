import type { DirectoryPolicy } from "../directory/policy";
import { ALLOWED, refuse, type Verdict } from "../errors/verdict";
import type { OrganizationRecord } from "../store/records";
import { SESSION_LIMIT_BOUNDS, type SessionLimits } from "./organization.schema";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const clamp = (value: number, bounds: { readonly min: number; readonly max: number }): number =>
  Math.min(bounds.max, Math.max(bounds.min, value));

/**
 * W13: the session limits a new organization starts with — the directory's policy
 * (`sessionIdleMs`, `sessionLifetimeMs`; 15 minutes and 12 hours by default) in whole minutes and
 * hours, inside {@link SESSION_LIMIT_BOUNDS}.
 *
 * @example defaultSessionLimits(DEFAULT_POLICY) // { idleMinutes: 15, lifetimeHours: 12 }
 */
export function defaultSessionLimits(
  policy: Pick<DirectoryPolicy, "sessionIdleMs" | "sessionLifetimeMs">,
): SessionLimits {
  const idleMinutes = clamp(Math.round(policy.sessionIdleMs / MINUTE), SESSION_LIMIT_BOUNDS.idleMinutes);
  const lifetimeHours = clamp(
    Math.max(Math.round(policy.sessionLifetimeMs / HOUR), Math.ceil(idleMinutes / 60)),
    SESSION_LIMIT_BOUNDS.lifetimeHours,
  );
  return { idleMinutes, lifetimeHours };
}

/**
 * W13: an organization's idle limit in milliseconds: a session unused this long has ended.
 *
 * @example sessionIdleMs(org) // 900000 for 15 minutes
 */
export const sessionIdleMs = (org: Pick<OrganizationRecord, "sessionLimits">): number =>
  org.sessionLimits.idleMinutes * MINUTE;

/**
 * W13: an organization's absolute session lifetime in milliseconds: a session this old has ended,
 * however busy — also one opened before the limit was shortened.
 *
 * @example sessionLifetimeMs(org) // 43200000 for 12 hours
 */
export const sessionLifetimeMs = (org: Pick<OrganizationRecord, "sessionLimits">): number =>
  org.sessionLimits.lifetimeHours * HOUR;

/**
 * W13: the idle limit is no longer than the session's lifetime (`validation` on
 * `sessionLimits.idleMinutes`). Asserted on the pair as it will be stored, since a patch may change
 * either one.
 *
 * `at` is the path of the input that holds `sessionLimits` (default `[]`; `["organization"]` in
 * `bootstrap`).
 *
 * @example assertAllowed(sessionLimitsVerdict({ idleMinutes: 90, lifetimeHours: 1 })) // throws
 */
export function sessionLimitsVerdict(limits: SessionLimits, at: readonly string[] = []): Verdict {
  return limits.idleMinutes > limits.lifetimeHours * 60
    ? refuse.field(
        [...at, "sessionLimits", "idleMinutes"],
        "idle_beyond_lifetime",
        "The idle limit cannot be longer than the session itself.",
      )
    : ALLOWED;
}

/**
 * The bounds a live session of `org` lies within at `nowMs`, as the store's session queries take
 * them: `expiresAt` after `now`, `lastSeenAt` after `idleSince`, `createdAt` after `createdSince`.
 *
 * @example await tx.countLiveSessions(org.id, w.now, w.idleSince, w.createdSince)
 */
export function liveSessionWindow(
  org: Pick<OrganizationRecord, "sessionLimits">,
  nowMs: number,
): { readonly now: string; readonly idleSince: string; readonly createdSince: string } {
  return {
    now: new Date(nowMs).toISOString(),
    idleSince: new Date(nowMs - sessionIdleMs(org)).toISOString(),
    createdSince: new Date(nowMs - sessionLifetimeMs(org)).toISOString(),
  };
}
