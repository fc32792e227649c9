import type { AuditEvent } from "../../../audit/audit-event.schema";
import { ensure } from "../attempt";
import { type AuthOrgModel, type AuthState, isLocked, liveIn } from "./model";

/** The events appended since the last check, newest first. */
async function newEvents(org: AuthOrgModel, total: number): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  let cursor: string | null = null;
  while (out.length < total - org.auditTotal) {
    const page = await org.owner.audit.list({
      limit: Math.min(500, total - org.auditTotal - out.length),
      cursor,
    });
    out.push(...page.items);
    if (!page.nextCursor || page.items.length === 0) break;
    cursor = page.nextCursor;
  }
  return out;
}

/** R18: one `auth.sign_in` per attempt in the organizations concerned; no password anywhere; chain intact. */
async function checkAudit(state: AuthState, org: AuthOrgModel): Promise<void> {
  const signIns = (await org.owner.audit.list({ action: "auth.sign_in", limit: 1 })).total;
  ensure(
    state.trace,
    signIns === org.signIns,
    `R18: org${org.index} has ${signIns} auth.sign_in event(s); one per attempt makes ${org.signIns}`,
  );
  const total = (await org.owner.audit.list({ limit: 1 })).total;
  const events = await newEvents(org, total);
  const json = JSON.stringify(events);
  for (const password of state.passwords) {
    ensure(
      state.trace,
      !json.includes(password),
      `R15: an audit event of org${org.index} contains the password ${JSON.stringify(password)}`,
    );
  }
  org.auditTotal = total;
  const verified = await org.owner.audit.verify();
  ensure(state.trace, verified.ok, `R18: org${org.index}'s audit chain broken: ${JSON.stringify(verified)}`);
}

/**
 * The checks after every step:
 * - W13 (4) is checked where tokens are used (the `session` steps probe one or every held token,
 *   live or dead; `changePassword` and `ride` use theirs), not here: a probe has side effects (it
 *   moves the idle timer, and deletes a dead session), so probing after every step would hide idle
 *   timeouts, seat counts that include dead sessions, and sessions a restore brings back;
 * - R9 (5): a step that opened sessions in an organization leaves at most its concurrent seats live
 *   (sessions live before the seats were lowered may stay);
 * - R17/W5: each administrator sees `locked` exactly when the model has the account locked;
 * - R18/R15 (6, 7): the `auth.sign_in` totals match one event per attempt, no event holds a
 *   password used in the run, and `audit.verify()` is ok in both organizations.
 *
 * @example await checkAuthStep(state, sessionsBefore);
 */
export async function checkAuthStep(state: AuthState, sessionsBefore: number): Promise<void> {
  const now = state.world.clock.now();
  for (const org of state.orgs) {
    const opened = state.sessions.slice(sessionsBefore).some((s) => s.org === org.index);
    const live = liveIn(state, org.index, now);
    ensure(
      state.trace,
      !opened || org.concurrent === null || live <= org.concurrent,
      `R9: org${org.index} has ${live} live sessions for ${org.concurrent} concurrent seats`,
    );
  }
  for (const m of state.memberships) {
    const account = state.people[m.person].account;
    if (!account) continue;
    const seen = (await state.orgs[m.org].owner.users.get(m.userId)).locked;
    const expected = isLocked(account, now);
    ensure(
      state.trace,
      seen === expected,
      `R17/W5: the administrator of org${m.org} sees ${m.person} locked: ${seen}; the model says ${expected} (${account.failures} failure(s), ${account.lockouts} lockout(s), lock until ${account.lockedUntil === null ? "-" : new Date(account.lockedUntil).toISOString()})`,
    );
  }
  for (const org of state.orgs) await checkAudit(state, org);
}
