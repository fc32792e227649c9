import type { StaffDirectory } from "../../../directory/staff-directory";
import type { VersionOption } from "../../../primitives/version.schema";
import { ensure } from "../attempt";
import { pick } from "../model";
import { probeSessionsOf } from "./exec-sessions";
import { modelText } from "./exec-sign-in";
import {
  type AuthState,
  at,
  endSessions,
  isLocked,
  type MembershipModel,
  type PersonKey,
  predictResetMail,
} from "./model";
import type { AuthOperation } from "./operations";
import { outcomeText, settle } from "./outcome";

function label(m: MembershipModel): string {
  return `${m.person}@org${m.org}`;
}

/** The owner's read of a user's version: this model tests sign-in and lockout, not R12. */
const versionNow = async (owner: StaffDirectory, userId: string): Promise<VersionOption> => ({
  version: (await owner.users.get(userId)).version,
});

/**
 * W5 unlock by the organization's owner. Required to succeed while the model has the account
 * locked (a lock running now: the `locked` the directory shows), required to answer `conflict`
 * otherwise — counted failures without a lock are not a lock to clear. After an expired lock, the
 * answer is `conflict` too. A success forgets the failures and the lockouts.
 */
async function execUnlock(state: AuthState, m: MembershipModel): Promise<void> {
  const account = state.people[m.person].account;
  if (!account) throw new Error(`auth property: membership of ${m.person}, who has no account`);
  const now = state.world.clock.now();
  const locked = isLocked(account, now);
  const owner = state.orgs[m.org].owner;
  const result = await settle("unlock", async () =>
    owner.users.unlock(m.userId, await versionNow(owner, m.userId)),
  );
  state.trace.push(
    `${at(state)} unlock ${label(m)} → ${outcomeText(result)} (model: ${locked ? "locked" : `${account.failures} failure(s)`})`,
  );
  ensure(
    state.trace,
    !locked || result.ok,
    `W5: unlocking ${label(m)} answered ${outcomeText(result)}; ${modelText(state)}`,
  );
  ensure(
    state.trace,
    result.ok || result.error.code === "conflict",
    `W5: a refused unlock must be conflict (not locked), got ${outcomeText(result)}`,
  );
  ensure(
    state.trace,
    !result.ok || locked,
    `W5: unlocking ${label(m)}, who is not locked, succeeded; ${modelText(state)}`,
  );
  if (!result.ok) return;
  ensure(state.trace, !result.value.locked, `W5: the unlocked ${label(m)} still shows locked`);
  account.failures = 0;
  account.lockedUntil = null;
  account.lockouts = 0;
}

/** W6 disable and restore by the owner: only from active, only from disabled; disable ends the sessions there. */
async function execStatus(
  state: AuthState,
  m: MembershipModel,
  action: "disable" | "restore",
): Promise<void> {
  const owner = state.orgs[m.org].owner;
  const from = action === "disable" ? "active" : "disabled";
  const result = await settle(action, async () => {
    const version = await versionNow(owner, m.userId);
    return action === "disable"
      ? owner.users.disable(m.userId, version)
      : owner.users.restore(m.userId, version);
  });
  state.trace.push(`${at(state)} ${action} ${label(m)} (${m.status}) → ${outcomeText(result)}`);
  if (m.status !== from) {
    ensure(
      state.trace,
      !result.ok && result.error.code === "conflict",
      `W6: ${action} of a ${m.status} user answered ${outcomeText(result)}, not conflict`,
    );
    return;
  }
  ensure(state.trace, result.ok, `W6: ${action} of a ${m.status} user failed: ${outcomeText(result)}`);
  m.status = action === "disable" ? "disabled" : "active";
  ensure(
    state.trace,
    result.value.status === m.status,
    `W6: ${action} answered status ${result.value.status}`,
  );
  if (action === "disable") {
    endSessions(state, (s) => s.person === m.person && s.org === m.org, `disabled in org${m.org}`);
  }
}

/** W11/R9: the owner sets the concurrent seats (with the version just read). */
async function execSeats(state: AuthState, op: Extract<AuthOperation, { kind: "seats" }>): Promise<void> {
  const org = state.orgs[op.org];
  const current = await org.owner.organization.get();
  const result = await settle("organization.update", () =>
    org.owner.organization.update({ seats: { concurrent: op.concurrent } }, { version: current.version }),
  );
  state.trace.push(`${at(state)} org${op.org} concurrent seats ${op.concurrent} → ${outcomeText(result)}`);
  ensure(state.trace, result.ok, `W11: setting concurrent seats failed: ${outcomeText(result)}`);
  ensure(
    state.trace,
    result.value.seats.concurrent === op.concurrent,
    `W11: concurrent seats read ${result.value.seats.concurrent} after setting ${op.concurrent}`,
  );
  org.concurrent = op.concurrent;
}

/** W13 forgot password: always the same empty answer; a link only within the rate limit; never locks. */
async function execReset(state: AuthState, who: PersonKey): Promise<void> {
  const person = state.people[who];
  const mails = () =>
    state.world.mailer.outbox.filter((m) => m.to === person.email && m.kind === "password_reset").length;
  const before = mails();
  const expected = predictResetMail(person, state.world.clock.now()) ? 1 : 0;
  const result = await settle("requestPasswordReset", () =>
    state.world.auth.requestPasswordReset({ email: person.email }),
  );
  const sent = mails() - before;
  state.trace.push(`${at(state)} requestPasswordReset ${who} → ${outcomeText(result)}, ${sent} mail(s)`);
  ensure(
    state.trace,
    result.ok && result.value === undefined,
    `W13: requestPasswordReset must answer the same for everyone, got ${outcomeText(result)}`,
  );
  ensure(
    state.trace,
    sent === expected,
    `W13: requestPasswordReset for ${who} mailed ${sent} link(s), expected ${expected}`,
  );
}

/**
 * Runs an administrator or account step: unlock, disable, restore (or both), concurrent seats,
 * reset requests.
 *
 * @example await execAdmin(state, { kind: "unlock", membership: 3, probe: true });
 */
export async function execAdmin(
  state: AuthState,
  op: Extract<
    AuthOperation,
    { kind: "unlock" | "disable" | "restore" | "bounce" | "seats" | "requestReset" }
  >,
): Promise<void> {
  if (op.kind === "seats") return execSeats(state, op);
  if (op.kind === "requestReset") {
    for (let i = 0; i < op.times; i++) await execReset(state, op.who);
    return;
  }
  const m = pick(state.memberships, op.membership);
  if (!m) throw new Error("auth property: no memberships");
  if (op.kind === "unlock") await execUnlock(state, m);
  else if (op.kind !== "bounce") await execStatus(state, m, op.kind);
  else {
    await execStatus(state, m, "disable");
    await execStatus(state, m, "restore");
  }
  if (op.probe) await probeSessionsOf(state, m.person);
}
