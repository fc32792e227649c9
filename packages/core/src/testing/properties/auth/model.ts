import { DEFAULT_POLICY } from "../../../directory/policy";
import type { StaffDirectory } from "../../../directory/staff-directory";
import type { ConformanceWorld } from "../../conformance/world";
import type { OrgIndex } from "../model";

/** The policy the model predicts with: the defaults every conformance world runs on. */
const P = DEFAULT_POLICY;

/**
 * The cast of the sign-in property. `staff` (active), `disabled` and `pending` (an invitee without
 * a password) belong to the first organization, `cedar` to the second, `dual` to both, and
 * `unknown` has no account at all.
 *
 * @example const person = state.people.dual;
 */
export type PersonKey = "staff" | "disabled" | "pending" | "dual" | "cedar" | "unknown";

/** Every person of the cast. @example for (const key of PEOPLE) … */
export const PEOPLE: readonly PersonKey[] = ["staff", "disabled", "pending", "dual", "cedar", "unknown"];

/**
 * The `organizationId` a sign-in names: none (the most recently used), or one of the two organizations.
 *
 * @example { kind: "signIn", who: "dual", password: "right", org: 1 }
 */
export type OrgChoice = "none" | OrgIndex;

/**
 * The lock state of one account as the model predicts it (R17): consecutive failures since the
 * last verified password, unlock or lock expiry; when the lock ends; how many lockouts since the
 * last successful sign-in (each one doubles the next lock, 15 min up to 24 h).
 *
 * @example { password: "…", failures: 3, lockedUntil: null, lockouts: 0, resets: new Map() }
 */
export interface AccountModel {
  /** The current right password; null for an invitee who never chose one. */
  password: string | null;
  failures: number;
  /** Epoch ms; the lock holds while `now < lockedUntil`. Kept after expiry until the next attempt clears it. */
  lockedUntil: number | null;
  lockouts: number;
  /** Password-reset requests per rate window (window start → count). */
  readonly resets: Map<number, number>;
}

/** One membership of a person: their user in one organization. */
export interface MembershipModel {
  readonly person: PersonKey;
  readonly org: OrgIndex;
  readonly userId: string;
  status: "active" | "disabled" | "pending";
  /** When the membership last opened a session (picks the default organization of a sign-in). */
  lastSignIn: number | null;
}

/** A person of the cast: their email, account (null when unknown) and memberships. */
export interface PersonModel {
  readonly key: PersonKey;
  readonly email: string;
  readonly account: AccountModel | null;
  readonly memberships: readonly MembershipModel[];
}

/** A session the property holds the token of, with the model's view of its limits. */
export interface SessionModel {
  /** Ordinal for the trace (`s1`, `s2` …). */
  readonly n: number;
  readonly token: string;
  readonly person: PersonKey;
  readonly org: OrgIndex;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** The last time a resolve refreshed the idle timer. */
  lastSeen: number;
  /** Why the session ended early (sign-out, disable, password change), or null. */
  ended: string | null;
}

/** One organization of the run, read through its owner. */
export interface AuthOrgModel {
  readonly index: OrgIndex;
  readonly id: string;
  readonly owner: StaffDirectory;
  /** Concurrent seats (null: unlimited). */
  concurrent: number | null;
  /** Expected `audit.list({ action: "auth.sign_in" }).total`. */
  signIns: number;
  /** Last read `audit.list().total` (the events after it are new). */
  auditTotal: number;
}

/**
 * The state of one run of the sign-in property.
 *
 * @example const state = await buildAuthState(await factory());
 */
export interface AuthState {
  readonly world: ConformanceWorld;
  readonly orgs: readonly [AuthOrgModel, AuthOrgModel];
  readonly people: Readonly<Record<PersonKey, PersonModel>>;
  /** Every membership: staff, disabled, pending, dual (twice) and cedar. */
  readonly memberships: readonly MembershipModel[];
  readonly sessions: SessionModel[];
  /** Canonical `toJSON()` of the refusal of an unknown email: every refused sign-in must equal it. */
  readonly refusal: string;
  /** Every password sent in the run (right, wrong, new): none may ever appear in an audit event. */
  readonly passwords: Set<string>;
  readonly start: number;
  /** Human-readable log of resolved operations and outcomes, for counterexamples. */
  readonly trace: string[];
}

/** True while the account is locked at `now`. @example isLocked(acc, clock.now()) */
export function isLocked(account: AccountModel, now: number): boolean {
  return account.lockedUntil !== null && now < account.lockedUntil;
}

/** The length of the next lock: 15 minutes doubling per earlier lockout, at most 24 hours. */
export function lockLength(lockouts: number): number {
  let length = P.lockoutBaseMs;
  for (let i = 0; i < lockouts && length < P.lockoutMaxMs; i++) length *= 2;
  return Math.min(length, P.lockoutMaxMs);
}

/**
 * What one attempt on the failure budget does (sign-in, or changePassword's current password):
 * a locked account counts nothing; an expired lock clears first; a verified password clears the
 * count; a wrong one counts and, at the threshold, locks.
 *
 * @example spendAttempt(acc, now, false) // "wrong"
 */
export function spendAttempt(
  account: AccountModel,
  now: number,
  right: boolean,
): "locked" | "verified" | "wrong" {
  if (isLocked(account, now)) return "locked";
  if (account.lockedUntil !== null) {
    account.failures = 0;
    account.lockedUntil = null;
  }
  if (account.failures >= P.lockoutThreshold) {
    lock(account, now);
    return "locked";
  }
  account.failures += 1;
  if (right) {
    account.failures = 0;
    account.lockedUntil = null;
    return "verified";
  }
  if (account.failures >= P.lockoutThreshold) lock(account, now);
  return "wrong";
}

function lock(account: AccountModel, now: number): void {
  account.lockedUntil = now + lockLength(account.lockouts);
  account.lockouts += 1;
}

/**
 * The `index`-th most recent held session (modulo the count) among those live at `now` when `live`
 * (all held sessions when none is live or `live` is false): small indexes, where shrinking goes,
 * name the newest.
 *
 * @example pickSession(state, { live: true, index: 0 }, now) // the newest live session
 */
export function pickSession(
  state: AuthState,
  pick: { readonly live: boolean; readonly index: number },
  now: number,
): SessionModel | undefined {
  const live = pick.live ? state.sessions.filter((s) => sessionLive(s, now)) : [];
  const from = live.length > 0 ? live : state.sessions;
  return from.length === 0 ? undefined : from[from.length - 1 - (pick.index % from.length)];
}

/** True while a session resolves: not ended, within its absolute and idle limits. */
export function sessionLive(s: SessionModel, now: number): boolean {
  return s.ended === null && now < s.expiresAt && now < s.lastSeen + P.sessionIdleMs;
}

/** When a live session ends unless used: its idle deadline, never past its absolute one. */
export function idleDeadline(s: SessionModel): number {
  return Math.min(s.lastSeen + P.sessionIdleMs, s.expiresAt);
}

/** A resolve refreshes the idle timer, at most once per touch interval. */
export function touch(s: SessionModel, now: number): void {
  if (now - s.lastSeen >= P.sessionTouchIntervalMs) s.lastSeen = now;
}

/** The live sessions of an organization at `now`. */
export function liveIn(state: AuthState, org: OrgIndex, now: number): number {
  return state.sessions.filter((s) => s.org === org && sessionLive(s, now)).length;
}

/** Ends the model's live sessions that match. @example endSessions(state, (s) => s.person === "dual", "disabled") */
export function endSessions(state: AuthState, match: (s: SessionModel) => boolean, why: string): void {
  for (const s of state.sessions) if (s.ended === null && match(s)) s.ended = why;
}

/**
 * The membership a sign-in with a verified password lands in: the named organization's, when it is
 * active; without a name, the active one used most recently (ties: the smaller organization id).
 */
export function chooseMembership(
  state: AuthState,
  person: PersonModel,
  choice: OrgChoice,
): MembershipModel | undefined {
  const active = person.memberships.filter((m) => m.status === "active");
  if (choice !== "none") return active.find((m) => m.org === choice);
  const id = (m: MembershipModel) => state.orgs[m.org].id;
  return [...active].sort(
    (a, b) => (b.lastSignIn ?? -1) - (a.lastSignIn ?? -1) || id(a).localeCompare(id(b)),
  )[0];
}

/**
 * What the service must answer to a sign-in, as the model predicts it.
 *
 * @example { kind: "session", membership } | { kind: "refused" } | { kind: "seat", membership }
 */
export type SignInExpectation =
  | { readonly kind: "session"; readonly membership: MembershipModel }
  | { readonly kind: "seat"; readonly membership: MembershipModel }
  | { readonly kind: "refused"; readonly why: string };

/**
 * Predicts a sign-in and applies it to the model's lock state. Also returns the organizations
 * whose audit trail gains one `auth.sign_in` event: the one signed into (or refused for seats); else
 * the named one when the account belongs to it; else every organization the account belongs to,
 * whatever its status there (an unknown email: none).
 * `opening` counts, per organization, the sessions predicted but not recorded yet (a parallel rush).
 *
 * @example const { expected, audited } = predictSignIn(state, state.people.staff, true, "none", now);
 */
export function predictSignIn(
  state: AuthState,
  person: PersonModel,
  right: boolean,
  choice: OrgChoice,
  now: number,
  opening: [number, number] = [0, 0],
): { expected: SignInExpectation; audited: OrgIndex[] } {
  // Only organizations the account belongs to: the named one when it is one of them, else all.
  const refusedIn = (): OrgIndex[] => {
    if (!person.account) return [];
    const all = person.memberships.map((m) => m.org);
    return choice !== "none" && all.includes(choice) ? [choice] : all;
  };
  const account = person.account;
  if (!account || account.password === null) {
    return {
      expected: { kind: "refused", why: account ? "no password" : "no account" },
      audited: refusedIn(),
    };
  }
  const spent = spendAttempt(account, now, right);
  if (spent !== "verified") return { expected: { kind: "refused", why: spent }, audited: refusedIn() };
  const membership = chooseMembership(state, person, choice);
  if (!membership)
    return { expected: { kind: "refused", why: "no active membership" }, audited: refusedIn() };
  const limit = state.orgs[membership.org].concurrent;
  if (limit !== null && liveIn(state, membership.org, now) + opening[membership.org] >= limit) {
    return { expected: { kind: "seat", membership }, audited: [membership.org] };
  }
  account.lockouts = 0;
  membership.lastSignIn = now;
  opening[membership.org] += 1;
  return { expected: { kind: "session", membership }, audited: [membership.org] };
}

/**
 * Predicts whether a password-reset request mails a link: the account exists, has a membership
 * that is not pending, and the request is within the per-window rate limit. Counts the request.
 */
export function predictResetMail(person: PersonModel, now: number): boolean {
  const account = person.account;
  if (!account) return false;
  const window = Math.floor(now / P.resetWindowMs) * P.resetWindowMs;
  const count = (account.resets.get(window) ?? 0) + 1;
  account.resets.set(window, count);
  return count <= P.resetRequestsPerWindow && person.memberships.some((m) => m.status !== "pending");
}

/** `t+1h02m03s` relative to the run's start, for the trace. */
export function at(state: AuthState): string {
  let rest = Math.floor((state.world.clock.now() - state.start) / 1000);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  const ms = (state.world.clock.now() - state.start) % 1000;
  return `t+${h}h${String(m).padStart(2, "0")}m${String(s).padStart(2, "0")}s${ms ? `${ms}ms` : ""}`;
}
