import type * as z from "zod/mini";
import { canReadUsers } from "../access/access.rules";
import type { ActorContext } from "../access/actor";
import { type ActorSession, readOp } from "../directory/runner";
import { parseInput } from "../directory/validate";
import { fail } from "../errors/directory-error";
import type { Page } from "../primitives/page.schema";
import { adminRoleIds } from "../roles/roles.rules";
import type { CredentialExpiryRange, StoreUserQuery } from "../store/records";
import type { StoreTransaction } from "../store/store.port";
import { addDays, CREDENTIAL_WARNING_DAYS, utcDate } from "./credential.rules";
import type { User } from "./user.schema";
import { type CredentialFilter, UserQuerySchema } from "./user-query.schema";
import type { InvitationSummary, StatusCounts } from "./user-results.schema";
import { visibleUser } from "./user-target";
import { invitationSummary, toUser, userView } from "./user-view";

type Query = z.infer<typeof UserQuerySchema>;

/** Search terms: NFKC, lower-cased, split on whitespace. */
export function searchTerms(search: string | undefined): string[] {
  if (!search) return [];
  return search
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

/**
 * The store's date range of a credential filter on the directory clock's UTC date (issue 15): the
 * same earliest expiry `credentialAlert` reads, so the filter and the badge agree.
 *
 * @example credentialRange("expired", now) // { to: "2026-12-05" }
 */
export function credentialRange(filter: CredentialFilter, nowMs: number): CredentialExpiryRange {
  const today = utcDate(nowMs);
  return filter === "expired"
    ? { to: addDays(today, -1) }
    : { from: today, to: addDays(today, CREDENTIAL_WARNING_DAYS) };
}

/** Translates a validated API query into a store query, applying R4/R5 scope and the admin filter. */
async function storeQuery(
  tx: StoreTransaction,
  a: ActorContext,
  q: Query,
  nowMs: number,
): Promise<StoreUserQuery> {
  let roleIds: string[] | undefined = q.roleId ? [q.roleId] : undefined;
  if (q.admin !== undefined) {
    const roles = await tx.listRoles(a.organization.id);
    const admins = new Set(adminRoleIds(roles));
    const wanted = roles.filter((r) => admins.has(r.id) === q.admin).map((r) => r.id);
    roleIds = roleIds ? roleIds.filter((id) => wanted.includes(id)) : wanted;
  }
  const scope = a.subject.locations;
  return {
    statuses: [q.status ?? "active"],
    terms: searchTerms(q.search),
    ...(q.locationId ? { locationId: q.locationId } : {}),
    ...(roleIds ? { roleIds } : {}),
    ...(q.practitioner !== undefined ? { practitioner: q.practitioner } : {}),
    ...(q.credentials ? { credentialExpiry: credentialRange(q.credentials, nowMs) } : {}),
    ...(scope ? { scopeLocationIds: [...scope] } : {}),
    sort: q.sort ?? "name",
    direction: q.direction ?? "asc",
    limit: q.limit ?? 50,
    cursor: q.cursor ?? null,
  };
}

/** W12: a page of users in the actor's scope. */
export async function listUsers(s: ActorSession, raw: unknown): Promise<Page<User>> {
  const q = parseInput(UserQuerySchema, raw ?? {});
  return readOp(s, async (tx, a) => {
    if (!canReadUsers(a.subject)) throw fail.forbidden();
    const now = s.ctx.clock.now();
    const page = await tx.queryUsers(a.organization.id, await storeQuery(tx, a, q, now));
    const items = await Promise.all(
      page.items.map(async (u) => toUser(u, await tx.getAccount(u.accountId), now)),
    );
    return { items, total: page.total, nextCursor: page.nextCursor };
  });
}

/** W12: counts per tab, for the same search and filters. */
export async function countUsersByStatus(s: ActorSession, raw: unknown): Promise<StatusCounts> {
  const q = parseInput(UserQuerySchema, raw ?? {});
  return readOp(s, async (tx, a) => {
    if (!canReadUsers(a.subject)) throw fail.forbidden();
    const base = await storeQuery(
      tx,
      a,
      { ...q, limit: 1, cursor: null, sort: "name", direction: "asc" },
      s.ctx.clock.now(),
    );
    const total = async (status: "active" | "pending" | "disabled") =>
      (await tx.queryUsers(a.organization.id, { ...base, statuses: [status] })).total;
    return {
      active: await total("active"),
      pending: await total("pending"),
      disabled: await total("disabled"),
    };
  });
}

/** One user in scope (R5). */
export async function getUser(s: ActorSession, id: unknown): Promise<User> {
  return readOp(s, async (tx, a) => userView(tx, await visibleUser(tx, a, id), s.ctx.clock.now()));
}

/** The live invitation of a pending user, or null. */
export async function getInvitation(s: ActorSession, id: unknown): Promise<InvitationSummary | null> {
  return readOp(s, async (tx, a) => {
    const user = await visibleUser(tx, a, id);
    if (user.status !== "pending") return null;
    const inv = await tx.getInvitationForUser(a.organization.id, user.id);
    if (!inv || inv.revokedAt || inv.acceptedAt) return null;
    return invitationSummary(inv, s.ctx.clock.now());
  });
}
