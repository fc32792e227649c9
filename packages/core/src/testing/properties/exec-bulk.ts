import type { User } from "../../users/user.schema";
import type { BulkInput } from "../../users/user-actions.schema";
import { attempt, ensure } from "./attempt";
import { type Effect, type Modified, noEffect, resolveActor, who } from "./effect";
import { type PropertyState, permissionsOf, pick } from "./model";
import type { Operation } from "./operations";

type BulkOp = Extract<Operation, { kind: "bulk" }>;

const FROM: Record<BulkOp["action"], readonly string[]> = {
  disable: ["active"],
  restore: ["disabled"],
  delete: ["disabled", "pending"],
  setRole: ["active", "pending", "disabled"],
};

/**
 * W12: one action over several users; every succeeded row is one mutation with one audit event.
 *
 * @example await execBulk(state, { kind: "bulk", org: 0, actor: { mainContact: true }, action: "disable", targets: [1, 2], role: 0 });
 */
export async function execBulk(state: PropertyState, op: BulkOp): Promise<Effect> {
  const acting = await resolveActor(state, op.org, op.actor);
  const { org, actor } = acting;
  const ids = [...new Set(op.targets.map((i) => pick(org.userIds, i) ?? ""))];
  // Each row names the version the model holds, as a UI names the rows it shows (R12).
  const items = ids.map((id) => ({ id, version: org.snapshot.users.get(id)?.version ?? 1 }));
  const roleId = pick(org.roleIds, op.role) ?? "";
  const input: BulkInput =
    op.action === "setRole" ? { action: "setRole", items, roleId } : { action: op.action, items };
  const role = op.action === "setRole" ? ` to ${org.snapshot.roles.get(roleId)?.name ?? roleId}` : "";
  const label = `bulk ${op.action}${role} [${ids.map((id) => who(org, id)).join(", ")}]`;
  const result = await attempt(label, () => acting.dir.users.bulk(input));
  const rows = result.ok
    ? ` rows=[${result.value.results.map((r) => (r.ok ? "ok" : `${r.error.code}${r.error.rule ? `/${r.error.rule}` : ""}`)).join(", ")}]`
    : "";
  const effect = noEffect(state, acting, `${label}${rows}`, result);
  if (!result.ok) return effect;
  const { results, succeeded, failed } = result.value;
  ensure(
    state.trace,
    results.length === ids.length,
    `bulk answered ${results.length} rows for ${ids.length} ids`,
  );
  ensure(
    state.trace,
    succeeded + failed === ids.length && results.filter((r) => r.ok).length === succeeded,
    "bulk counts disagree with rows",
  );
  const modified: Modified[] = [];
  const grants: string[] = [];
  let changes = 0;
  for (const [i, row] of results.entries()) {
    ensure(state.trace, row.id === ids[i], `bulk row ${i} is ${row.id}, expected ${ids[i]}`);
    if (!row.ok) continue;
    const before: User | undefined = org.snapshot.users.get(row.id);
    ensure(
      state.trace,
      before !== undefined && FROM[op.action].includes(before.status),
      `bulk ${op.action} succeeded on a ${before?.status ?? "missing"} user`,
    );
    const after = op.action === "delete" ? null : row.user;
    const changed = op.action !== "setRole" || (after !== null && after.version !== before.version);
    if (!changed) continue;
    changes += 1;
    modified.push({ userId: row.id, before, after });
    const demoted =
      op.action === "setRole" && after !== null && !permissionsOf(org.snapshot, after).has("users.manage");
    const removes = op.action === "disable" || op.action === "delete" || demoted;
    if (removes && permissionsOf(org.snapshot, before).has("users.manage")) {
      ensure(
        state.trace,
        actor.isMainContact,
        `R7: bulk ${op.action} by a non-main-contact hit an administrator`,
      );
    }
    const roleChanged = op.action === "setRole" && before.roleId !== after?.roleId;
    ensure(
      state.trace,
      !(removes || roleChanged) || row.id !== actor.id,
      `R3/R7: bulk ${op.action} hit the actor itself`,
    );
    if (roleChanged) grants.push(row.id);
  }
  return {
    ...effect,
    requires: succeeded > 0 ? "users.manage" : null,
    changes,
    modified,
    grants,
  };
}
