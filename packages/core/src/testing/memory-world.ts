import { createDirectory } from "../directory/create-directory";
import type { Directory, DirectoryOptions } from "../directory/directory.types";
import type { DirectoryAuth } from "../directory/directory-auth";
import type { DirectoryPolicy } from "../directory/policy";
import { type MemoryStore, memoryStore } from "../memory/index";
import type { BootstrapInput } from "../organization/bootstrap.schema";
import { type ManualClock, manualClock } from "../ports/clock";
import { type MemoryMailer, memoryMailer } from "../ports/mailer";
import { pbkdf2Hasher } from "../ports/password-hasher";
import type { DirectoryStore } from "../store/store.port";
import type { ConformanceWorld } from "./conformance/world";
import { standardBootstrap } from "./fixtures";

/** Options of {@link memoryWorld} and {@link storeWorld}. @example { policy: { invitationResendIntervalMs: 0 }, start: "2026-11-23T08:00:00Z" } */
export interface MemoryWorldOptions {
  /** Policy overrides (invitation TTL, resend interval, lockout threshold, session limits …). */
  readonly policy?: Partial<DirectoryPolicy>;
  /** The directory's common-password check (R16). Default: none. */
  readonly isCommonPassword?: DirectoryOptions["isCommonPassword"];
  /** The directory's remote breach check (R16). Default: none. */
  readonly breachedPasswordCheck?: DirectoryOptions["breachedPasswordCheck"];
  /** Overrides of the first organization's bootstrap input. */
  readonly bootstrap?: Partial<BootstrapInput>;
  /** The clock's start. Default 2026-01-05T09:00:00.000Z. */
  readonly start?: string;
  /** The directory's per-client rate limiter (`null`: off). Default: core's, `memoryRateLimiter()`. */
  readonly rateLimiter?: DirectoryOptions["rateLimiter"];
  /**
   * The directory's ids. Default: random. `sequentialIds()` makes a world whose every id (and so
   * every tie-break in a sort) is the same on each run — Storybook's screenshot references need it.
   */
  readonly ids?: DirectoryOptions["ids"];
}

/**
 * `auth` whose every call resolves (or rejects) only once the backend's background work is done —
 * the reset link mailed, a throttled client's audit event written — so a test reads the outbox and
 * the trail the way a person does: after the work, not during it. The directory's own `auth`
 * answers before that work (W13: a known and an unknown email answer alike).
 *
 * @example const auth = settledAuth(directory.auth, () => directory.settled());
 */
export function settledAuth(auth: DirectoryAuth, settled: () => Promise<void>): DirectoryAuth {
  const after =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } finally {
        await settled();
      }
    };
  return {
    signIn: after((input) => auth.signIn(input)),
    signOut: after((token) => auth.signOut(token)),
    session: after((token) => auth.session(token)),
    authorize: after((token, metadata) => auth.authorize(token, metadata)),
    organizations: after((token) => auth.organizations(token)),
    switchOrganization: after((input) => auth.switchOrganization(input)),
    changePassword: after((input) => auth.changePassword(input)),
    requestPasswordReset: after((input) => auth.requestPasswordReset(input)),
    completePasswordReset: after((input) => auth.completePasswordReset(input)),
    invitation: after((token) => auth.invitation(token)),
    acceptInvitation: after((input) => auth.acceptInvitation(input)),
  };
}

/**
 * A {@link ConformanceWorld} over any store, with its directory, store, mailer and clock exposed.
 *
 * @example const world = await storeWorld(postgresStore({ client: db })); world.mailer.outbox
 */
export interface StoreWorld<S extends DirectoryStore = DirectoryStore> extends ConformanceWorld {
  readonly directory: Directory;
  readonly store: S;
  readonly mailer: MemoryMailer;
  readonly clock: ManualClock;
}

/**
 * A {@link ConformanceWorld} over the memory store; its `store` has the test-only `unsafe` escape
 * hatches (tamper evidence tests).
 *
 * @example const world = await memoryWorld(); world.store.unsafe.removeAuditEvent(world.organization.id, 2);
 */
export type MemoryWorld = StoreWorld<MemoryStore>;

let another = 0;

/**
 * A fresh world over `store` (empty): `createDirectory` + `memoryMailer` + `manualClock` and a cheap
 * `pbkdf2Hasher({ iterations: 1000 })` (tests only), with one bootstrapped organization; its `auth`
 * is {@link settledAuth}. Store adapters build their conformance worlds with it.
 *
 * @example runConformanceSuite("PGlite", async () => storeWorld(postgresStore({ client: await emptyDatabase() })));
 */
export async function storeWorld<S extends DirectoryStore>(
  store: S,
  options: MemoryWorldOptions = {},
): Promise<StoreWorld<S>> {
  const mailer = memoryMailer();
  const clock = manualClock(options.start);
  const directory = createDirectory({
    store,
    mailer,
    clock,
    passwords: pbkdf2Hasher({ iterations: 1000 }),
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.isCommonPassword ? { isCommonPassword: options.isCommonPassword } : {}),
    ...(options.breachedPasswordCheck ? { breachedPasswordCheck: options.breachedPasswordCheck } : {}),
    ...(options.rateLimiter !== undefined ? { rateLimiter: options.rateLimiter } : {}),
    ...(options.ids ? { ids: options.ids } : {}),
  });
  const first = await directory.bootstrap(standardBootstrap(options.bootstrap));
  return {
    directory,
    store,
    mailer,
    clock,
    auth: settledAuth(directory.auth, () => directory.settled()),
    organization: first.organization,
    location: first.location,
    owner: first.user,
    as: (userId, organizationId = first.organization.id) => directory.forActor({ organizationId, userId }),
    async bootstrapAnother(input = {}) {
      another += 1;
      const made = await directory.bootstrap(
        standardBootstrap({
          organization: { name: `Cedar Ridge Pediatrics ${another}`, ...input.organization },
          location: { name: "Main Street Clinic", ...input.location },
          owner: {
            email: `owner.${another}@cedar-ridge-pediatrics.example`,
            password: "maple-harbor-violet-lantern-7",
            profile: { givenName: "Kwame", familyName: "Mensah", title: "MD" },
            ...input.owner,
          },
        }),
      );
      return { organization: made.organization, location: made.location, owner: made.user };
    },
  };
}

/**
 * A fresh world on a new `memoryStore()` ({@link storeWorld}).
 *
 * @example
 * runConformanceSuite("memory", memoryWorld);
 * const world = await memoryWorld({ policy: { invitationResendIntervalMs: 0 } });
 * const strict = await memoryWorld({ isCommonPassword: (p) => p === "password1234" });
 */
export function memoryWorld(options: MemoryWorldOptions = {}): Promise<MemoryWorld> {
  return storeWorld(memoryStore(), options);
}
