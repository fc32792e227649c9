import { expect } from "vitest";
import type { SignInResult } from "../../auth/auth.schema";
import type { Location } from "../../locations/location.schema";
import type { Organization } from "../../organization/organization.schema";
import type { MailMessage } from "../../ports/mailer";
import { tokenFromLink } from "../../ports/mailer";
import type { User } from "../../users/user.schema";
import { FIXTURE_PASSWORD } from "../fixtures";
import { asDirectoryError, type CaughtError } from "./errors-expect";
import {
  type Ctx,
  createStaff,
  inviteStaff,
  MINUTE,
  type Observation,
  observe,
  type StaffOptions,
  uniqueEmail,
} from "./helpers";

/** A wrong password that is never anyone's. @example await expectUnauthenticated(signIn(ctx, email, WRONG_PASSWORD)); */
export const WRONG_PASSWORD = "definitely-not-the-right-one-1";

/** A policy-compliant password nobody has yet. @example await auth.changePassword({ token, currentPassword, newPassword: NEW_PASSWORD }); */
export const NEW_PASSWORD = "quiet-river-stones-whisper-88";

/** Another policy-compliant password nobody has yet. @example { mode: "temporary", password: TEMPORARY_PASSWORD } */
export const TEMPORARY_PASSWORD = "amber-kettle-orchard-plume-19";

/** The password of the owner of another organization ({@link ownerElsewhere}). */
export const ELSEWHERE_PASSWORD = "saffron-glacier-tundra-mosaic-3";

/** A token that was never issued (right shape and length). @example await auth.signOut(UNKNOWN_TOKEN); */
export const UNKNOWN_TOKEN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** The default failed sign-ins before a lockout (DEFAULT_POLICY.lockoutThreshold). */
export const LOCKOUT_THRESHOLD = 10;
/** The default first lockout length (DEFAULT_POLICY.lockoutBaseMs). */
export const LOCKOUT_BASE_MS = 15 * MINUTE;
/** The default idle timeout (DEFAULT_POLICY.sessionIdleMs). */
export const SESSION_IDLE_MS = 15 * MINUTE;
/** The default absolute session lifetime (DEFAULT_POLICY.sessionLifetimeMs). */
export const SESSION_LIFETIME_MS = 12 * 60 * MINUTE;

/** Someone who can sign in: their user in this world's organization and their credentials. */
export interface Person {
  readonly user: User;
  readonly email: string;
  readonly password: string;
}

/**
 * Creates an active staff member (W1) with {@link FIXTURE_PASSWORD}.
 *
 * @example const sam = await staffMember(ctx); await signIn(ctx, sam);
 */
export async function staffMember(ctx: Ctx, options: StaffOptions = {}): Promise<Person> {
  const user = await createStaff(ctx, options);
  return { user, email: user.email, password: FIXTURE_PASSWORD };
}

/**
 * Signs a person in through the world's `auth` (optionally into one organization).
 *
 * @example const { token, session } = await signIn(ctx, sam);
 */
export function signIn(ctx: Ctx, person: Person, organizationId?: string): Promise<SignInResult> {
  return ctx.world.auth.signIn({
    email: person.email,
    password: person.password,
    ...(organizationId ? { organizationId } : {}),
  });
}

/**
 * Attempts a sign-in with explicit credentials.
 *
 * @example await expectUnauthenticated(attempt(ctx, sam.email, WRONG_PASSWORD));
 */
export function attempt(ctx: Ctx, email: string, password: string): Promise<SignInResult> {
  return ctx.world.auth.signIn({ email, password });
}

/** What a refused call threw: its data as the suite reads it and its wire form (`toJSON()`). */
export interface Refusal {
  readonly data: CaughtError;
  readonly json: unknown;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  );
}

/**
 * Awaits a promise that must reject with a DirectoryError; returns its data and its `toJSON()` form
 * (the data itself when the error has no `toJSON`), to compare two refusals exactly.
 *
 * @example expect((await refusal(a)).json).toEqual((await refusal(b)).json);
 */
export async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await promise };
  } catch (error) {
    outcome = { ok: false, error };
  }
  if (outcome.ok) {
    expect.fail(
      `expected a DirectoryError, but the call succeeded with ${JSON.stringify(outcome.value)?.slice(0, 400)}`,
    );
  }
  const data = asDirectoryError(outcome.error);
  if (!data) expect.fail(`expected a DirectoryError, got ${String(outcome.error)}`);
  return { data, json: hasToJson(outcome.error) ? outcome.error.toJSON() : data };
}

/**
 * Awaits a promise that must reject `unauthenticated` (with a human message and no field issues, so
 * nothing is revealed); returns the error's wire form.
 *
 * @example const json = await expectUnauthenticated(attempt(ctx, "nobody@x.example", "…"));
 */
export async function expectUnauthenticated(promise: Promise<unknown>): Promise<unknown> {
  const { data, json } = await refusal(promise);
  expect({ code: data.code, rule: data.rule, issues: data.issues }, JSON.stringify(json)).toEqual({
    code: "unauthenticated",
    rule: undefined,
    issues: [],
  });
  expect(data.message.length, "a human message").toBeGreaterThan(0);
  return json;
}

/**
 * Fails `times` sign-ins of `email` with a wrong password, one after another.
 *
 * @example await failSignIns(ctx, sam.email, 10); // locked now
 */
export async function failSignIns(ctx: Ctx, email: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await expectUnauthenticated(attempt(ctx, email, WRONG_PASSWORD));
}

/**
 * The token of the newest mail of `kind` to `to`; fails when there is none.
 *
 * @example const token = mailedToken(ctx, sam.email, "password_reset");
 */
export function mailedToken(ctx: Ctx, to: string, kind: MailMessage["kind"]): string {
  const token = tokenFromLink(ctx.world.mailer.latest(to, kind)?.link);
  if (!token) throw new Error(`no ${kind} token mailed to ${to}`);
  return token;
}

/**
 * How many mails of `kind` went to `to`.
 *
 * @example expect(mailsTo(ctx, sam.email, "password_reset")).toBe(1);
 */
export function mailsTo(ctx: Ctx, to: string, kind: MailMessage["kind"]): number {
  return ctx.world.mailer.outbox.filter((m) => m.to === to && m.kind === kind).length;
}

/**
 * Asserts an ISO time is `offsetMs` after the world's now (within a second).
 *
 * @example expectInFromNow(ctx, session.idleExpiresAt, 15 * MINUTE);
 */
export function expectInFromNow(ctx: Ctx, iso: string, offsetMs: number): void {
  const actual = Date.parse(iso) - ctx.world.clock.now();
  expect(
    Math.abs(actual - offsetMs),
    `${iso} is ${actual} ms from now, expected ${offsetMs}`,
  ).toBeLessThanOrEqual(1000);
}

function withoutAudit(o: Observation): Omit<Observation, "auditTotal" | "newestEventId"> {
  const { auditTotal: _total, newestEventId: _newest, ...rest } = o;
  return rest;
}

/**
 * Runs `act` and asserts nothing an administrator sees changed except new audit events (a failed
 * sign-in is recorded, R18): users, counts, roles, locations, organization, outbox.
 *
 * @example await expectNothingButAudit(ctx, () => expectUnauthenticated(attempt(ctx, email, WRONG_PASSWORD)));
 */
export async function expectNothingButAudit<T>(ctx: Ctx, act: () => Promise<T>): Promise<T> {
  const before = await observe(ctx);
  const result = await act();
  const after = await observe(ctx);
  expect(withoutAudit(after), "nothing but the audit trail changed").toEqual(withoutAudit(before));
  expect(after.auditTotal).toBeGreaterThanOrEqual(before.auditTotal);
  return result;
}

/** Another organization of the same backend, as `bootstrapAnother` returns it. */
export interface OtherOrganization {
  readonly organization: Organization;
  readonly location: Location;
  readonly owner: User;
}

/**
 * Bootstraps another organization whose owner has a known email and password: someone with an
 * existing account.
 *
 * @example const { other, person } = await ownerElsewhere(ctx);
 */
export async function ownerElsewhere(ctx: Ctx): Promise<{ other: OtherOrganization; person: Person }> {
  const email = uniqueEmail(ctx, "kwame.mensah").replace("@staff.harbor.example", "@cedar-ridge.example");
  const other = await ctx.world.bootstrapAnother({
    owner: { email, password: ELSEWHERE_PASSWORD, profile: { givenName: "Kwame", familyName: "Mensah" } },
  });
  return { other, person: { user: other.owner, email: other.owner.email, password: ELSEWHERE_PASSWORD } };
}

/**
 * The owner of another organization, invited into this world's organization by email; returns the
 * pending user here and the invitation token (not yet accepted).
 *
 * @example const { here, token, other } = await invitedFromElsewhere(ctx);
 */
export async function invitedFromElsewhere(ctx: Ctx): Promise<{
  other: OtherOrganization;
  elsewhere: Person;
  here: User;
  token: string;
}> {
  const { other, person } = await ownerElsewhere(ctx);
  const { user } = await inviteStaff(ctx, { email: person.email, givenName: "Kwame", familyName: "Mensah" });
  return { other, elsewhere: person, here: user, token: mailedToken(ctx, person.email, "invitation") };
}

/**
 * A person active in two organizations: owner of another one, and (after accepting an invitation)
 * a member of this world's organization. `person.user` is their user here.
 *
 * @example const { person, other } = await memberOfTwo(ctx); await signIn(ctx, person, other.organization.id);
 */
export async function memberOfTwo(ctx: Ctx): Promise<{ other: OtherOrganization; person: Person }> {
  const { other, elsewhere, here, token } = await invitedFromElsewhere(ctx);
  const accepted = await ctx.world.auth.acceptInvitation({ token });
  expect(accepted.outcome).toBe("joined");
  return { other, person: { ...elsewhere, user: { ...here, status: "active" } } };
}

/**
 * Asserts a token no longer opens anything: `session`, `authorize` and `organizations` all answer
 * `unauthenticated`.
 *
 * @example await expectEnded(ctx, token);
 */
export async function expectEnded(ctx: Ctx, token: string): Promise<void> {
  await expectUnauthenticated(ctx.world.auth.session(token));
  await expectUnauthenticated(ctx.world.auth.authorize(token));
  await expectUnauthenticated(ctx.world.auth.organizations(token));
}

/**
 * Asserts a token still resolves to `person`'s user.
 *
 * @example await expectAlive(ctx, token, sam);
 */
export async function expectAlive(ctx: Ctx, token: string, person: Person): Promise<void> {
  expect((await ctx.world.auth.session(token)).userId).toBe(person.user.id);
}
