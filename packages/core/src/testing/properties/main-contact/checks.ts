import type { AuditEvent } from "../../../audit/audit-event.schema";
import type { User } from "../../../users/user.schema";
import { ensure } from "../attempt";
import { permissionsOf, type Snapshot } from "../model";
import { type McState, personOf, type StepRecord, who } from "./model";

/**
 * What of a user is theirs: membership and the account fields a user view shows. Not sign-in times,
 * and not the lock, which anyone can cause by typing wrong passwords (R17); an unlock by someone
 * else is still caught, by its audit event.
 */
function holdings(user: User | undefined): unknown {
  if (!user) return "gone";
  const { email, profile, roleId, locationAccess, primaryLocationId, status, flags, loginChannels } = user;
  return {
    email,
    profile,
    roleId,
    locationAccess,
    primaryLocationId,
    status,
    flags,
    loginChannels,
    provider: user.provider,
    licences: user.licences,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Events anyone may cause about anyone's account without touching it (R17): a failed sign-in, a
 * reset link asked for on the public form (it goes to the mailbox on record).
 */
function isPublic(event: AuditEvent): boolean {
  return (
    (event.action === "auth.sign_in" && event.outcome === "failure") ||
    event.action === "account.password_reset_requested"
  );
}

/**
 * R7 after one step, judged by who was at the keyboard: unless the main contact, acting as
 * themselves, took the step —
 * - nobody obtained a session as the main contact or learned a password for them;
 * - the main contact is the same person, and their membership and account (email, profile, role,
 *   locations, status, flags, forced change) and their role's permissions did not change;
 * - no event about the main contact was written except public ones (failed sign-ins, reset requests).
 * After every step the main contact is an active administrator (R6/R7).
 *
 * @example checkMcStep(state, record, before, after, newEvents);
 */
export function checkMcStep(
  state: McState,
  step: StepRecord,
  before: Snapshot,
  after: Snapshot,
  events: readonly AuditEvent[],
): void {
  const { trace } = state;
  const mc = before.organization.mainContactUserId;
  if (mc === null) return;
  const mcPerson = personOf(state, mc);
  const by = state.people[step.person]?.name ?? `person ${step.person}`;
  const theirs = step.person === mcPerson;
  ensure(
    trace,
    theirs || step.session !== mc,
    `R7: ${by} obtained a session as the main contact ${who(state, mc)}`,
  );
  ensure(trace, theirs || !step.learned.includes(mc), `R7: ${by} learned a password of the main contact`);
  const own = theirs && step.actingUserId === mc;
  if (!own) {
    ensure(
      trace,
      after.organization.mainContactUserId === mc,
      `R7: the main contact changed to ${after.organization.mainContactUserId} by ${by}'s step`,
    );
    const was = JSON.stringify(holdings(before.users.get(mc)));
    const now = JSON.stringify(holdings(after.users.get(mc)));
    ensure(trace, was === now, `R7: ${by}'s step changed the main contact: ${was} → ${now}`);
    const roleId = before.users.get(mc)?.roleId ?? "";
    const perms = (s: Snapshot) => JSON.stringify([...(s.roles.get(roleId)?.permissions ?? [])].sort());
    ensure(
      trace,
      perms(before) === perms(after),
      `R7: ${by}'s step changed the permissions of the main contact's role: ${perms(before)} → ${perms(after)}`,
    );
    const about = events.filter((e) => e.target.id === mc && !isPublic(e)).map((e) => e.action);
    ensure(trace, about.length === 0, `R7: ${by}'s step wrote ${about} about the main contact`);
  }
  const head = after.organization.mainContactUserId;
  const user = head === null ? undefined : after.users.get(head);
  ensure(
    trace,
    user?.status === "active" && permissionsOf(after, user).has("users.manage"),
    `R6/R7: the main contact ${head} is not an active administrator`,
  );
}
