import type { Actor } from "../access/access.schema";
import { type ActorContext, loadActor } from "../access/actor";
import type { ActorFacts } from "../access/actor-facts";
import type { MailMessage } from "../ports/mailer";
import type { StoreTransaction } from "../store/store.port";
import { type ServiceContext, sendAfterCommit, type Unit } from "./context";

/**
 * One actor's view of the service: the context, who acts, and the snapshot `can()` and
 * `users.actions()` answer from — set by `me()` and by nothing else (null until the first `me()`).
 */
export interface ActorSession {
  readonly ctx: ServiceContext;
  readonly actor: Actor;
  snapshot: ActorFacts | null;
}

/** Runs a read with the actor loaded (for this call only; the snapshot is `me()`'s). */
export async function readOp<T>(
  s: ActorSession,
  work: (tx: StoreTransaction, a: ActorContext) => Promise<T>,
): Promise<T> {
  return s.ctx.store.transaction(
    async (tx) => {
      const a = await loadActor(tx, s.actor);
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
      return work(unit, a);
    },
    { lock: [s.actor.organizationId, ...extraLocks].sort() },
  );
  await sendAfterCommit(s.ctx, mail);
  return result;
}
