import { sharesLocation } from "../access/access.rules";
import { auditActor, auditTarget } from "../audit/audit-writer";
import { type ActorSession, readOp, writeOp } from "../directory/runner";
import { checkId, parseInput } from "../directory/validate";
import { fail } from "../errors/directory-error";
import { liveSessionWindow } from "../organization/session-limits.rules";
import type { Page } from "../primitives/page.schema";
import type { OrganizationRecord, RoleRecord, SessionRecord, UserRecord } from "../store/records";
import { displayName } from "../users/user.schema";
import { describeClient, describeNetwork } from "./client-summary";
import { canListSessions, endSessionRefusal } from "./session-admin.rules";
import { SessionQuerySchema } from "./session-admin.schema";
import { sessionAlive, sessionEnd, sessionIdleEnd } from "./session-core";
import type { SessionSummary } from "./session-summary.schema";

const SESSION_NOT_FOUND = "Session not found.";

/** A live session as the list shows it, with `endable` from the same refusal `sessions.end` throws. */
function summary(
  a: { readonly subject: Parameters<typeof endSessionRefusal>[0]; readonly organization: OrganizationRecord },
  record: SessionRecord,
  user: UserRecord,
  role: RoleRecord | undefined,
): SessionSummary {
  const org = a.organization;
  return {
    id: record.id,
    userId: user.id,
    displayName: displayName(user.profile),
    email: user.email,
    client: describeClient(record.metadata.userAgent),
    network: describeNetwork(record.metadata.ip),
    createdAt: record.createdAt,
    lastSeenAt: record.lastSeenAt,
    idleExpiresAt: new Date(sessionIdleEnd(org, record)).toISOString(),
    expiresAt: new Date(sessionEnd(org, record)).toISOString(),
    self: user.id === a.subject.userId,
    endable: endSessionRefusal(a.subject, user, role?.permissions ?? [], org.mainContactUserId) === null,
  };
}

/**
 * W13 `sessions.list`: the organization's live sessions, newest sign-in first, paged by cursor —
 * for those who manage users (R2); a location-limited actor sees the sessions of the people it sees
 * (R4, R5: those sharing one of its locations), as in `users.list`.
 */
export async function listSessions(s: ActorSession, rawQuery: unknown): Promise<Page<SessionSummary>> {
  const query = parseInput(SessionQuerySchema, rawQuery ?? {});
  return readOp(s, async (tx, a) => {
    if (!canListSessions(a.subject)) throw fail.forbidden();
    const org = a.organization;
    const scope = a.subject.locations;
    const page = await tx.listSessions(org.id, {
      ...liveSessionWindow(org, s.ctx.clock.now()),
      ...(query.userId ? { userId: query.userId } : {}),
      ...(scope ? { scopeLocationIds: [...scope] } : {}),
      limit: query.limit ?? 50,
      cursor: query.cursor ?? null,
    });
    const roles = new Map((await tx.listRoles(org.id)).map((r) => [r.id, r]));
    const items: SessionSummary[] = [];
    for (const record of page.items) {
      const user = await tx.getUser(org.id, record.userId);
      // Disabling or deleting a user ends their sessions in the same transaction; never list a stray.
      if (user?.status !== "active" || user.accountId !== record.accountId) continue;
      items.push(summary(a, record, user, roles.get(user.roleId)));
    }
    return { items, total: page.total, nextCursor: page.nextCursor };
  });
}

/**
 * W13 `sessions.end`: signs one person out of one session at once, audited (`session.ended`, R13,
 * R18). `not_found` for a session that is missing, already over, of another organization or of
 * someone the actor does not see (R5); otherwise the refusal of {@link endSessionRefusal}.
 */
export async function endSession(s: ActorSession, id: unknown): Promise<void> {
  return writeOp(s, async (unit, a) => {
    if (!canListSessions(a.subject)) throw fail.forbidden();
    const org = a.organization;
    const record = await unit.tx.getSessionById(org.id, checkId(id));
    if (!record || !sessionAlive(org, record, unit.nowMs)) throw fail.notFound(SESSION_NOT_FOUND);
    const user = await unit.tx.getUser(org.id, record.userId);
    if (
      user?.status !== "active" ||
      user.accountId !== record.accountId ||
      !sharesLocation(a.subject, user.locationAccess)
    )
      throw fail.notFound(SESSION_NOT_FOUND);
    const role = await unit.tx.getRole(org.id, user.roleId);
    const refusal = endSessionRefusal(a.subject, user, role?.permissions ?? [], org.mainContactUserId);
    if (refusal) throw refusal;
    if (!(await unit.tx.deleteSession(record.tokenHash))) throw fail.notFound(SESSION_NOT_FOUND);
    await auditActor(s.ctx, unit, a, {
      action: "session.ended",
      target: auditTarget.user(user),
      changes: { session: { before: record.id, after: null } },
    });
  });
}
