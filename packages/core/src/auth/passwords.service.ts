import type { RequestMetadata } from "../audit/audit.schema";
import { auditSelf } from "../audit/audit-writer";
import { type ServiceContext, sendAfterCommit } from "../directory/context";
import { checkMetadata } from "../directory/validate";
import { orStale } from "../directory/versions";
import { fail } from "../errors/directory-error";
import { sha256Hex } from "../ports/crypto";
import { EmailSchema } from "../primitives/contact.schema";
import { isTokenText } from "../primitives/text.schema";
import type { AccountRecord, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { newToken } from "../users/invitation-mail";
import { displayName } from "../users/user.schema";
import type { SessionView } from "./auth.schema";
import { checkNewPassword } from "./new-password";
import { normalizePassword } from "./password.rules";
import { sessionView } from "./session-core";
import { resolveSession } from "./sessions.service";
import {
  auditAuth,
  concernedMemberships,
  forgiveAttempts,
  lockIfFull,
  reserveAttempt,
} from "./sign-in.service";
import { takeClientSlot } from "./throttle";

function passwordText(value: unknown, field: string): string {
  if (typeof value !== "string" || value.length === 0)
    throw fail.field([field], "required", "Enter a password.");
  if (value.length > 1024) throw fail.field([field], "too_long", "This password is too long.");
  return value;
}

/** Audits one account event in every organization the account belongs to, inside `tx`. */
async function auditEverywhere(
  ctx: ServiceContext,
  tx: StoreTransaction,
  memberships: readonly UserRecord[],
  action: string,
  metadata: RequestMetadata | undefined,
): Promise<void> {
  const nowMs = ctx.clock.now();
  for (const m of memberships) {
    await auditSelf(ctx, tx, nowMs, {
      organizationId: m.organizationId,
      userId: m.id,
      email: m.email,
      action,
      metadata,
    });
  }
}

/** Sets a new password hash, clears every membership's forced change, and writes the audit. */
async function setPassword(
  tx: StoreTransaction,
  account: AccountRecord,
  hash: AccountRecord["password"],
  at: string,
): Promise<UserRecord[]> {
  const next: AccountRecord = {
    ...account,
    password: hash,
    passwordChangedAt: at,
    version: account.version + 1,
    updatedAt: at,
  };
  await orStale(tx.updateAccount(next, account.version));
  const memberships = await tx.listUsersByAccount(account.id);
  for (const m of memberships) {
    if (!m.mustChangePassword) continue;
    await tx.updateUser(
      { ...m, mustChangePassword: false, version: m.version + 1, updatedAt: at },
      m.version,
    );
  }
  return memberships;
}

/**
 * `auth.changePassword`: works while the password must change. A wrong current password is a
 * field error and counts as a failed sign-in (a stolen session cannot brute-force it).
 */
export async function changePassword(
  ctx: ServiceContext,
  input: { token?: unknown; currentPassword?: unknown; newPassword?: unknown },
): Promise<SessionView> {
  const { live, hash } = await resolveSession(ctx, input.token);
  const current = passwordText(input.currentPassword, "currentPassword");
  const wanted = passwordText(input.newPassword, "newPassword");
  const accountId = live.account.id;
  // A stolen session must not brute-force the current password: wrong guesses spend the same
  // failure budget as sign-in and lock the same way; a right one gives its attempt back.
  const nowMs = ctx.clock.now();
  const reserved = await reserveAttempt(ctx, accountId, nowMs);
  const stored = live.account.password;
  const verified =
    reserved !== null && stored !== null && (await ctx.passwords.verify(normalizePassword(current), stored));
  if (!verified) {
    if (reserved !== null && reserved >= ctx.policy.lockoutThreshold) await lockIfFull(ctx, accountId, nowMs);
    throw fail.field(["currentPassword"], "incorrect", "Your current password is not correct.");
  }
  await forgiveAttempts(ctx, accountId);
  if (normalizePassword(current) === normalizePassword(wanted)) {
    throw fail.field(["newPassword"], "unchanged", "Choose a password different from the current one.");
  }
  await checkNewPassword(
    ctx,
    wanted,
    {
      email: live.user.email,
      givenName: live.user.profile.givenName,
      familyName: live.user.profile.familyName,
      organizationName: live.org.name,
    },
    ["newPassword"],
  );
  const newHash = await ctx.passwords.hash(normalizePassword(wanted));
  const mail = [
    {
      kind: "password_changed" as const,
      to: live.user.email,
      subject: "Your password was changed",
      text: `Hello ${displayName(live.user.profile)},\n\nThe password of your account was just changed. If this was not you, contact your administrator now.`,
      link: null,
      organizationId: live.org.id,
    },
  ];
  const view = await ctx.store.transaction(
    async (tx) => {
      const nowMs = ctx.clock.now();
      const at = new Date(nowMs).toISOString();
      const account = await tx.getAccount(accountId);
      if (!account) throw fail.unauthenticated();
      await tx.clearSignInFailures(accountId, false);
      const memberships = await setPassword(tx, account, newHash, at);
      await tx.deleteSessions({ accountId, keepTokenHash: hash });
      await auditEverywhere(
        ctx,
        tx,
        memberships.filter((m) => m.organizationId === live.org.id),
        "account.password_changed",
        live.record.metadata,
      );
      const user = await tx.getUser(live.org.id, live.user.id);
      if (!user) throw fail.unauthenticated();
      return sessionView(live.record, live.org, user, await tx.getAccount(accountId), nowMs, false);
    },
    { lock: [live.org.id, `account:${accountId}`].sort() },
  );
  await sendAfterCommit(ctx, mail);
  return view;
}

/**
 * `auth.requestPasswordReset`: the same answer, after the same work, whether or not the email has
 * an account. The answer waits only for the client's throttle step (W13 per-client limit); the
 * look-up, the token, the audit and the mail run afterwards in `ctx.background` (a known email
 * otherwise answered measurably later than an unknown one, telling who has an account). At most
 * `resetRequestsPerWindow` emails per account per window, the rest dropped silently; never locks.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  input: { email?: unknown; metadata?: RequestMetadata | undefined },
): Promise<void> {
  const metadata = checkMetadata(input.metadata);
  const parsed = EmailSchema.safeParse(input.email);
  const email = parsed.success ? parsed.data : null;
  await takeClientSlot(ctx, "password_reset", metadata, {
    memberships: async () => {
      if (email === null) return [];
      const found = await ctx.store.transaction((tx) => tx.findAccountByEmail(email), { readOnly: true });
      return found ? concernedMemberships(ctx, found, undefined) : [];
    },
    record: (m) =>
      auditAuth(
        ctx,
        m.organizationId,
        m.id,
        m.email,
        "account.password_reset_requested",
        "failure",
        "client_throttled",
        metadata,
      ),
  });
  if (email === null) return;
  ctx.background.run(() => issueResetLink(ctx, email, metadata));
}

/** The work behind a reset request, after the answer: look-up, token, audit, mail. */
async function issueResetLink(
  ctx: ServiceContext,
  email: string,
  metadata: RequestMetadata | undefined,
): Promise<void> {
  const account = await ctx.store.transaction((tx) => tx.findAccountByEmail(email), { readOnly: true });
  if (!account) return;
  const { token, hash } = await newToken();
  const nowMs = ctx.clock.now();
  const windowStart = new Date(
    Math.floor(nowMs / ctx.policy.resetWindowMs) * ctx.policy.resetWindowMs,
  ).toISOString();
  const mail = await ctx.store.transaction(
    async (tx) => {
      const count = await tx.incrementCounter(`password_reset:${account.id}`, windowStart);
      if (count > ctx.policy.resetRequestsPerWindow) return [];
      const memberships = (await tx.listUsersByAccount(account.id)).filter((m) => m.status !== "pending");
      if (memberships.length === 0) return [];
      await tx.deleteSecretTokens(account.id, "password_reset");
      await tx.insertSecretToken({
        tokenHash: hash,
        kind: "password_reset",
        accountId: account.id,
        organizationId: null,
        createdAt: new Date(nowMs).toISOString(),
        expiresAt: new Date(nowMs + ctx.policy.resetTokenTtlMs).toISOString(),
        usedAt: null,
      });
      await auditEverywhere(ctx, tx, memberships, "account.password_reset_requested", metadata);
      const link = ctx.links.resetPassword(token);
      return [
        {
          kind: "password_reset" as const,
          to: email,
          subject: "Reset your password",
          text: `Someone asked to reset the password of ${email}.\n\nChoose a new password: ${link}\n\nThis link works once and expires in ${Math.round(ctx.policy.resetTokenTtlMs / 60_000)} minutes. If it was not you, ignore this email.`,
          link,
          organizationId: null,
        },
      ];
    },
    { lock: [`account:${account.id}`, ...(await memberOrgs(ctx, account.id))].sort() },
  );
  await sendAfterCommit(ctx, mail);
}

async function memberOrgs(ctx: ServiceContext, accountId: string): Promise<string[]> {
  const users = await ctx.store.transaction((tx) => tx.listUsersByAccount(accountId), { readOnly: true });
  return [...new Set(users.map((u) => u.organizationId))];
}

/** `auth.completePasswordReset`: single-use, expiring; ends every session; does not sign in. */
export async function completePasswordReset(
  ctx: ServiceContext,
  input: { token?: unknown; password?: unknown; metadata?: RequestMetadata | undefined },
): Promise<void> {
  const metadata = checkMetadata(input.metadata);
  if (!isTokenText(input.token)) {
    throw fail.notFound("This reset link is no longer valid. Ask for a new one.");
  }
  const password = passwordText(input.password, "password");
  const hash = await sha256Hex(input.token);
  const found = await ctx.store.transaction((tx) => tx.findSecretToken(hash), { readOnly: true });
  const nowMs = ctx.clock.now();
  if (!found || found.usedAt || Date.parse(found.expiresAt) <= nowMs) {
    throw fail.notFound("This reset link is no longer valid. Ask for a new one.");
  }
  const account = await ctx.store.transaction((tx) => tx.getAccount(found.accountId), { readOnly: true });
  if (!account) throw fail.notFound("This reset link is no longer valid. Ask for a new one.");
  const memberships = await ctx.store.transaction((tx) => tx.listUsersByAccount(account.id), {
    readOnly: true,
  });
  const first = memberships[0];
  await checkNewPassword(ctx, password, {
    email: account.email,
    givenName: first?.profile.givenName ?? null,
    familyName: first?.profile.familyName ?? null,
  });
  const newHash = await ctx.passwords.hash(normalizePassword(password));
  await ctx.store.transaction(
    async (tx) => {
      const at = new Date(ctx.clock.now()).toISOString();
      if (!(await tx.consumeSecretToken(hash, at)))
        throw fail.notFound("This reset link is no longer valid. Ask for a new one.");
      const current = await tx.getAccount(account.id);
      if (!current) throw fail.notFound("This reset link is no longer valid. Ask for a new one.");
      const changed = await setPassword(tx, current, newHash, at);
      await tx.clearSignInFailures(account.id, true);
      await tx.deleteSessions({ accountId: account.id });
      await auditEverywhere(ctx, tx, changed, "account.password_reset_completed", metadata);
    },
    { lock: [`account:${account.id}`, ...memberships.map((m) => m.organizationId)].sort() },
  );
}
