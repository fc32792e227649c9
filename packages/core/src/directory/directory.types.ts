import type { Catalog, DefaultPermission } from "../access/catalog";
import type { DirectoryAuth } from "../auth/auth.types";
import type { Location } from "../locations/location.schema";
import type { Organization, OrganizationInput } from "../organization/organization.schema";
import type { BackgroundTasks } from "../ports/background";
import type { Clock } from "../ports/clock";
import type { IdGenerator } from "../ports/ids";
import type { Mailer } from "../ports/mailer";
import type { PasswordHasher } from "../ports/password-hasher";
import type { RateLimiter } from "../ports/rate-limiter";
import type { RoleTemplate } from "../roles/templates";
import type { DirectoryStore } from "../store/store.port";
import type { ProfileInput, User } from "../users/user.schema";
import type { Actor, StaffDirectory } from "./staff-directory";

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
  /** Idle timeout of a session. Default 15 minutes (the HIPAA automatic-logoff habit). */
  readonly sessionIdleMs: number;
  /** Absolute lifetime of a session. Default 12 hours. */
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

/** The defaults of {@link DirectoryPolicy}. */
export const DEFAULT_POLICY: DirectoryPolicy = {
  invitationTtlMs: 7 * 24 * 60 * 60 * 1000,
  invitationResendIntervalMs: 60 * 1000,
  invitationMaxSends: 10,
  resetTokenTtlMs: 60 * 60 * 1000,
  passwordMinLength: 12,
  passwordMaxLength: 128,
  bulkMaxIds: 500,
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

/**
 * Where emailed links point. Servers set these to their public URL (never the Host header).
 *
 * @example { acceptInvitation: (t) => `https://ehr.example/accept?token=${t}`, resetPassword: (t) => `https://ehr.example/reset?token=${t}` }
 */
export interface LinkBuilder {
  acceptInvitation(token: string): string;
  resetPassword(token: string): string;
}

/**
 * Options of {@link createDirectory}. Only `store` is required.
 *
 * @example createDirectory({ store: memoryStore(), mailer: memoryMailer(), passwords: pbkdf2Hasher() })
 */
export interface DirectoryOptions<P extends string = DefaultPermission> {
  /** Persistence (required). */
  readonly store: DirectoryStore;
  /** Password hashing. Default `pbkdf2Hasher()` (600 000 iterations). */
  readonly passwords?: PasswordHasher;
  /** Email. Default `memoryMailer()`. */
  readonly mailer?: Mailer;
  /** Time. Default `systemClock`. */
  readonly clock?: Clock;
  /** Ids. Default `randomIds`. */
  readonly ids?: IdGenerator;
  /** Permission catalog. Default `defaultCatalog`. */
  readonly catalog?: Catalog<P>;
  /** Role templates copied into each new organization. Default `ROLE_TEMPLATES`. */
  readonly templates?: readonly RoleTemplate[];
  /** Rules that can be tuned. Defaults in {@link DEFAULT_POLICY}. */
  readonly policy?: Partial<DirectoryPolicy>;
  /**
   * Refuses common passwords (R16). Default: none in this entry, to keep word lists out of browser
   * bundles; servers pass `isCommonPassword` from `@staffroom/core/passwords`.
   */
  readonly isCommonPassword?: (normalizedLowercasePassword: string) => boolean;
  /**
   * A remote breach check (for example k-anonymity against a breached-password corpus): resolves true
   * when the password is known to be breached. Failures of the check itself let the password through.
   */
  readonly breachedPasswordCheck?: (password: string) => Promise<boolean>;
  /** Links in emails. Default: relative paths `/accept-invitation?token=…` and `/reset-password?token=…`. */
  readonly links?: LinkBuilder;
  /**
   * Per-client throttling of sign-in and reset requests (limits in the policy: `clientSignIn*`,
   * `clientReset*`); the client is `metadata.ip`. Default `memoryRateLimiter()`, which only this
   * process sees: several server instances share one instead (`postgresRateLimiter` from
   * `@staffroom/postgres`). `null` turns per-client throttling off.
   */
  readonly rateLimiter?: RateLimiter | null;
  /**
   * Where work runs that must not delay an answer (a reset request's look-up, write and mail; a
   * throttled client's audit event). Default `inProcessTasks()`; `directory.settled()` awaits it.
   */
  readonly background?: BackgroundTasks;
}

/**
 * Input of `bootstrap`: the organization, its first location and its owner (the first administrator
 * and main contact). The owner needs a password.
 *
 * @example
 * { organization: { name: "Harbor Urgent Care" }, location: { name: "Downtown" },
 *   owner: { email: "owner@harbor.example", password: "a long passphrase", profile: { givenName: "Olive", familyName: "Owner" } } }
 */
export interface BootstrapInput {
  readonly organization: OrganizationInput;
  readonly location: { readonly name: string; readonly group?: string | null };
  readonly owner: { readonly email: string; readonly password: string; readonly profile: ProfileInput };
}

/** What `bootstrap` made. */
export interface BootstrapResult {
  readonly organization: Organization;
  readonly location: Location;
  readonly user: User;
}

/**
 * A directory: the entry point of core.
 *
 * @example
 * const directory = createDirectory({ store: memoryStore() });
 * const { organization, user } = await directory.bootstrap({ … });
 * const admin = directory.forActor({ organizationId: organization.id, userId: user.id });
 */
export interface Directory<P extends string = DefaultPermission> {
  /** Creates an organization with its first location, role templates and owner. */
  bootstrap(input: BootstrapInput): Promise<BootstrapResult>;
  /** The use-case API for one actor. Cheap; call per request. */
  forActor(actor: Actor): StaffDirectory<P>;
  /** Sign-in, sessions, passwords and invitations (W3, W13). */
  readonly auth: DirectoryAuth;
  /** The permission catalog in use. */
  readonly catalog: Catalog<P>;
  /** The store, for servers that need it (migrations, health checks). */
  readonly store: DirectoryStore;
  /**
   * Resolves when the work started after answering (reset links, throttle audit events) is done:
   * for tests, and for a graceful shutdown. Delegates to `options.background`.
   */
  settled(): Promise<void>;
}
