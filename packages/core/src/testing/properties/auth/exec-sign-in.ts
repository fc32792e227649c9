import type { SignInResult } from "../../../auth/auth.schema";
import { DEFAULT_POLICY } from "../../../directory/policy";
import { NEW_PASSWORD, TEMPORARY_PASSWORD, WRONG_PASSWORD } from "../../conformance/auth-helpers";
import { FIXTURE_PASSWORD } from "../../fixtures";
import { ensure } from "../attempt";
import {
  type AuthState,
  at,
  isLocked,
  type OrgChoice,
  type PersonModel,
  predictSignIn,
  type SignInExpectation,
} from "./model";
import type { AuthOperation, PasswordPick } from "./operations";
import { fromSettled, outcomeText, type Settled, settle } from "./outcome";

const P = DEFAULT_POLICY;

/** A wrong guess that is never anyone's password. */
const GUESS = "lantern-orbit-quartz-meadow-5";

/**
 * The passwords a password change rotates through (each is R16-compliant for the whole cast).
 *
 * @example nextPassword(FIXTURE_PASSWORD) // NEW_PASSWORD
 */
export const ROTATION: readonly string[] = [FIXTURE_PASSWORD, NEW_PASSWORD, TEMPORARY_PASSWORD];

/** The password after `current` in {@link ROTATION}. */
export function nextPassword(current: string | null): string {
  const i = ROTATION.indexOf(current ?? FIXTURE_PASSWORD);
  return ROTATION[(i + 1) % ROTATION.length] ?? NEW_PASSWORD;
}

/** The full-width form of printable ASCII: NFKC-equivalent to the input (R16). */
function fullWidth(ascii: string): string {
  return Array.from(ascii, (ch) => {
    const code = ch.charCodeAt(0);
    return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
  }).join("");
}

/**
 * The password a pick stands for, for this person now (an invitee or an unknown email "knows"
 * the fixture password).
 *
 * @example passwordFor(state.people.staff, "truncated")
 */
export function passwordFor(person: PersonModel, pick: PasswordPick): string {
  const right = person.account?.password ?? FIXTURE_PASSWORD;
  switch (pick) {
    case "right":
      return right;
    case "rightNfkc":
      return fullWidth(right);
    case "wrong":
      return WRONG_PASSWORD;
    case "guess":
      return GUESS;
    case "truncated":
      return right.slice(0, -1);
    case "suffixed":
      return `${right}!`;
    case "upper":
      return right.toUpperCase();
  }
}

function signInInput(state: AuthState, person: PersonModel, password: string, choice: OrgChoice) {
  return {
    email: person.email,
    password,
    ...(choice === "none" ? {} : { organizationId: state.orgs[choice].id }),
  };
}

function expectationText(expected: SignInExpectation): string {
  if (expected.kind === "refused") return `refused: ${expected.why}`;
  return `${expected.kind} in org${expected.membership.org}`;
}

function choiceText(choice: OrgChoice): string {
  return choice === "none" ? "" : ` into org${choice}`;
}

/** R17: a refused sign-in is exactly the reference refusal, whatever the reason. */
function checkRefused(state: AuthState, result: Settled<unknown>, why: string): void {
  ensure(
    state.trace,
    !result.ok,
    `R17/R9: the sign-in succeeded, yet the model refuses it (${why}); ${modelText(state)}`,
  );
  ensure(
    state.trace,
    result.json === state.refusal,
    `R17: a refused sign-in (${why}) answered ${result.json}, not the same as an unknown email: ${state.refusal}`,
  );
}

/** The model's lock state of every account, for messages. */
export function modelText(state: AuthState): string {
  const now = state.world.clock.now();
  const parts: string[] = [];
  for (const person of Object.values(state.people)) {
    const a = person.account;
    if (!a || a.password === null) continue;
    const until = a.lockedUntil === null ? "" : ` lock ends in ${Math.round((a.lockedUntil - now) / 1000)} s`;
    parts.push(`${person.key}: ${a.failures} failure(s), ${a.lockouts} lockout(s)${until}`);
  }
  return `model: ${parts.join("; ")}`;
}

/** Checks the view of a new session and records it in the model. */
function recordSession(
  state: AuthState,
  person: PersonModel,
  expected: Extract<SignInExpectation, { kind: "session" }>,
  result: SignInResult,
  now: number,
): void {
  const m = expected.membership;
  const view = result.session;
  ensure(
    state.trace,
    view.userId === m.userId && view.organizationId === state.orgs[m.org].id,
    `W3/W13: ${person.key} signed into ${view.organizationId} as ${view.userId}; expected org${m.org} as ${m.userId}`,
  );
  const expiresAt = now + P.sessionLifetimeMs;
  const idle = Math.min(now + P.sessionIdleMs, expiresAt);
  ensure(
    state.trace,
    Date.parse(view.expiresAt) === expiresAt && Date.parse(view.idleExpiresAt) === idle,
    `W13: a new session ends at ${view.expiresAt} (idle ${view.idleExpiresAt}); expected ${new Date(expiresAt).toISOString()} (idle ${new Date(idle).toISOString()})`,
  );
  state.sessions.push({
    n: state.sessions.length + 1,
    token: result.token,
    person: person.key,
    org: m.org,
    createdAt: now,
    expiresAt,
    lastSeen: now,
    ended: null,
  });
  state.trace.push(`    s${state.sessions.length} = ${person.key} in org${m.org}`);
}

/** Compares one sign-in outcome with the model's prediction (R9, R17, W13). */
function checkSignIn(
  state: AuthState,
  person: PersonModel,
  expected: SignInExpectation,
  result: Settled<SignInResult>,
  now: number,
): void {
  if (expected.kind === "refused") {
    checkRefused(state, result, expected.why);
    return;
  }
  if (expected.kind === "seat") {
    ensure(
      state.trace,
      !result.ok && result.error.code === "rule" && result.error.rule === "concurrent_seat_limit",
      `R9: org${expected.membership.org} has every concurrent seat in use; the sign-in answered ${outcomeText(result)}, not rule/concurrent_seat_limit`,
    );
    return;
  }
  ensure(
    state.trace,
    result.ok,
    `R17/R9: the right password of an active, unlocked ${person.key} with a free seat was refused: ${result.ok ? "" : result.json}; ${modelText(state)}`,
  );
  recordSession(state, person, expected, result.value, now);
}

async function signInOnce(
  state: AuthState,
  person: PersonModel,
  password: string,
  right: boolean,
  choice: OrgChoice,
  label: string,
): Promise<void> {
  state.passwords.add(password);
  const now = state.world.clock.now();
  const { expected, audited } = predictSignIn(state, person, right, choice, now);
  const result = await settle("signIn", () =>
    state.world.auth.signIn(signInInput(state, person, password, choice)),
  );
  for (const o of audited) state.orgs[o].signIns += 1;
  state.trace.push(
    `${at(state)} ${label}${choiceText(choice)} → ${outcomeText(result)} (model: ${expectationText(expected)})`,
  );
  checkSignIn(state, person, expected, result, now);
}

/** A burst: parallel wrong passwords, every one refused identically; then maybe the right one. */
async function execBurst(state: AuthState, op: Extract<AuthOperation, { kind: "burst" }>): Promise<void> {
  const person = state.people[op.who];
  const password = op.password === "wrong" ? WRONG_PASSWORD : passwordFor(person, op.password);
  state.passwords.add(password);
  const now = state.world.clock.now();
  const predictions = Array.from({ length: op.size }, () => predictSignIn(state, person, false, op.org, now));
  const input = signInInput(state, person, password, op.org);
  const settled = await Promise.allSettled(
    Array.from({ length: op.size }, () => state.world.auth.signIn(input)),
  );
  const results = settled.map((o) => fromSettled("signIn", o));
  for (const p of predictions) for (const o of p.audited) state.orgs[o].signIns += 1;
  const refused = results.filter((r) => !r.ok).length;
  state.trace.push(
    `${at(state)} burst ${op.size}× ${op.who} (${op.password})${choiceText(op.org)} → ${refused} refused; ${modelText(state)}`,
  );
  for (const [i, result] of results.entries()) {
    const expected = predictions[i]?.expected;
    const why = expected?.kind === "refused" ? expected.why : "wrong password";
    checkRefused(state, result, `burst attempt ${i + 1}: ${why}`);
  }
  if (op.thenRight) {
    const right = passwordFor(person, "right");
    await signInOnce(state, person, right, true, op.org, `  then ${op.who} (right)`);
  }
}

function outcomeKind(result: Settled<unknown>): SignInExpectation["kind"] {
  if (result.ok) return "session";
  return result.error.code === "rule" && result.error.rule === "concurrent_seat_limit" ? "seat" : "refused";
}

function tally(kinds: readonly SignInExpectation["kind"][]): string {
  const n = (k: SignInExpectation["kind"]) => kinds.filter((x) => x === k).length;
  return `${n("session")} session(s), ${n("seat")} seat refusal(s), ${n("refused")} refused`;
}

/**
 * How many attempts may run at once without meeting the failure budget's edge: every attempt
 * takes a slot of the atomic counter before its password is checked (R17), so more parallel right
 * passwords than free slots are refused like a lock although no lock ever holds. That edge is a
 * design question reported apart (see the property's report), so rushes stay within the budget.
 */
function freeSlots(person: PersonModel, now: number): number {
  const account = person.account;
  if (!account || account.password === null || isLocked(account, now)) return Number.POSITIVE_INFINITY;
  const failures = account.lockedUntil === null ? account.failures : 0;
  return P.lockoutThreshold - failures;
}

/**
 * A rush: the same person's right password several times at once (two tabs, a double click, a
 * shared terminal), at most as many as the failure budget has free slots. The model applies them
 * one after another at the same instant: each is a verified password, so while the account is not
 * locked and the user active, exactly as many open sessions as there are free concurrent seats (R9
 * under concurrency) and the rest are seat refusals.
 */
async function execRush(state: AuthState, op: Extract<AuthOperation, { kind: "rush" }>): Promise<void> {
  const person = state.people[op.who];
  const password = passwordFor(person, "right");
  const now = state.world.clock.now();
  const failures = person.account?.failures ?? 0;
  const size = Math.max(1, Math.min(op.size, freeSlots(person, now)));
  const opening: [number, number] = [0, 0];
  const predictions = Array.from({ length: size }, () =>
    predictSignIn(state, person, true, op.org, now, opening),
  );
  const input = signInInput(state, person, password, op.org);
  const settled = await Promise.allSettled(
    Array.from({ length: size }, () => state.world.auth.signIn(input)),
  );
  const results = settled.map((o) => fromSettled("signIn", o));
  for (const p of predictions) for (const o of p.audited) state.orgs[o].signIns += 1;
  const expected = tally(predictions.map((p) => p.expected.kind));
  const actual = tally(results.map(outcomeKind));
  state.trace.push(
    `${at(state)} rush ${size}× ${op.who} (right, ${failures} failure(s) before)${choiceText(op.org)} → ${actual} (model: ${expected})`,
  );
  ensure(
    state.trace,
    actual === expected,
    `R17/R9: ${size} parallel right-password sign-ins of ${op.who} gave ${actual}; one after another they give ${expected}`,
  );
  const opened = predictions.map((p) => p.expected).find((e) => e.kind === "session");
  for (const result of results) {
    if (result.ok && opened?.kind === "session") recordSession(state, person, opened, result.value, now);
    else if (!result.ok && outcomeKind(result) === "refused") checkRefused(state, result, "rush");
  }
}

/**
 * Runs a sign-in step: one attempt; a parallel burst of wrong passwords (`Promise.allSettled`),
 * optionally followed by the right one; or a parallel rush of right passwords. A burst counts at
 * most threshold − failures attempts: the model applies them one by one at the same instant, so an
 * over-count shows as a refused right password (or a longer lock) later.
 *
 * @example await execSignIn(state, { kind: "signIn", who: "dual", password: "right", org: "none" });
 */
export async function execSignIn(
  state: AuthState,
  op: Extract<AuthOperation, { kind: "signIn" | "burst" | "rush" }>,
): Promise<void> {
  if (op.kind === "burst") return execBurst(state, op);
  if (op.kind === "rush") return execRush(state, op);
  const person = state.people[op.who];
  const right = op.password === "right" || op.password === "rightNfkc";
  const password = passwordFor(person, op.password);
  await signInOnce(state, person, password, right, op.org, `signIn ${op.who} (${op.password})`);
}
