import type { RequestMetadata } from "../audit/audit.schema";
import { auditSelf } from "../audit/audit-writer";
import type { ServiceContext } from "../directory/context";
import { checkMetadata } from "../directory/validate";
import { orStale } from "../directory/versions";
import { fail } from "../errors/directory-error";
import { sha256Hex } from "../ports/crypto";
import { isTokenText } from "../primitives/text.schema";
import type { AccountRecord, InvitationRecord, OrganizationRecord, UserRecord } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { displayName } from "../users/user.schema";
import type { AcceptInvitationResult, InvitationView } from "./auth.schema";
import { checkNewPassword } from "./new-password";
import { normalizePassword } from "./password.rules";

const INVALID = "This invitation is no longer valid. Ask your administrator for a new one.";

interface Found {
  readonly invitation: InvitationRecord;
  readonly org: OrganizationRecord;
  readonly user: UserRecord;
  readonly account: AccountRecord;
}

async function tokenHash(token: unknown): Promise<string> {
  if (!isTokenText(token)) throw fail.notFound(INVALID);
  return sha256Hex(token);
}

/** A live invitation: known, unrevoked, unaccepted, unexpired, its user still pending. */
async function findLive(tx: StoreTransaction, hash: string, nowMs: number): Promise<Found> {
  const invitation = await tx.findInvitationByTokenHash(hash);
  if (!invitation || invitation.revokedAt || invitation.acceptedAt) throw fail.notFound(INVALID);
  if (Date.parse(invitation.expiresAt) <= nowMs)
    throw fail.notFound("This invitation has expired. Ask your administrator to send it again.");
  const org = await tx.getOrganization(invitation.organizationId);
  const user = org ? await tx.getUser(invitation.organizationId, invitation.userId) : null;
  const account = user ? await tx.getAccount(user.accountId) : null;
  if (!org || !user || !account || user.status !== "pending") throw fail.notFound(INVALID);
  return { invitation, org, user, account };
}

/** `auth.invitation(token)`: what the accept page shows. */
export async function invitationView(ctx: ServiceContext, token: unknown): Promise<InvitationView> {
  const hash = await tokenHash(token);
  return ctx.store.transaction(
    async (tx) => {
      const { invitation, org, user, account } = await findLive(tx, hash, ctx.clock.now());
      const inviter = invitation.invitedBy ? await tx.getUser(org.id, invitation.invitedBy) : null;
      return {
        organizationId: org.id,
        organizationName: org.name,
        email: user.email,
        givenName: user.profile.givenName,
        familyName: user.profile.familyName,
        invitedBy: inviter ? displayName(inviter.profile) : null,
        existingAccount: account.password !== null,
        expiresAt: invitation.expiresAt,
      };
    },
    { readOnly: true },
  );
}

/**
 * `auth.acceptInvitation` (W3): runs under the organization lock and marks the invitation accepted
 * in the same transaction that activates the user, so of two concurrent accepts exactly one wins.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  input: { token?: unknown; password?: unknown; metadata?: RequestMetadata | undefined },
): Promise<AcceptInvitationResult> {
  const metadata = checkMetadata(input.metadata);
  const hash = await tokenHash(input.token);
  const peek = await ctx.store.transaction((tx) => findLive(tx, hash, ctx.clock.now()), { readOnly: true });
  const needsPassword = peek.account.password === null;
  let newHash: AccountRecord["password"] = null;
  if (needsPassword) {
    if (typeof input.password !== "string" || input.password.length === 0) {
      throw fail.field(["password"], "required", "Choose a password for your new account.");
    }
    if (input.password.length > 1024)
      throw fail.field(["password"], "too_long", "This password is too long.");
    await checkNewPassword(ctx, input.password, {
      email: peek.user.email,
      givenName: peek.user.profile.givenName,
      familyName: peek.user.profile.familyName,
      organizationName: peek.org.name,
    });
    newHash = await ctx.passwords.hash(normalizePassword(input.password));
  }
  return ctx.store.transaction(
    async (tx) => {
      const nowMs = ctx.clock.now();
      const at = new Date(nowMs).toISOString();
      const { invitation, org, user, account } = await findLive(tx, hash, nowMs);
      if (!(await tx.updateInvitation({ ...invitation, acceptedAt: at }))) throw fail.notFound(INVALID);
      if (needsPassword) {
        if (account.password !== null) throw fail.notFound(INVALID);
        const next: AccountRecord = {
          ...account,
          password: newHash,
          passwordChangedAt: at,
          version: account.version + 1,
          updatedAt: at,
        };
        await orStale(tx.updateAccount(next, account.version));
      }
      const activated: UserRecord = { ...user, status: "active", version: user.version + 1, updatedAt: at };
      await orStale(tx.updateUser(activated, user.version));
      await auditSelf(ctx, tx, nowMs, {
        organizationId: org.id,
        userId: user.id,
        email: user.email,
        action: "invitation.accepted",
        target: { type: "user", id: user.id, label: displayName(user.profile) },
        changes: { status: { before: "pending", after: "active" } },
        metadata,
      });
      return {
        outcome: needsPassword ? "activated" : "joined",
        organizationId: org.id,
        organizationName: org.name,
        email: user.email,
        userId: user.id,
      };
    },
    { lock: [peek.org.id, `account:${peek.account.id}`].sort() },
  );
}
