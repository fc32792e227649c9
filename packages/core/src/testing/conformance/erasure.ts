import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../directory/staff-directory";
import { npiWithCheckDigit } from "../../users/provider.rules";
import type { User } from "../../users/user.schema";
import { FIXTURE_PASSWORD } from "../fixtures";
import { expectEnded, expectUnauthenticated, mailedToken, NEW_PASSWORD, signIn } from "./auth-helpers";
import { expectError } from "./errors-expect";
import { allPages, auditEvents, type Ctx, current, MINUTE, setup, staffInput } from "./helpers";
import type { ConformanceWorld, WorldFactory } from "./world";

/**
 * A person whose every personal value is distinctive: none of them can appear by chance in ids,
 * hashes, salts or tokens (non-ASCII letters, E.164 numbers, an NPI of ten digits), so finding one
 * after the delete means it was kept.
 */
export const QUILLON = {
  email: "quillon.zebrowskiova@erasure-check.example",
  newEmail: "q.zebrowskiova-marchetti@erasure-check.example",
  givenName: "Quillon",
  familyName: "Zebrowskiová",
  newFamilyName: "Zebrowskiová-Marchetti",
  initials: "ÞŒ",
  title: "Ωmega-DPT",
  jobTitle: "Thaumaturgic podiatrist",
  newJobTitle: "Senior thaumaturgic podiatrist",
  primaryPhone: "+14155550187",
  alternatePhone: "+14155550166",
  npi: npiWithCheckDigit("173920485"),
  bio: "Collects antique ophthalmoscopes and bakes sourdough on Sundays.",
  newBio: "Restores brass ophthalmoscopes; sourdough on Sundays, rye on Mondays.",
  ip: "198.51.100.77",
  userAgent: "QuillonBrowser/9.9 (erasure-check)",
  externalId: "idp-Quillon-ŒÞ-5521",
  employeeNumber: "EMP-Ωq-88213",
  department: "Thaumaturgic Podiatry Ward",
} as const;

/** Every value of {@link QUILLON} that is the person's (not the field names). */
export const QUILLON_VALUES: readonly string[] = Object.values(QUILLON);

/**
 * Fails naming the first value found in `text`. `where` says what the text is.
 *
 * @example expectNowhere(JSON.stringify(events), ["Quillon"], "the audit trail");
 */
export function expectNowhere(text: string, values: readonly string[], where: string): void {
  const found = values.filter((v) => text.includes(v));
  expect(found, `personal values still in ${where}`).toEqual([]);
}

/** Every user of the organization in every tab, and the counts, as text. */
async function directoryText(dir: StaffDirectory): Promise<string> {
  const tabs = await Promise.all(
    (["active", "pending", "disabled"] as const).map((status) =>
      allPages((cursor) => dir.users.list({ status, limit: 200, cursor })),
    ),
  );
  return JSON.stringify([tabs, await dir.users.counts()]);
}

/** Searches for each term in every tab and the counts; returns how many users matched in all. */
async function searchHits(dir: StaffDirectory, terms: readonly string[]): Promise<number> {
  let hits = 0;
  for (const search of terms) {
    for (const status of ["active", "pending", "disabled"] as const)
      hits += (await dir.users.list({ status, search })).total;
    const counts = await dir.users.counts({ search });
    hits += counts.active + counts.pending + counts.disabled;
  }
  return hits;
}

/** Turns on the provider directory, so the person can carry an NPI, taxonomy and bio (W10). */
async function providerOrg(ctx: Ctx): Promise<void> {
  const org = await ctx.owner.organization.get();
  await ctx.owner.organization.update(
    { features: { providerDirectory: true }, providerTypes: ["MD", "DPM", "RN"] },
    { version: org.version },
  );
}

/**
 * Quillon's life in the organization: created with every personal field, edited (email, names,
 * job title, bio, identity-provider attributes), signed in with request metadata, sent a reset link by the admin and one by
 * themself, then disabled. Returns the user (as last seen) and the token of their session.
 *
 * @example const { user } = await quillonsLife(ctx); await ctx.owner.users.delete(user.id, { version: user.version });
 */
export async function quillonsLife(ctx: Ctx): Promise<{ user: User; token: string; resetToken: string }> {
  await providerOrg(ctx);
  const base = await staffInput(ctx, { role: "provider" });
  let user = await ctx.owner.users.create({
    ...base,
    email: QUILLON.email,
    profile: {
      givenName: QUILLON.givenName,
      familyName: QUILLON.familyName,
      initials: QUILLON.initials,
      title: QUILLON.title,
      jobTitle: QUILLON.jobTitle,
      primaryPhone: QUILLON.primaryPhone,
      alternatePhone: QUILLON.alternatePhone,
    },
    flags: { practitioner: true },
    provider: {
      npi: QUILLON.npi,
      taxonomyCodes: ["213E00000X"],
      bio: QUILLON.bio,
      providerTypes: [{ type: "DPM", locationIds: [ctx.location.id] }],
      capacity: 1,
      schedulingStep: 15,
    },
  });
  ctx.world.clock.advance(MINUTE);
  user = await ctx.owner.users.update(
    user.id,
    {
      email: QUILLON.newEmail,
      profile: { familyName: QUILLON.newFamilyName, jobTitle: QUILLON.newJobTitle },
    },
    { version: user.version },
  );
  ctx.world.clock.advance(MINUTE);
  if (!user.provider) throw new Error("the provider profile was not stored");
  user = await ctx.owner.users.update(
    user.id,
    { provider: { ...user.provider, bio: QUILLON.newBio } },
    { version: user.version },
  );
  ctx.world.clock.advance(MINUTE);
  user = await ctx.owner.provisioning.setAttributes(
    user.id,
    {
      externalId: QUILLON.externalId,
      employeeNumber: QUILLON.employeeNumber,
      department: QUILLON.department,
    },
    { version: user.version },
  );
  const metadata = { ip: QUILLON.ip, userAgent: QUILLON.userAgent };
  ctx.world.clock.advance(MINUTE);
  await expectUnauthenticated(
    ctx.world.auth.signIn({ email: QUILLON.newEmail, password: "not-quillons-password-7", metadata }),
  );
  const { token } = await ctx.world.auth.signIn({
    email: QUILLON.newEmail,
    password: FIXTURE_PASSWORD,
    metadata,
  });
  ctx.world.clock.advance(MINUTE);
  user = await ctx.owner.users.resetPassword(user.id, { mode: "link" }, { version: user.version });
  const resetToken = mailedToken(ctx, QUILLON.newEmail, "password_reset");
  await ctx.world.auth.requestPasswordReset({ email: QUILLON.newEmail, metadata });
  ctx.world.clock.advance(MINUTE);
  user = await ctx.owner.users.disable(user.id, { version: user.version });
  return { user, token, resetToken };
}

/**
 * For store authors proving erasure inside their own storage: in `world`, gives a person distinctive
 * values in every personal field and a life that spreads them (create, email and profile edits,
 * provider bio, sign-ins, reset links, disable), and returns them ready to delete. Dump your
 * storage after `owner.users.delete(user.id, { version: user.version })` and look for `values`: none may remain.
 *
 * @example
 * const { owner, user, values } = await erasureFixture(world);
 * await owner.users.delete(user.id, { version: user.version });
 * for (const v of values) expect(await dumpEveryTable()).not.toContain(v);
 */
export async function erasureFixture(
  world: ConformanceWorld,
): Promise<{ owner: StaffDirectory; user: User; values: readonly string[] }> {
  const ctx = await setup(async () => world);
  const { user } = await quillonsLife(ctx);
  return { owner: ctx.owner, user, values: QUILLON_VALUES };
}

/**
 * W6 "delete erases" (DESIGN §1 Personal data and erasure; reference 001: deleting a user removes
 * every record of their name): after `users.delete` and `users.revokeInvitation`, no personal value
 * of the person is left anywhere the organization can read it; a tombstone stays; the chain verifies;
 * the person's other organizations keep everything.
 *
 * @example describe("memory", () => registerErasureTests(() => memoryWorld()));
 */
export function registerErasureTests(factory: WorldFactory): void {
  describe("W6 delete erases the person from the organization", () => {
    it("after users.delete no name, initials, title, email, phone, NPI, bio, identity-provider attribute or request metadata of the person is in lists, counts, search, the audit trail, verify, sessions, tokens or the account", async () => {
      const ctx = await setup(factory);
      const { user, token, resetToken } = await quillonsLife(ctx);
      // The test can fail: before the delete, the person's values are in the directory and the trail.
      const trailBefore = JSON.stringify(await auditEvents(ctx.owner));
      for (const value of [
        QUILLON.email,
        QUILLON.newEmail,
        QUILLON.givenName,
        QUILLON.familyName,
        QUILLON.newFamilyName,
        QUILLON.initials,
        QUILLON.title,
        QUILLON.jobTitle,
        QUILLON.newJobTitle,
        QUILLON.primaryPhone,
        QUILLON.alternatePhone,
        QUILLON.npi,
        QUILLON.bio,
        QUILLON.newBio,
        QUILLON.externalId,
        QUILLON.employeeNumber,
        QUILLON.department,
      ])
        expect(trailBefore, `the trail records ${value} before the delete`).toContain(value);
      expect(await searchHits(ctx.owner, [QUILLON.givenName, QUILLON.newEmail, QUILLON.npi])).toBeGreaterThan(
        0,
      );
      const countsBefore = await ctx.owner.users.counts();

      ctx.world.clock.advance(MINUTE);
      expect(await ctx.owner.users.delete(user.id, { version: user.version })).toEqual({
        id: user.id,
        accountDeleted: true,
      });

      // Lists, counts and search.
      expectNowhere(await directoryText(ctx.owner), QUILLON_VALUES, "users.list and counts");
      expect(
        await searchHits(ctx.owner, [
          QUILLON.givenName.toLowerCase(),
          QUILLON.newFamilyName,
          QUILLON.email,
          QUILLON.newEmail,
          QUILLON.npi,
        ]),
      ).toBe(0);
      expect(await ctx.owner.users.counts()).toEqual({
        ...countsBefore,
        disabled: countsBefore.disabled - 1,
      });
      await expectError(ctx.owner.users.get(user.id), { code: "not_found" });
      expect(await ctx.owner.provisioning.findUser({ externalId: QUILLON.externalId })).toBeNull();

      // The audit trail, every page, and its verification.
      const events = await auditEvents(ctx.owner);
      expectNowhere(JSON.stringify(events), QUILLON_VALUES, "audit.list");
      const pages = await allPages((cursor) => ctx.owner.audit.list({ limit: 3, cursor }));
      expectNowhere(JSON.stringify(pages), QUILLON_VALUES, "audit.list pages of 3");
      const verified = await ctx.owner.audit.verify();
      expect(verified).toMatchObject({ ok: true, checked: events.length, problem: null });
      expectNowhere(JSON.stringify(verified), QUILLON_VALUES, "audit.verify");

      // The tombstone: a pseudonymous reference (the user id), who deleted and when.
      const about = events.filter((e) => e.target.id === user.id);
      const tombstone = about[0];
      expect(tombstone).toMatchObject({
        action: "user.deleted",
        actor: { userId: ctx.world.owner.id, email: ctx.world.owner.email, erased: false },
        target: { type: "user", id: user.id, label: null, erased: true },
        changes: { status: { before: "disabled", after: "deleted" } },
      });
      // The person's earlier events stay, with their privilege and state changes, without them.
      expect(about.map((e) => e.action)).toEqual(
        expect.arrayContaining(["user.created", "user.updated", "user.disabled", "auth.sign_in"]),
      );
      for (const event of about) expect(event.target).toMatchObject({ label: null, erased: true });
      const created = about.find((e) => e.action === "user.created");
      expect(created?.changes).toMatchObject({ roleId: { before: null, after: user.roleId } });
      for (const event of events.filter((e) => e.actor.userId === user.id)) {
        expect(event.actor).toEqual({ userId: user.id, email: null, erased: true });
        expect(event.metadata.ip).toBeUndefined();
        expect(event.metadata.userAgent).toBeUndefined();
      }
      for (const event of about) {
        for (const field of ["email", "profile", "provider"]) expect(event.changes[field]).toBeUndefined();
      }

      // Sessions, reset links and the account.
      await expectEnded(ctx, token);
      await expectError(ctx.world.auth.completePasswordReset({ token: resetToken, password: NEW_PASSWORD }), {
        code: "not_found",
      });
      for (const email of [QUILLON.email, QUILLON.newEmail])
        await expectUnauthenticated(ctx.world.auth.signIn({ email, password: FIXTURE_PASSWORD }));

      // The email is free again: a new account may take it (and is a different person).
      const again = await ctx.owner.users.create(
        await staffInput(ctx, { email: QUILLON.newEmail, givenName: "Ana", familyName: "Ng" }),
      );
      expect(again.id).not.toBe(user.id);
      expect(again.accountId).not.toBe(user.accountId);
    });

    it("after users.revokeInvitation nothing personal of the invitee stays; the tombstone names the user id; the email may be invited again", async () => {
      const ctx = await setup(factory);
      const invitee = {
        email: "ysolde.brannigan@erasure-check.example",
        givenName: "Ysolde",
        familyName: "Brannigaŋ",
        title: "Ψ-RN",
        primaryPhone: "+14155550171",
      };
      const base = await staffInput(ctx);
      const { user, invitation } = await ctx.owner.users.invite({
        email: invitee.email,
        profile: {
          givenName: invitee.givenName,
          familyName: invitee.familyName,
          title: invitee.title,
          primaryPhone: invitee.primaryPhone,
        },
        roleId: base.roleId,
        locationAccess: base.locationAccess,
        primaryLocationId: base.primaryLocationId,
      });
      expect(invitation).toBeTruthy();
      const firstToken = mailedToken(ctx, invitee.email, "invitation");
      ctx.world.clock.advance(10 * MINUTE);
      await ctx.owner.users.resendInvitation(user.id, { version: user.version });
      const token = mailedToken(ctx, invitee.email, "invitation");
      expect(token).not.toBe(firstToken);
      const values = Object.values(invitee);
      expect(JSON.stringify(await auditEvents(ctx.owner))).toContain(
        `${invitee.givenName} ${invitee.familyName}`,
      );

      ctx.world.clock.advance(MINUTE);
      expect(await ctx.owner.users.revokeInvitation(user.id, await current(ctx, user.id))).toEqual({
        id: user.id,
        accountDeleted: true,
      });

      expectNowhere(await directoryText(ctx.owner), values, "users.list and counts");
      expect(await searchHits(ctx.owner, [invitee.givenName, invitee.email])).toBe(0);
      const events = await auditEvents(ctx.owner);
      expectNowhere(JSON.stringify(events), values, "audit.list");
      const verified = await ctx.owner.audit.verify();
      expect(verified.ok).toBe(true);
      expectNowhere(JSON.stringify(verified), values, "audit.verify");
      expect(events[0]).toMatchObject({
        action: "invitation.revoked",
        target: { type: "user", id: user.id, label: null, erased: true },
        changes: { status: { before: "pending", after: "deleted" } },
      });
      expect(events.filter((e) => e.target.id === user.id).map((e) => e.action)).toEqual([
        "invitation.revoked",
        "invitation.resent",
        "user.invited",
      ]);
      for (const t of [firstToken, token]) {
        await expectError(ctx.world.auth.invitation(t), { code: "not_found" });
        await expectError(ctx.world.auth.acceptInvitation({ token: t, password: NEW_PASSWORD }), {
          code: "not_found",
        });
      }
      const again = await ctx.owner.users.invite({
        email: invitee.email,
        profile: { givenName: "Bo", familyName: "Li" },
        roleId: base.roleId,
        locationAccess: base.locationAccess,
        primaryLocationId: base.primaryLocationId,
      });
      expect(again.user.id).not.toBe(user.id);
    });

    it("someone in two organizations: deleting them in one erases them there only; the other keeps their name, trail and login", async () => {
      const ctx = await setup(factory);
      const person = {
        email: "wilhelmina.okonkwo-strand@erasure-check.example",
        password: "saffron-glacier-tundra-mosaic-3",
        givenName: "Wilhelmina",
        familyName: "Okonkwo-Strånd",
      };
      const other = await ctx.world.bootstrapAnother({
        owner: {
          email: person.email,
          password: person.password,
          profile: { givenName: person.givenName, familyName: person.familyName },
        },
      });
      const elsewhere = await ctx.world.as(other.owner.id, other.organization.id);
      const base = await staffInput(ctx);
      const { user } = await ctx.owner.users.invite({
        email: person.email,
        profile: { givenName: person.givenName, familyName: person.familyName, title: "ŊP" },
        roleId: base.roleId,
        locationAccess: base.locationAccess,
        primaryLocationId: base.primaryLocationId,
      });
      const accepted = await ctx.world.auth.acceptInvitation({
        token: mailedToken(ctx, person.email, "invitation"),
      });
      expect(accepted.outcome).toBe("joined");
      const here = await signIn(
        ctx,
        { user, email: person.email, password: person.password },
        ctx.world.organization.id,
      );
      const there = await signIn(
        ctx,
        { user: other.owner, email: person.email, password: person.password },
        other.organization.id,
      );
      ctx.world.clock.advance(MINUTE);
      const active = await ctx.owner.users.get(user.id);
      const edited = await ctx.owner.users.update(
        user.id,
        { profile: { jobTitle: "Locum ŋurse" } },
        { version: active.version },
      );
      await ctx.owner.users.disable(user.id, { version: edited.version });
      const trailThereBefore = await auditEvents(elsewhere);

      expect(await ctx.owner.users.delete(user.id, await current(ctx, user.id))).toEqual({
        id: user.id,
        accountDeleted: false,
      });

      // Here: gone.
      const values = [person.email, person.givenName, person.familyName, "ŊP", "Locum ŋurse"];
      expectNowhere(await directoryText(ctx.owner), values, "users.list here");
      expectNowhere(JSON.stringify(await auditEvents(ctx.owner)), values, "audit.list here");
      expect((await ctx.owner.audit.verify()).ok).toBe(true);
      await expectEnded(ctx, here.token);

      // There: untouched — the user, their events with their name, a verifying chain, a working login.
      const stillThere = await elsewhere.users.get(other.owner.id);
      expect(stillThere).toMatchObject({ email: person.email, profile: { givenName: person.givenName } });
      const trailThere = await auditEvents(elsewhere);
      expect(trailThere).toEqual(trailThereBefore);
      const text = JSON.stringify(trailThere);
      expect(text).toContain(person.email);
      expect(text).toContain(`${person.givenName} ${person.familyName}`);
      expect(trailThere.some((e) => e.actor.erased || e.target.erased)).toBe(false);
      expect((await elsewhere.audit.verify()).ok).toBe(true);
      expect((await ctx.world.auth.session(there.token)).userId).toBe(other.owner.id);
      const again = await ctx.world.auth.signIn({ email: person.email, password: person.password });
      expect(again.session.organizationId).toBe(other.organization.id);
      expect(again.organizations.map((o) => o.organizationId)).toEqual([other.organization.id]);
    });

    it("erasing one person leaves everyone else's values in the trail, and the owner's actor part on the person's events", async () => {
      const ctx = await setup(factory);
      const keep = await ctx.owner.users.create(
        await staffInput(ctx, { givenName: "Keeper", familyName: "Vąlentine" }),
      );
      const gone = await ctx.owner.users.create(
        await staffInput(ctx, { givenName: "Goner", familyName: "Ŧhistlewood" }),
      );
      await ctx.owner.users.disable(gone.id, { version: gone.version });
      await ctx.owner.users.delete(gone.id, await current(ctx, gone.id));
      const events = await auditEvents(ctx.owner);
      const text = JSON.stringify(events);
      expect(text).not.toContain("Ŧhistlewood");
      expect(text).toContain("Keeper Vąlentine");
      expect(events.find((e) => e.target.id === keep.id)).toMatchObject({
        target: { label: "Keeper Vąlentine", erased: false },
      });
      for (const event of events.filter((e) => e.target.id === gone.id))
        expect(event.actor).toEqual({
          userId: ctx.world.owner.id,
          email: ctx.world.owner.email,
          erased: false,
        });
      expect((await ctx.owner.audit.verify()).ok).toBe(true);
    });
  });
}
