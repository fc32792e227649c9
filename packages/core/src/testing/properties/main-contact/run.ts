import type { AuditEvent } from "../../../audit/audit-event.schema";
import { tokenFromLink } from "../../../ports/mailer";
import type { WorldFactory } from "../../conformance/world";
import { readSnapshot } from "../snapshot";
import { checkMcStep } from "./checks";
import { actingUser, resolveTarget, runAct, runForgot, runGuess, runReadMail, runSignIn } from "./exec";
import { type McState, personOf, type StepRecord } from "./model";
import type { Act, AsPick, McOperation, McRun, PersonPick } from "./operations";
import { buildMcState } from "./setup";

/** The audit events written since the organization had `total` of them (newest first). */
async function eventsSince(state: McState, total: number, now: number): Promise<readonly AuditEvent[]> {
  const grew = now - total;
  if (grew <= 0) return [];
  const page = await state.observer.audit.list({ limit: Math.min(grew, 500) });
  return page.items;
}

/** Puts new reset links into the inbox of whoever reads the mailbox they were sent to. */
function deliver(state: McState): void {
  const outbox = state.world.mailer.outbox;
  for (const mail of outbox.slice(state.delivered)) {
    const reader = state.mailboxes.get(mail.to);
    const token = tokenFromLink(mail.link);
    if (mail.kind !== "password_reset" || reader === undefined || !token) continue;
    const user = [...state.snapshot.users.values()].find((u) => u.email === mail.to);
    if (user) state.inbox.get(reader)?.push({ token, userId: user.id, used: false });
  }
  state.delivered = outbox.length;
}

/** Runs one step, then reads the organization and checks R7 against the step's person. */
async function step(state: McState, run: () => Promise<StepRecord | null>): Promise<void> {
  const before = state.snapshot;
  const record = await run();
  if (!record) return;
  const after = await readSnapshot(state.observer);
  const events = await eventsSince(state, before.auditTotal, after.auditTotal);
  checkMcStep(state, record, before, after, events);
  state.snapshot = after;
  deliver(state);
}

async function act(state: McState, person: number, as: AsPick, what: Act): Promise<void> {
  await step(state, async () => {
    const userId = await actingUser(state, person, as);
    return userId === null ? null : runAct(state, person, userId, what);
  });
}

/**
 * A takeover chain, each link a checked step: get a password for the target (temporary password;
 * or their email moved to one of the person's mailboxes and a reset link sent there; or a lock
 * lifted to guess on), sign in as them, then act through that session.
 */
async function takeover(
  state: McState,
  person: number,
  op: Extract<McOperation, { kind: "takeover" }>,
): Promise<void> {
  const target = op.target;
  if (op.method === "temporary") {
    await act(state, person, op.as, { kind: "reset", target, mode: "temporary" });
  } else if (op.method === "guessAndUnlock") {
    await step(state, () => runGuess(state, person, target, 10));
    await act(state, person, op.as, { kind: "lifecycle", target, action: "unlock" });
    await step(state, () => runGuess(state, person, target, 1));
  } else {
    await act(state, person, op.as, { kind: "edit", target, field: "email", role: 0, location: 0 });
    if (op.method === "adminLink") await act(state, person, op.as, { kind: "reset", target, mode: "link" });
    else await step(state, () => runForgot(state, person, target));
    await step(state, () => runReadMail(state, person));
  }
  const userId = resolveTarget(state, target);
  await step(state, () => runSignIn(state, person, target));
  const held = [...(state.sessions.get(person)?.keys() ?? [])].indexOf(userId);
  if (held < 0) return;
  await act(state, person, { own: false, held }, op.andThen);
}

/** The person a pick names now (the main contact's person while they are one of the cast). */
function resolvePerson(state: McState, pick: PersonPick): number {
  if (!pick.mainContact) return Math.abs(pick.index) % state.people.length;
  return Math.max(0, personOf(state, state.snapshot.organization.mainContactUserId));
}

function execute(state: McState, op: McOperation): Promise<void> {
  const person = resolvePerson(state, op.person);
  switch (op.kind) {
    case "act":
      return act(state, person, op.as, op.act);
    case "forgot":
      return step(state, () => runForgot(state, person, op.target));
    case "readMail":
      return step(state, () => runReadMail(state, person));
    case "signIn":
      return step(state, () => runSignIn(state, person, op.target));
    case "guess":
      return step(state, () => runGuess(state, person, op.target, op.times));
    case "takeover":
      return takeover(state, person, op);
  }
}

/**
 * One run of the main-contact property on a fresh world; resolves to the trace.
 *
 * @example await runMcOperations(factory, { start: "owner", operations: [{ kind: "takeover", person: { mainContact: false, index: 1 }, as: { own: true }, target: { mainContact: true }, method: "temporary", andThen: { kind: "lifecycle", target: { mainContact: false, index: 2 }, action: "disable" } }] });
 */
export async function runMcOperations(factory: WorldFactory, run: McRun): Promise<readonly string[]> {
  const state = await buildMcState(await factory(), run.start);
  for (const op of run.operations) await execute(state, op);
  return state.trace;
}
