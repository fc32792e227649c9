import { describe, expect, it } from "vitest";
import type { AuditQuery } from "../../audit/audit.schema";
import { sha256Hex } from "../../ports/crypto";
import { tokenFromLink } from "../../ports/mailer";
import { FIXTURE_PASSWORD } from "../fixtures";
import { AUDIT_STEPS } from "./audit-steps";
import { expectError } from "./errors-expect";
import {
  addLocation,
  auditEvents,
  auditTotal,
  createRole,
  createStaff,
  current,
  expectNoChange,
  inviteStaff,
  itemsOf,
  latestEvent,
  MINUTE,
  nowIso,
  setup,
  staffInput,
  staffWithPermissions,
  templateRole,
  withUnknown,
} from "./helpers";
import type { WorldFactory } from "./world";

/**
 * R13/R18 (one event per mutation, none per failure, no secrets, verify) and W14 (list and filter).
 *
 * @example describe("memory", () => registerAuditTests(() => memoryWorld()));
 */
export function registerAuditTests(factory: WorldFactory): void {
  describe("R13/R18 audit events", () => {
    for (const [name, prepare] of AUDIT_STEPS) {
      it(`${name} appends exactly one success event naming actor, target and UTC time`, async () => {
        const ctx = await setup(factory);
        const act = await prepare(ctx);
        ctx.world.clock.advance(MINUTE);
        const before = (await ctx.owner.audit.list({ limit: 1 })).items[0];
        const total = await auditTotal(ctx.owner);
        const target = await act();
        expect(await auditTotal(ctx.owner)).toBe(total + 1);
        const event = await latestEvent(ctx.owner);
        expect(event).toMatchObject({
          organizationId: ctx.world.organization.id,
          sequence: (before?.sequence ?? 0) + 1,
          actor: { userId: ctx.world.owner.id, email: ctx.world.owner.email },
          target: { id: target },
          outcome: "success",
          at: nowIso(ctx),
        });
        expect(event.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
        expect(event.action).toMatch(/^[a-z_]+\.[a-z_]+$/);
        if (name === "users.delete" || name === "users.revokeInvitation") {
          // The tombstone of a removal holds nothing personal of the removed person (W6).
          expect(event.target).toMatchObject({ label: null, erased: true });
        } else {
          expect(event.target.label?.length ?? 0).toBeGreaterThan(0);
          expect(event.target.erased).toBe(false);
        }
        expect(event.actor.erased).toBe(false);
      });
    }

    it("one mutation is one event: a single create adds exactly one", async () => {
      const ctx = await setup(factory);
      const before = await auditTotal(ctx.owner);
      const user = await createStaff(ctx);
      expect(await auditTotal(ctx.owner)).toBe(before + 1);
      const disabled = await ctx.owner.users.disable(user.id, { version: user.version });
      expect(await auditTotal(ctx.owner)).toBe(before + 2);
      await ctx.owner.users.bulk({ action: "restore", items: itemsOf(disabled) });
      expect(await auditTotal(ctx.owner)).toBe(before + 3);
    });

    it("failed operations append no event", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      const before = await auditTotal(ctx.owner);
      await expectError(ctx.owner.users.create(await staffInput(ctx, { email: user.email })), {
        code: "conflict",
      });
      await expectError(ctx.owner.users.delete(user.id, { version: user.version }), { code: "conflict" });
      await expectError(
        ctx.owner.users.update(user.id, { profile: { title: "RN" } }, { version: user.version + 9 }),
        {
          code: "stale",
        },
      );
      await expectError(ctx.owner.users.disable(ctx.world.owner.id, { version: ctx.world.owner.version }), {
        code: "rule",
      });
      expect(await auditTotal(ctx.owner)).toBe(before);
    });

    it("privilege changes carry before and after of roleId and locationAccess", async () => {
      const ctx = await setup(factory);
      const clinicB = await addLocation(ctx, "Sunset District");
      const user = await createStaff(ctx);
      const provider = await templateRole(ctx, "provider");
      const promoted = await ctx.owner.users.update(
        user.id,
        { roleId: provider.id },
        { version: user.version },
      );
      expect((await latestEvent(ctx.owner)).changes.roleId).toEqual({
        before: user.roleId,
        after: provider.id,
      });
      await ctx.owner.users.update(
        user.id,
        { locationAccess: [ctx.location.id, clinicB.id] },
        { version: promoted.version },
      );
      expect((await latestEvent(ctx.owner)).changes.locationAccess).toEqual({
        before: [ctx.location.id],
        after: [ctx.location.id, clinicB.id],
      });
    });

    it("R15 no password, token or token hash appears in any event", async () => {
      const ctx = await setup(factory);
      const temporary = "temporary-lantern-orchard-58";
      const user = await createStaff(ctx);
      await ctx.owner.users.resetPassword(
        user.id,
        { mode: "temporary", password: temporary },
        { version: user.version },
      );
      const { user: pending } = await inviteStaff(ctx);
      ctx.world.clock.advance(5 * MINUTE);
      await ctx.owner.users.resendInvitation(pending.id, { version: pending.version });
      const tokens = ctx.world.mailer.outbox
        .map((m) => tokenFromLink(m.link))
        .filter((t): t is string => t !== null);
      expect(tokens.length).toBeGreaterThanOrEqual(2);
      const events = await auditEvents(ctx.owner);
      const text = JSON.stringify(events);
      for (const secret of [
        FIXTURE_PASSWORD,
        temporary,
        ...tokens,
        ...(await Promise.all(tokens.map(sha256Hex))),
      ]) {
        expect(text).not.toContain(secret);
      }
      const fields = JSON.stringify(events.map((e) => [e.changes, e.metadata]));
      expect(fields).not.toMatch(/"(password|passwordHash|hash|salt|token|tokenHash)"\s*:/);
      expect(fields).not.toContain("pbkdf2");
    });

    it("verify() passes on a clean chain and checks every event", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx);
      await ctx.owner.users.disable(user.id, { version: user.version });
      await inviteStaff(ctx);
      const total = await auditTotal(ctx.owner);
      const newest = (await ctx.owner.audit.list({ limit: 1 })).items[0];
      expect(await ctx.owner.audit.verify()).toEqual({
        ok: true,
        checked: total,
        firstBadSequence: null,
        problem: null,
        head: { sequence: newest?.sequence, hash: newest?.hash },
      });
    });

    it("a deleted user leaves a tombstone in the audit trail", async () => {
      const ctx = await setup(factory);
      const user = await createStaff(ctx, { givenName: "Tomb", familyName: "Stone" });
      await ctx.owner.users.disable(user.id, { version: user.version });
      await ctx.owner.users.delete(user.id, await current(ctx, user.id));
      const events = await auditEvents(ctx.owner, { targetId: user.id });
      expect(events.length).toBe(3);
      expect(events.every((e) => e.target.id === user.id && e.target.type === "user")).toBe(true);
    });
  });

  describe("W14 audit trail", () => {
    it("lists newest first and pages by cursor without gaps", async () => {
      const ctx = await setup(factory);
      for (let i = 0; i < 5; i++) {
        ctx.world.clock.advance(MINUTE);
        await createStaff(ctx);
      }
      const all = await auditEvents(ctx.owner);
      const total = await auditTotal(ctx.owner);
      expect(all).toHaveLength(total);
      const sequences = all.map((e) => e.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
      const times = all.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof ctx.owner.audit.list>> = await ctx.owner.audit.list({
          limit: 2,
          cursor,
        });
        expect(page.total).toBe(total);
        paged.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all.map((e) => e.id));
    });

    it("filters by action, actor, target and time range", async () => {
      const ctx = await setup(factory);
      const { user: manager, dir } = await staffWithPermissions(
        ctx,
        ["users.view", "users.manage", "calendar.view"],
        {
          locations: "organization",
        },
      );
      const staff = await createStaff(ctx, { role: await createRole(ctx, "Viewer", ["calendar.view"]) });
      ctx.world.clock.advance(10 * MINUTE);
      const from = nowIso(ctx);
      ctx.world.clock.advance(MINUTE);
      await dir.users.disable(staff.id, { version: staff.version });
      const disabledAction = (await latestEvent(ctx.owner)).action;
      ctx.world.clock.advance(MINUTE);
      await ctx.owner.users.restore(staff.id, await current(ctx, staff.id));
      ctx.world.clock.advance(MINUTE);
      const to = nowIso(ctx);
      ctx.world.clock.advance(10 * MINUTE);
      await ctx.owner.users.disable(staff.id, await current(ctx, staff.id));

      const list = async (q: AuditQuery) => auditEvents(ctx.owner, q);
      const byAction = await list({ action: disabledAction });
      expect(byAction).toHaveLength(2);
      expect(byAction.every((e) => e.action === disabledAction)).toBe(true);
      const byActor = await list({ actorId: manager.id });
      expect(byActor.map((e) => [e.action, e.target.id])).toEqual([[disabledAction, staff.id]]);
      const byTarget = await list({ targetId: staff.id });
      expect(byTarget).toHaveLength(4);
      expect(byTarget.every((e) => e.target.id === staff.id)).toBe(true);
      const inRange = await list({ from, to });
      expect(inRange).toHaveLength(2);
      expect(inRange.every((e) => e.at >= from && e.at <= to)).toBe(true);
      expect((await list({ from, to, actorId: ctx.world.owner.id })).map((e) => e.target.id)).toEqual([
        staff.id,
      ]);
    });

    it("R2/R14 refuses bad audit queries and readers without audit.view", async () => {
      const ctx = await setup(factory);
      await expectError(ctx.owner.audit.list({ limit: 0 }), { code: "validation" });
      await expectError(ctx.owner.audit.list(withUnknown<AuditQuery>({}, { outcome: "failure" })), {
        code: "validation",
      });
      const { dir } = await staffWithPermissions(ctx, ["users.view", "users.manage"], {
        locations: "organization",
      });
      await expectNoChange(ctx, async () => {
        await expectError(dir.audit.list(), { code: "forbidden" });
        await expectError(dir.audit.verify(), { code: "forbidden" });
      });
    });
  });
}
