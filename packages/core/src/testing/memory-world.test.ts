import { describe, expect, it } from "vitest";
import { sha256Hex } from "../ports/crypto";
import { sequentialIds } from "../ports/ids";
import { tokenFromLink } from "../ports/mailer";
import { expectNowhere, QUILLON_VALUES, quillonsLife } from "./conformance/erasure";
import { auditTotal, type Ctx, createStaff, inviteStaff, MINUTE, setup } from "./conformance/helpers";
import { secretsAtRestFixture } from "./conformance/secrets";
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

describe("memory-only: R18 tamper evidence (W14, store.unsafe)", () => {
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
    const last = await world.store.transaction((tx) => tx.lastAuditEvent(world.organization.id), {
      readOnly: true,
    });
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

/** The stored (chained) event of the organization with this action about this target. */
async function storedEvent(world: MemoryWorld, action: string, targetId: string) {
  const events = await world.store.transaction((tx) => tx.scanAuditEvents(world.organization.id, 0, 500), {
    readOnly: true,
  });
  const event = events.find((e) => e.action === action && e.target.id === targetId);
  if (!event) throw new Error(`no ${action} event about ${targetId}`);
  return event;
}

describe("memory-only: W6/R18 personal parts: tamper evidence and erasure at rest", () => {
  it("verify() reports `edited` at the event whose personal part was edited in the erasable store", async () => {
    const { world, ctx } = await memorySetup();
    const user = await createStaff(ctx, { givenName: "Petra", familyName: "Lind" });
    await createStaff(ctx);
    const event = await storedEvent(world, "user.created", user.id);
    expect(await ctx.owner.audit.verify()).toMatchObject({ ok: true });
    const edited = world.store.unsafe.tamperAuditPersonal(
      world.organization.id,
      event.id,
      user.id,
      (part) => {
        part.values = { ...part.values, targetLabel: "Someone Else" };
      },
    );
    expect(edited).toBe(true);
    expect(await ctx.owner.audit.verify()).toMatchObject({
      ok: false,
      firstBadSequence: event.sequence,
      problem: "edited",
      checked: event.sequence - 1,
    });
  });

  it("verify() reports `edited` when an actor's email or IP, or a part's subject, is changed", async () => {
    for (const mutate of [
      (part: { values: Record<string, unknown> }) => {
        part.values = { ...part.values, actorEmail: "someone.else@harbor.example" };
      },
      (part: { values: Record<string, unknown> }) => {
        part.values = { ...part.values, ip: "192.0.2.1" };
      },
      (part: { subject: string }) => {
        part.subject = "usr_0000009999";
      },
    ] as const) {
      const { world, ctx } = await memorySetup();
      const user = await createStaff(ctx);
      const event = await storedEvent(world, "user.created", user.id);
      world.store.unsafe.tamperAuditPersonal(world.organization.id, event.id, world.owner.id, (part) =>
        mutate(part as never),
      );
      expect(await ctx.owner.audit.verify()).toMatchObject({
        ok: false,
        firstBadSequence: event.sequence,
        problem: "edited",
      });
    }
  });

  it("verify() reports `edited` when a personal part vanishes without the person's deletion, and accepts an erasure by users.delete", async () => {
    const { world, ctx } = await memorySetup();
    const user = await createStaff(ctx);
    const disabled = await ctx.owner.users.disable(user.id, { version: user.version });
    const created = await storedEvent(world, "user.created", user.id);
    expect(world.store.unsafe.removeAuditPersonal(world.organization.id, created.id, user.id)).toBe(true);
    expect(await ctx.owner.audit.verify()).toMatchObject({
      ok: false,
      firstBadSequence: created.sequence,
      problem: "edited",
    });
    // The deletion explains every part of the person that is gone: the chain verifies again.
    await ctx.owner.users.delete(user.id, { version: disabled.version });
    expect(await ctx.owner.audit.verify()).toMatchObject({ ok: true, problem: null });
  });

  it("after users.delete the memory store's whole state (records and every index) holds none of the person's values", async () => {
    const { world, ctx } = await memorySetup();
    const { user } = await quillonsLife(ctx);
    const before = world.store.unsafe.dumpState();
    // The dump sees them while the person exists (so the check below can fail).
    for (const value of QUILLON_VALUES.slice(0, 6)) expect(before).toContain(value);
    await ctx.owner.users.delete(user.id, { version: user.version });
    expectNowhere(world.store.unsafe.dumpState(), QUILLON_VALUES, "the memory store's state");
  });
});

describe("memory-only: R15 secrets at rest", () => {
  it("R15 the whole store state holds the SHA-256 of every live token and no password or token, dead or alive", async () => {
    const world = await memoryWorld();
    const { secrets, digests, live } = await secretsAtRestFixture(world);
    const state = world.store.unsafe.dumpState();
    // The dump holds the live tokens' digests, so it is where a token would be, and the check can fail.
    for (const label of live) expect(state, `the digest of ${label}`).toContain(digests[label]);
    expect(Object.entries(secrets).filter(([, value]) => state.includes(value))).toEqual([]);
    expect(state).toContain("pbkdf2-sha256");
  });

  it("resend stores only the new token's SHA-256; the old one's hash no longer matches", async () => {
    const { world, ctx } = await memorySetup();
    const { user } = await inviteStaff(ctx);
    const first = tokenFromLink(world.mailer.latest(user.email, "invitation")?.link);
    world.clock.advance(5 * MINUTE);
    await ctx.owner.users.resendInvitation(user.id, { version: user.version });
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
    await ctx.owner.users.revokeInvitation(user.id, { version: user.version });
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
});

describe("memory-only: R13 atomicity", () => {
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

describe("memoryWorld({ ids })", () => {
  it("two worlds built with sequentialIds() give every record the same id, so screenshots of them can match", async () => {
    const build = async () => {
      const world = await memoryWorld({ ids: sequentialIds() });
      const owner = await world.as(world.owner.id);
      const location = await owner.locations.create({ name: "Sunset District" });
      return [world.organization.id, world.owner.id, world.location.id, location.id];
    };
    const first = await build();
    expect(first[1]).toMatch(/^usr_0+\d+$/);
    await expect(build()).resolves.toEqual(first);
  });
});
