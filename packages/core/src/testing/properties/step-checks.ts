import { ensure } from "./attempt";
import type { Effect } from "./effect";
import type { PropertyState, Snapshot } from "./model";
import { changes } from "./snapshot";

const STALE_CODES = ["stale", "forbidden", "not_found", "unauthenticated"];

/** Refusals of an actor who may not do this at all, whatever version it names (R7: the main contact is theirs). */
const refusedOutright = (error: { code: string; rule?: string | undefined }): boolean =>
  STALE_CODES.includes(error.code) || (error.code === "rule" && error.rule === "main_contact_only");

/**
 * Checks one step against the snapshots before and after it:
 * - R13/R18: the records that changed are exactly what the operation claims (none on failure), and
 *   each organization's audit total grew by exactly that many events;
 * - R12: a stale write fails (`stale` once the actor is allowed at all) and lands nothing;
 * - R5: a cross-organization attempt never succeeds; results stay in the actor's organization;
 * - R2: a success needs the operation's permission and an active actor;
 * - R3/R4: a limited actor only touched users inside its locations and gave only its own locations.
 *
 * @example checkStep(state, effect, [before0, before1], [after0, after1]);
 */
export function checkStep(
  state: PropertyState,
  effect: Effect,
  before: readonly [Snapshot, Snapshot],
  after: readonly [Snapshot, Snapshot],
): void {
  const { trace } = state;
  const { actor } = effect;
  const ok = effect.result.ok;
  for (const i of [0, 1] as const) {
    const own = i === effect.org.index;
    const changed = changes(before[i], after[i]);
    const expected = ok && own ? effect.changes : 0;
    ensure(
      trace,
      changed.length === expected,
      `R13: org${i} changed ${changed.length} record(s) ${JSON.stringify(changed)}; the operation accounts for ${expected}`,
    );
    const grew = after[i].auditTotal - before[i].auditTotal;
    ensure(trace, grew === expected, `R13/R18: org${i} audit total grew by ${grew}, expected ${expected}`);
  }
  if (!effect.result.ok) {
    const { code, rule } = effect.result.error;
    ensure(
      trace,
      !effect.stale || refusedOutright(effect.result.error),
      `R12: a stale write failed with ${code}${rule ? `/${rule}` : ""}, not stale`,
    );
    return;
  }
  ensure(trace, !effect.stale, "R12: a write with a stale version succeeded");
  ensure(trace, !effect.mustFail, "R5: a cross-organization attempt succeeded");
  if (effect.requires) {
    ensure(trace, actor.active, "R2: an actor that is not active succeeded");
    ensure(trace, actor.permissions.has(effect.requires), `R2: succeeded without ${effect.requires}`);
  }
  const scope = actor.locations;
  for (const m of effect.modified) {
    ensure(
      trace,
      m.after === null || m.after.organizationId === effect.org.id,
      "R5: a result belongs to another organization",
    );
    if (scope === null) continue;
    const was = m.before?.locationAccess;
    if (was !== undefined) {
      ensure(
        trace,
        was !== "organization" && was.every((l) => scope.has(l)),
        `R4: a limited actor modified ${m.userId} whose access ${JSON.stringify(was)} is not inside its own`,
      );
    }
    const now = m.after?.locationAccess;
    if (now !== undefined) {
      ensure(
        trace,
        now !== "organization" && now.every((l) => scope.has(l)),
        `R3: a limited actor gave ${m.userId} access ${JSON.stringify(now)} outside its own`,
      );
    }
  }
}

/**
 * Folds a successful effect into the model: new users, roles and locations, and R3 provenance.
 *
 * @example applyEffect(effect, afterSnapshot);
 */
export function applyEffect(effect: Effect, after: Snapshot): void {
  if (!effect.result.ok) return;
  const org = effect.org;
  for (const user of effect.created.users) {
    org.userIds.push(user.id);
    if (!org.emails.includes(user.email)) org.emails.push(user.email);
  }
  org.roleIds.push(...effect.created.roles);
  org.locationIds.push(...effect.created.locations);
  for (const id of effect.grants) org.justified.set(id, effect.actor.permissions);
  const edit = effect.roleEdit;
  if (edit && edit.added.length > 0) {
    for (const user of after.users.values()) {
      if (user.roleId !== edit.roleId) continue;
      org.justified.set(user.id, new Set([...(org.justified.get(user.id) ?? []), ...edit.added]));
    }
  }
}
