import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../directory/staff-directory";
import { sha256Hex } from "../../ports/crypto";
import type { User } from "../../users/user.schema";
import {
  expectUnauthenticated,
  mailedToken,
  NEW_PASSWORD,
  type Person,
  refusal,
  signIn,
  staffMember,
  TEMPORARY_PASSWORD,
  WRONG_PASSWORD,
} from "./auth-helpers";
import { expectError } from "./errors-expect";
import { auditEvents, type Ctx, DAY, inviteStaff, MINUTE, setup, staffInput } from "./helpers";
import type { ConformanceWorld, WorldFactory } from "./world";

/** The passwords of {@link secretLife}: each set once, by the operation named. */
const PASSWORDS = {
  created: "copper-lantern-harbor-sable-41",
  temporary: TEMPORARY_PASSWORD,
  changed: "violet-canyon-ferry-thimble-62",
  accepted: "juniper-quarry-meadow-cobalt-27",
  reset: "saffron-tundra-beacon-walnut-83",
} as const;

/** What one account life leaves behind: every secret in clear, and the SHA-256 of the live tokens. */
interface SecretLife {
  readonly owner: StaffDirectory;
  /** Every password and token the life used, dead or alive, by label. None may be stored or shown. */
  readonly secrets: Readonly<Record<string, string>>;
  /** SHA-256 (hex) of every token above, by the same labels. Only the live ones may be stored. */
  readonly digests: Readonly<Record<string, string>>;
  /** Labels of the tokens still alive at the end, whose digests a store must hold. */
  readonly live: readonly string[];
  readonly people: readonly User[];
}

/**
 * A life that uses every secret Staffroom handles, through the public API only: a password chosen at
 * creation, a temporary password set by an admin and changed at the forced change, an invitation
 * resent then accepted with a password, an invitation left pending, a reset link used, a reset link
 * left pending, sessions ended and one left open, a provisioning token's secret.
 */
async function secretLife(ctx: Ctx): Promise<SecretLife> {
  const input = await staffInput(ctx, { givenName: "Wendell", familyName: "Okafor" });
  let sam = await ctx.owner.users.create({ ...input, password: PASSWORDS.created });
  const person = (password: string): Person => ({ user: sam, email: sam.email, password });
  const firstSession = (await signIn(ctx, person(PASSWORDS.created))).token;
  sam = await ctx.owner.users.resetPassword(
    sam.id,
    { mode: "temporary", password: PASSWORDS.temporary },
    { version: sam.version },
  );
  const forcedSession = (await signIn(ctx, person(PASSWORDS.temporary))).token;
  await ctx.world.auth.changePassword({
    token: forcedSession,
    currentPassword: PASSWORDS.temporary,
    newPassword: PASSWORDS.changed,
  });

  const { user: invitee } = await inviteStaff(ctx, { givenName: "Ines", familyName: "Vardy" });
  const firstInvitation = mailedToken(ctx, invitee.email, "invitation");
  ctx.world.clock.advance(5 * MINUTE);
  await ctx.owner.users.resendInvitation(invitee.id, { version: invitee.version });
  const acceptedInvitation = mailedToken(ctx, invitee.email, "invitation");
  await ctx.world.auth.acceptInvitation({ token: acceptedInvitation, password: PASSWORDS.accepted });
  const { user: pending } = await inviteStaff(ctx, { givenName: "Pavel", familyName: "Quist" });
  const pendingInvitation = mailedToken(ctx, pending.email, "invitation");

  await ctx.world.auth.requestPasswordReset({ email: sam.email });
  const usedReset = mailedToken(ctx, sam.email, "password_reset");
  await ctx.world.auth.completePasswordReset({ token: usedReset, password: PASSWORDS.reset });
  const liveSession = (await signIn(ctx, person(PASSWORDS.reset))).token;
  await ctx.world.auth.requestPasswordReset({ email: sam.email });
  const pendingReset = mailedToken(ctx, sam.email, "password_reset");
  const acceptedSession = (
    await signIn(ctx, { user: invitee, email: invitee.email, password: PASSWORDS.accepted })
  ).token;
  await ctx.world.auth.signOut(acceptedSession);
  const provisioningRole = (await ctx.owner.roles.list()).find((r) => !r.administrator);
  if (!provisioningRole) throw new Error("no role a provisioning token could give");
  const provisioningToken = (
    await ctx.owner.provisioning.createToken({
      label: "Okta",
      roleIds: [provisioningRole.id],
      locationAccess: "organization",
    })
  ).secret;

  const tokens = {
    firstSession,
    forcedSession,
    acceptedSession,
    liveSession,
    firstInvitation,
    acceptedInvitation,
    pendingInvitation,
    usedReset,
    pendingReset,
    provisioningToken,
  };
  const digests: Record<string, string> = {};
  for (const [label, token] of Object.entries(tokens)) digests[label] = await sha256Hex(token);
  return {
    owner: ctx.owner,
    secrets: { ...tokens, ...PASSWORDS },
    digests,
    live: ["liveSession", "pendingInvitation", "pendingReset", "provisioningToken"],
    people: [sam, invitee, pending],
  };
}

/**
 * For store authors proving R15 inside their own storage: in `world`, lives an account life that
 * uses every secret Staffroom handles (passwords chosen at creation, set by an admin, changed, set
 * by a reset and by accepting an invitation; session, invitation and reset tokens used, resent,
 * ended and left pending), and returns them. Dump your storage as text afterwards: no value of
 * `secrets` may be in it, and the SHA-256 hex of every `live` token must be (so the check can fail).
 *
 * @example
 * const { secrets, digests, live } = await secretsAtRestFixture(world);
 * const dump = await dumpEveryTable();
 * for (const value of Object.values(secrets)) expect(dump).not.toContain(value);
 * for (const label of live) expect(dump).toContain(digests[label]);
 */
export async function secretsAtRestFixture(world: ConformanceWorld): Promise<{
  secrets: Readonly<Record<string, string>>;
  digests: Readonly<Record<string, string>>;
  live: readonly string[];
}> {
  const { secrets, digests, live } = await secretLife(await setup(async () => world));
  return { secrets, digests, live };
}

/** Characters of a secret that, found together, count as showing it (a prefix or a slice leaks too). */
const WINDOW = 16;

/** The labels of `values` shown in `text`, whole or as any {@link WINDOW} characters of them. */
function found(text: string, values: Readonly<Record<string, string>>): string[] {
  const shows = (value: string) => {
    if (value.length <= WINDOW) return text.includes(value);
    for (let i = 0; i + WINDOW <= value.length; i++)
      if (text.includes(value.slice(i, i + WINDOW))) return true;
    return false;
  };
  return Object.entries(values)
    .filter(([, value]) => shows(value))
    .map(([label]) => label);
}

/** Everything a refused call shows a caller: message, code, rule, issues, details, its wire form. */
async function shown(promise: Promise<unknown>): Promise<string> {
  const { data, json } = await refusal(promise);
  return JSON.stringify([data, json]);
}

/** Bits a token carries at most, from its length and the symbols seen across all `tokens`. */
function bitsOf(token: string, tokens: readonly string[]): number {
  const symbols = new Set(tokens.join(""));
  return token.length * Math.log2(symbols.size);
}

/**
 * R15 through the API: tokens are long, random and base64url; invitations live 7 days and reset links
 * 60 minutes; no error, audit event or view shows a password, a token or a token's hash. (What a
 * store keeps is proven per store with {@link secretsAtRestFixture}; slow hashing by the
 * `PasswordHasher` tests; single use by W3/W13.)
 *
 * @example describe("memory", () => registerSecretTests(() => memoryWorld()));
 */
export function registerSecretTests(factory: WorldFactory): void {
  describe("R15 secrets", () => {
    it("R15 every session, invitation and reset token is base64url carrying at least 128 bits, and no two share even a prefix", async () => {
      const ctx = await setup(factory);
      const tokens: string[] = [];
      const people: Person[] = [];
      for (let i = 0; i < 3; i++) people.push(await staffMember(ctx));
      for (const person of people) {
        tokens.push((await signIn(ctx, person)).token, (await signIn(ctx, person)).token);
        await ctx.world.auth.requestPasswordReset({ email: person.email });
        tokens.push(mailedToken(ctx, person.email, "password_reset"));
        const { user } = await inviteStaff(ctx);
        tokens.push(mailedToken(ctx, user.email, "invitation"));
      }
      const target = people[0]?.user;
      if (!target) throw new Error("no people");
      await ctx.owner.users.resetPassword(target.id, { mode: "link" }, { version: target.version });
      tokens.push(mailedToken(ctx, target.email, "password_reset"));
      expect(tokens).toHaveLength(13);
      for (const token of tokens) {
        expect(token, "base64url only").toMatch(/^[A-Za-z0-9_-]+$/);
        expect(bitsOf(token, tokens), `${token} carries at least 128 bits`).toBeGreaterThanOrEqual(128);
      }
      // A counter, a clock or a per-person secret behind a token would repeat its first characters.
      expect(new Set(tokens.map((t) => t.slice(0, 8))).size, "distinct 8-character prefixes").toBe(
        tokens.length,
      );
    });

    it("R15 an invitation link lives 7 days: it opens at 7 days less a minute and is not_found a minute after, the user still pending", async () => {
      const ctx = await setup(factory);
      const { user } = await inviteStaff(ctx);
      const token = mailedToken(ctx, user.email, "invitation");
      ctx.world.clock.advance(7 * DAY - MINUTE);
      expect((await ctx.world.auth.invitation(token)).email).toBe(user.email);
      ctx.world.clock.advance(2 * MINUTE);
      await expectError(ctx.world.auth.invitation(token), { code: "not_found" });
      await expectError(ctx.world.auth.acceptInvitation({ token, password: NEW_PASSWORD }), {
        code: "not_found",
      });
      expect((await ctx.owner.users.get(user.id)).status).toBe("pending");
      expect((await ctx.owner.users.invitation(user.id))?.expired).toBe(true);
    });

    it("R15 a reset link lives 60 minutes: one sets the password at 59 minutes, its twin issued at the same moment is not_found at 61", async () => {
      const ctx = await setup(factory);
      const early = await staffMember(ctx);
      const late = await staffMember(ctx);
      await ctx.world.auth.requestPasswordReset({ email: early.email });
      await ctx.world.auth.requestPasswordReset({ email: late.email });
      const earlyToken = mailedToken(ctx, early.email, "password_reset");
      const lateToken = mailedToken(ctx, late.email, "password_reset");
      ctx.world.clock.advance(59 * MINUTE);
      await ctx.world.auth.completePasswordReset({ token: earlyToken, password: NEW_PASSWORD });
      expect((await signIn(ctx, { ...early, password: NEW_PASSWORD })).session.userId).toBe(early.user.id);
      ctx.world.clock.advance(2 * MINUTE);
      await expectError(ctx.world.auth.completePasswordReset({ token: lateToken, password: NEW_PASSWORD }), {
        code: "not_found",
      });
      expect((await signIn(ctx, late)).session.userId).toBe(late.user.id);
    });

    it("R15 no refusal shows a secret: wrong, refused and temporary passwords and spent, unknown or ended tokens are in no message, issue, rule or details", async () => {
      const ctx = await setup(factory);
      const life = await secretLife(ctx);
      const [sam] = life.people;
      if (!sam) throw new Error("no people");
      const texts: string[] = [];
      const { token } = await signIn(ctx, { user: sam, email: sam.email, password: PASSWORDS.reset });
      texts.push(
        JSON.stringify(
          await expectUnauthenticated(signIn(ctx, { user: sam, email: sam.email, password: WRONG_PASSWORD })),
        ),
        JSON.stringify(await expectUnauthenticated(ctx.world.auth.session(life.secrets.firstSession ?? ""))),
        await shown(
          ctx.world.auth.changePassword({
            token,
            currentPassword: PASSWORDS.changed,
            newPassword: NEW_PASSWORD,
          }),
        ),
        await shown(
          ctx.world.auth.changePassword({
            token,
            currentPassword: PASSWORDS.reset,
            newPassword: "wendell-okafor-77",
          }),
        ),
        await shown(
          ctx.world.auth.completePasswordReset({
            token: life.secrets.usedReset ?? "",
            password: NEW_PASSWORD,
          }),
        ),
        await shown(
          ctx.world.auth.completePasswordReset({
            token: life.secrets.pendingReset ?? "",
            password: "short-pw-9",
          }),
        ),
        await shown(ctx.world.auth.invitation(life.secrets.acceptedInvitation ?? "")),
        await shown(
          ctx.world.auth.acceptInvitation({
            token: life.secrets.firstInvitation ?? "",
            password: NEW_PASSWORD,
          }),
        ),
        await shown(
          ctx.world.auth.acceptInvitation({
            token: life.secrets.pendingInvitation ?? "",
            password: "pavel-quist-harbor",
          }),
        ),
        await shown(ctx.owner.users.create({ ...(await staffInput(ctx)), password: "tiny-secret" })),
        await shown(
          ctx.owner.users.resetPassword(
            sam.id,
            { mode: "temporary", password: "tiny-secret" },
            { version: (await ctx.owner.users.get(sam.id)).version },
          ),
        ),
      );
      const secrets = {
        ...life.secrets,
        wrong: WRONG_PASSWORD,
        refusedNew: "wendell-okafor-77",
        tooShort: "short-pw-9",
        personal: "pavel-quist-harbor",
        tiny: "tiny-secret",
        newPassword: NEW_PASSWORD,
        signedIn: token,
      };
      for (const text of texts) {
        expect(found(text, secrets), text).toEqual([]);
        expect(found(text, life.digests), text).toEqual([]);
      }
    });

    it("R15 no password, token or token hash reaches the audit trail, verify() or a user's view over a whole account life", async () => {
      const ctx = await setup(factory);
      const life = await secretLife(ctx);
      const events = await auditEvents(ctx.owner);
      expect(events.length, "the life is in the trail, so the check can fail").toBeGreaterThan(12);
      const shownText = JSON.stringify([
        events,
        await ctx.owner.audit.verify(),
        await ctx.owner.users.list({ status: "active", limit: 100 }),
        await ctx.owner.users.list({ status: "pending", limit: 100 }),
        ...(await Promise.all(life.people.map((p) => ctx.owner.users.get(p.id)))),
      ]);
      expect(found(shownText, life.secrets)).toEqual([]);
      expect(found(shownText, life.digests)).toEqual([]);
      expect(shownText).not.toMatch(/pbkdf2|scrypt|argon2/i);
      const fields = JSON.stringify(events.map((e) => [e.changes, e.metadata]));
      expect(fields).not.toMatch(/"(password\w*|\w*[hH]ash|salt|token\w*)"\s*:/);
    });
  });
}
