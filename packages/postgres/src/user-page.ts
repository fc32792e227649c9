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

const PAGE_COLUMNS = USER_READ_COLUMNS.map((c) => `u.${c}`).join(", ");
const OUTER_USER_COLUMNS = USER_READ_COLUMNS.map((c) => `p.${c}`).join(", ");
// Account columns come back as "a.<column>" beside the user's, in the same row.
const OUTER_ACCOUNT_COLUMNS = ACCOUNT_COLUMNS.map((c) => `a.${c} AS "a.${c}"`).join(", ");

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
 *   cursor, so the matches are never searched twice.
 * - The outer query numbers the page (its order survives the joins), joins the accounts, and
 *   always returns at least one row: the total, even for an empty page.
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
  let page: string;
  let total: string;
  if (tallied(query)) {
    const order = userOrder(query.sort, query.direction, anchor, p);
    const pageWhere = order.after === null ? where : `${where} AND ${order.after}`;
    page = `SELECT ${PAGE_COLUMNS} FROM users u WHERE ${pageWhere}
      ORDER BY ${order.orderBy} LIMIT ${p.add(limit + 1)}`;
    total = totalExpression(organizationId, query, p);
  } else {
    const order = userOrder(query.sort, query.direction, anchor, p, { key: "m.staffroom_key", id: "m.id" });
    page = `SELECT ${PAGE_COLUMNS} FROM (
        SELECT m.id, m.staffroom_key FROM matches m ${order.after === null ? "" : `WHERE ${order.after}`}
        ORDER BY ${order.orderBy} LIMIT ${p.add(limit + 1)}
      ) m JOIN users u ON u.id = m.id ORDER BY ${order.orderBy}`;
    total = "(SELECT count(*)::int FROM matches)";
  }
  const matches = tallied(query)
    ? ""
    : `matches AS MATERIALIZED (
        SELECT u.id, ${sortKey(query.sort, query.direction)} AS staffroom_key FROM users u WHERE ${where}
      ), `;
  const accounts = options.accounts;
  const text = `WITH ${matches}page AS (${page}),
    numbered AS (SELECT page.*, row_number() OVER () AS staffroom_ord FROM page)
    SELECT t.staffroom_total, ${OUTER_USER_COLUMNS}${accounts ? `, ${OUTER_ACCOUNT_COLUMNS}` : ""}
    FROM (SELECT ${total} AS staffroom_total) t
    LEFT JOIN numbered p ON true
    ${accounts ? "LEFT JOIN accounts a ON a.id = p.account_id" : ""}
    ORDER BY p.staffroom_ord`;
  const raw = await run(text, p.values);
  // Every row carries the total; an empty page is one row with the total and no user.
  const count = Number(raw[0]?.staffroom_total ?? 0);
  const rows = raw.filter((r) => r.id !== null && r.id !== undefined);
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
