import fc from "fast-check";
import type { ActorView } from "../../../access/access.schema";
import type { StaffDirectory } from "../../../directory/staff-directory";
import type { Verdict } from "../../../errors/verdict";
import type { User } from "../../../users/user.schema";
import type { UserAction } from "../../../users/user-actions.schema";
import type { FieldOption, UserActionOffer, UserFormOptions } from "../../../users/user-form-options.schema";
import type { CreateUserInput, UserPatch } from "../../../users/user-input.schema";
import { FIXTURE_PASSWORD, fixtureNpi } from "../../fixtures";
import { seededRandom } from "../../random";
import { type Attempt, attempt, ensure } from "../attempt";
import { judge, type VerdictCounts } from "./judge";
import { type BuiltWorld, nextEmail, PERMISSIONS } from "./world";

/** What a step probes. */
export type ProbeKind =
  | "action"
  | "userForm"
  | "newUser"
  | "roleForm"
  | "newRole"
  | "organization"
  | "can"
  | "order";

/**
 * One step: an actor, a target and what to try, all as indices resolved against the world as it is
 * when the step runs.
 *
 * @example { kind: "action", actor: 3, target: 7, pick: 1, pick2: 0 }
 */
export interface Step {
  readonly kind: ProbeKind;
  readonly actor: number;
  readonly target: number;
  readonly pick: number;
  readonly pick2: number;
}

/** Random steps, weighted towards user actions and form options. @example fc.sample(stepArbitrary, 3) */
export const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<ProbeKind>(
    "action",
    "action",
    "action",
    "userForm",
    "userForm",
    "userForm",
    "newUser",
    "roleForm",
    "roleForm",
    "newRole",
    "organization",
    "can",
    "order",
  ),
  actor: fc.nat(40),
  target: fc.nat(40),
  pick: fc.nat(60),
  pick2: fc.nat(60),
});

/** The users (but the observer) and every role's permissions, as the observer last read them. */
export interface Roster {
  readonly users: readonly User[];
  readonly roles: ReadonlyMap<string, readonly string[]>;
}

/**
 * One run's state: the world, the directories per actor, the trace, the counts, and the roster
 * read for the last step (null: read it again).
 */
export interface Run {
  readonly built: BuiltWorld;
  readonly dirs: Map<string, StaffDirectory>;
  readonly trace: string[];
  readonly counts: VerdictCounts;
  roster: Roster | null;
}

/** A version no record has: a probe of the permission check that comes before R12's. */
const NO_SUCH_VERSION = 2 ** 30;
const ACTIONS: readonly UserAction[] = [
  "edit",
  "disable",
  "restore",
  "delete",
  "resetPassword",
  "unlock",
  "resendInvitation",
  "revokeInvitation",
];

const at = <T>(items: readonly T[], i: number): T | undefined => items[i % Math.max(1, items.length)];
const name = (u: Pick<User, "profile" | "status">) => `${u.profile.familyName}(${u.status})`;

async function dirOf(run: Run, userId: string): Promise<StaffDirectory> {
  const known = run.dirs.get(userId);
  if (known) return known;
  const dir = await run.built.world.as(userId);
  run.dirs.set(userId, dir);
  return dir;
}

/**
 * Every user of the organization but the observer, as the observer (org-wide reader) sees them, and
 * every role's permissions. Read again only after a step that may have changed them (a write that
 * succeeded, or a step that writes outside the judged attempts): a refused write changes nothing
 * (R13), and reading four lists before every step was half the property's time on a database. The
 * probes read their target afresh; a cached user's `locked` may lag the clock, which only steers
 * which actor and target a step picks.
 */
async function roster(run: Run): Promise<Roster> {
  if (run.roster) return run.roster;
  const users: User[] = [];
  for (const status of ["active", "pending", "disabled"] as const) {
    const page = await run.built.observer.users.list({ status, limit: 200 });
    users.push(...page.items.filter((u) => u.id !== run.built.observerId));
  }
  const roles = new Map((await run.built.observer.roles.list()).map((r) => [r.id, r.permissions]));
  run.roster = { users, roles };
  return run.roster;
}

/** `can()` over the whole catalog, and the actions offered on `user`: what the snapshot answers. */
function snapshotOf(dir: StaffDirectory, user: User): string {
  const can = PERMISSIONS.map((p) => (dir.can(p) ? 1 : 0)).join("");
  const offers = dir.users
    .actions(user)
    .map((o) => `${o.action}:${o.verdict.allowed ? "+" : o.verdict.message}`);
  return `${can} ${offers.join(",")}`;
}

/** The same row actions, but for the verdicts that need the person's other organizations. */
function comparable(offers: readonly UserActionOffer[], shared: boolean): string {
  return JSON.stringify(
    offers.filter((o) => !shared || (o.action !== "resetPassword" && o.action !== "unlock")),
  );
}

const tempPassword = (run: Run) => `quiet-lantern-harbor-${run.built.seq + 1000}`;

/** The write of one row action on `user`. */
function actionCall(
  run: Run,
  dir: StaffDirectory,
  user: User,
  action: UserAction,
  mode: "link" | "temporary",
): () => Promise<unknown> {
  const version = { version: user.version };
  switch (action) {
    case "edit":
      return () => dir.users.update(user.id, { profile: { jobTitle: `Job ${run.built.seq++}` } }, version);
    case "disable":
      return () => dir.users.disable(user.id, version);
    case "restore":
      return () => dir.users.restore(user.id, version);
    case "delete":
      return () => dir.users.delete(user.id, version);
    case "resetPassword":
      return () =>
        dir.users.resetPassword(
          user.id,
          mode === "link" ? { mode } : { mode, password: tempPassword(run) },
          version,
        );
    case "unlock":
      return () => dir.users.unlock(user.id, version);
    case "resendInvitation":
      return () => dir.users.resendInvitation(user.id, version);
    case "revokeInvitation":
      return () => dir.users.revokeInvitation(user.id, version);
  }
}

/** A row action on a user: actions() and formOptions(id).actions agree, and the write follows them. */
async function actionProbe(run: Run, dir: StaffDirectory, target: User, step: Step): Promise<void> {
  const seen = await attempt("get", () => dir.users.get(target.id));
  const options = await attempt("formOptions", () => dir.users.formOptions(target.id));
  const action = at(ACTIONS, step.pick) ?? "edit";
  const mode = step.pick2 % 2 === 0 ? "link" : "temporary";
  if (!seen.ok) {
    ensure(
      run.trace,
      !options.ok && options.error.code === seen.error.code,
      `R5: formOptions of ${name(target)}, whom the actor cannot read (${seen.error.code}), answered ${options.ok ? "ok" : options.error.code}`,
    );
    const result = await attempt(action, actionCall(run, dir, target, action, mode));
    judge(run.trace, run.counts, `${action} ${name(target)} (unreadable)`, null, result);
    return;
  }
  ensure(run.trace, options.ok, `formOptions of a readable user failed: ${options.ok || options.error.code}`);
  const user = seen.value;
  const shared = run.built.shared.includes(user.id);
  const sync = dir.users.actions(user);
  ensure(
    run.trace,
    comparable(sync, shared) === comparable(options.value.actions, shared),
    `actions() ${comparable(sync, shared)} differ from formOptions(id).actions ${comparable(options.value.actions, shared)} on ${name(user)}`,
  );
  const listed = options.value.actions.find((o) => o.action === action);
  const verdict: Verdict | null =
    action === "resetPassword" && listed
      ? (options.value.password?.[mode] ?? null)
      : (listed?.verdict ?? null);
  const result = await attempt(action, actionCall(run, dir, user, action, mode));
  judge(
    run.trace,
    run.counts,
    `${action}${action === "resetPassword" ? `(${mode})` : ""} ${name(user)}`,
    verdict,
    result,
  );
}

/** A patch using one option of the user form, and its verdict. */
type OptionTry = { readonly label: string; readonly verdict: Verdict; readonly patch: UserPatch };

const VALID_PROVIDER = {
  npi: fixtureNpi(seededRandom(7)),
  taxonomyCodes: ["207Q00000X"],
  bio: null,
  providerTypes: [],
  capacity: 1,
  schedulingStep: 15 as const,
};

/** The options of an existing user's form as patches, in a fixed order. */
function optionTries(run: Run, o: UserFormOptions, user: User): OptionTry[] {
  const access = user.locationAccess;
  const tries: OptionTry[] = [];
  for (const r of o.roles)
    tries.push({ label: `role ${r.label}`, verdict: r.verdict, patch: { roleId: r.value } });
  for (const l of o.locations) {
    const patch: UserPatch =
      access === "organization"
        ? { locationAccess: [l.value], primaryLocationId: l.value }
        : { locationAccess: access.includes(l.value) ? access : [...access, l.value] };
    tries.push({ label: `location ${l.label}`, verdict: l.verdict, patch });
  }
  tries.push({
    label: "all locations",
    verdict: o.organizationWide,
    patch: { locationAccess: "organization" },
  });
  for (const p of o.primaryLocations) {
    const joins = access !== "organization" && !access.includes(p.value);
    const patch: UserPatch = joins
      ? { primaryLocationId: p.value, locationAccess: [...access, p.value] }
      : { primaryLocationId: p.value };
    tries.push({ label: `primary ${p.label}`, verdict: p.verdict, patch });
  }
  tries.push({
    label: "practitioner",
    verdict: o.flags.practitioner,
    patch: { flags: { practitioner: true } },
  });
  tries.push({ label: "diary", verdict: o.flags.diary, patch: { flags: { diary: true } } });
  tries.push({
    label: "case manager",
    verdict: o.flags.caseManager,
    patch: { flags: { caseManager: true } },
  });
  tries.push({
    label: "mobile login",
    verdict: o.loginChannels.mobile,
    patch: { loginChannels: { mobile: true }, profile: { primaryPhone: "+14155550100" } },
  });
  tries.push({
    label: "provider profile",
    verdict: o.provider,
    patch: { flags: { practitioner: true }, provider: VALID_PROVIDER },
  });
  for (const l of o.licences) {
    tries.push({
      label: `licence ${l.label}`,
      verdict: l.verdict,
      patch: { licences: [...new Set([...user.licences, l.value])] },
    });
  }
  tries.push({ label: "email", verdict: o.fields.email, patch: { email: nextEmail(run.built, "moved") } });
  tries.push({
    label: "profile",
    verdict: o.fields.profile,
    patch: { profile: { jobTitle: `Title ${run.built.seq++}` } },
  });
  return tries;
}

/** One option of an existing user's form, saved. */
async function userFormProbe(run: Run, dir: StaffDirectory, target: User, step: Step): Promise<void> {
  const seen = await attempt("get", () => dir.users.get(target.id));
  if (!seen.ok) return actionProbe(run, dir, target, step);
  const options = await attempt("formOptions", () => dir.users.formOptions(target.id));
  ensure(run.trace, options.ok, "formOptions of a readable user failed");
  const tries = optionTries(run, options.value, seen.value);
  const chosen = at(tries, step.pick);
  if (!chosen) return;
  const result = await attempt(chosen.label, () =>
    dir.users.update(seen.value.id, chosen.patch, { version: seen.value.version }),
  );
  judge(run.trace, run.counts, `set ${chosen.label} of ${name(seen.value)}`, chosen.verdict, result);
}

const firstAllowed = (options: readonly FieldOption[]) => options.find((o) => o.verdict.allowed);

/** One option of the new-user form, saved as a create (or an invitation) with allowed choices elsewhere. */
async function newUserProbe(run: Run, dir: StaffDirectory, step: Step): Promise<void> {
  const form = await attempt("formOptions", () => dir.users.formOptions());
  const email = nextEmail(run.built, "new");
  const base = {
    email,
    profile: { givenName: "New", familyName: `Person${run.built.seq}` },
    password: FIXTURE_PASSWORD,
  };
  if (!form.ok) {
    // Not a reader: nothing is offered, and creating anyone is refused.
    const roles = await run.built.observer.roles.list();
    const result = await attempt("create", () =>
      dir.users.create({
        ...base,
        roleId: roles[0]?.id ?? "",
        locationAccess: "organization",
        primaryLocationId: run.built.world.location.id,
      }),
    );
    judge(run.trace, run.counts, "create (no options)", null, result);
    return;
  }
  const o = form.value;
  const role = firstAllowed(o.roles) ?? o.roles[0];
  const location = firstAllowed(o.locations) ?? o.locations[0];
  if (!role || !location) return;
  const input: CreateUserInput = {
    ...base,
    roleId: role.value,
    locationAccess: [location.value],
    primaryLocationId: location.value,
  };
  const tries: { label: string; verdict: Verdict; input: CreateUserInput }[] = [
    ...o.roles.map((r) => ({
      label: `role ${r.label}`,
      verdict: r.verdict,
      input: { ...input, roleId: r.value },
    })),
    ...o.locations.map((l) => ({
      label: `location ${l.label}`,
      verdict: l.verdict,
      input: { ...input, locationAccess: [l.value], primaryLocationId: l.value },
    })),
    ...o.primaryLocations.map((p) => ({
      label: `primary ${p.label}`,
      verdict: p.verdict,
      input: { ...input, locationAccess: [p.value], primaryLocationId: p.value },
    })),
    {
      label: "all locations",
      verdict: o.organizationWide,
      input: { ...input, locationAccess: "organization" },
    },
    { label: "diary", verdict: o.flags.diary, input: { ...input, flags: { diary: true } } },
    {
      label: "case manager",
      verdict: o.flags.caseManager,
      input: { ...input, flags: { caseManager: true } },
    },
    {
      label: "mobile login",
      verdict: o.loginChannels.mobile,
      input: {
        ...input,
        loginChannels: { mobile: true },
        profile: { ...base.profile, primaryPhone: "+14155550101" },
      },
    },
    {
      label: "provider profile",
      verdict: o.provider,
      input: { ...input, flags: { practitioner: true }, provider: VALID_PROVIDER },
    },
    ...o.licences.map((l) => ({
      label: `licence ${l.label}`,
      verdict: l.verdict,
      input: { ...input, licences: [l.value] },
    })),
  ];
  const chosen = at(tries, step.pick);
  if (!chosen) return;
  // The other choices must be allowed for the form to be saveable; when none is, there is no case.
  if (!firstAllowed(o.roles) || !firstAllowed(o.locations)) {
    if (o.fields.profile.allowed) return;
  }
  const invite = step.pick2 % 3 === 0;
  const { password: _password, ...invitation } = chosen.input;
  const result = await attempt<unknown>(chosen.label, () =>
    invite ? dir.users.invite(invitation) : dir.users.create(chosen.input),
  );
  judge(
    run.trace,
    run.counts,
    `${invite ? "invite" : "create"} with ${chosen.label}`,
    chosen.verdict,
    result,
  );
}

/** One choice of the roles editor for an existing role: a toggle, a rename or the delete. */
async function roleFormProbe(run: Run, dir: StaffDirectory, step: Step): Promise<void> {
  const roles = (await run.built.observer.roles.list()).filter((r) => r.id !== run.built.observerRoleId);
  const role = at(roles, step.target);
  if (!role) return;
  const form = await attempt("roles.formOptions", () => dir.roles.formOptions(role.id));
  const choice = step.pick % 3;
  const version = { version: role.version };
  if (!form.ok) {
    const result = await attempt("roles.update", () =>
      dir.roles.update(role.id, { name: `Renamed ${run.built.seq++}` }, version),
    );
    judge(run.trace, run.counts, `rename ${role.name} (no options)`, null, result);
    return;
  }
  const o = form.value;
  if (choice === 0) {
    const toggle = at(o.toggles, step.pick2);
    if (!toggle) return;
    const next = role.permissions.includes(toggle.value)
      ? role.permissions.filter((p) => p !== toggle.value)
      : [...role.permissions, toggle.value];
    const result = await attempt("toggle", () => dir.roles.update(role.id, { permissions: next }, version));
    judge(run.trace, run.counts, `toggle ${toggle.value} on ${role.name}`, toggle.verdict, result);
  } else if (choice === 1) {
    const result = await attempt("rename", () =>
      dir.roles.update(role.id, { name: `Renamed ${run.built.seq++}` }, version),
    );
    judge(run.trace, run.counts, `rename ${role.name}`, o.rename, result);
  } else {
    const result = await attempt("delete role", () => dir.roles.delete(role.id, version));
    judge(run.trace, run.counts, `delete role ${role.name}`, o.delete, result);
  }
}

/** One choice of the roles editor for a new role: a template, or a single permission. */
async function newRoleProbe(run: Run, dir: StaffDirectory, step: Step): Promise<void> {
  const form = await attempt("roles.formOptions", () => dir.roles.formOptions());
  const label = `Made ${run.built.seq++}`;
  if (!form.ok) {
    const result = await attempt("roles.create", () =>
      dir.roles.create({ name: label, template: "read_only" }),
    );
    judge(run.trace, run.counts, "create role (no options)", null, result);
    return;
  }
  const o = form.value;
  if (step.pick % 2 === 0) {
    const template = at(o.templates, step.pick2);
    if (!template) return;
    const result = await attempt("create role", () =>
      dir.roles.create({ name: label, template: template.value }),
    );
    judge(run.trace, run.counts, `create role from ${template.value}`, template.verdict, result);
  } else {
    const toggle = at(o.toggles, step.pick2);
    if (!toggle) return;
    const result = await attempt("create role", () =>
      dir.roles.create({ name: label, permissions: [toggle.value] }),
    );
    judge(run.trace, run.counts, `create role with ${toggle.value}`, toggle.verdict, result);
  }
}

/** One choice of the organization settings: a change, the hand-over, removing a licence type. */
async function organizationProbe(run: Run, dir: StaffDirectory, step: Step): Promise<void> {
  const form = await attempt("organization.formOptions", () => dir.organization.formOptions());
  ensure(run.trace, form.ok, "organization.formOptions failed for an active member");
  const org = await run.built.observer.organization.get();
  const version = { version: org.version };
  const choice = step.pick % 3;
  if (choice === 0) {
    const result = await attempt("organization.update", () =>
      dir.organization.update({ name: `Harbor ${run.built.seq++}` }, version),
    );
    judge(run.trace, run.counts, "rename the organization", form.value.update, result);
  } else if (choice === 1) {
    const admins = (await run.built.observer.users.list({ admin: true, limit: 200 })).items;
    const heir = at(
      admins.filter((a) => a.id !== org.mainContactUserId && a.id !== run.built.observerId),
      step.pick2,
    );
    if (!heir) return;
    const result = await attempt("hand over", () =>
      dir.organization.update({ mainContactUserId: heir.id }, version),
    );
    judge(run.trace, run.counts, `hand the main contact over to ${name(heir)}`, form.value.handOver, result);
  } else {
    const type = at(form.value.licenceTypes, step.pick2);
    if (!type) return;
    const result = await attempt("remove licence type", () =>
      dir.organization.update(
        { licenceTypes: org.licenceTypes.filter((l) => l.key !== type.value) },
        version,
      ),
    );
    judge(run.trace, run.counts, `remove licence type ${type.value}`, type.verdict, result);
  }
}

const isForbidden = (r: Attempt<unknown>) => !r.ok && r.error.code === "forbidden";

/**
 * R2: `can(p)` agrees with the service for every catalog permission — probed through a write the
 * permission gates (refused `forbidden` before its version is compared) where there is one, else
 * the permissions `me()` answers — and, with a target, with the service's R4 scope.
 */
async function canProbe(
  run: Run,
  dir: StaffDirectory,
  me: ActorView,
  users: readonly User[],
  step: Step,
): Promise<void> {
  const version = { version: NO_SUCH_VERSION };
  const service = async (p: string): Promise<boolean> => {
    switch (p) {
      case "users.manage":
        // A create naming no role: refused forbidden without users.manage, else validation.
        return !isForbidden(
          await attempt(p, () =>
            dir.users.create({
              email: nextEmail(run.built, "probe"),
              profile: { givenName: "Probe", familyName: "Only" },
              roleId: "rol_zzzzzzzzzzzzzzzzzzzz",
              locationAccess: [me.user.primaryLocationId],
              primaryLocationId: me.user.primaryLocationId,
              password: FIXTURE_PASSWORD,
            }),
          ),
        );
      case "roles.manage":
        return !isForbidden(await attempt(p, () => dir.roles.update(me.role.id, {}, version)));
      case "locations.manage":
        return !isForbidden(
          await attempt(p, () => dir.locations.update(me.user.primaryLocationId, {}, version)),
        );
      case "organization.manage":
        return !isForbidden(await attempt(p, () => dir.organization.update({}, version)));
      case "audit.view":
        return !isForbidden(await attempt(p, () => dir.audit.list({ limit: 1 })));
      default:
        return me.permissions.includes(p as (typeof me.permissions)[number]);
    }
  };
  for (const p of PERMISSIONS) {
    const expected = await service(p);
    run.counts.can += 1;
    ensure(
      run.trace,
      dir.can(p) === expected,
      `R2: can(${p}) is ${dir.can(p)}, the service says ${expected}`,
    );
  }
  const list = await attempt("list", () => dir.users.list({ limit: 1 }));
  run.counts.can += 1;
  ensure(
    run.trace,
    list.ok === (dir.can("users.view") || dir.can("users.manage")),
    `R2: users.list ${list.ok ? "succeeded" : "was refused"} while can(users.view) is ${dir.can("users.view")}`,
  );
  const target = at(users, step.target);
  if (!target) return;
  const options = await attempt("formOptions", () => dir.users.formOptions(target.id));
  const outside =
    !options.ok || options.value.fields.profile.allowed
      ? !options.ok && options.error.code === "not_found"
      : options.value.fields.profile.message === "This user has access to locations outside yours.";
  run.counts.can += 1;
  ensure(
    run.trace,
    dir.can("users.manage", target) === (dir.can("users.manage") && !outside),
    `R4: can(users.manage, ${name(target)}) is ${dir.can("users.manage", target)}; outside the actor's scope: ${outside}`,
  );
}

/**
 * `can()` and `actions()` answer from the last `me()` only: whatever the actor or others call in
 * between — reads, refused and accepted writes, the actor's own role changed — they do not move;
 * the next `me()` moves them to the service's answer.
 */
async function orderProbe(
  run: Run,
  dir: StaffDirectory,
  actor: User,
  users: readonly User[],
  step: Step,
): Promise<void> {
  const target = at(users, step.target) ?? actor;
  const before = snapshotOf(dir, target);
  const roles = await run.built.observer.roles.list();
  const calls: (() => Promise<unknown>)[] = [
    () => dir.users.list({ limit: 5 }),
    () => dir.users.get(target.id),
    () => dir.users.formOptions(target.id),
    () => dir.roles.list(),
    () =>
      dir.users.update(
        actor.id,
        { profile: { jobTitle: `Self ${run.built.seq++}` } },
        { version: actor.version },
      ),
    async () => {
      // Someone else changes the actor's role: the actor's snapshot stays its last me().
      const role = at(roles, step.pick2);
      const fresh = await run.built.observer.users.get(actor.id);
      const owner = run.built.owner;
      if (role) await owner.users.update(actor.id, { roleId: role.id }, { version: fresh.version });
    },
  ];
  const order = [...calls.keys()].sort((a, b) => ((a * 7 + step.pick) % 11) - ((b * 7 + step.pick) % 11));
  for (const i of order) {
    await attempt(`call ${i}`, calls[i] ?? (async () => undefined));
    run.counts.snapshot += 1;
    ensure(
      run.trace,
      snapshotOf(dir, target) === before,
      `R2: can()/actions() moved after call ${i} without a me()`,
    );
  }
  const me = await attempt("me", () => dir.me());
  if (me.ok) await canProbe(run, dir, me.value, users, step);
}

/**
 * Runs one step: resolves its actor (an active user) and target against the world as it is now,
 * loads the actor's snapshot with `me()`, runs the probe, and checks that nothing but `me()` moved
 * the snapshot.
 *
 * @example await runStep(run, step);
 */
export async function runStep(run: Run, step: Step): Promise<void> {
  const succeeded = run.counts.succeeded;
  try {
    await probeStep(run, step);
  } finally {
    // "order" writes outside the judged attempts (the actor's own profile, its role changed by the
    // owner); "can" probes with writes the service must refuse, judged by no count: read again.
    if (run.counts.succeeded !== succeeded || step.kind === "order" || step.kind === "can") {
      run.roster = null;
    }
  }
}

async function probeStep(run: Run, step: Step): Promise<void> {
  const { users, roles } = await roster(run);
  const actors = users.filter((u) => u.status === "active");
  // Three steps in four are taken by someone who manages users, roles or the organization, so
  // offered choices are tried as often as refused ones.
  const managing = actors.filter((u) =>
    (roles.get(u.roleId) ?? []).some(
      (p) => p === "users.manage" || p === "roles.manage" || p === "organization.manage",
    ),
  );
  const actor = at(step.actor % 4 === 0 || managing.length === 0 ? actors : managing, step.actor);
  if (!actor) return;
  const dir = await dirOf(run, actor.id);
  const me = await attempt("me", () => dir.me());
  if (!me.ok) return;
  const target = at(users, step.target) ?? actor;
  run.trace.push(`— ${step.kind} by ${name(actor)} on ${name(target)}`);
  const before = snapshotOf(dir, target);
  switch (step.kind) {
    case "action":
      await actionProbe(run, dir, target, step);
      break;
    case "userForm":
      await userFormProbe(run, dir, target, step);
      break;
    case "newUser":
      await newUserProbe(run, dir, step);
      break;
    case "roleForm":
      await roleFormProbe(run, dir, step);
      break;
    case "newRole":
      await newRoleProbe(run, dir, step);
      break;
    case "organization":
      await organizationProbe(run, dir, step);
      break;
    case "can":
      await canProbe(run, dir, me.value, users, step);
      return;
    case "order":
      await orderProbe(run, dir, actor, users, step);
      return;
  }
  run.counts.snapshot += 1;
  ensure(run.trace, snapshotOf(dir, target) === before, "R2: can()/actions() moved without a me()");
}
