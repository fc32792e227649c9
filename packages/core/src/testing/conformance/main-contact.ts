import { describe, expect, it } from "vitest";
import { MAIN_CONTACT_ONLY_MESSAGE } from "../../access/main-contact.rules";
import type { StaffDirectory } from "../../directory/staff-directory";
import { npiWithCheckDigit } from "../../users/provider.rules";
import type { User } from "../../users/user.schema";
import type { BulkItem } from "../../users/user-actions.schema";
import { FIXTURE_PASSWORD } from "../fixtures";
import {
  attempt,
  expectAlive,
  expectUnauthenticated,
  failSignIns,
  LOCKOUT_THRESHOLD,
  mailedToken,
  memberOfTwo,
  NEW_PASSWORD,
  type Person,
  signIn,
  TEMPORARY_PASSWORD,
} from "./auth-helpers";
import { expectError } from "./errors-expect";
import {
  actAs,
  addLocation,
  type Ctx,
  createStaff,
  current,
  expectNoChange,
  itemsOf,
  offered,
  refusedBecause,
  setup,
  templateRole,
} from "./helpers";
import type { WorldFactory } from "./world";

const MAIN_CONTACT_ONLY = { code: "rule", rule: "main_contact_only" } as const;

/** The cast: the owner (main contact), an Administrator and a "Co-admin" holding another role. */
interface Cast {
  readonly ctx: Ctx;
  readonly owner: Person;
  /** An org-wide Administrator (the owner's role). */
  readonly second: { readonly user: User; readonly dir: StaffDirectory };
  /** An org-wide administrator of its own "Co-admin" role, so the owner's role is not its own (R3). */
  readonly coAdmin: { readonly user: User; readonly dir: StaffDirectory };
}

async function cast(factory: WorldFactory): Promise<Cast> {
  const ctx = await setup(factory);
  const admin = await templateRole(ctx, "administrator");
  const org = await ctx.owner.organization.get();
  await ctx.owner.organization.update(
    { features: { providerDirectory: true, diary: true }, providerTypes: ["MD", "NP"] },
    { version: org.version },
  );
  const coRole = await ctx.owner.roles.create({ name: "Co-admin", permissions: [...admin.permissions] });
  const second = await createStaff(ctx, {
    role: admin,
    locations: "organization",
    givenName: "Second",
    familyName: "Admin",
  });
  const coAdmin = await createStaff(ctx, {
    role: coRole,
    locations: "organization",
    givenName: "Cora",
    familyName: "Deputy",
  });
  return {
    ctx,
    owner: { user: ctx.world.owner, email: ctx.world.owner.email, password: FIXTURE_PASSWORD },
    second: { user: second, dir: await actAs(ctx, second.id) },
    coAdmin: { user: coAdmin, dir: await actAs(ctx, coAdmin.id) },
  };
}

/** Every write on a user through the public API, each a valid change had the actor been allowed. */
function everyWrite(
  dir: StaffDirectory,
  target: User,
  ids: { readonly frontDesk: string; readonly clinic: string; readonly other: string },
): Record<string, () => Promise<unknown>> {
  const v = { version: target.version };
  return {
    "temporary password": () =>
      dir.users.resetPassword(target.id, { mode: "temporary", password: TEMPORARY_PASSWORD }, v),
    "reset link": () => dir.users.resetPassword(target.id, { mode: "link" }, v),
    email: () => dir.users.update(target.id, { email: "taken.over@attacker.example" }, v),
    profile: () => dir.users.update(target.id, { profile: { jobTitle: "Former owner" } }, v),
    role: () => dir.users.update(target.id, { roleId: ids.frontDesk }, v),
    "same-rank role": () => dir.users.update(target.id, { roleId: ids.other }, v),
    locations: () =>
      dir.users.update(target.id, { locationAccess: [ids.clinic], primaryLocationId: ids.clinic }, v),
    flags: () => dir.users.update(target.id, { flags: { diary: true } }, v),
    "provider profile": () =>
      dir.users.update(
        target.id,
        {
          flags: { practitioner: true },
          provider: {
            npi: npiWithCheckDigit("123456789"),
            taxonomyCodes: ["207Q00000X"],
            bio: "Family physician.",
            providerTypes: [{ type: "MD", locationIds: [ids.clinic] }],
            capacity: 1,
            schedulingStep: 15,
          },
        },
        v,
      ),
    "no-op edit": () => dir.users.update(target.id, {}, v),
    disable: () => dir.users.disable(target.id, v),
    restore: () => dir.users.restore(target.id, v),
    delete: () => dir.users.delete(target.id, v),
    unlock: () => dir.users.unlock(target.id, v),
    "resend invitation": () => dir.users.resendInvitation(target.id, v),
    "revoke invitation": () => dir.users.revokeInvitation(target.id, v),
  };
}

/** Asserts every row of a bulk result on these users failed with `main_contact_only`. */
async function expectBulkRefused(dir: StaffDirectory, items: BulkItem[], roleId: string): Promise<void> {
  for (const input of [
    { action: "disable" as const, items },
    { action: "restore" as const, items },
    { action: "delete" as const, items },
    { action: "setRole" as const, items, roleId },
  ]) {
    const result = await dir.users.bulk(input);
    expect(result.succeeded, `bulk ${input.action}`).toBe(0);
    for (const row of result.results) {
      expect(row.ok ? null : { code: row.error.code, rule: row.error.rule }, input.action).toEqual(
        MAIN_CONTACT_ONLY,
      );
    }
  }
}

/**
 * R7 read in full: the main contact's membership, account and role are theirs. Every write on them
 * by anyone else is refused with `rule`/`main_contact_only` and changes nothing (user, account,
 * sessions, mail, audit); `users.actions()` offers nothing; the main contact still does all of it to
 * others; and the chained takeover (a temporary password on the owner, then acting as them) fails
 * at its first step.
 *
 * @example describe("memory", () => registerMainContactTests(() => memoryWorld()));
 */
export function registerMainContactTests(factory: WorldFactory): void {
  describe("R7 the main contact is protected from every angle", () => {
    it("R7 every write on the main contact by another administrator is refused and changes nothing", async () => {
      const { ctx, owner, second, coAdmin } = await cast(factory);
      const clinic = await addLocation(ctx, "North Clinic");
      const ids = {
        frontDesk: (await templateRole(ctx, "front_desk")).id,
        clinic: clinic.id,
        other: coAdmin.user.roleId,
      };
      const session = await signIn(ctx, owner);
      const target = await ctx.owner.users.get(owner.user.id);
      for (const admin of [second, coAdmin]) {
        await expectNoChange(ctx, async () => {
          for (const [what, write] of Object.entries(everyWrite(admin.dir, target, ids))) {
            const error = await expectError(write(), MAIN_CONTACT_ONLY).catch((e: unknown) => {
              throw new Error(`${what}: ${String(e)}`);
            });
            expect(error.message, what).toMatch(/main contact/i);
          }
          await expectBulkRefused(admin.dir, itemsOf(target), ids.frontDesk);
        });
      }
      await expectAlive(ctx, session.token, owner);
      expect(ctx.world.mailer.outbox.filter((m) => m.to === owner.email)).toEqual([]);
      await expectUnauthenticated(attempt(ctx, owner.email, TEMPORARY_PASSWORD));
      expect((await signIn(ctx, owner)).session.userId).toBe(owner.user.id);
      expect(await ctx.owner.users.get(owner.user.id)).toMatchObject({
        email: target.email,
        roleId: target.roleId,
        locationAccess: "organization",
        status: "active",
        mustChangePassword: false,
        profile: target.profile,
      });
    });

    it("R7 a bulk action over the main contact and staff refuses the main contact's row only", async () => {
      const { ctx, owner, second } = await cast(factory);
      const staff = await createStaff(ctx);
      const result = await second.dir.users.bulk({ action: "disable", items: itemsOf(owner.user, staff) });
      expect(result.results.map((r) => (r.ok ? "ok" : r.error.rule))).toEqual(["main_contact_only", "ok"]);
      expect((await ctx.owner.users.get(owner.user.id)).status).toBe("active");
      expect((await ctx.owner.users.get(staff.id)).status).toBe("disabled");
    });

    it("R7 the chained takeover fails at its first step: no temporary password, no session as the owner", async () => {
      const { ctx, owner, second, coAdmin } = await cast(factory);
      await expectNoChange(ctx, () =>
        expectError(
          second.dir.users.resetPassword(
            owner.user.id,
            { mode: "temporary", password: TEMPORARY_PASSWORD },
            { version: owner.user.version },
          ),
          MAIN_CONTACT_ONLY,
        ),
      );
      await expectUnauthenticated(attempt(ctx, owner.email, TEMPORARY_PASSWORD));
      // What the chain was for: disabling another administrator, which R7 forbids the second admin.
      await expectNoChange(ctx, () =>
        expectError(
          second.dir.users.disable(coAdmin.user.id, { version: coAdmin.user.version }),
          MAIN_CONTACT_ONLY,
        ),
      );
      // Nor through the email: a reset link cannot be routed to a mailbox the second admin reads.
      await expectError(
        second.dir.users.update(
          owner.user.id,
          { email: "second.admin+owner@attacker.example" },
          { version: owner.user.version },
        ),
        MAIN_CONTACT_ONLY,
      );
      await ctx.world.auth.requestPasswordReset({ email: "second.admin+owner@attacker.example" });
      expect(ctx.world.mailer.outbox.filter((m) => m.to.includes("attacker.example"))).toEqual([]);
      const signedIn = await signIn(ctx, owner);
      expect(signedIn.session).toMatchObject({ userId: owner.user.id, mustChangePassword: false });
      expect((await ctx.owner.users.get(coAdmin.user.id)).status).toBe("active");
    });

    it("R7 nobody but the main contact changes the permissions of the role the main contact holds", async () => {
      const { ctx, coAdmin } = await cast(factory);
      const admin = await templateRole(ctx, "administrator");
      const without = (p: string) => admin.permissions.filter((x) => x !== p);
      await expectNoChange(ctx, async () => {
        for (const permissions of [without("users.manage"), without("billing.issue_refunds")]) {
          await expectError(
            coAdmin.dir.roles.update(admin.id, { permissions }, { version: admin.version }),
            MAIN_CONTACT_ONLY,
          );
        }
      });
      const trimmed = await ctx.owner.roles
        .update(admin.id, { permissions: without("billing.issue_refunds") }, { version: admin.version })
        .catch((e: unknown) => e);
      // The main contact's own role is closed to them too (R3): they hand over first.
      expect(trimmed).toMatchObject({ code: "rule", rule: "self_change" });
      const renamed = await coAdmin.dir.roles.update(
        admin.id,
        { name: "Administrators" },
        { version: admin.version },
      );
      expect(renamed.permissions).toEqual(admin.permissions);
      const frontDesk = await templateRole(ctx, "front_desk");
      const widened = await coAdmin.dir.roles.update(
        frontDesk.id,
        { permissions: [...frontDesk.permissions, "billing.view_revenue"] },
        { version: frontDesk.version },
      );
      expect(widened.permissions).toContain("billing.view_revenue");
    });

    it("R7 after a hand-over to a leaner role, no other administrator adds to or takes from that role", async () => {
      const { ctx } = await cast(factory);
      const lean = await ctx.owner.roles.create({
        name: "Lean admin",
        permissions: ["users.view", "users.manage", "roles.manage", "organization.manage"],
      });
      const heir = await createStaff(ctx, { role: lean, locations: "organization", givenName: "Lena" });
      const org = await ctx.owner.organization.get();
      await ctx.owner.organization.update({ mainContactUserId: heir.id }, { version: org.version });
      await ctx.owner.me();
      await expectNoChange(ctx, async () => {
        for (const permissions of [
          [...lean.permissions, "billing.view_revenue"],
          lean.permissions.filter((p) => p !== "roles.manage"),
        ]) {
          await expectError(
            ctx.owner.roles.update(lean.id, { permissions }, { version: lean.version }),
            MAIN_CONTACT_ONLY,
          );
        }
      });
      const heirDir = await actAs(ctx, heir.id);
      await expectError(
        heirDir.roles.update(
          lean.id,
          { permissions: lean.permissions.slice(0, 3) },
          { version: lean.version },
        ),
        { code: "rule", rule: "self_change" },
      );
    });

    it("R7 a non-main-contact cannot hand the main contact over, not even to themselves", async () => {
      const { ctx, second, coAdmin } = await cast(factory);
      const org = await ctx.owner.organization.get();
      await expectNoChange(ctx, async () => {
        for (const heir of [second.user.id, coAdmin.user.id]) {
          await expectError(
            second.dir.organization.update({ mainContactUserId: heir }, { version: org.version }),
            MAIN_CONTACT_ONLY,
          );
        }
      });
    });

    it("R7 actions() offer nothing on the main contact to anyone else, and me() names the main contact", async () => {
      const { ctx, owner, second, coAdmin } = await cast(factory);
      const manager = await ctx.owner.roles.create({
        name: "Clinic Manager",
        permissions: ["users.view", "users.manage"],
      });
      const managerUser = await createStaff(ctx, { role: manager });
      const managerDir = await actAs(ctx, managerUser.id);
      const target = await ctx.owner.users.get(owner.user.id);
      expect((await second.dir.me()).mainContactUserId).toBe(owner.user.id);
      expect(offered(second.dir, target)).toEqual([]);
      expect(offered(coAdmin.dir, target)).toEqual([]);
      expect(offered(managerDir, target)).toEqual([]);
      expect(refusedBecause(coAdmin.dir, target, "disable")).toBe(MAIN_CONTACT_ONLY_MESSAGE);
      expect(offered(ctx.owner, target)).toEqual(["edit"]);
      expect(offered(ctx.owner, second.user)).toEqual(
        expect.arrayContaining(["edit", "disable", "resetPassword"]),
      );
      expect(offered(second.dir, coAdmin.user)).toEqual(expect.arrayContaining(["edit", "resetPassword"]));
    });

    it("R7 the main contact still does each of these to another administrator", async () => {
      const { ctx, second, coAdmin } = await cast(factory);
      const frontDesk = await templateRole(ctx, "front_desk");
      const o = ctx.owner;
      await failSignIns(ctx, second.user.email, LOCKOUT_THRESHOLD);
      expect((await o.users.get(second.user.id)).locked).toBe(true);
      await o.users.unlock(second.user.id, { version: second.user.version });
      const reset = await o.users.resetPassword(
        second.user.id,
        {
          mode: "temporary",
          password: TEMPORARY_PASSWORD,
        },
        await current(ctx, second.user.id),
      );
      expect(reset.mustChangePassword).toBe(true);
      await o.users.resetPassword(second.user.id, { mode: "link" }, await current(ctx, second.user.id));
      expect(mailedToken(ctx, second.user.email, "password_reset").length).toBeGreaterThan(0);
      const moved = await o.users.update(
        second.user.id,
        {
          email: "second.moved@staff.harbor.example",
          profile: { jobTitle: "Deputy" },
          flags: { diary: true },
        },
        { version: reset.version },
      );
      expect(moved).toMatchObject({ email: "second.moved@staff.harbor.example", flags: { diary: true } });
      expect(
        (await o.users.update(coAdmin.user.id, { roleId: frontDesk.id }, { version: coAdmin.user.version }))
          .roleId,
      ).toBe(frontDesk.id);
      expect((await o.users.disable(second.user.id, await current(ctx, second.user.id))).status).toBe(
        "disabled",
      );
      expect((await o.users.restore(second.user.id, await current(ctx, second.user.id))).status).toBe(
        "active",
      );
      const bulk = await o.users.bulk({
        action: "disable",
        items: [{ id: second.user.id, ...(await current(ctx, second.user.id)) }],
      });
      expect(bulk.succeeded).toBe(1);
      expect((await o.users.delete(second.user.id, await current(ctx, second.user.id))).id).toBe(
        second.user.id,
      );
    });

    it("R7 the main contact edits their own profile and email; a hand-over moves the protection", async () => {
      const { ctx, owner, second } = await cast(factory);
      const me = await ctx.owner.users.get(owner.user.id);
      const edited = await ctx.owner.users.update(
        me.id,
        { email: "olivia.new@harbor-urgent-care.example", profile: { jobTitle: "Owner" } },
        { version: me.version },
      );
      expect(edited).toMatchObject({
        email: "olivia.new@harbor-urgent-care.example",
        profile: { jobTitle: "Owner" },
      });
      const org = await ctx.owner.organization.get();
      await ctx.owner.organization.update({ mainContactUserId: second.user.id }, { version: org.version });
      await ctx.owner.me();
      await second.dir.me();
      await expectNoChange(ctx, () =>
        expectError(
          ctx.owner.users.resetPassword(
            second.user.id,
            { mode: "temporary", password: TEMPORARY_PASSWORD },
            { version: second.user.version },
          ),
          MAIN_CONTACT_ONLY,
        ),
      );
      expect(offered(ctx.owner, second.user)).toEqual([]);
      const old = await second.dir.users.get(owner.user.id);
      expect(offered(second.dir, old)).toEqual(expect.arrayContaining(["edit", "resetPassword"]));
      const reset = await second.dir.users.resetPassword(
        old.id,
        {
          mode: "temporary",
          password: TEMPORARY_PASSWORD,
        },
        { version: old.version },
      );
      expect(reset.mustChangePassword).toBe(true);
    });

    it("R7 a locked-out main contact is unlocked by their own reset link, not by another administrator", async () => {
      const { ctx, owner, second } = await cast(factory);
      await failSignIns(ctx, owner.email, LOCKOUT_THRESHOLD);
      expect((await ctx.owner.users.get(owner.user.id)).locked).toBe(true);
      await expectNoChange(ctx, () =>
        expectError(
          second.dir.users.unlock(owner.user.id, { version: owner.user.version }),
          MAIN_CONTACT_ONLY,
        ),
      );
      await expectUnauthenticated(signIn(ctx, owner));
      await ctx.world.auth.requestPasswordReset({ email: owner.email });
      const token = mailedToken(ctx, owner.email, "password_reset");
      await ctx.world.auth.completePasswordReset({ token, password: NEW_PASSWORD });
      const signedIn = await signIn(ctx, { ...owner, password: NEW_PASSWORD });
      expect(signedIn.session.userId).toBe(owner.user.id);
    });

    it("R7 the main contact of another organization keeps their sign-in: no unlock, reset link, temporary password or email from here", async () => {
      const ctx = await setup(factory);
      const { person } = await memberOfTwo(ctx);
      await failSignIns(ctx, person.email, LOCKOUT_THRESHOLD);
      const here = await ctx.owner.users.get(person.user.id);
      expect(here.locked).toBe(true);
      // The form options know the account's other organization (actions(), from a User, cannot).
      const options = await ctx.owner.users.formOptions(here.id);
      for (const verdict of [
        options.password?.link,
        options.password?.temporary,
        options.fields.email,
        options.actions.find((o) => o.action === "unlock")?.verdict,
      ]) {
        expect(verdict).toMatchObject({ allowed: false, code: "rule", rule: "main_contact_only" });
      }
      expect(options.fields.profile.allowed).toBe(true);
      await expectNoChange(ctx, async () => {
        await expectError(ctx.owner.users.unlock(here.id, { version: here.version }), MAIN_CONTACT_ONLY);
        await expectError(
          ctx.owner.users.resetPassword(here.id, { mode: "link" }, await current(ctx, here.id)),
          MAIN_CONTACT_ONLY,
        );
        await expectError(
          ctx.owner.users.resetPassword(
            here.id,
            { mode: "temporary", password: TEMPORARY_PASSWORD },
            await current(ctx, here.id),
          ),
          MAIN_CONTACT_ONLY,
        );
        await expectError(
          ctx.owner.users.update(here.id, { email: "moved@attacker.example" }, { version: here.version }),
          MAIN_CONTACT_ONLY,
        );
      });
      expect(
        ctx.world.mailer.outbox.filter((m) => m.to === person.email && m.kind === "password_reset"),
      ).toEqual([]);
      // Their membership here is still this organization's to manage.
      const edited = await ctx.owner.users.update(
        here.id,
        { profile: { jobTitle: "Visiting physician" } },
        { version: here.version },
      );
      expect(edited.profile.jobTitle).toBe("Visiting physician");
      expect((await ctx.owner.users.disable(here.id, await current(ctx, here.id))).status).toBe("disabled");
    });
  });
}
