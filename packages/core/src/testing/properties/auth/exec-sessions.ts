import { WRONG_PASSWORD } from "../../conformance/auth-helpers";
import { ensure } from "../attempt";
import { nextPassword } from "./exec-sign-in";
import {
  type AuthState,
  at,
  endSessions,
  idleDeadline,
  isLocked,
  type PersonKey,
  pickSession,
  type SessionModel,
  sessionLive,
  spendAttempt,
  touch,
} from "./model";
import type { AuthOperation } from "./operations";
import { outcomeText, settle } from "./outcome";

const MINUTE = 60_000;

/** Why the model holds a session dead at `now`. */
function deathText(s: SessionModel, now: number): string {
  if (s.ended) return s.ended;
  if (now >= s.expiresAt) return "past its absolute limit";
  return `idle since ${Math.round((now - s.lastSeen) / 1000)} s`;
}

/**
 * Resolves a held token with `auth.session()` and checks it against the model (W13): a live one
 * resolves to its person and organization with the model's deadlines (and its idle timer moves); a
 * dead one is `unauthenticated`.
 *
 * @example await probeSession(state, state.sessions[0]);
 */
export async function probeSession(state: AuthState, s: SessionModel): Promise<void> {
  const now = state.world.clock.now();
  const live = sessionLive(s, now);
  const result = await settle("session", () => state.world.auth.session(s.token));
  if (!live) {
    ensure(
      state.trace,
      !result.ok && result.error.code === "unauthenticated",
      `W13: s${s.n} (${s.person} in org${s.org}) is dead (${deathText(s, now)}) but session() answered ${outcomeText(result)}`,
    );
    return;
  }
  ensure(
    state.trace,
    result.ok,
    `W13: s${s.n} (${s.person} in org${s.org}) should be live (idle ends in ${Math.round((idleDeadline(s) - now) / 1000)} s) but session() answered ${outcomeText(result)}`,
  );
  touch(s, now);
  const view = result.value;
  const membership = state.memberships.find((m) => m.person === s.person && m.org === s.org);
  ensure(
    state.trace,
    view.userId === membership?.userId && view.organizationId === state.orgs[s.org].id,
    `W13: s${s.n} resolved to ${view.userId} in ${view.organizationId}, not ${s.person} in org${s.org}`,
  );
  ensure(
    state.trace,
    Date.parse(view.expiresAt) === s.expiresAt && Date.parse(view.idleExpiresAt) === idleDeadline(s),
    `W13: s${s.n} ends at ${view.expiresAt} (idle ${view.idleExpiresAt}); the model says ${new Date(s.expiresAt).toISOString()} (idle ${new Date(idleDeadline(s)).toISOString()})`,
  );
}

/**
 * `session()` on every held token of a person (after a step that should have ended some).
 *
 * @example await probeSessionsOf(state, "dual");
 */
export async function probeSessionsOf(state: AuthState, person: PersonKey): Promise<void> {
  const now = state.world.clock.now();
  for (const s of state.sessions) {
    if (s.person !== person) continue;
    state.trace.push(`${at(state)}   session(s${s.n}) (model: ${sessionLive(s, now) ? "live" : "dead"})`);
    await probeSession(state, s);
  }
}

/** `session()` on one held token or all of them. */
async function execProbe(state: AuthState, op: Extract<AuthOperation, { kind: "session" }>): Promise<void> {
  const now = state.world.clock.now();
  const one = op.session === "all" ? undefined : pickSession(state, op.session, now);
  const picked = op.session === "all" ? state.sessions : one ? [one] : [];
  if (picked.length === 0) state.trace.push(`${at(state)} session() on no held token`);
  for (const s of picked) {
    state.trace.push(`${at(state)} session(s${s.n}) (model: ${sessionLive(s, now) ? "live" : "dead"})`);
    await probeSession(state, s);
  }
}

/** Sign-out: always resolves (idempotent), and the session is over. */
async function execSignOut(state: AuthState, s: SessionModel): Promise<void> {
  const result = await settle("signOut", () => state.world.auth.signOut(s.token));
  state.trace.push(`${at(state)} signOut(s${s.n}) → ${outcomeText(result)}`);
  ensure(state.trace, result.ok, `W13: signOut is idempotent and never fails, got ${outcomeText(result)}`);
  s.ended ??= "signed out";
}

/**
 * A password change from a held session: only a live session may try; the current password spends
 * the same failure budget as a sign-in (a wrong one is a field error on `currentPassword`, and a
 * locked account refuses even the right one); a success ends the person's other sessions.
 */
async function execChangePassword(
  state: AuthState,
  s: SessionModel,
  current: "right" | "wrong",
  probe: boolean,
): Promise<void> {
  const account = state.people[s.person].account;
  if (!account) throw new Error(`auth property: session of ${s.person}, who has no account`);
  const now = state.world.clock.now();
  const live = sessionLive(s, now);
  const currentPassword = current === "right" ? (account.password ?? WRONG_PASSWORD) : WRONG_PASSWORD;
  const newPassword = nextPassword(account.password);
  state.passwords.add(currentPassword);
  state.passwords.add(newPassword);
  let expected: "unauthenticated" | "incorrect" | "ok" = "unauthenticated";
  let lockedBefore = false;
  if (live) {
    touch(s, now);
    lockedBefore = isLocked(account, now);
    expected = spendAttempt(account, now, current === "right") === "verified" ? "ok" : "incorrect";
  }
  const result = await settle("changePassword", () =>
    state.world.auth.changePassword({ token: s.token, currentPassword, newPassword }),
  );
  state.trace.push(
    `${at(state)} changePassword(s${s.n}, ${current} current${lockedBefore ? ", locked" : ""}) → ${outcomeText(result)} (model: ${expected})`,
  );
  if (expected === "ok") {
    ensure(
      state.trace,
      result.ok,
      `W13: the right current password of an unlocked ${s.person} on a live session was refused: ${outcomeText(result)}`,
    );
    ensure(
      state.trace,
      result.value.userId ===
        state.memberships.find((m) => m.person === s.person && m.org === s.org)?.userId &&
        !result.value.mustChangePassword,
      `W13: changePassword answered a session of ${result.value.userId} (mustChangePassword ${result.value.mustChangePassword})`,
    );
    account.password = newPassword;
    endSessions(state, (x) => x.person === s.person && x !== s, `password changed from s${s.n}`);
    if (probe) await probeSessionsOf(state, s.person);
    return;
  }
  if (expected === "unauthenticated") {
    ensure(
      state.trace,
      !result.ok && result.error.code === "unauthenticated",
      `W13: changePassword on dead s${s.n} answered ${outcomeText(result)}, not unauthenticated`,
    );
    return;
  }
  const onCurrent = !result.ok && result.error.issues.some((i) => i.path.join(".") === "currentPassword");
  ensure(
    state.trace,
    !result.ok && result.error.code === "validation" && onCurrent,
    `R17: changePassword with a ${current} current password${lockedBefore ? " while locked" : ""} answered ${outcomeText(result)}, not a validation error on currentPassword`,
  );
}

/** The clock steps: a plain advance, to a lock's expiry, to a session's idle deadline, or a long ride. */
async function execClock(
  state: AuthState,
  op: Extract<AuthOperation, { kind: "advance" | "toLockExpiry" | "toIdle" | "ride" }>,
): Promise<void> {
  const clock = state.world.clock;
  const now = clock.now();
  if (op.kind === "advance") {
    clock.advance(op.ms);
    state.trace.push(`${at(state)} advanced ${op.ms} ms`);
    return;
  }
  if (op.kind === "toLockExpiry") {
    const account = state.people[op.who].account;
    const ms =
      account && isLocked(account, now) ? Math.max(0, (account.lockedUntil ?? now) - now + op.delta) : 1000;
    clock.advance(ms);
    state.trace.push(
      `${at(state)} advanced ${ms} ms (${op.who}'s lock expiry ${op.delta >= 0 ? "+" : ""}${op.delta} ms)`,
    );
    return;
  }
  const s = pickSession(state, op.session, now);
  if (!s || !sessionLive(s, now)) {
    clock.advance(1000);
    state.trace.push(`${at(state)} advanced 1000 ms (no live session to wait on)`);
    return;
  }
  if (op.kind === "toIdle") {
    const ms = Math.max(0, idleDeadline(s) - now + op.delta);
    clock.advance(ms);
    state.trace.push(
      `${at(state)} advanced ${ms} ms (s${s.n}'s idle deadline ${op.delta >= 0 ? "+" : ""}${op.delta} ms)`,
    );
    return;
  }
  const step = op.stepMinutes * MINUTE;
  state.trace.push(
    `${at(state)} ride s${s.n}: session() every ${op.stepMinutes} min, then to its absolute limit ${op.delta >= 0 ? "+" : ""}${op.delta} ms`,
  );
  while (clock.now() + step < s.expiresAt) {
    clock.advance(step);
    await probeSession(state, s);
  }
  clock.advance(Math.max(0, s.expiresAt - clock.now() + op.delta));
  state.trace.push(`${at(state)}   ride of s${s.n} over`);
}

/**
 * Runs a session or clock step.
 *
 * @example await execSessions(state, { kind: "signOut", session: { live: true, index: 0 } });
 */
export async function execSessions(
  state: AuthState,
  op: Extract<
    AuthOperation,
    { kind: "session" | "signOut" | "changePassword" | "advance" | "toLockExpiry" | "toIdle" | "ride" }
  >,
): Promise<void> {
  switch (op.kind) {
    case "session":
      return execProbe(state, op);
    case "signOut":
    case "changePassword": {
      const s = pickSession(state, op.session, state.world.clock.now());
      if (!s) {
        state.trace.push(`${at(state)} ${op.kind}: no session held`);
        return;
      }
      return op.kind === "signOut"
        ? execSignOut(state, s)
        : execChangePassword(state, s, op.current, op.probe);
    }
    default:
      return execClock(state, op);
  }
}
