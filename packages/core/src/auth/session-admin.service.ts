import { sharesLocation } from "../access/access.rules";
import { type ActorFacts, loadedActorFacts } from "../access/actor-facts";
import { auditActor, auditTarget } from "../audit/audit-writer";
import { type ActorSession, readOp, writeOp } from "../directory/runner";
import { checkId, parseInput } from "../directory/validate";
import { fail } from "../errors/directory-error";
import { assertAllowed } from "../errors/verdict";
import { liveSessionWindow } from "../organization/session-limits.rules";
import type { Page } from "../primitives/page.schema";
import type { OrganizationRecord, SessionRecord, UserRecord } from "../store/records";
import { displayName } from "../users/user.schema";
import { describeClient, describeNetwork } from "./client-summary";
import { endSessionVerdict, listSessionsVerdict } from "./session-admin.rules";
import { SessionQuerySchema } from "./session-admin.schema";
import { sessionAlive, sessionEnd, sessionIdleEnd } from "./session-core";
import type { SessionSummary } from "./session-summary.schema";

const SESSION_NOT_FOUND = "Session not found.";

/** A live session as the list shows it, with `end`: the very verdict `sessions.end` asserts. */
function summary(
  org: OrganizationRecord,
  actor: ActorFacts,
  record: SessionRecord,
  user: UserRecord,
): SessionSummary {
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
    self: user.id === actor.subject.userId,
    end: endSessionVerdict(actor, user),
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
    assertAllowed(listSessionsVerdict(a.subject));
    const org = a.organization;
    const scope = a.subject.locations;
    const page = await tx.listSessions(org.id, {
      ...liveSessionWindow(org, s.ctx.clock.now()),
      ...(query.userId ? { userId: query.userId } : {}),
      ...(scope ? { scopeLocationIds: [...scope] } : {}),
      limit: query.limit ?? 50,
      cursor: query.cursor ?? null,
    });
    const actor = loadedActorFacts(a, await tx.listRoles(org.id));
    const items: SessionSummary[] = [];
    for (const record of page.items) {
      const user = await tx.getUser(org.id, record.userId);
      // Disabling or deleting a user ends their sessions in the same transaction; never list a stray.
      if (user?.status !== "active" || user.accountId !== record.accountId) continue;
      items.push(summary(org, actor, record, user));
    }
    return { items, total: page.total, nextCursor: page.nextCursor };
  });
}

/**
 * W13 `sessions.end`: signs one person out of one session at once, audited (`session.ended`, R13,
 * R18). `not_found` for a session that is missing, already over, of another organization or of
 * someone the actor does not see (R5); otherwise it asserts {@link endSessionVerdict}.
 */
export async function endSession(s: ActorSession, id: unknown): Promise<void> {
  return writeOp(s, async (unit, a) => {
    assertAllowed(listSessionsVerdict(a.subject));
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
    assertAllowed(endSessionVerdict(loadedActorFacts(a, await unit.tx.listRoles(org.id)), user));
    if (!(await unit.tx.deleteSession(record.tokenHash))) throw fail.notFound(SESSION_NOT_FOUND);
    await auditActor(s.ctx, unit, a, {
      action: "session.ended",
      target: auditTarget.user(user),
      changes: { session: { before: record.id, after: null } },
    });
  });
}
