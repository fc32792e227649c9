import fc from "fast-check";
import { DEFAULT_POLICY } from "../../../directory/policy";
import type { OrgIndex } from "../model";
import type { OrgChoice, PersonKey } from "./model";

/**
 * Which password a sign-in sends: the person's current one (or its full-width NFKC twin, which
 * must work too, R16), or a wrong one: another guess, the right one cut by a character (no
 * truncation, R16), with a character added, or upper-cased.
 *
 * @example "truncated"
 */
export type PasswordPick = "right" | "rightNfkc" | "wrong" | "guess" | "truncated" | "suffixed" | "upper";

/**
 * A held session: the `index`-th most recent of those the model holds live (of all held ones when
 * none is live, or when `live` is false).
 *
 * @example { live: true, index: 0 } // the newest live session
 */
export interface SessionPick {
  readonly live: boolean;
  readonly index: number;
}

/** How a lockout cycle ends. @example "unlock" */
export type CycleEnd = "expiry" | "unlock" | "success";

/** The wrong picks, for bursts. */
export type WrongPick = Exclude<PasswordPick, "right" | "rightNfkc">;

/**
 * One generated step of the sign-in property. Sessions and memberships are indexes resolved when
 * the step runs (shrinking-friendly: an index keeps meaning something as the sequence shrinks).
 *
 * @example { kind: "burst", who: "staff", password: "wrong", size: 12, org: "none", thenRight: true }
 */
export type AuthOperation =
  | {
      readonly kind: "signIn";
      readonly who: PersonKey;
      readonly password: PasswordPick;
      readonly org: OrgChoice;
    }
  | {
      readonly kind: "burst";
      readonly who: PersonKey;
      readonly password: WrongPick;
      readonly size: number;
      readonly org: OrgChoice;
      /** Right after the burst, the right password (observes how many attempts were counted). */
      readonly thenRight: boolean;
    }
  /**
   * Lockouts in a row, one per ending: a parallel burst of `size` wrong passwords, then an admin
   * unlock, or the clock to 1 ms before the lock's expiry and to the expiry plus `delta` ≥ 0 ms
   * (then, for "success", the right password), each followed by the step checks (exercises the
   * doubling up to the 24-hour cap and what resets it).
   */
  | {
      readonly kind: "lockCycles";
      readonly who: PersonKey;
      /** How each cycle ends: the lock expires; an administrator unlocks; it expires, then the right password. */
      readonly endings: readonly CycleEnd[];
      readonly size: number;
      readonly delta: number;
    }
  /** `size` parallel sign-ins of one person with the right password. */
  | { readonly kind: "rush"; readonly who: PersonKey; readonly size: number; readonly org: OrgChoice }
  | { readonly kind: "advance"; readonly ms: number }
  /** Advances to the person's lock expiry plus `delta` ms (1 s when not locked). */
  | { readonly kind: "toLockExpiry"; readonly who: PersonKey; readonly delta: number }
  /** Advances to a held session's idle (or absolute) deadline plus `delta` ms. */
  | { readonly kind: "toIdle"; readonly session: SessionPick; readonly delta: number }
  /** Keeps a session busy every `stepMinutes` until its absolute deadline, then `delta` ms more. */
  | {
      readonly kind: "ride";
      readonly session: SessionPick;
      readonly stepMinutes: number;
      readonly delta: number;
    }
  | {
      /** `bounce`: disable, then restore at once (the sessions stay ended). */
      readonly kind: "unlock" | "disable" | "restore" | "bounce";
      /** Index into the memberships (staff, disabled, pending, dual here, dual there, cedar). */
      readonly membership: number;
      /** Then probe the person's held sessions (dead stays dead; a restore revives nothing). */
      readonly probe: boolean;
    }
  | { readonly kind: "signOut"; readonly session: SessionPick }
  /** `auth.session()` on one held token, or on all of them. */
  | { readonly kind: "session"; readonly session: SessionPick | "all" }
  | {
      readonly kind: "changePassword";
      readonly session: SessionPick;
      readonly current: "right" | "wrong";
      /** Then probe the person's other held sessions (a change ends them). */
      readonly probe: boolean;
    }
  /** `times` password-reset requests in a row (the rate limit is per account and window). */
  | { readonly kind: "requestReset"; readonly who: PersonKey; readonly times: number }
  | { readonly kind: "seats"; readonly org: OrgIndex; readonly concurrent: number | null };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const P = DEFAULT_POLICY;

const who: fc.Arbitrary<PersonKey> = fc.oneof(
  { arbitrary: fc.constant<PersonKey>("staff"), weight: 6 },
  { arbitrary: fc.constant<PersonKey>("dual"), weight: 4 },
  { arbitrary: fc.constant<PersonKey>("disabled"), weight: 2 },
  { arbitrary: fc.constant<PersonKey>("cedar"), weight: 2 },
  { arbitrary: fc.constant<PersonKey>("pending"), weight: 1 },
  { arbitrary: fc.constant<PersonKey>("unknown"), weight: 1 },
);
const org: fc.Arbitrary<OrgChoice> = fc.oneof(
  { arbitrary: fc.constant<OrgChoice>("none"), weight: 4 },
  { arbitrary: fc.constantFrom<OrgChoice>(0, 1), weight: 2 },
);
const wrong: fc.Arbitrary<WrongPick> = fc.oneof(
  { arbitrary: fc.constant<WrongPick>("wrong"), weight: 4 },
  { arbitrary: fc.constantFrom<WrongPick>("guess", "truncated", "suffixed", "upper"), weight: 2 },
);
const password: fc.Arbitrary<PasswordPick> = fc.oneof(
  { arbitrary: fc.constant<PasswordPick>("right"), weight: 8 },
  { arbitrary: fc.constant<PasswordPick>("rightNfkc"), weight: 1 },
  { arbitrary: wrong, weight: 4 },
);
const session: fc.Arbitrary<SessionPick> = fc.record({
  live: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
  index: fc.oneof({ arbitrary: fc.nat(3), weight: 4 }, { arbitrary: fc.nat(30), weight: 1 }),
});
const delta = fc.constantFrom(-1000, -1, 0, 1, 1000);
/** Memberships by index, mostly those that sign in (staff, dual twice, cedar). */
const membership = fc.oneof(
  { arbitrary: fc.constantFrom(0, 3, 4, 5), weight: 3 },
  { arbitrary: fc.nat(5), weight: 1 },
);

/** Seconds to hours, with the edges of the lock lengths and session limits. */
const advanceMs: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 120 }).map((s) => s * 1000), weight: 4 },
  { arbitrary: fc.integer({ min: 1, max: 14 }).map((m) => m * MINUTE), weight: 3 },
  { arbitrary: fc.integer({ min: 15, max: 59 }).map((m) => m * MINUTE), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 30 }).map((h) => h * HOUR), weight: 1 },
  {
    arbitrary: fc
      .constantFrom(
        P.sessionTouchIntervalMs,
        P.sessionIdleMs,
        P.lockoutBaseMs,
        2 * P.lockoutBaseMs,
        4 * P.lockoutBaseMs,
        P.sessionLifetimeMs,
        P.lockoutMaxMs,
        P.resetWindowMs,
      )
      .chain((edge) => fc.constantFrom(edge - 1000, edge - 1, edge, edge + 1, edge + 1000)),
    weight: 2,
  },
);

/**
 * Random steps of the sign-in property: sign-ins (right, wrong, NFKC, near misses) of the whole
 * cast with and without `organizationId`, parallel bursts of wrong passwords and rushes of right
 * ones, clock moves to and past every limit, unlock, disable and restore, sign-out, session probes,
 * password changes, reset requests and concurrent-seat changes.
 *
 * @example fc.array(authOperationArbitrary, { maxLength: 30 })
 */
export const authOperationArbitrary: fc.Arbitrary<AuthOperation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("signIn" as const), who, password, org }), weight: 14 },
  {
    arbitrary: fc.record({
      kind: fc.constant("burst" as const),
      who,
      password: wrong,
      size: fc.integer({ min: 3, max: 15 }),
      org,
      thenRight: fc.boolean(),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("lockCycles" as const),
      who: fc.constantFrom<PersonKey>("staff", "dual", "disabled", "cedar"),
      endings: fc.array(
        fc.oneof(
          { arbitrary: fc.constant<CycleEnd>("expiry"), weight: 4 },
          { arbitrary: fc.constantFrom<CycleEnd>("unlock", "success"), weight: 1 },
        ),
        { minLength: 1, maxLength: 9 },
      ),
      size: fc.integer({ min: DEFAULT_POLICY.lockoutThreshold, max: 15 }),
      delta: fc.constantFrom(0, 1, 1000),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("rush" as const),
      who,
      size: fc.integer({ min: 2, max: 4 }),
      org,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("advance" as const), ms: advanceMs }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant("toLockExpiry" as const), who, delta }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("toIdle" as const), session, delta }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("ride" as const),
      session,
      stepMinutes: fc.integer({ min: 5, max: 14 }),
      delta,
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom("unlock" as const, "disable" as const, "restore" as const, "bounce" as const),
      membership,
      probe: fc.boolean(),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant("signOut" as const), session }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("session" as const),
      session: fc.oneof(session, fc.constant("all" as const)),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("changePassword" as const),
      session,
      current: fc.oneof(
        { arbitrary: fc.constant("right" as const), weight: 2 },
        { arbitrary: fc.constant("wrong" as const), weight: 1 },
      ),
      probe: fc.boolean(),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("requestReset" as const),
      who,
      times: fc.integer({ min: 1, max: 5 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("seats" as const),
      org: fc.constantFrom<OrgIndex>(0, 1),
      concurrent: fc.oneof(
        { arbitrary: fc.constant(null), weight: 1 },
        { arbitrary: fc.constant(0), weight: 1 },
        { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 4 },
      ),
    }),
    weight: 4,
  },
);
