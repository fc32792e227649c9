import {
  type AccountRecord,
  decodeUserCursor,
  encodeUserCursor,
  type StorePage,
  type StoreUserCount,
  type StoreUserQuery,
  type UserRecord,
  userQueryFingerprint,
} from "@staffroom/core/store";
import { ACCOUNT_COLUMNS, accountFromRow, iso, USER_READ_COLUMNS, userFromRow, userNameKey } from "./rows";
import type { SqlRow } from "./sql-client";
import { Params, sortKey, tallied, totalExpression, userConditions, userOrder } from "./user-query";

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

const USER_COLUMNS_OF = (alias: string): string => USER_READ_COLUMNS.map((c) => `${alias}.${c}`).join(", ");
// Account columns come back as "a.<column>" beside the user's, in the same row.
const ACCOUNT_COLUMNS_OUT = ACCOUNT_COLUMNS.map((c) => `a.${c} AS "a.${c}"`).join(", ");
// One row by primary key per page row. LIMIT 1 keeps the subquery from being flattened into a
// join the planner may run as a hash join over the whole table (it did, over 10 000 accounts).
const ACCOUNT_OF_PAGE_ROW = `LEFT JOIN LATERAL (SELECT ${ACCOUNT_COLUMNS.join(", ")} FROM accounts WHERE id = p.account_id LIMIT 1) a ON true`;

const accountOf = (row: SqlRow): AccountRecord | null => {
  if (row["a.id"] === null || row["a.id"] === undefined) return null;
  const plain: SqlRow = {};
  for (const c of ACCOUNT_COLUMNS) plain[c] = row[`a.${c}`];
  return accountFromRow(plain);
};

/**
 * A page of users and, when asked, their accounts (read-only transactions cache them, so the
 * service's per-user `getAccount` costs nothing).
 *
 * @example const { page, accounts } = await queryUsers(run, orgId, query, { accounts: true });
 */
export interface UserPageResult {
  readonly page: StorePage<UserRecord>;
  readonly accounts: readonly AccountRecord[];
}

/**
 * `queryUsers`: one organization's users filtered, sorted and paged by keyset, the exact total and
 * (with `accounts`) the page's accounts — in ONE statement, so a list costs one round trip.
 *
 * - Without search terms, the page is read in index order from the cursor on (`LIMIT limit + 1`
 *   tells whether there is more) and the total is the sum of the filter's `user_tallies` rows: a
 *   few hundred rows, whatever the size of the directory.
 * - With search terms, every match is found once (`matches`: id and sort key, through the
 *   trigram or bigram index): the total is their count and the page the first of them after the
 *   cursor, read back by primary key — the matches are never searched twice.
 * - Every row carries the total; accounts are read by primary key, one per page row.
 *
 * @example await queryUsers(run, orgId, { statuses: ["active"], terms: [], sort: "name", direction: "asc", limit: 50, cursor: null }, { accounts: true })
 */
export async function queryUsers(
  run: Run,
  organizationId: string,
  query: StoreUserQuery,
  options: { readonly accounts: boolean },
): Promise<UserPageResult> {
  const fp = userQueryFingerprint(organizationId, query);
  const anchor =
    query.cursor === null || query.cursor === undefined
      ? null
      : decodeUserCursor(query.cursor, fp, query.sort);
  const limit = Number.isFinite(query.limit) ? Math.max(0, Math.floor(query.limit)) : 0;

  const p = new Params();
  const where = userConditions(organizationId, query, p).join(" AND ");
  const key = sortKey(query.sort, query.direction);
  const accounts = options.accounts;
  const select = (userAlias: string): string =>
    `${USER_COLUMNS_OF(userAlias)}, staffroom_total${accounts ? `, ${ACCOUNT_COLUMNS_OUT}` : ""}`;
  let text: string;
  let total: string;
  if (tallied(query)) {
    const order = userOrder(query.sort, query.direction, anchor, p);
    const outer = userOrder(query.sort, query.direction, null, p, { key: "p.staffroom_key", id: "p.id" });
    total = totalExpression(organizationId, query, p);
    text = `SELECT ${select("p")}
      FROM (SELECT ${USER_COLUMNS_OF("u")}, ${key} AS staffroom_key FROM users u
            WHERE ${order.after === null ? where : `${where} AND ${order.after}`}
            ORDER BY ${order.orderBy} LIMIT ${p.add(limit + 1)}) p
      CROSS JOIN (SELECT ${total} AS staffroom_total) t
      ${accounts ? ACCOUNT_OF_PAGE_ROW : ""}
      ORDER BY ${outer.orderBy}`;
  } else {
    const order = userOrder(query.sort, query.direction, anchor, p, { key: "m.staffroom_key", id: "m.id" });
    const outer = userOrder(query.sort, query.direction, null, p, { key: "p.staffroom_key", id: "p.id" });
    total = "(SELECT count(*)::int FROM matches)";
    text = `WITH matches AS MATERIALIZED (
        SELECT u.id, ${key} AS staffroom_key FROM users u WHERE ${where}
      )
      SELECT ${select("u")}
      FROM (SELECT m.id, m.staffroom_key FROM matches m ${order.after === null ? "" : `WHERE ${order.after}`}
            ORDER BY ${order.orderBy} LIMIT ${p.add(limit + 1)}) p
      CROSS JOIN LATERAL (SELECT ${USER_READ_COLUMNS.join(", ")} FROM users WHERE id = p.id LIMIT 1) u
      CROSS JOIN (SELECT ${total} AS staffroom_total) t
      ${accounts ? ACCOUNT_OF_PAGE_ROW.replace("p.account_id", "u.account_id") : ""}
      ORDER BY ${outer.orderBy}`;
  }
  const rows = await run(text, p.values);
  // Every row carries the total. An empty first page means no match at all; an empty later page
  // (its users went since the cursor was made) asks for the total alone.
  let count = Number(rows[0]?.staffroom_total ?? 0);
  if (rows.length === 0 && anchor !== null) {
    const c = new Params();
    const counted = await run(`SELECT ${totalExpression(organizationId, query, c)} AS n`, c.values);
    count = Number(counted[0]?.n ?? 0);
  }
  const items = rows.slice(0, limit).map(userFromRow);
  const hasMore = rows.length > limit;
  const found: AccountRecord[] = [];
  if (accounts)
    for (const row of rows.slice(0, limit)) {
      const account = accountOf(row);
      if (account) found.push(account);
    }
  const last = items[items.length - 1];
  return {
    page: {
      items,
      total: count,
      nextCursor:
        hasMore && last ? encodeUserCursor(fp, { key: keyOf(query.sort, last), id: last.id }) : null,
    },
    accounts: found,
  };
}

/**
 * `countUsers`: how many of one organization's users match (seats, last administrator, role use):
 * a sum of tally rows, or an exact count when the filter names a licence.
 *
 * @example await countUsers(run, orgId, { statuses: ["active", "pending"] })
 */
export async function countUsers(run: Run, organizationId: string, filter: StoreUserCount): Promise<number> {
  const p = new Params();
  const rows = await run(`SELECT ${totalExpression(organizationId, filter, p)} AS n`, p.values);
  return Number(rows[0]?.n ?? 0);
}
