import type { Actor } from "../access/access.schema";
import type { Catalog, DefaultPermission } from "../access/catalog";
import type { RequestMetadata } from "../audit/audit.schema";
import type { BootstrapInput, BootstrapResult } from "../organization/bootstrap.schema";
import type { BackgroundTasks } from "../ports/background";
import type { Clock } from "../ports/clock";
import type { IdGenerator } from "../ports/ids";
import type { Mailer } from "../ports/mailer";
import type { PasswordHasher } from "../ports/password-hasher";
import type { RateLimiter } from "../ports/rate-limiter";
import type { RoleTemplate } from "../roles/templates";
import type { DirectoryStore } from "../store/store.port";
import type { DirectoryAuth } from "./directory-auth";
import { DEFAULT_POLICY, type DirectoryPolicy } from "./policy";
import type { StaffDirectory } from "./staff-directory";

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
 * The provisioning side of a directory: resolves a provisioning token's secret to its {@link Actor}.
 *
 * @example
 * const actor = await directory.provisioning.authenticate(bearerSecret, { ip });
 * const idp = directory.forActor(actor); // acts as the token: users.create, provisioning.setAttributes …
 */
export interface DirectoryProvisioning {
  /**
   * The actor of a provisioning token's secret. `unauthenticated`, the same for each case, when the
   * secret is malformed, unknown or revoked. Records the use (`lastUsedAt`, at most once a minute).
   */
  authenticate(secret: string, metadata?: RequestMetadata): Promise<Actor>;
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
  /** Provisioning tokens as actors (SCIM): `provisioning.authenticate(secret)` per request, like `auth.authorize`. */
  readonly provisioning: DirectoryProvisioning;
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
