import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../directory/staff-directory";
import { addDays, deaWithCheckDigit, utcDate } from "../../users/credential.rules";
import type { Credential } from "../../users/credential.schema";
import type { User } from "../../users/user.schema";
import type { ProviderInput } from "../fixtures";
import { expectError } from "./errors-expect";
import {
  addLocation,
  type Ctx,
  createStaff,
  DAY,
  expectNoChange,
  setup,
  staffInput,
  staffWithPermissions,
} from "./helpers";
import { allPages } from "./reads";
import type { WorldFactory } from "./world";

const DEA = deaWithCheckDigit("AB", "123456");

async function providerOrg(ctx: Ctx): Promise<void> {
  const org = await ctx.owner.organization.get();
  await ctx.owner.organization.update(
    { features: { providerDirectory: true }, providerTypes: ["MD", "RN", "NP"] },
    { version: org.version },
  );
}

const today = (ctx: Ctx): string => utcDate(ctx.world.clock.now());

const licence = (expiresOn: string | null, number = "A123456"): Credential => ({
  kind: "state_licence",
  number,
  state: "CA",
  issuer: "Medical Board of California",
  expiresOn,
});

const profile = (credentials: unknown[]): ProviderInput =>
  ({
    npi: null,
    taxonomyCodes: [],
    bio: null,
    providerTypes: [],
    capacity: 1,
    schedulingStep: 15,
    credentials,
  }) as ProviderInput;

/** A practitioner holding these credentials (at `locationId`, default the world's location). */
async function provider(
  ctx: Ctx,
  familyName: string,
  credentials: Credential[],
  locations?: readonly string[],
): Promise<User> {
  return createStaff(ctx, {
    givenName: "Pat",
    familyName,
    ...(locations ? { locations } : {}),
    extra: { flags: { practitioner: true }, provider: profile(credentials) },
  });
}

const names = (users: readonly User[]): string[] => users.map((u) => u.profile.familyName).sort();

async function listed(dir: StaffDirectory, credentials: "expiring" | "expired"): Promise<User[]> {
  return allPages((cursor) => dir.users.list({ credentials, limit: 2, cursor }));
}

/**
 * Issue 15: provider credentials — state licences, DEA registrations, board certifications with
 * number, issuing state and expiry — their validation, the directory's `expiring`/`expired` filter
 * and badge (relative to the directory clock), and `credentials.expiring()` for hosts.
 *
 * @example describe("memory", () => registerCredentialTests(() => memoryWorld()));
 */
export function registerCredentialTests(factory: WorldFactory): void {
  describe("Issue 15 provider credentials", () => {
    it("R11 round-trips credentials on create and update: DEA numbers and states upper-cased; absent means none", async () => {
      const ctx = await setup(factory);
      await providerOrg(ctx);
      const input: unknown[] = [
        { ...licence("2030-03-31"), state: " ca " },
        { kind: "dea", number: DEA.toLowerCase(), state: "ny", issuer: null, expiresOn: "2029-06-30" },
        { kind: "board_certification", number: "ABFM 2211", state: null, issuer: "ABFM", expiresOn: null },
      ];
      const user = await createStaff(ctx, {
        extra: { flags: { practitioner: true }, provider: profile(input) },
      });
      const stored: Credential[] = [
        licence("2030-03-31"),
        { kind: "dea", number: DEA, state: "NY", issuer: null, expiresOn: "2029-06-30" },
        { kind: "board_certification", number: "ABFM 2211", state: null, issuer: "ABFM", expiresOn: null },
      ];
      expect(user.provider?.credentials).toEqual(stored);
      expect(user.credentialAlert).toBeNull();
      expect(await ctx.owner.users.get(user.id)).toEqual(user);
      const edited = await ctx.owner.users.update(
        user.id,
        { provider: profile([licence("2031-01-31", "B-99")]) },
        { version: user.version },
      );
      expect(edited.provider?.credentials).toEqual([licence("2031-01-31", "B-99")]);
      const { credentials: _none, ...withoutCredentials } = profile([]);
      const cleared = await ctx.owner.users.update(
        user.id,
        { provider: withoutCredentials },
        { version: edited.version },
      );
      expect(cleared.provider?.credentials ?? []).toEqual([]);
      expect((await ctx.owner.users.get(user.id)).provider?.credentials ?? []).toEqual([]);
    });

    it("R11/R14 refuses every bad credential (empty, long, NUL, control, lone surrogate, bad DEA check digit, unknown state, impossible date, unknown field) on its field path, writing nothing", async () => {
      const ctx = await setup(factory);
      await providerOrg(ctx);
      const good = licence("2030-01-31");
      const wrongDea = `${DEA.slice(0, 8)}${(Number(DEA[8]) + 1) % 10}`;
      const cases: [unknown, (string | number)[]][] = [
        [{ ...good, number: "" }, [0, "number"]],
        [{ ...good, number: "   " }, [0, "number"]],
        [{ ...good, number: "A".repeat(41) }, [0, "number"]],
        [{ ...good, number: "A1\u0000" }, [0, "number"]],
        [{ ...good, number: "A1\ud800" }, [0, "number"]],
        [{ ...good, number: "A\u00851" }, [0, "number"]],
        [{ ...good, number: "A\n1" }, [0, "number"]],
        [{ ...good, number: "A<1>" }, [0, "number"]],
        [{ ...good, number: "-A1" }, [0, "number"]],
        [{ kind: "dea", number: wrongDea, state: "CA", issuer: null, expiresOn: null }, [0, "number"]],
        [{ kind: "dea", number: "A12345678", state: "CA", issuer: null, expiresOn: null }, [0, "number"]],
        [{ kind: "dea", number: DEA, state: null, issuer: null, expiresOn: null }, [0, "state"]],
        [{ ...good, state: null }, [0, "state"]],
        [{ ...good, state: "ZZ" }, [0, "state"]],
        [{ ...good, state: "C\u0000" }, [0, "state"]],
        [{ ...good, issuer: "Board\u0000" }, [0, "issuer"]],
        [{ ...good, issuer: "\udc00Board" }, [0, "issuer"]],
        [{ ...good, expiresOn: "2027-02-30" }, [0, "expiresOn"]],
        [{ ...good, expiresOn: "0000-12-31" }, [0, "expiresOn"]],
        [{ ...good, expiresOn: "27-01-01" }, [0, "expiresOn"]],
        [{ ...good, expiresOn: "2027-01-01T00:00:00Z" }, [0, "expiresOn"]],
        [{ ...good, expiresOn: "2027-01-01\u0000" }, [0, "expiresOn"]],
        [{ ...good, kind: "nursing" }, [0, "kind"]],
        [{ ...good, colour: "red" }, [0, "colour"]],
      ];
      const user = await createStaff(ctx, { extra: { flags: { practitioner: true } } });
      const check = async (credentials: unknown[], path: (string | number)[]) => {
        const input = await staffInput(ctx, {
          extra: { flags: { practitioner: true }, provider: profile(credentials) },
        });
        await expectNoChange(ctx, () =>
          expectError(ctx.owner.users.create(input), {
            code: "validation",
            path: ["provider", "credentials", ...path],
          }),
        );
        await expectNoChange(ctx, () =>
          expectError(
            ctx.owner.users.update(user.id, { provider: profile(credentials) }, { version: user.version }),
            {
              code: "validation",
              path: ["provider", "credentials", ...path],
            },
          ),
        );
      };
      for (const [credential, path] of cases) await check([credential], path);
      await check([good, { ...good, number: good.number.toLowerCase() }], [1, "number"]);
      await check(
        Array.from({ length: 21 }, (_, i) => licence(null, `N${i}`)),
        [],
      );
    });

    it("W12 badges and filters providers by their earliest expiry on the directory clock's date; moving the clock moves them", async () => {
      const ctx = await setup(factory);
      await providerOrg(ctx);
      const t = today(ctx);
      await provider(ctx, "Current", [licence(addDays(t, 31))]);
      const soon = await provider(ctx, "Soon", [
        licence(addDays(t, 365), "L1"),
        licence(addDays(t, 30), "L2"),
      ]);
      await provider(ctx, "Today", [licence(t)]);
      const lapsed = await provider(ctx, "Lapsed", [licence(addDays(t, -1)), licence(addDays(t, 10), "L3")]);
      await provider(ctx, "Lifetime", [licence(null)]);
      await createStaff(ctx, { familyName: "Nobody" });

      expect(soon.credentialAlert).toEqual({ standing: "expiring", expiresOn: addDays(t, 30), days: 30 });
      expect(lapsed.credentialAlert).toEqual({ standing: "expired", expiresOn: addDays(t, -1), days: -1 });
      expect(names(await listed(ctx.owner, "expiring"))).toEqual(["Soon", "Today"]);
      expect(names(await listed(ctx.owner, "expired"))).toEqual(["Lapsed"]);
      const counts = await ctx.owner.users.counts({ credentials: "expiring" });
      expect(counts).toEqual({ active: 2, pending: 0, disabled: 0 });
      expect(names((await ctx.owner.users.list({ credentials: "expiring", search: "soon" })).items)).toEqual([
        "Soon",
      ]);

      ctx.world.clock.advance(DAY);
      expect(names(await listed(ctx.owner, "expiring"))).toEqual(["Current", "Soon"]);
      expect(names(await listed(ctx.owner, "expired"))).toEqual(["Lapsed", "Today"]);
      expect((await ctx.owner.users.get(soon.id)).credentialAlert).toEqual({
        standing: "expiring",
        expiresOn: addDays(t, 30),
        days: 29,
      });

      // Renewing the lapsed licence moves the provider from Expired to Expiring (its second licence,
      // ten days out, is now the earliest).
      const current = await ctx.owner.users.get(lapsed.id);
      await ctx.owner.users.update(
        lapsed.id,
        { provider: profile([licence(addDays(t, 400)), licence(addDays(t, 10), "L3")]) },
        { version: current.version },
      );
      expect(names(await listed(ctx.owner, "expired"))).toEqual(["Today"]);
      expect(names(await listed(ctx.owner, "expiring"))).toEqual(["Current", "Lapsed", "Soon"]);
    });

    it("R2/R4/R5 credentials.expiring lists what expires within N days and what has expired, soonest first, in the actor's scope", async () => {
      const ctx = await setup(factory);
      await providerOrg(ctx);
      const t = today(ctx);
      const elsewhere = await addLocation(ctx, "Elsewhere");
      const ana = await provider(ctx, "Ana", [licence(addDays(t, 45), "L1"), licence(addDays(t, 5), "L2")]);
      const bo = await provider(ctx, "Bo", [licence(addDays(t, -3))]);
      await provider(ctx, "Cy", [licence(addDays(t, 200))]);
      const far = await provider(ctx, "Far", [licence(addDays(t, 2))], [elsewhere.id]);
      const summary = (all: Awaited<ReturnType<StaffDirectory["credentials"]["expiring"]>>) =>
        all.map((e) => [e.userId, e.index, e.standing, e.days, e.credential.number]);

      expect(summary(await ctx.owner.credentials.expiring())).toEqual([
        [bo.id, 0, "expired", -3, "A123456"],
        [far.id, 0, "expiring", 2, "A123456"],
        [ana.id, 1, "expiring", 5, "L2"],
      ]);
      expect(
        summary(await ctx.owner.credentials.expiring({ withinDays: 60, includeExpired: false })),
      ).toEqual([
        [far.id, 0, "expiring", 2, "A123456"],
        [ana.id, 1, "expiring", 5, "L2"],
        [ana.id, 0, "expiring", 45, "L1"],
      ]);
      const first = (await ctx.owner.credentials.expiring({ withinDays: 0 }))[0];
      expect(first).toMatchObject({ displayName: "Pat Bo", email: bo.email, status: "active" });

      // R4/R5: a manager of the world's location sees no one at Elsewhere; without users.view, nothing.
      const { dir: manager } = await staffWithPermissions(ctx, ["users.view"], { locations: [ctx.location] });
      expect(summary(await manager.credentials.expiring())).toEqual([
        [bo.id, 0, "expired", -3, "A123456"],
        [ana.id, 1, "expiring", 5, "L2"],
      ]);
      const { dir: outsider } = await staffWithPermissions(ctx, ["calendar.view"]);
      await expectError(outsider.credentials.expiring(), { code: "forbidden" });
      for (const bad of [{ withinDays: -1 }, { withinDays: 3651 }, { withinDays: 1.5 }, { days: 3 }])
        await expectError(ctx.owner.credentials.expiring(bad as never), { code: "validation" });
    });
  });
}
