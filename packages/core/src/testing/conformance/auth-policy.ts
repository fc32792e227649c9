import { describe, expect, it } from "vitest";
import type { User } from "../../users/user.schema";
import {
  attempt,
  expectUnauthenticated,
  mailedToken,
  NEW_PASSWORD,
  type Person,
  signIn,
  staffMember,
} from "./auth-helpers";
import { expectError } from "./errors-expect";
import { type Ctx, expectNoChange, inviteStaff, type StaffOptions, setup, staffInput } from "./helpers";
import type { WorldFactory } from "./world";

/** 11, 12, 128 and 129 characters, with no personal or common words. */
const LENGTHS = {
  eleven: "tulip-meado",
  twelve: "tulip-meadow",
  max: "long-passphrase-".repeat(8),
  tooLong: `${"long-passphrase-".repeat(8)}x`,
} as const;

/** The full-width (NFKC-equivalent) form of printable ASCII. @example fullWidth("ab c") // "ａｂ ｃ" */
function fullWidth(ascii: string): string {
  return Array.from(ascii, (ch) => {
    const code = ch.charCodeAt(0);
    return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
  }).join("");
}

/** Creates a user with `password` as the owner (W1). */
async function createWith(ctx: Ctx, password: string, options: StaffOptions = {}): Promise<User> {
  return ctx.owner.users.create(await staffInput(ctx, { ...options, extra: { password } }));
}

/** Expects creating a user with `password` to fail on ["password"] and write nothing. */
async function refusedOnCreate(ctx: Ctx, password: string, options: StaffOptions = {}): Promise<void> {
  const input = await staffInput(ctx, { ...options, extra: { password } });
  await expectNoChange(ctx, () =>
    expectError(ctx.owner.users.create(input), { code: "validation", path: ["password"] }),
  );
}

/** A signed-in person and a function trying `changePassword` from their current password. */
async function changer(
  ctx: Ctx,
  options: StaffOptions = {},
): Promise<{ person: Person; token: string; change: (password: string) => Promise<unknown> }> {
  const person = await staffMember(ctx, options);
  const { token } = await signIn(ctx, person);
  return {
    person,
    token,
    change: (newPassword) =>
      ctx.world.auth.changePassword({ token, currentPassword: person.password, newPassword }),
  };
}

/** A fresh invitation for a new account; returns the pending user and the token. */
async function invitation(ctx: Ctx, options: StaffOptions = {}): Promise<{ user: User; token: string }> {
  const { user } = await inviteStaff(ctx, options);
  return { user, token: mailedToken(ctx, user.email, "invitation") };
}

/**
 * R16 (NIST 800-63B) wherever a password is chosen (create, accept, change): length after NFKC in
 * characters, NFKC equivalence at sign-in, no truncation, no composition rules, no personal words.
 *
 * @example describe("memory", () => registerAuthPasswordPolicyTests(() => memoryWorld()));
 */
export function registerAuthPasswordPolicyTests(factory: WorldFactory): void {
  describe("R16 password policy", () => {
    it("create: 11 characters refused, 12 and 128 accepted, 129 refused", async () => {
      const ctx = await setup(factory);
      await refusedOnCreate(ctx, LENGTHS.eleven);
      await refusedOnCreate(ctx, LENGTHS.tooLong);
      for (const password of [LENGTHS.twelve, LENGTHS.max]) {
        const user = await createWith(ctx, password);
        expect((await signIn(ctx, { user, email: user.email, password })).session.userId).toBe(user.id);
      }
    });

    it("accept: 11 characters refused (the invitation stays usable), 12 accepted", async () => {
      const ctx = await setup(factory);
      const { user, token } = await invitation(ctx);
      for (const password of [LENGTHS.eleven, LENGTHS.tooLong]) {
        await expectNoChange(ctx, () =>
          expectError(ctx.world.auth.acceptInvitation({ token, password }), {
            code: "validation",
            path: ["password"],
          }),
        );
      }
      await ctx.world.auth.acceptInvitation({ token, password: LENGTHS.twelve });
      const person = { user, email: user.email, password: LENGTHS.twelve };
      expect((await signIn(ctx, person)).session.userId).toBe(user.id);
    });

    it("change: 11 and 129 characters refused on newPassword, 12 accepted", async () => {
      const ctx = await setup(factory);
      const { person, change } = await changer(ctx);
      for (const password of [LENGTHS.eleven, LENGTHS.tooLong]) {
        await expectError(change(password), { code: "validation", path: ["newPassword"] });
      }
      await change(LENGTHS.twelve);
      expect((await signIn(ctx, { ...person, password: LENGTHS.twelve })).session.userId).toBe(
        person.user.id,
      );
    });

    it("length counts characters after NFKC, not UTF-16 units", async () => {
      const ctx = await setup(factory);
      // 11 astral characters are 22 UTF-16 units: still too short.
      await refusedOnCreate(ctx, "🌲".repeat(11));
      const trees = "🌲".repeat(12);
      const user = await createWith(ctx, trees);
      expect((await signIn(ctx, { user, email: user.email, password: trees })).session.userId).toBe(user.id);
      // Six "ﬁ" ligatures are 12 characters after NFKC.
      const ligatures = "ﬁ".repeat(6);
      const other = await createWith(ctx, ligatures);
      const ascii = { user: other, email: other.email, password: "fi".repeat(6) };
      expect((await signIn(ctx, ascii)).session.userId).toBe(other.id);
    });

    it("no truncation: a prefix of a long password does not sign in", async () => {
      const ctx = await setup(factory);
      const user = await createWith(ctx, LENGTHS.max);
      for (const prefix of [LENGTHS.max.slice(0, 72), LENGTHS.max.slice(0, 127)]) {
        await expectUnauthenticated(attempt(ctx, user.email, prefix));
      }
      expect((await signIn(ctx, { user, email: user.email, password: LENGTHS.max })).session.userId).toBe(
        user.id,
      );
    });

    it("NFKC: a password set in full-width letters signs in typed in ASCII, and the reverse", async () => {
      const ctx = await setup(factory);
      const ascii = "lantern meadow quietly glowing";
      const user = await createWith(ctx, fullWidth(ascii));
      expect((await signIn(ctx, { user, email: user.email, password: ascii })).session.userId).toBe(user.id);

      const { person, change } = await changer(ctx);
      const chosen = "copper-kettle-drifting-north";
      await change(chosen);
      const typed = { ...person, password: fullWidth(chosen) };
      expect((await signIn(ctx, typed)).session.userId).toBe(person.user.id);

      // Decomposed "é" (e + combining acute) equals the composed one.
      const composed = "café au lait every morning";
      const decomposedUser = await createWith(ctx, composed.normalize("NFD"));
      const withComposed = { user: decomposedUser, email: decomposedUser.email, password: composed };
      expect((await signIn(ctx, withComposed)).session.userId).toBe(decomposedUser.id);
    });

    it("no composition rules: long lower-case passphrases are accepted everywhere", async () => {
      const ctx = await setup(factory);
      const phrase = "the quiet lighthouse keeper sleeps";
      const user = await createWith(ctx, phrase);
      expect((await signIn(ctx, { user, email: user.email, password: phrase })).session.userId).toBe(user.id);
      const { user: invitee, token } = await invitation(ctx);
      await ctx.world.auth.acceptInvitation({ token, password: "lowercaseletterswithoutanything" });
      const person = { user: invitee, email: invitee.email, password: "lowercaseletterswithoutanything" };
      expect((await signIn(ctx, person)).session.userId).toBe(invitee.id);
      const { change } = await changer(ctx);
      await change("only lower case words here");
    });

    it("create: a password containing the email name, a name or the organization's name is refused", async () => {
      const ctx = await setup(factory);
      const who: StaffOptions = {
        email: "night.shift.lead@staff.harbor.example",
        givenName: "Rosalind",
        familyName: "Castellanos",
      };
      const orgName = ctx.world.organization.name;
      for (const password of [
        "my night.shift.lead login",
        "ROSALIND walks the long way",
        "castellanos family garden",
        `${orgName} forever and ever`,
      ]) {
        await refusedOnCreate(ctx, password, who);
      }
      const user = await createWith(ctx, NEW_PASSWORD, who);
      expect(user.email).toBe(who.email);
    });

    it("accept: a password containing the invitee's name, email name or the organization's name is refused", async () => {
      const ctx = await setup(factory);
      const { user, token } = await invitation(ctx, {
        email: "evening.triage@staff.harbor.example",
        givenName: "Priya",
        familyName: "Venkataraman",
      });
      for (const password of [
        "priya likes long passwords",
        "the venkataraman household",
        "evening.triage is my job",
        `${ctx.world.organization.name} staff member`,
      ]) {
        await expectNoChange(ctx, () =>
          expectError(ctx.world.auth.acceptInvitation({ token, password }), {
            code: "validation",
            path: ["password"],
          }),
        );
      }
      expect((await ctx.world.auth.acceptInvitation({ token, password: NEW_PASSWORD })).userId).toBe(user.id);
    });

    it("change: a new password containing the person's name or the organization's name is refused", async () => {
      const ctx = await setup(factory);
      const { person, change } = await changer(ctx, { givenName: "Rosalind", familyName: "Castellanos" });
      for (const password of [
        "rosalind on the night shift",
        "castellanos at the front desk",
        `${person.email.split("@")[0] ?? ""} is my login`,
        `${ctx.world.organization.name} forever and ever`,
      ]) {
        await expectError(change(password), { code: "validation", path: ["newPassword"] });
      }
      await change(NEW_PASSWORD);
      expect((await signIn(ctx, { ...person, password: NEW_PASSWORD })).session.userId).toBe(person.user.id);
    });
  });
}
