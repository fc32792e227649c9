import { actorName } from "../access/actor";
import { auditActor, auditTarget } from "../audit/audit-writer";
import { type ActorSession, writeOp } from "../directory/runner";
import { expectVersion, orStale, requireVersion } from "../directory/versions";
import { assertAllowed } from "../errors/verdict";
import { newToken, queueInvitationMail } from "./invitation-mail";
import type { DeleteResult, InvitationSummary } from "./user-results.schema";
import { managedUser } from "./user-target";
import { invitationSummary } from "./user-view";
import { requireResendable, userOperationVerdict } from "./users.rules";
import { removeMembership } from "./users-lifecycle.service";

/**
 * W2: revokes a pending invitation: the token dies and the pending user is removed, erased as a
 * deleted user is (W6); `invitation.revoked` is the tombstone.
 */
export async function revokeInvitation(
  s: ActorSession,
  id: unknown,
  options: unknown,
): Promise<DeleteResult> {
  const expected = requireVersion(options);
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id, unit.nowMs);
    expectVersion(target.user, expected);
    assertAllowed(userOperationVerdict(target.actor, target.target, "revokeInvitation"));
    const accountDeleted = await removeMembership(unit, target.user, target.account);
    await auditActor(s.ctx, unit, a, {
      action: "invitation.revoked",
      target: auditTarget.user(target.user),
      changes: { status: { before: "pending", after: "deleted" } },
    });
    return { id: target.user.id, accountDeleted };
  });
}

/** W2: a new token replaces the old one (which dies), rate-limited per invitation. */
export async function resendInvitation(
  s: ActorSession,
  id: unknown,
  options: unknown,
): Promise<InvitationSummary> {
  const expected = requireVersion(options);
  return writeOp(s, async (unit, a) => {
    const target = await managedUser(unit.tx, a, id, unit.nowMs);
    expectVersion(target.user, expected);
    assertAllowed(userOperationVerdict(target.actor, target.target, "resendInvitation"));
    // The resend limits are a count rule (a clock and a counter), asserted apart from the verdict.
    const inv = requireResendable(
      await unit.tx.getInvitationForUser(a.organization.id, target.user.id),
      unit.nowMs,
      s.ctx.policy,
    );
    const { token, hash } = await newToken();
    const next = {
      ...inv,
      tokenHash: hash,
      sentCount: inv.sentCount + 1,
      lastSentAt: unit.now,
      expiresAt: new Date(unit.nowMs + s.ctx.policy.invitationTtlMs).toISOString(),
    };
    await orStale(unit.tx.updateInvitation(next));
    queueInvitationMail(s.ctx, unit, a.organization, target.user, token, actorName(a));
    await auditActor(s.ctx, unit, a, {
      action: "invitation.resent",
      target: auditTarget.user(target.user),
      changes: { sentCount: { before: inv.sentCount, after: next.sentCount } },
    });
    return invitationSummary(next, unit.nowMs);
  });
}
