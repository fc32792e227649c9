/**
 * Tunable rules. Every field has a safe default.
 *
 * @example { invitationTtlMs: 3 * 24 * 3600_000, invitationResendIntervalMs: 30_000 }
 */
export interface DirectoryPolicy {
  /** How long an invitation token lives. Default 7 days (R15). */
  readonly invitationTtlMs: number;
  /** Minimum time between two sends of one invitation (W2 "rate-limited"). Default 60 s. */
  readonly invitationResendIntervalMs: number;
  /** Most sends of one invitation. Default 10. */
  readonly invitationMaxSends: number;
  /** How long a password-reset link lives. Default 60 minutes (R15). */
  readonly resetTokenTtlMs: number;
  /** Password length bounds after NFKC normalisation (R16). Default 12–128. */
  readonly passwordMinLength: number;
  readonly passwordMaxLength: number;
  /**
   * Idle timeout of a session in a new organization, in whole minutes within 5–240 (each
   * organization then sets its own: `sessionLimits.idleMinutes`). Default 15 minutes (the HIPAA
   * automatic-logoff habit).
   */
  readonly sessionIdleMs: number;
  /**
   * Absolute lifetime of a session in a new organization, in whole hours within 1–24 (then the
   * organization's `sessionLimits.lifetimeHours`). Default 12 hours.
   */
  readonly sessionLifetimeMs: number;
  /** A session's idle timer is written at most this often. Default 30 s. */
  readonly sessionTouchIntervalMs: number;
  /** Failed sign-ins before a lockout (R17). Default 10. */
  readonly lockoutThreshold: number;
  /** First lockout length; each repeat doubles it up to `lockoutMaxMs`. Default 15 minutes. */
  readonly lockoutBaseMs: number;
  /** Longest lockout. Default 24 hours. */
  readonly lockoutMaxMs: number;
  /** Reset emails per account per window (more are dropped silently). Default 3. */
  readonly resetRequestsPerWindow: number;
  /** The window of `resetRequestsPerWindow`. Default 15 minutes. */
  readonly resetWindowMs: number;
  /** Most ids in one bulk action. Default 500. */
  readonly bulkMaxIds: number;
  /** Most data rows in one CSV import (`users.import`). Default 10 000. */
  readonly importMaxRows: number;
  /**
   * Failed sign-ins one client (an IP address; IPv6 by its /64) may make per window, across all
   * accounts, before its sign-ins are refused `rate_limited` (password spraying). A sign-in with
   * the right password gives its attempt back, so a clinic's shared address is never slowed by the
   * people who know their passwords. `Infinity` turns this limit off. Default 100.
   */
  readonly clientSignInFailures: number;
  /** The window of `clientSignInFailures`. Default 15 minutes. */
  readonly clientSignInWindowMs: number;
  /** Password-reset requests one client may make per window, for any emails. `Infinity`: off. Default 30. */
  readonly clientResetRequests: number;
  /** The window of `clientResetRequests`. Default 15 minutes. */
  readonly clientResetWindowMs: number;
}

/** The defaults of {@link DirectoryPolicy}. @example DEFAULT_POLICY.sessionIdleMs // 900000 (15 minutes) */
export const DEFAULT_POLICY: DirectoryPolicy = {
  invitationTtlMs: 7 * 24 * 60 * 60 * 1000,
  invitationResendIntervalMs: 60 * 1000,
  invitationMaxSends: 10,
  resetTokenTtlMs: 60 * 60 * 1000,
  passwordMinLength: 12,
  passwordMaxLength: 128,
  bulkMaxIds: 500,
  importMaxRows: 10_000,
  sessionIdleMs: 15 * 60 * 1000,
  sessionLifetimeMs: 12 * 60 * 60 * 1000,
  sessionTouchIntervalMs: 30 * 1000,
  lockoutThreshold: 10,
  lockoutBaseMs: 15 * 60 * 1000,
  lockoutMaxMs: 24 * 60 * 60 * 1000,
  resetRequestsPerWindow: 3,
  resetWindowMs: 15 * 60 * 1000,
  clientSignInFailures: 100,
  clientSignInWindowMs: 15 * 60 * 1000,
  clientResetRequests: 30,
  clientResetWindowMs: 15 * 60 * 1000,
};
