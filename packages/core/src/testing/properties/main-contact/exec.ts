import type { StaffDirectory } from "../../../directory/staff-directory";
import type { UserPatch } from "../../../users/user-input.schema";
import { type Attempt, attempt, describeAttempt, ensure } from "../attempt";
import { directoryAs, type McState, type StepRecord, who } from "./model";
import type { Act, AsPick, TargetPick } from "./operations";
import { aliasOf, freshPassword } from "./setup";

const at = <T>(items: readonly T[], index: number): T => items[Math.abs(index) % items.length] as T;

/**
 * The user a pick names now: the current main contact, or a person's own user.
 *
 * @example resolveTarget(state, { mainContact: true }) // the main contact's user id
 */
export function resolveTarget(state: McState, pick: TargetPick): string {
  if (pick.mainContact) return state.snapshot.organization.mainContactUserId ?? at(state.people, 0).userId;
  return at(state.people, pick.index).userId;
}

function log(
  state: McState,
  person: number,
  actingUserId: string,
  label: string,
  result: Attempt<unknown>,
): string {
  const by = at(state.people, person).name;
  const as = actingUserId === at(state.people, person).userId ? "" : ` as ${who(state, actingUserId)}`;
  const line = `${by}${as}: ${label} → ${describeAttempt(result)}`;
  state.trace.push(`#${state.trace.length + 1} ${line}`);
  return line;
}

/**
 * Which user a person acts as: their own, or a session they obtained as someone else that still
 * works (a session that ended is dropped and the step acts as nobody: null).
 *
 * @example const userId = await actingUser(state, 1, { own: false, held: 0 });
 */
export async function actingUser(state: McState, person: number, as: AsPick): Promise<string | null> {
  const own = at(state.people, person).userId;
  const held = [...(state.sessions.get(person) ?? new Map<string, string>()).entries()];
  if (as.own || held.length === 0) return own;
  const [userId, token] = at(held, as.held);
  try {
    const session = await state.world.auth.session(token);
    if (session.mustChangePassword) throw new Error("must change");
    return userId;
  } catch {
    state.sessions.get(person)?.delete(userId);
    state.trace.push(
      `#${state.trace.length + 1} ${at(state.people, person).name}'s session as ${who(state, userId)} has ended`,
    );
    return null;
  }
}

function patchFor(
  state: McState,
  person: number,
  act: Extract<Act, { kind: "edit" }>,
  target: string,
): UserPatch {
  const user = state.snapshot.users.get(target);
  const [l0, l1] = state.locationIds as [string, string];
  switch (act.field) {
    case "email":
      return { email: aliasOf(state, person) };
    case "profile":
      state.seq += 1;
      return { profile: { jobTitle: `Edited ${state.seq}` } };
    case "role":
      return { roleId: at(state.roleIds, act.role) };
    case "locations":
      return [
        { locationAccess: "organization" as const, primaryLocationId: l0 },
        { locationAccess: [l0], primaryLocationId: l0 },
        { locationAccess: [l1], primaryLocationId: l1 },
      ][act.location % 3] as UserPatch;
    case "flags":
      return { flags: { practitioner: !user?.flags.practitioner } };
    case "noop":
      return {};
  }
}

/**
 * Who, other than its own person, controls a user's account: knows a password, holds a session,
 * reads the mailbox of its email or has an unused reset link for it. Null when nobody does.
 */
function inOtherHands(state: McState, userId: string): string | null {
  const email = state.snapshot.users.get(userId)?.email;
  for (const p of state.people) {
    if (p.userId === userId) continue;
    const holds =
      state.knows.get(p.index)?.has(userId) ||
      state.sessions.get(p.index)?.has(userId) ||
      (email !== undefined && state.mailboxes.get(email) === p.index) ||
      state.inbox.get(p.index)?.some((l) => !l.used && l.userId === userId);
    if (holds) return p.name;
  }
  return null;
}

/** R7 "offered means allowed": nobody but the main contact is offered anything on the main contact. */
async function checkOffered(
  state: McState,
  dir: StaffDirectory,
  actingUserId: string,
  target: string,
): Promise<void> {
  const mc = state.snapshot.organization.mainContactUserId;
  const user = state.snapshot.users.get(target);
  if (target !== mc || actingUserId === mc || !user) return;
  const loaded = await attempt("me", () => dir.me());
  if (!loaded.ok) return;
  const offered = dir.users.actions(user).filter((o) => o.verdict.allowed);
  ensure(
    state.trace,
    offered.length === 0,
    `R7: ${who(state, actingUserId)} is offered ${offered.map((o) => o.action).join(", ")} on the main contact`,
  );
}

/**
 * Runs one write as `actingUserId` on behalf of `person`; returns what the person got hold of.
 *
 * @example await runAct(state, 1, userId, { kind: "reset", target: { mainContact: true }, mode: "temporary" });
 */
export async function runAct(
  state: McState,
  person: number,
  actingUserId: string,
  act: Act,
): Promise<StepRecord> {
  const dir = await directoryAs(state, actingUserId);
  const learned: string[] = [];
  let label: string;
  let result: Attempt<unknown>;
  if (act.kind === "edit" || act.kind === "lifecycle" || act.kind === "reset") {
    const target = resolveTarget(state, act.target);
    await checkOffered(state, dir, actingUserId, target);
    const version = state.snapshot.users.get(target)?.version ?? 1;
    if (act.kind === "edit") {
      const patch = patchFor(state, person, act, target);
      label = `edit ${who(state, target)} ${JSON.stringify(patch)}`;
      result = await attempt(label, () => dir.users.update(target, patch, { version }));
    } else if (act.kind === "lifecycle") {
      label = `${act.action} ${who(state, target)}`;
      result = await attempt(label, async () => {
        if (act.action === "disable") return dir.users.disable(target, { version });
        if (act.action === "restore") return dir.users.restore(target, { version });
        if (act.action === "unlock") return dir.users.unlock(target, { version });
        return dir.users.delete(target, { version });
      });
    } else if (act.mode === "temporary") {
      const password = freshPassword(state);
      label = `temporary password on ${who(state, target)}`;
      result = await attempt(label, () =>
        dir.users.resetPassword(target, { mode: "temporary", password }, { version }),
      );
      if (result.ok) {
        state.knows.get(person)?.set(target, password);
        learned.push(target);
      }
    } else {
      label = `reset link for ${who(state, target)}`;
      result = await attempt(label, () => dir.users.resetPassword(target, { mode: "link" }, { version }));
    }
  } else if (act.kind === "bulk") {
    const ids = [...new Set(act.targets.map((t) => resolveTarget(state, t)))];
    const roleId = at(state.roleIds, act.role);
    label = `bulk ${act.action} ${ids.map((id) => who(state, id)).join(", ")}`;
    const items = ids.map((id) => ({ id, version: state.snapshot.users.get(id)?.version ?? 1 }));
    const input =
      act.action === "setRole" ? { action: act.action, items, roleId } : { action: act.action, items };
    result = await attempt(label, () => dir.users.bulk(input));
  } else if (act.kind === "toggleRole") {
    const mc = state.snapshot.organization.mainContactUserId ?? "";
    const roleId = act.role.mainContacts
      ? (state.snapshot.users.get(mc)?.roleId ?? "")
      : at(state.roleIds, act.role.index);
    const role = state.snapshot.roles.get(roleId);
    const permission = at(state.permissions, act.permission);
    const has = role?.permissions.includes(permission) ?? false;
    const permissions = has
      ? (role?.permissions ?? []).filter((p) => p !== permission)
      : [...(role?.permissions ?? []), permission];
    label = `${has ? "take" : "add"} ${permission} ${has ? "from" : "to"} role ${role?.name ?? roleId}`;
    result = await attempt(label, () =>
      dir.roles.update(roleId, { permissions }, { version: role?.version ?? 1 }),
    );
  } else {
    const target = resolveTarget(state, act.target);
    const holder = inOtherHands(state, target);
    if (holder !== null) {
      // Handing over to an account someone else already controls hands them the organization by
      // the main contact's own choice; the property leaves that choice out rather than flag it.
      const line = `${at(state.people, person).name} would hand over to ${who(state, target)}, held by ${holder}: skipped`;
      state.trace.push(`#${state.trace.length + 1} ${line}`);
      return { person, actingUserId, label: line, learned: [], session: null };
    }
    label = `hand the main contact over to ${who(state, target)}`;
    result = await attempt(label, () =>
      dir.organization.update(
        { mainContactUserId: target },
        { version: state.snapshot.organization.version },
      ),
    );
  }
  return {
    person,
    actingUserId,
    label: log(state, person, actingUserId, label, result),
    learned,
    session: null,
  };
}

/**
 * The public "forgot password" form, filled in by `person` with the target's current email.
 *
 * @example await runForgot(state, 2, { mainContact: true });
 */
export async function runForgot(state: McState, person: number, pick: TargetPick): Promise<StepRecord> {
  const own = at(state.people, person).userId;
  const target = resolveTarget(state, pick);
  const email = state.snapshot.users.get(target)?.email ?? `gone.${target}@r7.prop.example`;
  const label = `forgot password for ${email}`;
  const result = await attempt(label, () => state.world.auth.requestPasswordReset({ email }));
  return {
    person,
    actingUserId: own,
    label: log(state, person, own, label, result),
    learned: [],
    session: null,
  };
}

/**
 * The person opens the newest unused reset link in their mailboxes and chooses a password.
 *
 * @example await runReadMail(state, 1);
 */
export async function runReadMail(state: McState, person: number): Promise<StepRecord> {
  const own = at(state.people, person).userId;
  const link = [...(state.inbox.get(person) ?? [])].reverse().find((l) => !l.used);
  if (!link) {
    state.trace.push(`#${state.trace.length + 1} ${at(state.people, person).name}: no unread reset link`);
    return { person, actingUserId: own, label: "no mail", learned: [], session: null };
  }
  link.used = true;
  const password = freshPassword(state);
  const label = `completes a reset link for ${who(state, link.userId)}`;
  const result = await attempt(label, () =>
    state.world.auth.completePasswordReset({ token: link.token, password }),
  );
  const learned: string[] = [];
  if (result.ok) {
    state.knows.get(person)?.set(link.userId, password);
    learned.push(link.userId);
  }
  return { person, actingUserId: own, label: log(state, person, own, label, result), learned, session: null };
}

/**
 * The person signs in as the target with a password they know for them; a forced change is made at
 * once (the person then knows the new password). A session as someone else is kept to act through.
 *
 * @example await runSignIn(state, 1, { mainContact: true });
 */
export async function runSignIn(state: McState, person: number, pick: TargetPick): Promise<StepRecord> {
  const own = at(state.people, person).userId;
  const target = resolveTarget(state, pick);
  const password = state.knows.get(person)?.get(target);
  const email = state.snapshot.users.get(target)?.email;
  if (!password || !email) {
    state.trace.push(
      `#${state.trace.length + 1} ${at(state.people, person).name}: knows no password for ${who(state, target)}`,
    );
    return { person, actingUserId: own, label: "no password", learned: [], session: null };
  }
  const label = `signs in as ${who(state, target)}`;
  const result = await attempt(label, () =>
    state.world.auth.signIn({ email, password, organizationId: state.organizationId }),
  );
  const line = log(state, person, own, label, result);
  if (!result.ok) return { person, actingUserId: own, label: line, learned: [], session: null };
  const { token, session } = result.value;
  ensure(state.trace, session.userId === target, `signed in as ${session.userId}, not ${target}`);
  if (session.mustChangePassword) {
    const next = freshPassword(state);
    const changed = await attempt("change the forced password", () =>
      state.world.auth.changePassword({ token, currentPassword: password, newPassword: next }),
    );
    log(state, person, own, "changes the forced password", changed);
    if (changed.ok) state.knows.get(person)?.set(target, next);
  }
  if (target !== own) state.sessions.get(person)?.set(target, token);
  return { person, actingUserId: own, label: line, learned: [], session: target };
}

/**
 * Wrong passwords typed for the target at the public sign-in form, one after another: a public act
 * (R17), which locks the account at the threshold (10 by default).
 *
 * @example await runGuess(state, 4, { mainContact: true }, 10);
 */
export async function runGuess(
  state: McState,
  person: number,
  pick: TargetPick,
  times: number,
): Promise<StepRecord> {
  const own = at(state.people, person).userId;
  const target = resolveTarget(state, pick);
  const email = state.snapshot.users.get(target)?.email ?? `gone.${target}@r7.prop.example`;
  let last: Attempt<unknown> = { ok: true, value: null };
  for (let i = 0; i < times; i++) {
    last = await attempt("guess", () =>
      state.world.auth.signIn({
        email,
        password: `wrong-guess-${i}-tundra-mosaic`,
        organizationId: state.organizationId,
      }),
    );
    ensure(state.trace, !last.ok, `a wrong password signed in as ${who(state, target)}`);
  }
  const label = `types ${times} wrong password(s) for ${who(state, target)}`;
  return {
    person,
    actingUserId: own,
    label: log(state, person, own, label, last),
    learned: [],
    session: null,
  };
}
