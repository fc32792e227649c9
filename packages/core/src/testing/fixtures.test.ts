import { describe, expect, it } from "vitest";
import { isValidNpi, TAXONOMY_PATTERN } from "../users/provider.rules";
import { CreateUserInputSchema } from "../users/user-input.schema";
import { createRole, setup } from "./conformance/helpers";
import { TAXONOMY_CODES } from "./fixture-data";
import { emailLocalPart, fixtureLocations, fixtureNpi, fixtureUsers, standardBootstrap } from "./fixtures";
import { memoryWorld } from "./memory-world";
import { mulberry32, seededRandom } from "./random";

const ids = {
  locationIds: ["loc_aaaaaaaaaaaa", "loc_bbbbbbbbbbbb", "loc_cccccccccccc"],
  roleIds: ["rol_aaaaaaaaaaaa"],
};

describe("fixtures", () => {
  it("mulberry32 is deterministic and in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });

  it("fixtureUsers gives the same inputs for the same seed, others for another", () => {
    const one = fixtureUsers({ count: 40, seed: 7, ...ids });
    expect(fixtureUsers({ count: 40, seed: 7, ...ids })).toEqual(one);
    expect(fixtureUsers({ count: 40, seed: 8, ...ids })).not.toEqual(one);
  });

  it("every fixture user passes the create schema with unique emails, valid NPIs and real taxonomy codes", () => {
    const users = fixtureUsers({
      count: 300,
      seed: 3,
      ...ids,
      features: { providerDirectory: true, mobileApp: true },
    });
    const emails = new Set<string>();
    const known = new Set<string>(Object.values(TAXONOMY_CODES));
    for (const input of users) {
      const parsed = CreateUserInputSchema.safeParse(input);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      emails.add(input.email);
      if (input.locationAccess !== "organization")
        expect(input.locationAccess).toContain(input.primaryLocationId);
      if (input.loginChannels?.mobile) expect(input.profile.primaryPhone).toBeTruthy();
      if (input.provider) {
        expect(isValidNpi(input.provider.npi ?? "")).toBe(true);
        for (const code of input.provider.taxonomyCodes) {
          expect(code).toMatch(TAXONOMY_PATTERN);
          expect(known.has(code)).toBe(true);
        }
      }
      const phone = input.profile.primaryPhone;
      if (phone) expect(phone).toMatch(/^\+1\d{3}55501\d\d$/);
    }
    expect(emails.size).toBe(users.length);
    expect(users.some((u) => u.provider)).toBe(true);
    expect(users.some((u) => u.locationAccess === "organization")).toBe(true);
  });

  it("fixture NPIs, locations and email parts are valid", () => {
    const rng = seededRandom(1);
    for (let i = 0; i < 100; i++) expect(isValidNpi(fixtureNpi(rng))).toBe(true);
    expect(emailLocalPart("Chloé", "O'Connor")).toBe("chloe.oconnor");
    const names = fixtureLocations({ count: 30, seed: 2 }).map((l) => l.name);
    expect(new Set(names).size).toBe(30);
  });

  it("the service accepts standardBootstrap and every fixture user", async () => {
    const world = await memoryWorld();
    const ctx = await setup(async () => world);
    const org = await ctx.owner.organization.get();
    await ctx.owner.organization.update(
      {
        features: { providerDirectory: true, mobileApp: true, diary: true, caseManagement: true },
        providerTypes: ["MD", "RN", "NP", "PT", "PA"],
      },
      { version: org.version },
    );
    const clinicB = await ctx.owner.locations.create({ name: "Sunset District" });
    const role = await createRole(ctx, "Desk", ["calendar.view"]);
    const inputs = fixtureUsers({
      count: 60,
      seed: 11,
      locationIds: [ctx.location.id, clinicB.id],
      roleIds: [role.id],
      features: { providerDirectory: true, mobileApp: true, diary: true, caseManagement: true },
    });
    for (const input of inputs) await ctx.owner.users.create(input);
    expect((await ctx.owner.users.counts()).active).toBe(61);
    expect(standardBootstrap().owner.password.length).toBeGreaterThanOrEqual(12);
  });
});
