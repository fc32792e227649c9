import { auditActor, auditTarget, diff } from "../audit/audit-writer";
import type { Unit } from "../directory/context";
import { type ActorSession, writeOp } from "../directory/runner";
import { parseInput } from "../directory/validate";
import { expectVersion, orStale, requireVersion } from "../directory/versions";
import { fail } from "../errors/directory-error";
import { checkSeats } from "../organization/seats.rules";
import type { AccountRecord, UserRecord } from "../store/records";
import { checkNotLastAdmin } from "./last-admin.rules";
import type { User } from "./user.schema";
import { checkUserRelations } from "./user-fields.rules";
import { UserPatchSchema } from "./user-input.schema";
import { AUDITED_USER_FIELDS, applyUserPatch } from "./user-record";
import { managedUser, refuseMainContactAccount, roleFor } from "./user-target";
import { userView } from "./user-view";
import {
  checkGrant,
  refuseOwnAccessChange,
  requireMainContactFor,
  requireSoleOrganization,
} from "./users.rules";

/** W4: edit a user with an optimistic version (R12), under R3, R4, R6–R10. */
export async function updateUser(
  s: ActorSession,
  id: unknown,
  rawPatch: unknown,
  options: unknown,
): Promise<User> {
  const version = requireVersion(options);
  const patch = parseInput(UserPatchSchema, rawPatch);
  const locks = patch.email ? [`email:${patch.email}`] : [];
  return writeOp(
    s,
    async (unit, a) => {
      const target = await managedUser(unit.tx, a, id);
      const before = target.user;
      expectVersion(before, version);
      const after = applyUserPatch(before, patch);
      const roleChanged = after.roleId !== before.roleId;
      const accessChanged = JSON.stringify(after.locationAccess) !== JSON.stringify(before.locationAccess);
      const primaryChanged = after.primaryLocationId !== before.primaryLocationId;
      refuseOwnAccessChange(target, roleChanged || accessChanged || primaryChanged);
      const changes = diff(before, after, AUDITED_USER_FIELDS);
      if (Object.keys(changes).length === 0) return userView(unit.tx, before, unit.nowMs);
      const newRole = roleChanged ? await roleFor(unit.tx, a.organization.id, after.roleId) : target.role;
      if (roleChanged || accessChanged) checkGrant(a.subject, newRole, after);
      if (target.isAdmin && (roleChanged || accessChanged)) {
        // Narrowing an administrator's role or clinics is a demotion (R7): the main contact's call.
        requireMainContactFor(a, target);
      }
      if (roleChanged && target.isAdmin && !newRole.permissions.includes("users.manage")) {
        // The main contact never gets here: others are refused by managedUser, themselves by self_change.
        requireMainContactFor(a, target);
        await checkNotLastAdmin(unit.tx, a.organization, before);
      }
      checkUserRelations(a.organization, await unit.tx.listLocations(a.organization.id), after, before);
      await checkSeats(unit.tx, a.organization, before, after);
      if (after.email !== before.email) {
        await refuseMainContactAccount(unit.tx, a, target);
        await changeEmail(unit, target.account, after.email);
      }
      const next: UserRecord = { ...after, version: before.version + 1, updatedAt: unit.now };
      await orStale(unit.tx.updateUser(next, before.version));
      await auditActor(s.ctx, unit, a, {
        action: roleChanged ? "user.role_changed" : "user.updated",
        target: auditTarget.user(next),
        changes,
      });
      return userView(unit.tx, next, unit.nowMs);
    },
    locks,
  );
}

/**
 * The email is the account's, shared by every organization it belongs to. Changing it from one
 * organization would let that organization's admin take over the person's login elsewhere (by then
 * asking for a reset link), so it is allowed only while the account has no other organization.
 */
async function changeEmail(unit: Unit, account: AccountRecord, email: string): Promise<void> {
  requireSoleOrganization((await unit.tx.listUsersByAccount(account.id)).length, "email");
  const next: AccountRecord = { ...account, email, version: account.version + 1, updatedAt: unit.now };
  if (!(await unit.tx.updateAccount(next, account.version))) {
    throw fail.conflict("Another account already uses this email.", [
      { path: ["email"], code: "duplicate_email", message: "Another account already uses this email." },
    ]);
  }
}
