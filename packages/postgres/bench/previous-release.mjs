// The baseline of the list benchmark: users.list as release 0.1 of this store ran it, statement
// for statement, over the same database and in the same run as the current store — so a noisy
// machine moves both figures alike. A read-only transaction: the actor (organization, user, role:
// three statements), the role list for the admin filter, the page (`SELECT u.*`, keyset), an
// exact `count(*)` of every match whenever the page is not the whole answer (LIKE for every
// term), the page's accounts, COMMIT. Row mapping and core's checks are left out, so the baseline
// is, if anything, flattered.

const escapeLike = (term) => `%${term.replace(/[\\%_]/g, "\\$&")}%`;

const SORT_KEYS = {
  name: { asc: "u.name_key", desc: "u.name_key" },
  email: { asc: "u.email", desc: "u.email" },
  createdAt: { asc: "u.created_at", desc: "u.created_at" },
  lastSignInAt: {
    asc: "COALESCE(u.last_sign_in_at, 'infinity'::timestamptz)",
    desc: "COALESCE(u.last_sign_in_at, '-infinity'::timestamptz)",
  },
};

function conditions(orgId, q, values) {
  const add = (v) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where = [`u.organization_id = ${add(orgId)}`, `u.status = ${add(q.status ?? "active")}`];
  if (q.roleIds) where.push(`u.role_id = ANY(${add(q.roleIds)}::text[])`);
  if (q.practitioner !== undefined) where.push(`u.practitioner = ${add(q.practitioner)}`);
  if (q.locationId) where.push(`(u.org_wide OR u.location_ids @> ARRAY[${add(q.locationId)}::text])`);
  for (const term of (q.search ?? "").toLowerCase().split(/\s+/).filter(Boolean))
    where.push(`u.search LIKE ${add(escapeLike(term))}`);
  return { where: where.join(" AND "), add };
}

/**
 * One users.list as release 0.1 ran it; `q` is the API query plus `roleIds` for the admin filter
 * and `anchor` ({ key, id } of the previous page's last row) for a later page. Returns the rows
 * (with `name_key`, `email`… for the next anchor) and the total.
 *
 * @example const page = await previousRelease(run, { orgId, userId }, { status: "active" });
 */
export async function previousRelease(run, actor, q) {
  await run("SELECT * FROM organizations WHERE id = $1", [actor.orgId]);
  const user = (
    await run("SELECT * FROM users WHERE organization_id = $1 AND id = $2", [actor.orgId, actor.userId])
  )[0];
  await run("SELECT * FROM roles WHERE organization_id = $1 AND id = $2", [actor.orgId, user.role_id]);
  if (q.admin !== undefined)
    await run("SELECT * FROM roles WHERE organization_id = $1 ORDER BY name_key, id", [actor.orgId]);
  const sort = q.sort ?? "name";
  const direction = q.direction ?? "asc";
  const key = SORT_KEYS[sort][direction];
  const values = [];
  const { where, add } = conditions(actor.orgId, q, values);
  let after = "";
  if (q.anchor) {
    const k =
      sort === "createdAt" || sort === "lastSignInAt"
        ? `${add(q.anchor.key)}::timestamptz`
        : add(q.anchor.key);
    const id = add(q.anchor.id);
    after =
      direction === "asc"
        ? ` AND (${key}, u.id) > (${k}, ${id})`
        : ` AND ${key} <= ${k} AND (${key} < ${k} OR u.id > ${id})`;
  }
  const limit = q.limit ?? 50;
  const rows = await run(
    `SELECT u.*, ${key} AS bench_key FROM users u WHERE ${where}${after}
     ORDER BY ${key} ${direction === "asc" ? "ASC" : "DESC"}, u.id ASC LIMIT ${add(limit + 1)}`,
    values,
  );
  let total = rows.length;
  if (q.anchor || rows.length > limit) {
    const countValues = [];
    const counted = conditions(actor.orgId, q, countValues);
    total = Number(
      (await run(`SELECT count(*)::int AS n FROM users u WHERE ${counted.where}`, countValues))[0].n,
    );
  }
  const page = rows.slice(0, limit);
  if (page.length > 0)
    await run("SELECT * FROM accounts WHERE id = ANY($1::text[])", [
      [...new Set(page.map((r) => r.account_id))],
    ]);
  const last = page.at(-1);
  return {
    total,
    anchor: last
      ? { key: last.bench_key instanceof Date ? last.bench_key.toISOString() : last.bench_key, id: last.id }
      : null,
  };
}

/** Runs `work(run)` in a REPEATABLE READ READ ONLY transaction on a pg.Pool or a PGlite. */
export async function readOnly(client, work) {
  if (typeof client.connect === "function") {
    const connection = await client.connect();
    try {
      await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const result = await work(async (text, values) => (await connection.query(text, values)).rows);
      await connection.query("COMMIT");
      return result;
    } finally {
      connection.release();
    }
  }
  return client.transaction(async (tx) => {
    await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return work(async (text, values) => (await tx.query(text, values)).rows);
  });
}
