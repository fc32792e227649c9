import { describe, expect, it } from "vitest";
import type { DefaultPermission } from "../../access/catalog";
import type { SignInResult } from "../../auth/auth.schema";
import { OWN_SESSION_MESSAGE } from "../../auth/session-admin.rules";
import type { SessionSummary } from "../../auth/session-summary.schema";
import type { StaffDirectory } from "../../directory/staff-directory";
import {
  expectAlive,
  expectEnded,
  ownerElsewhere,
  type Person,
  SESSION_IDLE_MS,
  staffMember,
} from "./auth-helpers";
import { expectError } from "./errors-expect";
import {
  actAs,
  addLocation,
  allPages,
  type Ctx,
  latestEvent,
  MINUTE,
  missingId,
  setup,
  staffWithPermissions,
  templateRole,
} from "./helpers";
import type { WorldFactory } from "./world";

/** A desktop browser at the front desk, and a phone: what a session stores of where it came from. */
const DESK = {
  ip: "203.0.113.42",
  userAgent:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
};
const PHONE = {
  ip: "2001:db8:85a3:4:8a2e:370:7334:1",
  userAgent:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
};

/** Signs a person in with request metadata (REST relays it as headers; its test server trusts them). */
function signInFrom(
  ctx: Ctx,
  person: Person,
  metadata: { ip: string; userAgent: string },
): Promise<SignInResult> {
  return ctx.world.auth.signIn({ email: person.email, password: person.password, metadata });
}

/** An org-wide administrator who can sign in, and their directory. */
async function administrator(ctx: Ctx): Promise<{ person: Person; dir: StaffDirectory }> {
  const person = await staffMember(ctx, { role: "administrator", locations: "organization" });
  return { person, dir: await actAs(ctx, person.user.id) };
}

const idsOf = (items: readonly SessionSummary[]): string[] => items.map((s) => s.id);

/**
 * W13 Sessions (who is signed in, End session) and its rules: R2 (`users.manage`), R3/R4 (a
 * delegated administrator ends only sessions of people it manages), R5 (others' sessions are
 * invisible), R7 (not one's own, not the main contact's), R13/R18 (audited).
 *
 * @example describe("memory", () => registerSessionAdminTests(() => memoryWorld()));
 */
export function registerSessionAdminTests(factory: WorldFactory): void {
  describe("W13 sessions list and End session", () => {
    it("lists who is signed in, from which browser, system and network (never the raw address), since when and last active, newest first", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx, { givenName: "Sam", familyName: "Rivera" });
      const ana = await staffMember(ctx, { givenName: "Ana", familyName: "Lopez" });
      const desk = await signInFrom(ctx, sam, DESK);
      ctx.world.clock.advance(2 * MINUTE);
      const phone = await signInFrom(ctx, ana, PHONE);
      ctx.world.clock.advance(MINUTE);
      await ctx.world.auth.session(desk.token);
      const page = await ctx.owner.sessions.list();
      expect(page.total).toBe(2);
      expect(page.nextCursor).toBeNull();
      const [first, second] = page.items;
      expect(first).toMatchObject({
        userId: ana.user.id,
        displayName: "Ana Lopez",
        email: ana.email,
        client: { browser: "Safari", system: "iOS" },
        network: "2001:db8:85a3::/48",
        createdAt: phone.session.createdAt,
        lastSeenAt: phone.session.createdAt,
        expiresAt: phone.session.expiresAt,
        self: false,
        end: { allowed: true },
      });
      expect(second).toMatchObject({
        userId: sam.user.id,
        displayName: "Sam Rivera",
        client: { browser: "Chrome", system: "Windows" },
        network: "203.0.113.0/24",
        createdAt: desk.session.createdAt,
        self: false,
        end: { allowed: true },
      });
      // Used a minute ago: last active moved, and so did the idle end.
      expect(Date.parse(second?.lastSeenAt ?? "")).toBeGreaterThan(Date.parse(desk.session.createdAt));
      expect(Date.parse(second?.idleExpiresAt ?? "")).toBe(
        Date.parse(second?.lastSeenAt ?? "") + SESSION_IDLE_MS,
      );
      const wire = JSON.stringify(page);
      for (const secret of [DESK.ip, PHONE.ip, DESK.userAgent, PHONE.userAgent, desk.token, phone.token]) {
        expect(wire).not.toContain(secret);
      }
    });

    it("End session signs that person out at once, keeps their other sessions, and is audited (R13, R18)", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const desk = await signInFrom(ctx, sam, DESK);
      const phone = await signInFrom(ctx, sam, PHONE);
      const listed = (await ctx.owner.sessions.list()).items;
      const deskSession = listed.find((s) => s.client?.system === "Windows");
      expect(deskSession?.userId).toBe(sam.user.id);
      await ctx.owner.sessions.end(deskSession?.id ?? "");
      await expectEnded(ctx, desk.token);
      await expectAlive(ctx, phone.token, sam);
      expect(idsOf((await ctx.owner.sessions.list()).items)).not.toContain(deskSession?.id);
      const event = await latestEvent(ctx.owner);
      expect(event).toMatchObject({
        action: "session.ended",
        outcome: "success",
        actor: { userId: ctx.world.owner.id },
        target: { type: "user", id: sam.user.id },
        changes: { session: { before: deskSession?.id, after: null } },
      });
      // Ended is ended: a second End finds nothing and records nothing.
      await expectError(ctx.owner.sessions.end(deskSession?.id ?? ""), { code: "not_found" });
      expect((await latestEvent(ctx.owner)).id).toBe(event.id);
    });

    it("R7 your own sessions are marked and cannot be ended here (sign out instead); nothing changes", async () => {
      const ctx = await setup(factory);
      const { person: me, dir } = await administrator(ctx);
      const mine = await signInFrom(ctx, me, DESK);
      const listed = (await dir.sessions.list()).items;
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({
        userId: me.user.id,
        self: true,
        end: { allowed: false, code: "rule", rule: "self_change", message: OWN_SESSION_MESSAGE },
      });
      expect((await ctx.owner.sessions.list()).items[0]).toMatchObject({
        self: false,
        end: { allowed: true },
      });
      const before = await latestEvent(ctx.owner);
      const refused = await expectError(dir.sessions.end(listed[0]?.id ?? ""), {
        code: "rule",
        rule: "self_change",
      });
      expect(refused.message).toMatch(/sign out/i);
      expect(refused.message).toBe(OWN_SESSION_MESSAGE);
      await expectAlive(ctx, mine.token, me);
      expect((await latestEvent(ctx.owner)).id).toBe(before.id);
    });

    it("R2 only those who manage users see or end sessions; users.view is not enough", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { token } = await signInFrom(ctx, sam, DESK);
      const [session] = (await ctx.owner.sessions.list()).items;
      const { dir: viewer } = await staffWithPermissions(ctx, ["users.view"], { locations: "organization" });
      await expectError(viewer.sessions.list(), { code: "forbidden" });
      await expectError(viewer.sessions.end(session?.id ?? ""), { code: "forbidden" });
      await expectAlive(ctx, token, sam);
    });

    it("R4/R5 a clinic manager sees the sessions of people sharing a clinic and ends only those inside its clinics", async () => {
      const ctx = await setup(factory);
      const north = ctx.location;
      const south = await addLocation(ctx, "South Clinic");
      // A clinic manager holding what the front desk holds (R3), limited to the north clinic (R4).
      const frontDesk = await templateRole(ctx, "front_desk");
      const { dir: manager } = await staffWithPermissions(
        ctx,
        [...(frontDesk.permissions as DefaultPermission[]), "users.view", "users.manage"],
        { locations: [north] },
      );
      const inside = await staffMember(ctx, { locations: [north] });
      const straddling = await staffMember(ctx, { locations: [north, south], primary: north });
      const outside = await staffMember(ctx, { locations: [south] });
      const tokens = {
        inside: (await signInFrom(ctx, inside, DESK)).token,
        straddling: (await signInFrom(ctx, straddling, DESK)).token,
        outside: (await signInFrom(ctx, outside, DESK)).token,
      };
      const all = (await ctx.owner.sessions.list()).items;
      const sessionOf = (p: Person) => all.find((s) => s.userId === p.user.id)?.id ?? "";
      const seen = await manager.sessions.list();
      expect(seen.total).toBe(2);
      expect(Object.fromEntries(seen.items.map((s) => [s.userId, s.end.allowed]))).toEqual({
        [inside.user.id]: true,
        [straddling.user.id]: false,
      });
      // The list's verdict is the refusal End answers with, reason and all.
      const listedRefusal = seen.items.find((s) => s.userId === straddling.user.id)?.end;
      expect(listedRefusal).toMatchObject({
        allowed: false,
        code: "forbidden",
        message: expect.stringMatching(/locations outside yours/),
      });
      const refused = await expectError(manager.sessions.end(sessionOf(straddling)), { code: "forbidden" });
      expect(refused.message).toBe(listedRefusal?.allowed === false ? listedRefusal.message : "");
      await expectError(manager.sessions.end(sessionOf(outside)), { code: "not_found" });
      await expectAlive(ctx, tokens.straddling, straddling);
      await expectAlive(ctx, tokens.outside, outside);
      await manager.sessions.end(sessionOf(inside));
      await expectEnded(ctx, tokens.inside);
    });

    it("R3/R7 an administrator cannot end the main contact's session, nor a manager the session of someone holding more", async () => {
      const ctx = await setup(factory);
      const { person: contact } = await administrator(ctx);
      const { person: admin } = await administrator(ctx);
      const org = await ctx.owner.organization.get();
      await ctx.owner.organization.update({ mainContactUserId: contact.user.id }, { version: org.version });
      const contactSession = await signInFrom(ctx, contact, DESK);
      const adminSession = await signInFrom(ctx, admin, PHONE);
      const { dir: manager } = await staffWithPermissions(ctx, ["users.view", "users.manage"], {
        locations: "organization",
      });
      const all = (await ctx.owner.sessions.list()).items;
      const of = (p: Person) => all.find((s) => s.userId === p.user.id);
      expect(of(contact)?.end).toMatchObject({ allowed: false, code: "rule", rule: "main_contact_only" });
      expect(of(admin)?.end).toEqual({ allowed: true });
      const contactRefused = await expectError(ctx.owner.sessions.end(of(contact)?.id ?? ""), {
        code: "rule",
        rule: "main_contact_only",
      });
      expect(of(contact)?.end).toMatchObject({ message: contactRefused.message });
      const managerSees = (await manager.sessions.list()).items;
      expect(managerSees.map((s) => s.end)).toEqual(
        managerSees.map(() => expect.objectContaining({ allowed: false, code: "forbidden" })),
      );
      const adminRefused = await expectError(manager.sessions.end(of(admin)?.id ?? ""), {
        code: "forbidden",
      });
      expect(adminRefused.message).toMatch(/permissions you do not have/);
      await expectAlive(ctx, contactSession.token, contact);
      await expectAlive(ctx, adminSession.token, admin);
    });

    it("R5 another organization's session, a made-up id and a malformed one are all not_found", async () => {
      const ctx = await setup(factory);
      const { person } = await ownerElsewhere(ctx);
      const elsewhere = await signInFrom(ctx, person, DESK);
      expect((await ctx.owner.sessions.list()).total).toBe(0);
      const theirs = await actAs(ctx, person.user.id, person.user.organizationId);
      const [their] = (await theirs.sessions.list()).items;
      expect(their?.userId).toBe(person.user.id);
      for (const id of [their?.id ?? "", "ses_zzzzzzzzzzzzzzzzzzzz", missingId("usr"), "x", ""]) {
        await expectError(ctx.owner.sessions.end(id), { code: "not_found" });
      }
      await expectAlive(ctx, elsewhere.token, person);
    });

    it("ended sessions (idle, signed out, user disabled) leave the list; pages of two cover each live session once", async () => {
      const ctx = await setup(factory);
      const people = [
        await staffMember(ctx),
        await staffMember(ctx),
        await staffMember(ctx),
        await staffMember(ctx),
      ];
      const stale = await signInFrom(ctx, people[0] as Person, DESK);
      ctx.world.clock.advance(SESSION_IDLE_MS - MINUTE);
      const live: SignInResult[] = [];
      for (const p of people) {
        live.push(await signInFrom(ctx, p, PHONE));
        ctx.world.clock.advance(MINUTE);
      }
      await ctx.world.auth.signOut((live[1] as SignInResult).token);
      const gone = people[2] as Person;
      await ctx.owner.users.disable(gone.user.id, { version: gone.user.version });
      // The first desk session has now idled past its 15 minutes.
      ctx.world.clock.advance(MINUTE);
      const seen = await allPages((cursor) => ctx.owner.sessions.list({ limit: 2, cursor }));
      expect(seen.map((s) => s.userId)).toEqual([people[3]?.user.id, people[0]?.user.id]);
      expect(seen.map((s) => s.createdAt)).toEqual([live[3]?.session.createdAt, live[0]?.session.createdAt]);
      await expectEnded(ctx, stale.token);
      const first = await ctx.owner.sessions.list({ limit: 1 });
      expect(first.total).toBe(2);
      // A cursor belongs to its query: another user's filter refuses it.
      await expectError(
        ctx.owner.sessions.list({ limit: 1, cursor: first.nextCursor, userId: people[3]?.user.id }),
        { code: "validation", path: ["cursor"] },
      );
      const one = await ctx.owner.sessions.list({ userId: people[0]?.user.id });
      expect(one.items.map((s) => s.createdAt)).toEqual([live[0]?.session.createdAt]);
    });

    it("R14 a bad list query is refused on its field", async () => {
      const ctx = await setup(factory);
      await expectError(ctx.owner.sessions.list({ limit: 0 }), { code: "validation", path: ["limit"] });
      await expectError(ctx.owner.sessions.list({ limit: 201 }), { code: "validation", path: ["limit"] });
      await expectError(ctx.owner.sessions.list({ userId: "nobody" }), {
        code: "validation",
        path: ["userId"],
      });
      await expectError(ctx.owner.sessions.list({ cursor: "not-a-cursor" }), {
        code: "validation",
        path: ["cursor"],
      });
    });
  });
}
