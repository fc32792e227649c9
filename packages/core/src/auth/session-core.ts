import type { RequestMetadata } from "../audit/audit.schema";
import type { ServiceContext } from "../directory/context";
import { fail } from "../errors/directory-error";
import { liveSessionWindow, sessionIdleMs, sessionLifetimeMs } from "../organization/session-limits.rules";
import { randomToken, sha256Hex } from "../ports/crypto";
import { isTokenText } from "../primitives/text.schema";
import type { AccountRecord, OrganizationRecord, SessionRecord, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { toUser } from "../users/user-view";
import type { OrganizationChoice, SessionView } from "./auth.schema";

/** A token a caller hands us: shaped like one core issues (`isTokenText`), or nothing we will hash. */
export function tokenText(token: unknown): string {
  if (!isTokenText(token)) throw fail.unauthenticated();
  return token;
}

/**
 * When a session ends at the latest: its stored end, or its organization's lifetime counted from
 * sign-in when that is shorter (a lifetime shortened after sign-in applies at once).
 */
export function sessionEnd(org: OrganizationRecord, s: SessionRecord): number {
  return Math.min(Date.parse(s.expiresAt), Date.parse(s.createdAt) + sessionLifetimeMs(org));
}

/** When an unused session ends: its idle limit from its last use, at most {@link sessionEnd}. */
export function sessionIdleEnd(org: OrganizationRecord, s: SessionRecord): number {
  return Math.min(Date.parse(s.lastSeenAt) + sessionIdleMs(org), sessionEnd(org, s));
}

/** The organization's idle and absolute limits of a session at `nowMs` (W13). */
export function sessionAlive(org: OrganizationRecord, s: SessionRecord, nowMs: number): boolean {
  return sessionIdleEnd(org, s) > nowMs;
}

/** The view of a live session. */
export function sessionView(
  s: SessionRecord,
  org: OrganizationRecord,
  user: UserRecord,
  account: AccountRecord | null,
  nowMs: number,
  mustChangePassword: boolean,
): SessionView {
  return {
    organizationId: org.id,
    organizationName: org.name,
    userId: user.id,
    user: toUser(user, account, nowMs),
    mustChangePassword,
    createdAt: s.createdAt,
    idleExpiresAt: new Date(sessionIdleEnd(org, s)).toISOString(),
    expiresAt: new Date(sessionEnd(org, s)).toISOString(),
  };
}

/** A resolved live session with everything it points at. */
export interface LiveSession {
  readonly record: SessionRecord;
  readonly org: OrganizationRecord;
  readonly user: UserRecord;
  readonly account: AccountRecord;
  /** The password is the account's, so a forced change holds in every organization of the person. */
  readonly mustChangePassword: boolean;
}

/** True when any membership of the account must change the (shared) password. */
export async function accountMustChange(tx: StoreTransaction, user: UserRecord): Promise<boolean> {
  if (user.mustChangePassword) return true;
  return (await tx.listUsersByAccount(user.accountId)).some((m) => m.mustChangePassword);
}

/**
 * Finds a live session inside a transaction: present, within its idle and absolute limits, its user
 * still active in a live organization. Anything else is `unauthenticated`.
 */
export async function findLiveSession(
  tx: StoreTransaction,
  tokenHash: string,
  nowMs: number,
): Promise<LiveSession | "dead" | null> {
  const record = await tx.findSession(tokenHash);
  if (!record) return null;
  const org = await tx.getOrganization(record.organizationId);
  if (!org || !sessionAlive(org, record, nowMs)) return "dead";
  const user = await tx.getUser(record.organizationId, record.userId);
  const account = user ? await tx.getAccount(user.accountId) : null;
  if (!user || !account || user.status !== "active" || user.accountId !== record.accountId) return "dead";
  return { record, org, user, account, mustChangePassword: await accountMustChange(tx, user) };
}

/**
 * Opens a session for an active membership, within the organization's concurrent seats (R9). Runs
 * inside a transaction that holds the organization lock, so two sign-ins cannot take the last seat.
 */
export async function openSession(
  ctx: ServiceContext,
  tx: StoreTransaction,
  org: OrganizationRecord,
  user: UserRecord,
  nowMs: number,
  metadata: RequestMetadata | undefined,
): Promise<{ token: string; record: SessionRecord }> {
  const window = liveSessionWindow(org, nowMs);
  const now = window.now;
  const limit = org.seats.concurrent;
  if (limit !== null) {
    const live = await tx.countLiveSessions(org.id, now, window.idleSince, window.createdSince);
    if (live >= limit) {
      throw fail.rule(
        "concurrent_seat_limit",
        `All ${limit} concurrent sessions of ${org.name} are in use. Try again when someone signs out.`,
        { limit, used: live },
      );
    }
  }
  const token = randomToken();
  const record: SessionRecord = {
    id: ctx.ids("session"),
    tokenHash: await sha256Hex(token),
    accountId: user.accountId,
    organizationId: org.id,
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(nowMs + sessionLifetimeMs(org)).toISOString(),
    metadata: { ...(metadata ?? {}) },
  };
  await tx.insertSession(record);
  return { token, record };
}

/** The active memberships of an account, newest sign-in first, with their organizations. */
export async function activeMemberships(
  tx: StoreTransaction,
  accountId: string,
): Promise<{ user: UserRecord; org: OrganizationRecord }[]> {
  const out: { user: UserRecord; org: OrganizationRecord }[] = [];
  for (const user of await tx.listUsersByAccount(accountId)) {
    if (user.status !== "active") continue;
    const org = await tx.getOrganization(user.organizationId);
    if (org) out.push({ user, org });
  }
  return out.sort(
    (a, b) =>
      (b.user.lastSignInAt ?? "").localeCompare(a.user.lastSignInAt ?? "") ||
      a.org.id.localeCompare(b.org.id),
  );
}

/** The organization switcher's entries. */
export function choices(
  memberships: readonly { user: UserRecord; org: OrganizationRecord }[],
  currentOrg: string,
): OrganizationChoice[] {
  return memberships
    .map(({ user, org }) => ({
      organizationId: org.id,
      name: org.name,
      userId: user.id,
      current: org.id === currentOrg,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
