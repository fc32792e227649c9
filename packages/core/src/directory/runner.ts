import type { AccessSubject } from "../access/access.rules";
import type { Actor } from "../access/access.schema";
import { type ActorContext, loadActor } from "../access/actor";
import type { MailMessage } from "../ports/mailer";
import type { StoreTransaction } from "../store/store.port";
import type { UserActionFacts } from "../users/user-actions.rules";
import { type ServiceContext, sendAfterCommit, type Unit } from "./context";

/**
 * One actor's view of the service: the context, who acts, and the last loaded access subject and
 * organization facts that `can()` and `users.actions()` answer from.
 */
export interface ActorSession {
  readonly ctx: ServiceContext;
  readonly actor: Actor;
  subject: AccessSubject | null;
  /** Loaded by `me()`; until then every target counts as an administrator and nobody as the main contact. */
  facts: UserActionFacts;
}

/** Runs a read with the actor loaded; refreshes the session's subject. */
export async function readOp<T>(
  s: ActorSession,
  work: (tx: StoreTransaction, a: ActorContext) => Promise<T>,
): Promise<T> {
  return s.ctx.store.transaction(
    async (tx) => {
      const a = await loadActor(tx, s.actor);
      s.subject = a.subject;
      return work(tx, a);
    },
    { readOnly: true },
  );
}

/**
 * Runs a mutation: locks the organization (and any extra keys), loads the actor, runs the work with
 * a unit that collects mail, commits, then sends the mail.
 */
export async function writeOp<T>(
  s: ActorSession,
  work: (unit: Unit, a: ActorContext) => Promise<T>,
  extraLocks: readonly string[] = [],
): Promise<T> {
  const mail: MailMessage[] = [];
  const result = await s.ctx.store.transaction(
    async (tx) => {
      const nowMs = s.ctx.clock.now();
      const unit: Unit = { tx, now: new Date(nowMs).toISOString(), nowMs, mail, actor: s.actor };
      const a = await loadActor(tx, s.actor);
      s.subject = a.subject;
      return work(unit, a);
    },
    { lock: [s.actor.organizationId, ...extraLocks].sort() },
  );
  await sendAfterCommit(s.ctx, mail);
  return result;
}
