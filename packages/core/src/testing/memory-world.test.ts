import { describe, expect, it } from "vitest";
import { sha256Hex } from "../ports/crypto";
import { tokenFromLink } from "../ports/mailer";
import { auditTotal, type Ctx, createStaff, inviteStaff, MINUTE, setup } from "./conformance/helpers";
import { FIXTURE_PASSWORD } from "./fixtures";
import { type MemoryWorld, memoryWorld } from "./memory-world";

/** A memory world and the conformance context over it. */
async function memorySetup(): Promise<{ world: MemoryWorld; ctx: Ctx }> {
  const world = await memoryWorld();
  const ctx = await setup(async () => world);
  return { world, ctx };
}

/** Sequences of the organization's events, oldest first. */
async function sequences(ctx: Ctx): Promise<number[]> {
  const page = await ctx.owner.audit.list({ limit: 500 });
  return page.items.map((e) => e.sequence).reverse();
}

describe("memory-only: W14 tamper evidence (store.unsafe)", () => {
  it("verify() finds an edited event", async () => {
    const { world, ctx } = await memorySetup();
    await createStaff(ctx);
    await createStaff(ctx);
    const seqs = await sequences(ctx);
    const target = seqs[1] ?? 1;
    const edited = world.store.unsafe.tamperAuditEvent(world.organization.id, target, (event) => {
      event.action = "user.restored";
    });
    expect(edited).toBe(true);
    expect(await ctx.owner.audit.verify()).toMatchObject({
      ok: false,
      firstBadSequence: target,
      problem: "edited",
    });
  });

  it("verify() finds a changed actor or privilege change", async () => {
    const { world, ctx } = await memorySetup();
    const user = await createStaff(ctx);
    await ctx.owner.users.update(user.id, { locationAccess: "organization" }, { version: user.version });
    const last = (await ctx.owner.audit.list({ limit: 1 })).items[0];
    if (!last) throw new Error("no event");
    world.store.unsafe.tamperAuditEvent(world.organization.id, last.sequence, (event) => {
      event.changes = {};
    });
    expect(await ctx.owner.audit.verify()).toMatchObject({ ok: false, firstBadSequence: last.sequence });
  });

  it("verify() finds a removed event in the middle of the chain", async () => {
    const { world, ctx } = await memorySetup();
    await createStaff(ctx);
    await createStaff(ctx);
    await createStaff(ctx);
    const seqs = await sequences(ctx);
    const middle = seqs[Math.floor(seqs.length / 2)] ?? 1;
    expect(world.store.unsafe.removeAuditEvent(world.organization.id, middle)).toBe(true);
    const result = await ctx.owner.audit.verify();
    expect(result).toMatchObject({ ok: false, problem: "removed", firstBadSequence: middle });
  });

  it("verify() finds an inserted event", async () => {
    const { world, ctx } = await memorySetup();
    await createStaff(ctx);
    const last = (await ctx.owner.audit.list({ limit: 1 })).items[0];
    if (!last) throw new Error("no event");
    world.store.unsafe.insertAuditEvent({
      ...last,
      id: "evt_forgedforgedforged",
      sequence: last.sequence + 1,
    });
    expect((await ctx.owner.audit.verify()).ok).toBe(false);
  });

  it("a clean chain of another organization is unaffected by tampering here", async () => {
    const { world, ctx } = await memorySetup();
    const other = await world.bootstrapAnother();
    const otherDir = await world.as(other.owner.id, other.organization.id);
    await createStaff(ctx);
    const seqs = await sequences(ctx);
    world.store.unsafe.tamperAuditEvent(world.organization.id, seqs[0] ?? 1, (event) => {
      event.at = "2020-01-01T00:00:00.000Z";
    });
    expect((await ctx.owner.audit.verify()).ok).toBe(false);
    expect((await otherDir.audit.verify()).ok).toBe(true);
  });
});

describe("memory-only: R15 secrets at rest", () => {
  it("resend stores only the new token's SHA-256; the old one's hash no longer matches", async () => {
    const { world, ctx } = await memorySetup();
    const { user } = await inviteStaff(ctx);
    const first = tokenFromLink(world.mailer.latest(user.email, "invitation")?.link);
    world.clock.advance(5 * MINUTE);
    await ctx.owner.users.resendInvitation(user.id);
    const second = tokenFromLink(world.mailer.latest(user.email, "invitation")?.link);
    if (!first || !second) throw new Error("no tokens mailed");
    const [oldHit, newHit] = await world.store.transaction(
      async (tx) => [
        await tx.findInvitationByTokenHash(await sha256Hex(first)),
        await tx.findInvitationByTokenHash(await sha256Hex(second)),
      ],
      { readOnly: true },
    );
    expect(oldHit).toBeNull();
    expect(newHit).toMatchObject({ userId: user.id, tokenHash: await sha256Hex(second) });
    expect(JSON.stringify(newHit)).not.toContain(second);
  });

  it("revoke kills the token", async () => {
    const { world, ctx } = await memorySetup();
    const { user } = await inviteStaff(ctx);
    const token = tokenFromLink(world.mailer.latest(user.email, "invitation")?.link);
    if (!token) throw new Error("no token");
    await ctx.owner.users.revokeInvitation(user.id);
    const hit = await world.store.transaction(
      async (tx) => tx.findInvitationByTokenHash(await sha256Hex(token)),
      {
        readOnly: true,
      },
    );
    expect(hit).toBeNull();
  });

  it("passwords are stored as salted PBKDF2 hashes with the configured work factor", async () => {
    const { world, ctx } = await memorySetup();
    const user = await createStaff(ctx);
    const account = await world.store.transaction((tx) => tx.getAccount(user.accountId), { readOnly: true });
    expect(account?.password).toMatchObject({ algorithm: "pbkdf2-sha256", iterations: 1000 });
    expect(JSON.stringify(account)).not.toContain(FIXTURE_PASSWORD);
  });

  it("a failed write leaves the store untouched (R13: rollback)", async () => {
    const { world, ctx } = await memorySetup();
    await ctx.owner.organization.update({ seats: { named: 1 } }, { version: world.organization.version });
    const before = world.store.stats();
    const events = await auditTotal(ctx.owner);
    await expect(createStaff(ctx)).rejects.toThrow();
    const after = world.store.stats();
    expect(after.commits).toBe(before.commits);
    expect(after.users).toBe(before.users);
    expect(await auditTotal(ctx.owner)).toBe(events);
  });
});
