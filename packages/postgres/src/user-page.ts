import {
  decodeUserCursor,
  encodeUserCursor,
  type StorePage,
  type StoreUserCount,
  type StoreUserQuery,
  type UserRecord,
  userQueryFingerprint,
} from "@staffroom/core/store";
import { iso, userFromRow, userNameKey } from "./rows";
import type { SqlRow } from "./sql-client";
import { Params, userConditions, userOrder } from "./user-query";

/** Runs one statement of the current transaction. */
type Run = (text: string, params: readonly unknown[]) => Promise<SqlRow[]>;

const keyOf = (sort: StoreUserQuery["sort"], user: UserRecord): string | null => {
  switch (sort) {
    case "name":
      return userNameKey(user);
    case "email":
      return user.email;
    case "createdAt":
      return iso(user.createdAt);
    case "lastSignInAt":
      return iso(user.lastSignInAt);
  }
};

/**
 * `queryUsers`: one organization's users filtered, sorted and paged by keyset — the page is read
 * in index order from the cursor on (`LIMIT limit + 1` tells whether there is more), and the total
 * is a separate count, skipped when the first page already holds every match.
 *
 * @example await queryUsers(run, orgId, { statuses: ["active"], terms: [], sort: "name", direction: "asc", limit: 50, cursor: null })
 */
export async function queryUsers(
  run: Run,
  organizationId: string,
  query: StoreUserQuery,
): Promise<StorePage<UserRecord>> {
  const fp = userQueryFingerprint(organizationId, query);
  const anchor =
    query.cursor === null || query.cursor === undefined
      ? null
      : decodeUserCursor(query.cursor, fp, query.sort);
  const limit = Number.isFinite(query.limit) ? Math.max(0, Math.floor(query.limit)) : 0;

  const p = new Params();
  const where = userConditions(organizationId, query, p);
  const order = userOrder(query.sort, query.direction, anchor, p);
  const pageWhere = order.after === null ? where : [...where, order.after];
  const rows = await run(
    `SELECT u.* FROM users u WHERE ${pageWhere.join(" AND ")} ORDER BY ${order.orderBy} LIMIT ${p.add(limit + 1)}`,
    p.values,
  );
  const items = rows.slice(0, limit).map(userFromRow);
  const hasMore = rows.length > limit;

  let total = rows.length;
  if (anchor !== null || hasMore) {
    const c = new Params();
    const counted = await run(
      `SELECT count(*)::int AS n FROM users u WHERE ${userConditions(organizationId, query, c).join(" AND ")}`,
      c.values,
    );
    total = Number(counted[0]?.n ?? 0);
  }
  const last = items[items.length - 1];
  return {
    items,
    total,
    nextCursor: hasMore && last ? encodeUserCursor(fp, { key: keyOf(query.sort, last), id: last.id }) : null,
  };
}

/**
 * `countUsers`: how many of one organization's users match (seats, last administrator, role use).
 *
 * @example await countUsers(run, orgId, { statuses: ["active", "pending"] })
 */
export async function countUsers(run: Run, organizationId: string, filter: StoreUserCount): Promise<number> {
  const p = new Params();
  const rows = await run(
    `SELECT count(*)::int AS n FROM users u WHERE ${userConditions(organizationId, filter, p).join(" AND ")}`,
    p.values,
  );
  return Number(rows[0]?.n ?? 0);
}
