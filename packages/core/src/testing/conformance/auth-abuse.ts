import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../../audit/audit-event.schema";
import { FIXTURE_PASSWORD } from "../fixtures";
import {
  expectUnauthenticated,
  mailsTo,
  memberOfTwo,
  ownerElsewhere,
  type Person,
  refusal,
  signIn,
  staffMember,
  WRONG_PASSWORD,
} from "./auth-helpers";
import { actAs, auditEvents, auditTotal, type Ctx, MINUTE, setup, uniqueEmail } from "./helpers";
import type { WorldFactory } from "./world";

/** The default failed sign-ins per client per window (DEFAULT_POLICY.clientSignInFailures). */
const CLIENT_SIGN_IN_FAILURES = 100;
/** The default reset requests per client per window (DEFAULT_POLICY.clientResetRequests). */
const CLIENT_RESET_REQUESTS = 30;
/** The default window of both (15 minutes). */
const CLIENT_WINDOW_MS = 15 * MINUTE;

/** Sign-in from a client address. */
function signInFrom(ctx: Ctx, ip: string, email: string, password: string, organizationId?: string) {
  return ctx.world.auth.signIn({
    email,
    password,
    metadata: { ip },
    ...(organizationId ? { organizationId } : {}),
  });
}

/** `count` failed sign-ins of unknown emails from `ip(i)`, one after another. */
async function spray(ctx: Ctx, count: number, ip: (i: number) => string, organizationId?: string) {
  for (let i = 0; i < count; i++) {
    await expectUnauthenticated(
      signInFrom(ctx, ip(i), uniqueEmail(ctx, "sprayed"), WRONG_PASSWORD, organizationId),
    );
  }
}

/**
 * Awaits a refusal that must be `rate_limited` with a whole-second retry delay in `details`, and
 * returns its wire form and the delay.
 */
async function expectThrottled(
  promise: Promise<unknown>,
): Promise<{ json: unknown; retryAfterSeconds: number }> {
  const { data, json } = await refusal(promise);
  expect(data.code, JSON.stringify(json)).toBe("rate_limited");
  expect(data.message.length, "a human message").toBeGreaterThan(0);
  const details = (json as { details?: { retryAfterSeconds?: unknown } }).details;
  const retryAfterSeconds = details?.retryAfterSeconds;
  expect(typeof retryAfterSeconds, JSON.stringify(json)).toBe("number");
  return { json, retryAfterSeconds: retryAfterSeconds as number };
}

/** The events that record a throttled client. */
async function throttledEvents(ctx: Ctx, dir = ctx.owner): Promise<AuditEvent[]> {
  return (await auditEvents(dir)).filter((e) => e.reason === "client_throttled");
}

async function expectSignsIn(ctx: Ctx, person: Person, ip: string): Promise<void> {
  expect((await signInFrom(ctx, ip, person.email, person.password)).session.userId).toBe(person.user.id);
}

/**
 * Abuse of the public sign-in: whose audit trail a stranger can write into.
 *
 * @example describe("memory", () => registerAuthAbuseTests(() => memoryWorld()));
 */
export function registerAuthAbuseTests(factory: WorldFactory): void {
  describe("R18 abuse: failed sign-ins are recorded only where the account belongs", () => {
    it("naming another organization's id at sign-in writes nothing into its trail: unknown email, stranger, right or wrong password", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { other } = await ownerElsewhere(ctx);
      const elsewhere = await actAs(ctx, other.owner.id, other.organization.id);
      const theirs = await auditTotal(elsewhere);
      const ours = await auditTotal(ctx.owner);
      const target = other.organization.id;
      const unknown = uniqueEmail(ctx, "nobody");
      await expectUnauthenticated(
        ctx.world.auth.signIn({ email: unknown, password: FIXTURE_PASSWORD, organizationId: target }),
      );
      await expectUnauthenticated(
        ctx.world.auth.signIn({ email: sam.email, password: WRONG_PASSWORD, organizationId: target }),
      );
      await expectUnauthenticated(signIn(ctx, sam, target));
      // An unknown email naming our own organization writes nothing here either.
      await expectUnauthenticated(
        ctx.world.auth.signIn({
          email: unknown,
          password: WRONG_PASSWORD,
          organizationId: ctx.world.organization.id,
        }),
      );
      expect(await auditTotal(elsewhere), "the named organization's trail is untouched").toBe(theirs);
      // Sam's two attempts concern Sam's account: they land in Sam's own organization, nothing else does.
      const added = (await auditEvents(ctx.owner)).slice(0, (await auditTotal(ctx.owner)) - ours);
      expect(added.map((e) => ({ action: e.action, outcome: e.outcome, target: e.target.id }))).toEqual([
        { action: "auth.sign_in", outcome: "failure", target: sam.user.id },
        { action: "auth.sign_in", outcome: "failure", target: sam.user.id },
      ]);
      expect((await elsewhere.audit.verify()).ok).toBe(true);
    });

    it("a person in two organizations who names one is recorded in that one only", async () => {
      const ctx = await setup(factory);
      const { other, person } = await memberOfTwo(ctx);
      const elsewhere = await actAs(ctx, other.owner.id, other.organization.id);
      const theirs = await auditTotal(elsewhere);
      const ours = await auditTotal(ctx.owner);
      await expectUnauthenticated(
        ctx.world.auth.signIn({
          email: person.email,
          password: WRONG_PASSWORD,
          organizationId: other.organization.id,
        }),
      );
      expect(await auditTotal(ctx.owner)).toBe(ours);
      expect(await auditTotal(elsewhere)).toBe(theirs + 1);
      const [event] = await auditEvents(elsewhere, { action: "auth.sign_in" });
      expect(event).toMatchObject({ outcome: "failure", target: { id: other.owner.id } });
    });
  });

  describe("W13 abuse: per-client throttling of sign-in and reset requests", () => {
    it("password spraying: after 100 failed sign-ins from one client across many accounts, its next sign-in is rate_limited with a retry delay, even with the right password; other clients are not slowed; the window's end lets it in", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      // Rotating addresses inside one IPv6 /64 is one client.
      const sprayer = (i: number) => `2001:db8:77:1::${(i + 1).toString(16)}`;
      await spray(ctx, CLIENT_SIGN_IN_FAILURES, sprayer);
      const first = await expectThrottled(signInFrom(ctx, "2001:db8:77:1:ffff::9", sam.email, sam.password));
      expect(first.retryAfterSeconds).toBeGreaterThan(0);
      expect(first.retryAfterSeconds).toBeLessThanOrEqual(CLIENT_WINDOW_MS / 1000);
      const unknown = await expectThrottled(
        signInFrom(ctx, sprayer(0), uniqueEmail(ctx, "nobody"), WRONG_PASSWORD),
      );
      expect(unknown.json, "a throttled answer says nothing about the account").toEqual(first.json);
      // The refused attempts were never tried: Sam is not locked, and another client signs Sam in.
      expect((await ctx.owner.users.get(sam.user.id)).locked).toBe(false);
      await expectSignsIn(ctx, sam, "203.0.113.50");
      await expectSignsIn(ctx, sam, "2001:db8:77:2::1");
      ctx.world.clock.advance(first.retryAfterSeconds * 1000);
      await expectSignsIn(ctx, sam, sprayer(0));
    });

    it("a clinic's shared address is not slowed by people who know their passwords: right passwords give their attempt back, only failures count", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const clinic = "192.0.2.10";
      await spray(ctx, CLIENT_SIGN_IN_FAILURES / 2, () => clinic);
      for (let i = 0; i <= CLIENT_SIGN_IN_FAILURES; i++) await expectSignsIn(ctx, sam, clinic);
      await spray(ctx, CLIENT_SIGN_IN_FAILURES / 2, () => clinic);
      // 100 failures and 101 right passwords so far: the budget is spent only now.
      await expectThrottled(signInFrom(ctx, clinic, sam.email, sam.password));
    });

    it("the first throttled sign-in of a window is audited once, as client_throttled, in the organizations of the account it names; never in others", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const { other, person: kwame } = await ownerElsewhere(ctx);
      const elsewhere = await actAs(ctx, other.owner.id, other.organization.id);
      const theirs = await auditTotal(elsewhere);
      const ip = "198.51.100.23";
      await spray(ctx, CLIENT_SIGN_IN_FAILURES, () => ip, other.organization.id);
      // Sam's email, naming the other organization (Sam does not belong to it): audited in Sam's.
      await expectThrottled(signInFrom(ctx, ip, sam.email, sam.password, other.organization.id));
      for (let i = 0; i < 3; i++) await expectThrottled(signInFrom(ctx, ip, sam.email, WRONG_PASSWORD));
      await expectThrottled(signInFrom(ctx, ip, kwame.email, kwame.password));
      const events = await throttledEvents(ctx);
      expect(events.map((e) => ({ action: e.action, outcome: e.outcome, target: e.target.id }))).toEqual([
        { action: "auth.sign_in", outcome: "failure", target: sam.user.id },
      ]);
      expect(events[0]?.metadata).toMatchObject({ ip });
      expect(
        await auditTotal(elsewhere),
        "nothing in an organization the first throttled request did not concern",
      ).toBe(theirs);
      expect((await ctx.owner.audit.verify()).ok).toBe(true);
      // The next window's first throttled request is audited again.
      ctx.world.clock.advance(CLIENT_WINDOW_MS);
      await spray(ctx, CLIENT_SIGN_IN_FAILURES, () => ip);
      await expectThrottled(signInFrom(ctx, ip, sam.email, sam.password));
      await expectThrottled(signInFrom(ctx, ip, sam.email, sam.password));
      expect(await throttledEvents(ctx)).toHaveLength(2);
    });

    it("reset requests: 30 per client per 15 minutes for any emails; then rate_limited alike for known and unknown emails, mailing nothing; audited once", async () => {
      const ctx = await setup(factory);
      const sam = await staffMember(ctx);
      const ip = "198.51.100.77";
      for (let i = 0; i < CLIENT_RESET_REQUESTS; i++) {
        await expect(
          ctx.world.auth.requestPasswordReset({ email: uniqueEmail(ctx, "nobody"), metadata: { ip } }),
        ).resolves.toBeUndefined();
      }
      const known = await expectThrottled(
        ctx.world.auth.requestPasswordReset({ email: sam.email, metadata: { ip } }),
      );
      const unknown = await expectThrottled(
        ctx.world.auth.requestPasswordReset({ email: uniqueEmail(ctx, "nobody"), metadata: { ip } }),
      );
      expect(unknown.json).toEqual(known.json);
      await expectThrottled(ctx.world.auth.requestPasswordReset({ email: sam.email, metadata: { ip } }));
      expect(mailsTo(ctx, sam.email, "password_reset")).toBe(0);
      const events = await throttledEvents(ctx);
      expect(events.map((e) => ({ action: e.action, outcome: e.outcome, target: e.target.id }))).toEqual([
        { action: "account.password_reset_requested", outcome: "failure", target: sam.user.id },
      ]);
      // Another client is not slowed; the window's end lets this one ask again.
      await ctx.world.auth.requestPasswordReset({ email: sam.email, metadata: { ip: "203.0.113.51" } });
      expect(mailsTo(ctx, sam.email, "password_reset")).toBe(1);
      ctx.world.clock.advance(known.retryAfterSeconds * 1000);
      await ctx.world.auth.requestPasswordReset({ email: sam.email, metadata: { ip } });
      expect(mailsTo(ctx, sam.email, "password_reset")).toBe(2);
    });
  });
}
