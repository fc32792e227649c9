import type * as z from "zod/mini";
import type { ActorContext } from "../access/actor";
import { auditActor, auditTarget, diff } from "../audit/audit-writer";
import type { Unit } from "../directory/context";
import { type ActorSession, writeOp } from "../directory/runner";
import { parseInput } from "../directory/validate";
import { expectVersion, orStale, requireVersion } from "../directory/versions";
import { fail } from "../errors/directory-error";
import { assertAllowed } from "../errors/verdict";
import { checkSeats } from "../organization/seats.rules";
import type { AccountRecord, UserRecord } from "../store/records";
import { checkNotLastAdmin } from "./last-admin.rules";
import type { User } from "./user.schema";
import { changesOf, organizationFacts, updateUserVerdict } from "./user-fields.rules";
import { UserPatchSchema } from "./user-input.schema";
import { AUDITED_USER_FIELDS, applyUserPatch } from "./user-record";
import { managedUser } from "./user-target";
import { userView } from "./user-view";
import { isAdministrator } from "./users.rules";

/**
 * W4: edit a user with an optimistic version (R12): the update verdict (R2–R4, R7, R8, R10, R11),
 * then the count rules R6 (demoting the last administrator) and R9 (seats) under the lock.
 */
export async function updateUser(
  s: ActorSession,
  id: unknown,
  rawPatch: unknown,
  options: unknown,
): Promise<User> {
  const version = requireVersion(options);
  const patch = parseInput(UserPatchSchema, rawPatch);
  const locks = patch.email ? [`email:${patch.email}`] : [];
  return writeOp(s, (unit, a) => updateUserIn(s, unit, a, id, version, patch), locks);
}

/**
 * W4 inside a unit the caller opened (and locked: the organization, and `email:<new email>` when the
 * patch changes it): every check runs before the first write, and a patch that changes nothing
 * writes nothing and answers the user as it is. The CSV import runs it per row.
 *
 * @example await writeOp(s, (unit, a) => updateUserIn(s, unit, a, id, user.version, parseInput(UserPatchSchema, raw)));
 */
export async function updateUserIn(
  s: ActorSession,
  unit: Unit,
  a: ActorContext,
  id: unknown,
  version: number,
  patch: z.infer<typeof UserPatchSchema>,
): Promise<User> {
  const target = await managedUser(unit.tx, a, id, unit.nowMs, { account: patch.email !== undefined });
  const before = target.user;
  expectVersion(before, version);
  const after = applyUserPatch(before, patch);
  const changes = diff(before, after, AUDITED_USER_FIELDS);
  if (Object.keys(changes).length === 0) return userView(unit.tx, before, unit.nowMs);
  const org = organizationFacts(a.organization, await unit.tx.listLocations(a.organization.id));
  assertAllowed(updateUserVerdict(target.actor, org, target.target, before, after));
  const roleChanged = changesOf(before, after).role;
  const demoted =
    isAdministrator(target.actor.roles?.get(before.roleId)) &&
    !isAdministrator(target.actor.roles?.get(after.roleId));
  if (roleChanged && demoted) await checkNotLastAdmin(unit.tx, a.organization, before);
  await checkSeats(unit.tx, a.organization, before, after);
  if (after.email !== before.email) await changeEmail(unit, target.account, after.email);
  const next: UserRecord = { ...after, version: before.version + 1, updatedAt: unit.now };
  await orStale(unit.tx.updateUser(next, before.version));
  await auditActor(s.ctx, unit, a, {
    action: roleChanged ? "user.role_changed" : "user.updated",
    target: auditTarget.user(next),
    changes,
  });
  return userView(unit.tx, next, unit.nowMs);
}

/**
 * The email is the account's, shared by every organization it belongs to; the update verdict has
 * already refused the change for an account with another organization (`accountWriteVerdict`). A
 * taken email is a `conflict` the store answers.
 */
async function changeEmail(unit: Unit, account: AccountRecord, email: string): Promise<void> {
  const next: AccountRecord = { ...account, email, version: account.version + 1, updatedAt: unit.now };
  if (!(await unit.tx.updateAccount(next, account.version))) {
    throw fail.conflict("Another account already uses this email.", [
      { path: ["email"], code: "duplicate_email", message: "Another account already uses this email." },
    ]);
  }
}
