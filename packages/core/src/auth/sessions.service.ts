import type { Actor } from "../access/access.schema";
import type { RequestMetadata } from "../audit/audit.schema";
import { auditSelf } from "../audit/audit-writer";
import type { ServiceContext } from "../directory/context";
import { checkMetadata } from "../directory/validate";
import { fail } from "../errors/directory-error";
import { sha256Hex } from "../ports/crypto";
import { isId } from "../primitives/ids.schema";
import { isTokenText } from "../primitives/text.schema";
import type { OrganizationChoice, SessionView, SignInResult } from "./auth.schema";
import {
  activeMemberships,
  choices,
  findLiveSession,
  type LiveSession,
  openSession,
  sessionView,
  tokenText,
} from "./session-core";

/**
 * Resolves a session; refreshes its idle timer at most every `sessionTouchIntervalMs`, so the hot
 * path is one read-only transaction. A dead session is deleted on sight.
 */
export async function resolveSession(
  ctx: ServiceContext,
  token: unknown,
): Promise<{ live: LiveSession; view: SessionView; hash: string }> {
  const hash = await sha256Hex(tokenText(token));
  const nowMs = ctx.clock.now();
  const live = await ctx.store.transaction((tx) => findLiveSession(tx, hash, nowMs), { readOnly: true });
  if (live === "dead") await ctx.store.transaction((tx) => tx.deleteSession(hash));
  if (live === null || live === "dead") throw fail.unauthenticated();
  let record = live.record;
  if (nowMs - Date.parse(record.lastSeenAt) >= ctx.policy.sessionTouchIntervalMs) {
    const at = new Date(nowMs).toISOString();
    if (!(await ctx.store.transaction((tx) => tx.touchSession(hash, at)))) throw fail.unauthenticated();
    record = { ...record, lastSeenAt: at };
  }
  return {
    live: { ...live, record },
    view: sessionView(record, live.org, live.user, live.account, nowMs, live.mustChangePassword),
    hash,
  };
}

/** `auth.session(token)`. */
export async function session(ctx: ServiceContext, token: unknown): Promise<SessionView> {
  return (await resolveSession(ctx, token)).view;
}

/** `auth.authorize(token)`: the actor, unless the password must change first. */
export async function authorize(
  ctx: ServiceContext,
  token: unknown,
  metadata?: RequestMetadata,
): Promise<Actor> {
  const checked = checkMetadata(metadata);
  const { view } = await resolveSession(ctx, token);
  if (view.mustChangePassword) {
    throw fail.rule("must_change_password", "Change your password before doing anything else.");
  }
  return {
    organizationId: view.organizationId,
    userId: view.userId,
    ...(checked ? { metadata: checked } : {}),
  };
}

/** `auth.signOut(token)`: idempotent. */
export async function signOut(ctx: ServiceContext, token: unknown): Promise<void> {
  if (!isTokenText(token)) return;
  const hash = await sha256Hex(token);
  const record = await ctx.store.transaction((tx) => tx.findSession(hash), { readOnly: true });
  if (!record) return;
  await ctx.store.transaction(
    async (tx) => {
      if (!(await tx.deleteSession(hash))) return;
      const nowMs = ctx.clock.now();
      const user = await tx.getUser(record.organizationId, record.userId);
      await auditSelf(ctx, tx, nowMs, {
        organizationId: record.organizationId,
        userId: record.userId,
        email: user?.email ?? "",
        action: "auth.sign_out",
      });
    },
    { lock: [record.organizationId] },
  );
}

/** `auth.organizations(token)`. */
export async function organizations(ctx: ServiceContext, token: unknown): Promise<OrganizationChoice[]> {
  const { live } = await resolveSession(ctx, token);
  const memberships = await ctx.store.transaction((tx) => activeMemberships(tx, live.account.id), {
    readOnly: true,
  });
  return choices(memberships, live.org.id);
}

/** `auth.switchOrganization`: a new session in the other organization, then the old one ends. */
export async function switchOrganization(
  ctx: ServiceContext,
  input: { token?: unknown; organizationId?: unknown; metadata?: RequestMetadata | undefined },
): Promise<SignInResult> {
  const metadata = checkMetadata(input.metadata);
  const { live, hash } = await resolveSession(ctx, input.token);
  if (live.mustChangePassword) {
    throw fail.rule("must_change_password", "Change your password before doing anything else.");
  }
  // A malformed id names no organization: the same answer as one the person does not belong to.
  const target = input.organizationId;
  if (!isId(target)) throw fail.notFound("Organization not found.");
  const memberships = await ctx.store.transaction((tx) => activeMemberships(tx, live.account.id), {
    readOnly: true,
  });
  const chosen = memberships.find((m) => m.org.id === target);
  if (!chosen) throw fail.notFound("Organization not found.");
  return ctx.store.transaction(
    async (tx) => {
      const nowMs = ctx.clock.now();
      const user = await tx.getUser(chosen.org.id, chosen.user.id);
      const org = await tx.getOrganization(chosen.org.id);
      if (!org || user?.status !== "active") throw fail.notFound("Organization not found.");
      const opened = await openSession(ctx, tx, org, user, nowMs, metadata);
      await tx.deleteSession(hash);
      const at = new Date(nowMs).toISOString();
      await tx.recordSignIn(live.account.id, org.id, user.id, at);
      await auditSelf(ctx, tx, nowMs, {
        organizationId: org.id,
        userId: user.id,
        email: user.email,
        action: "auth.switch_organization",
        metadata,
      });
      return {
        token: opened.token,
        session: sessionView(
          opened.record,
          org,
          { ...user, lastSignInAt: at },
          await tx.getAccount(live.account.id),
          nowMs,
          false,
        ),
        organizations: choices(memberships, org.id),
      };
    },
    { lock: [chosen.org.id, `account:${live.account.id}`].sort() },
  );
}
