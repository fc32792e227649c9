import type { AccountRecord, InvitationRecord, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { utcDate } from "./credential.rules";
import { credentialAlert } from "./credential.schema";
import { displayName, type User } from "./user.schema";
import type { InvitationSummary } from "./user-results.schema";

/**
 * Views already built, per stored record. Stores that hand out the same immutable record object until
 * it changes (the memory store does) get the same frozen view back, so lists rebuild nothing for
 * unchanged users and serialisers can memoise per object. Other stores simply miss.
 */
const views = new WeakMap<
  UserRecord,
  { account: AccountRecord | null; locked: boolean; today: string; view: User }
>();

/** A stored user and its account, as the API returns it (frozen: plain data, never mutated). */
export function toUser(record: UserRecord, account: AccountRecord | null, nowMs: number): User {
  const lockedUntil = account?.lockedUntil ? Date.parse(account.lockedUntil) : 0;
  const locked = lockedUntil > nowMs;
  // The credential alert moves with the date, so a view is reused only on the day it was built.
  const today = utcDate(nowMs);
  const cached = views.get(record);
  if (cached && cached.account === account && cached.locked === locked && cached.today === today)
    return cached.view;
  const view: User = Object.freeze({
    ...record,
    displayName: displayName(record.profile),
    credentialAlert: credentialAlert(record.provider?.credentials, today),
    locked,
    lastSignInAt: record.lastSignInAt,
  });
  if (Object.isFrozen(record)) views.set(record, { account, locked, today, view });
  return view;
}

/** Loads the account of a stored user and returns the API view. */
export async function userView(tx: StoreTransaction, user: UserRecord, nowMs: number): Promise<User> {
  return toUser(user, await tx.getAccount(user.accountId), nowMs);
}

/** The admin-facing summary of an invitation. */
export function invitationSummary(inv: InvitationRecord, nowMs: number): InvitationSummary {
  return {
    userId: inv.userId,
    email: inv.email,
    sentCount: inv.sentCount,
    lastSentAt: inv.lastSentAt,
    expiresAt: inv.expiresAt,
    expired: Date.parse(inv.expiresAt) <= nowMs,
  };
}
