import type { ServiceContext, Unit } from "../directory/context";
import { randomToken, sha256Hex } from "../ports/crypto";
import type { OrganizationRecord, UserRecord } from "../store/records";
import { displayName } from "./user.schema";

/** A fresh token and its stored hash (R15: ≥ 128 bits, only the hash kept). */
export async function newToken(): Promise<{ token: string; hash: string }> {
  const token = randomToken();
  return { token, hash: await sha256Hex(token) };
}

/** Queues the invitation email (sent after commit). The token lives only in the link. */
export function queueInvitationMail(
  ctx: ServiceContext,
  unit: Unit,
  org: OrganizationRecord,
  user: UserRecord,
  token: string,
  inviterName: string,
): void {
  const link = ctx.links.acceptInvitation(token);
  unit.mail.push({
    kind: "invitation",
    to: user.email,
    subject: `You're invited to ${org.name}`,
    text: [
      `Hello ${displayName(user.profile)},`,
      "",
      `${inviterName} invited you to join ${org.name}.`,
      `Accept the invitation: ${link}`,
      "",
      `This link works once and expires in ${Math.round(ctx.policy.invitationTtlMs / 86_400_000)} days.`,
    ].join("\n"),
    link,
    organizationId: org.id,
  });
}
