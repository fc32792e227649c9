import type { RequestMetadata } from "../audit/audit.schema";
import { auditSelf } from "../audit/audit-writer";
import type { ServiceContext } from "../directory/context";
import { checkMetadata } from "../directory/validate";
import { fail } from "../errors/directory-error";
import { EmailSchema } from "../primitives/contact.schema";
import { isId } from "../primitives/ids.schema";
import type { AccountRecord, UserRecord } from "../store/records";
import type { PasswordHash } from "./account.schema";
import type { SignInResult } from "./auth.schema";
import { normalizePassword } from "./password.rules";
import { accountMustChange, activeMemberships, choices, openSession, sessionView } from "./session-core";
import { takeClientSlot } from "./throttle";

/** A hash of nothing, verified when there is no real one, so every failure costs the same time. */
const dummyHashes = new WeakMap<ServiceContext, Promise<PasswordHash>>();
function dummyHash(ctx: ServiceContext): Promise<PasswordHash> {
  let hash = dummyHashes.get(ctx);
  if (!hash) {
    hash = ctx.passwords.hash("staffroom-timing-equaliser");
    dummyHashes.set(ctx, hash);
  }
  return hash;
}

/** Writes a sign-in audit event in its own transaction (a failure has no other transaction to join). */
export async function auditAuth(
  ctx: ServiceContext,
  organizationId: string,
  userId: string | null,
  email: string,
  action: string,
  outcome: "success" | "failure",
  reason: string | undefined,
  metadata: RequestMetadata | undefined,
): Promise<void> {
  await ctx.store.transaction(
    async (tx) => {
      if (!(await tx.getOrganization(organizationId))) return;
      await auditSelf(ctx, tx, ctx.clock.now(), {
        organizationId,
        userId,
        email,
        action,
        outcome,
        ...(reason ? { reason } : {}),
        metadata,
      });
    },
    { lock: [organizationId] },
  );
}

function lockLength(ctx: ServiceContext, lockouts: number): number {
  return Math.min(ctx.policy.lockoutBaseMs * 2 ** Math.min(lockouts, 20), ctx.policy.lockoutMaxMs);
}

/**
 * Locks an account whose failure count reached the threshold. Every path that fills the counter
 * ends here, so a full counter always carries a lock that expires (and that admins see).
 */
export async function lockIfFull(ctx: ServiceContext, accountId: string, nowMs: number): Promise<void> {
  await ctx.store.transaction(
    async (tx) => {
      const current = await tx.getAccount(accountId);
      if (!current || current.failedSignIns < ctx.policy.lockoutThreshold) return;
      if (current.lockedUntil && Date.parse(current.lockedUntil) > nowMs) return;
      await tx.lockAccount(accountId, new Date(nowMs + lockLength(ctx, current.lockouts)).toISOString());
    },
    { lock: [`account:${accountId}`] },
  );
}

/**
 * Takes one attempt from the account's failure budget, atomically; null when none is left (the
 * account is then locked, if it was not yet). An expired lock is cleared first.
 */
export async function reserveAttempt(
  ctx: ServiceContext,
  accountId: string,
  nowMs: number,
): Promise<number | null> {
  const reserved = await ctx.store.transaction(
    async (tx) => {
      const current = await tx.getAccount(accountId);
      if (current?.lockedUntil && Date.parse(current.lockedUntil) <= nowMs)
        await tx.clearSignInFailures(accountId, false);
      return tx.reserveSignInAttempt(accountId, ctx.policy.lockoutThreshold);
    },
    { lock: [`account:${accountId}`] },
  );
  if (reserved === null) await lockIfFull(ctx, accountId, nowMs);
  return reserved;
}

/** A verified password is no guess: the attempt it reserved is given back. */
export async function forgiveAttempts(ctx: ServiceContext, accountId: string): Promise<void> {
  await ctx.store.transaction((tx) => tx.clearSignInFailures(accountId, false), {
    lock: [`account:${accountId}`],
  });
}

/**
 * The memberships a failed attempt on `account` concerns: the named organization's when the account
 * belongs to it, else every organization it belongs to. Never an organization it does not belong to
 * (anyone may name any organization's id at sign-in), and nothing for an unknown email.
 */
export async function concernedMemberships(
  ctx: ServiceContext,
  account: AccountRecord | null,
  organizationId: string | undefined,
): Promise<UserRecord[]> {
  if (!account) return [];
  const memberships = await ctx.store.transaction((tx) => tx.listUsersByAccount(account.id), {
    readOnly: true,
  });
  const named = memberships.filter((m) => m.organizationId === organizationId);
  return named.length > 0 ? named : memberships;
}

/** Audits a failed attempt in the organizations it concerns, then answers `unauthenticated`. */
async function refuse(
  ctx: ServiceContext,
  email: string,
  account: AccountRecord | null,
  organizationId: string | undefined,
  reason: string,
  metadata: RequestMetadata | undefined,
): Promise<never> {
  for (const m of await concernedMemberships(ctx, account, organizationId))
    await auditAuth(ctx, m.organizationId, m.id, email, "auth.sign_in", "failure", reason, metadata);
  throw fail.unauthenticated();
}

/**
 * W13/R17: sign-in. Each attempt first reserves a slot in the account's failure counter (atomic in
 * the store), so parallel guesses can never exceed the threshold; a success clears it.
 */
export async function signIn(
  ctx: ServiceContext,
  input: {
    email?: unknown;
    password?: unknown;
    organizationId?: unknown;
    metadata?: RequestMetadata | undefined;
  },
): Promise<SignInResult> {
  // Metadata comes from the server, not the person: checked first, since the client's address is
  // the throttle's key and every store must refuse the same bytes.
  const metadata = checkMetadata(input.metadata);
  const rawOrgId = input.organizationId;
  const orgId = typeof rawOrgId === "string" && isId(rawOrgId) ? rawOrgId : undefined;
  // First, before any look-up or hashing: a throttled client costs one counter step.
  const slot = await takeClientSlot(ctx, "sign_in", metadata, {
    memberships: async () => {
      const email = EmailSchema.safeParse(input.email);
      if (!email.success) return [];
      const found = await ctx.store.transaction((tx) => tx.findAccountByEmail(email.data), {
        readOnly: true,
      });
      return concernedMemberships(ctx, found, orgId);
    },
    record: (m) =>
      auditAuth(
        ctx,
        m.organizationId,
        m.id,
        m.email,
        "auth.sign_in",
        "failure",
        "client_throttled",
        metadata,
      ),
  });
  const password =
    typeof input.password === "string" && input.password.length <= 1024 ? input.password : null;
  const parsed = EmailSchema.safeParse(input.email);
  // A malformed organization id is bad input like a malformed email: the one answer, no audit.
  if (!parsed.success || password === null || (rawOrgId !== undefined && orgId === undefined)) {
    await ctx.passwords.verify(password ?? "", await dummyHash(ctx));
    throw fail.unauthenticated();
  }
  const email = parsed.data;
  const nowMs = ctx.clock.now();
  let account = await ctx.store.transaction((tx) => tx.findAccountByEmail(email), { readOnly: true });
  if (!account?.password) {
    await ctx.passwords.verify(password, await dummyHash(ctx));
    return refuse(ctx, email, account, orgId, account ? "no_password" : "unknown_account", metadata);
  }
  if (account.lockedUntil && Date.parse(account.lockedUntil) > nowMs) {
    await ctx.passwords.verify(password, await dummyHash(ctx));
    return refuse(ctx, email, account, orgId, "locked", metadata);
  }
  const accountId = account.id;
  const reserved = await reserveAttempt(ctx, accountId, nowMs);
  if (reserved === null) {
    // Either locked, or attempts still in flight hold the rest of the budget: the guarantee that
    // parallel guesses never exceed the threshold wins over this attempt (it may retry at once).
    await ctx.passwords.verify(password, await dummyHash(ctx));
    const now = await ctx.store.transaction((tx) => tx.getAccount(accountId), { readOnly: true });
    const locked = now?.lockedUntil != null && Date.parse(now.lockedUntil) > nowMs;
    return refuse(ctx, email, account, orgId, locked ? "locked" : "attempts_in_flight", metadata);
  }
  const hash = account.password;
  const ok = await ctx.passwords.verify(normalizePassword(password), hash);
  if (!ok) {
    if (reserved >= ctx.policy.lockoutThreshold) await lockIfFull(ctx, accountId, nowMs);
    return refuse(ctx, email, account, orgId, "wrong_password", metadata);
  }
  await forgiveAttempts(ctx, accountId);
  // A right password is no guess from this client either: only failures use up its budget.
  await slot.release();
  const memberships = await ctx.store.transaction((tx) => activeMemberships(tx, accountId), {
    readOnly: true,
  });
  const chosen = orgId ? memberships.find((m) => m.org.id === orgId) : memberships[0];
  if (!chosen)
    return refuse(ctx, email, account, orgId, orgId ? "not_a_member" : "no_active_membership", metadata);
  try {
    const result = await ctx.store.transaction(
      async (tx) => {
        const now = ctx.clock.now();
        const org = await tx.getOrganization(chosen.org.id);
        const user = await tx.getUser(chosen.org.id, chosen.user.id);
        if (!org || user?.status !== "active") throw fail.unauthenticated();
        const opened = await openSession(ctx, tx, org, user, now, metadata);
        const at = new Date(now).toISOString();
        await tx.recordSignIn(accountId, org.id, user.id, at);
        if (ctx.passwords.needsRehash(hash)) {
          const fresh = await tx.getAccount(accountId);
          if (fresh) {
            const rehashed: AccountRecord = {
              ...fresh,
              password: await ctx.passwords.hash(normalizePassword(password)),
              version: fresh.version + 1,
              updatedAt: at,
            };
            await tx.updateAccount(rehashed, fresh.version);
          }
        }
        await auditSelf(ctx, tx, now, {
          organizationId: org.id,
          userId: user.id,
          email,
          action: "auth.sign_in",
          metadata,
        });
        const signedIn = { ...user, lastSignInAt: at };
        account = await tx.getAccount(accountId);
        return {
          token: opened.token,
          session: sessionView(opened.record, org, signedIn, account, now, await accountMustChange(tx, user)),
          organizations: choices(memberships, org.id),
        };
      },
      { lock: [chosen.org.id, `account:${accountId}`].sort() },
    );
    return result;
  } catch (error) {
    if (error instanceof Error && "code" in error && (error as { code: string }).code === "rule") {
      await auditAuth(
        ctx,
        chosen.org.id,
        chosen.user.id,
        email,
        "auth.sign_in",
        "failure",
        "concurrent_seat_limit",
        metadata,
      );
    }
    throw error;
  }
}
