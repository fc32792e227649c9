import { describe, expect, it } from "vitest";
import { isCommonPassword } from "../passwords/common-passwords";
import { sha256Hex } from "../ports/crypto";
import {
  attempt,
  expectUnauthenticated,
  failSignIns,
  mailedToken,
  mailsTo,
  NEW_PASSWORD,
  signIn,
  staffMember,
  WRONG_PASSWORD,
} from "./conformance/auth-helpers";
import { expectError } from "./conformance/errors-expect";
import { type Ctx, expectNoChange, inviteStaff, MINUTE, setup, staffInput } from "./conformance/helpers";
import { type MemoryWorld, type MemoryWorldOptions, memoryWorld } from "./memory-world";

/** A memory world (with options) and the conformance context over it. */
async function memorySetup(options: MemoryWorldOptions = {}): Promise<{ world: MemoryWorld; ctx: Ctx }> {
  const world = await memoryWorld(options);
  const ctx = await setup(async () => world);
  return { world, ctx };
}

/** The stored account of a user. */
async function accountOf(world: MemoryWorld, accountId: string) {
  const account = await world.store.transaction((tx) => tx.getAccount(accountId), { readOnly: true });
  if (!account) throw new Error(`no account ${accountId}`);
  return account;
}

/**
 * Every place a password is chosen, each expected to refuse `password` with `issue` on its field:
 * create (["password"]), accept (["password"]), change (["newPassword"]), reset (["password"]).
 */
async function expectRefusedEverywhere(ctx: Ctx, password: string, issue: string): Promise<void> {
  const input = await staffInput(ctx, { extra: { password } });
  const created = await expectNoChange(ctx, () =>
    expectError(ctx.owner.users.create(input), { code: "validation", path: ["password"] }),
  );
  expect(created.issues.map((i) => i.code)).toContain(issue);

  const { user: invitee } = await inviteStaff(ctx);
  const invitation = mailedToken(ctx, invitee.email, "invitation");
  const accepted = await expectNoChange(ctx, () =>
    expectError(ctx.world.auth.acceptInvitation({ token: invitation, password }), {
      code: "validation",
      path: ["password"],
    }),
  );
  expect(accepted.issues.map((i) => i.code)).toContain(issue);

  const sam = await staffMember(ctx);
  const { token } = await signIn(ctx, sam);
  const changed = await expectError(
    ctx.world.auth.changePassword({ token, currentPassword: sam.password, newPassword: password }),
    { code: "validation", path: ["newPassword"] },
  );
  expect(changed.issues.map((i) => i.code)).toContain(issue);

  await ctx.world.auth.requestPasswordReset({ email: sam.email });
  const reset = mailedToken(ctx, sam.email, "password_reset");
  const completed = await expectError(ctx.world.auth.completePasswordReset({ token: reset, password }), {
    code: "validation",
    path: ["password"],
  });
  expect(completed.issues.map((i) => i.code)).toContain(issue);
  // Nothing took: the old password still signs in.
  expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
}

describe("memory-only: R17 lockout counter", () => {
  it("25 concurrent wrong passwords: failedSignIns never exceeds 10 and the account locks once", async () => {
    const { world, ctx } = await memorySetup();
    const sam = await staffMember(ctx);
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        await expectUnauthenticated(attempt(ctx, sam.email, WRONG_PASSWORD));
        seen.push((await accountOf(world, sam.user.accountId)).failedSignIns);
      }),
    );
    await expectUnauthenticated(signIn(ctx, sam));
    const account = await accountOf(world, sam.user.accountId);
    expect(Math.max(...seen, account.failedSignIns)).toBeLessThanOrEqual(10);
    expect(account.lockouts).toBe(1);
    expect(Date.parse(account.lockedUntil ?? "")).toBe(world.clock.now() + 15 * MINUTE);
  });

  it("a lockout threshold and base from the policy apply", async () => {
    const { ctx } = await memorySetup({ policy: { lockoutThreshold: 3, lockoutBaseMs: 5 * MINUTE } });
    const sam = await staffMember(ctx);
    await failSignIns(ctx, sam.email, 3);
    await expectUnauthenticated(signIn(ctx, sam));
    ctx.world.clock.advance(5 * MINUTE + 1000);
    expect((await signIn(ctx, sam)).session.userId).toBe(sam.user.id);
  });

  it("a successful sign-in resets the stored counter to zero", async () => {
    const { world, ctx } = await memorySetup();
    const sam = await staffMember(ctx);
    await failSignIns(ctx, sam.email, 4);
    expect((await accountOf(world, sam.user.accountId)).failedSignIns).toBe(4);
    await signIn(ctx, sam);
    expect((await accountOf(world, sam.user.accountId)).failedSignIns).toBe(0);
  });
});

describe("memory-only: session and reset policy overrides", () => {
  it("a shorter idle timeout from the policy applies", async () => {
    const { ctx } = await memorySetup({ policy: { sessionIdleMs: 5 * MINUTE } });
    const sam = await staffMember(ctx);
    const { token, session } = await signIn(ctx, sam);
    expect(Date.parse(session.idleExpiresAt)).toBe(ctx.world.clock.now() + 5 * MINUTE);
    ctx.world.clock.advance(6 * MINUTE);
    await expectUnauthenticated(ctx.world.auth.session(token));
  });

  it("resetRequestsPerWindow from the policy applies", async () => {
    const { ctx } = await memorySetup({ policy: { resetRequestsPerWindow: 1 } });
    const sam = await staffMember(ctx);
    await ctx.world.auth.requestPasswordReset({ email: sam.email });
    await ctx.world.auth.requestPasswordReset({ email: sam.email });
    expect(mailsTo(ctx, sam.email, "password_reset")).toBe(1);
  });
});

describe("memory-only: R15 session and reset tokens at rest", () => {
  it("a session is stored under the SHA-256 of its token, never the token", async () => {
    const { world, ctx } = await memorySetup();
    const sam = await staffMember(ctx);
    const { token } = await signIn(ctx, sam);
    const stored = await world.store.transaction(async (tx) => tx.findSession(await sha256Hex(token)), {
      readOnly: true,
    });
    expect(stored).toMatchObject({ userId: sam.user.id, organizationId: world.organization.id });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await world.store.transaction((tx) => tx.findSession(token), { readOnly: true })).toBeNull();
  });

  it("a reset token is stored under its SHA-256, never the token", async () => {
    const { world, ctx } = await memorySetup();
    const sam = await staffMember(ctx);
    await ctx.world.auth.requestPasswordReset({ email: sam.email });
    const token = mailedToken(ctx, sam.email, "password_reset");
    const stored = await world.store.transaction(async (tx) => tx.findSecretToken(await sha256Hex(token)), {
      readOnly: true,
    });
    expect(stored).toMatchObject({ kind: "password_reset", accountId: sam.user.accountId });
    expect(JSON.stringify(stored)).not.toContain(token);
  });
});

describe("memory-only: R16 common and breached passwords", () => {
  it("with isCommonPassword configured, a common password is refused (too_common) wherever it is chosen", async () => {
    const { ctx } = await memorySetup({ isCommonPassword });
    await expectRefusedEverywhere(ctx, "qwerty123456", "too_common");
  });

  it("the common check sees the NFKC-normalised, lower-cased password", async () => {
    const received: string[] = [];
    const { ctx } = await memorySetup({
      isCommonPassword: (p) => {
        received.push(p);
        return p === "leavemealone";
      },
    });
    const input = await staffInput(ctx, { extra: { password: "ＬｅａｖｅＭｅＡｌｏｎｅ" } });
    const error = await expectError(ctx.owner.users.create(input), {
      code: "validation",
      path: ["password"],
    });
    expect(error.issues.map((i) => i.code)).toContain("too_common");
    expect(received).toContain("leavemealone");
  });

  it("without isCommonPassword, the same password is accepted", async () => {
    const { ctx } = await memorySetup();
    const user = await ctx.owner.users.create(await staffInput(ctx, { extra: { password: "qwerty123456" } }));
    expect((await signIn(ctx, { user, email: user.email, password: "qwerty123456" })).session.userId).toBe(
      user.id,
    );
  });

  it("a breach check answering true refuses with issue code breached wherever a password is chosen", async () => {
    const { ctx } = await memorySetup({ breachedPasswordCheck: async (p) => p === NEW_PASSWORD });
    await expectRefusedEverywhere(ctx, NEW_PASSWORD, "breached");
  });

  it("a breach check that throws lets the password through", async () => {
    const { ctx } = await memorySetup({
      breachedPasswordCheck: async () => {
        throw new Error("breach service unreachable");
      },
    });
    const user = await ctx.owner.users.create(await staffInput(ctx, { extra: { password: NEW_PASSWORD } }));
    expect((await signIn(ctx, { user, email: user.email, password: NEW_PASSWORD })).session.userId).toBe(
      user.id,
    );
    const sam = await staffMember(ctx);
    const { token } = await signIn(ctx, sam);
    await ctx.world.auth.changePassword({
      token,
      currentPassword: sam.password,
      newPassword: "copper-kettle-drifting-north",
    });
  });

  it("a breach check answering false lets the password through", async () => {
    const checked: string[] = [];
    const { ctx } = await memorySetup({
      breachedPasswordCheck: async (p) => {
        checked.push(p);
        return false;
      },
    });
    const { user } = await inviteStaff(ctx);
    const token = mailedToken(ctx, user.email, "invitation");
    await ctx.world.auth.acceptInvitation({ token, password: NEW_PASSWORD });
    expect(checked).toContain(NEW_PASSWORD);
    expect((await signIn(ctx, { user, email: user.email, password: NEW_PASSWORD })).session.userId).toBe(
      user.id,
    );
  });
});
