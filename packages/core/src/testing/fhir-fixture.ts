import type { StaffDirectory } from "../directory/staff-directory";
import type { Location } from "../locations/location.schema";
import type { Organization } from "../organization/organization.schema";
import { deaWithCheckDigit } from "../users/credential.rules";
import { npiWithCheckDigit } from "../users/provider.rules";
import type { User } from "../users/user.schema";
import type { CreateUserInput } from "../users/user-input.schema";
import {
  createStaff,
  inviteStaff,
  setFeatures,
  setup,
  staffWithPermissions,
  templateRole,
} from "./conformance/helpers";
import type { ConformanceWorld } from "./conformance/world";
import { fixturePhone, fixtureUsers } from "./fixtures";
import { seededRandom } from "./random";

/**
 * The FHIR export's scenario ({@link fhirFixture}): clinics (one archived), a delegated manager at
 * Downtown, a reader without `users.view`, named edge cases and many seeded clinicians.
 *
 * @example const f = await fhirFixture(world); f.people.noNpi.provider // null
 */
export interface FhirFixture {
  readonly organization: Organization;
  /** The owner's directory. */
  readonly owner: StaffDirectory;
  readonly locations: {
    readonly downtown: Location;
    readonly northside: Location;
    readonly bayview: Location;
    /** Archived after `people.atClosed` was given access to it. */
    readonly closed: Location;
  };
  /** A "Clinic Manager" (users.view, users.manage) limited to Downtown. */
  readonly manager: User;
  /** Front Desk at Downtown: no users.view. */
  readonly noView: User;
  readonly people: {
    /** Practitioner with an NPI and no phone at all. */
    readonly noPhone: User;
    /** Practitioner without a provider profile (no NPI, no taxonomy). */
    readonly noNpi: User;
    /** Org-wide practitioner: two taxonomy codes, two provider types, both phones, a credential of each kind. */
    readonly orgWide: User;
    /** Practitioner with accents, an apostrophe, a hyphen and an emoji in the name; no title. */
    readonly unusual: User;
    /** Practitioner with a CJK name. */
    readonly cjk: User;
    /** Practitioner at Northside and the archived clinic. */
    readonly atClosed: User;
    /** Practitioner at Bayview only: outside the manager's scope. */
    readonly atBayview: User;
    /** Practitioner at Downtown, disabled. */
    readonly disabled: User;
    /** Invited practitioner who has not joined: not published. */
    readonly pending: User;
    /** Front desk staff, not a practitioner: not published. */
    readonly frontDesk: User;
  };
  /** The seeded clinicians (every status but pending), on top of the named people. */
  readonly seeded: readonly User[];
}

/** Options of {@link fhirFixture}. @example { seeded: 200 } */
export interface FhirFixtureOptions {
  /** Seeded staff created through the service (about 60 % practitioners). Default 120. */
  readonly seeded?: number;
  /** PRNG seed. Default 15. */
  readonly seed?: number;
}

/**
 * Builds the FHIR export's scenario in a fresh world through the public API only (every rule
 * applies, so it runs on any backend: memory, PGlite, PostgreSQL, REST): turns the provider
 * directory on, adds clinics and people, archives one clinic and disables one practitioner.
 *
 * @example
 * const world = await memoryWorld();
 * const fixture = await fhirFixture(world, { seeded: 200 });
 */
export async function fhirFixture(
  world: ConformanceWorld,
  options: FhirFixtureOptions = {},
): Promise<FhirFixture> {
  const ctx = await setup(async () => world);
  const owner = ctx.owner;
  await setFeatures(ctx, { providerDirectory: true });
  const downtown = world.location;
  const northside = await owner.locations.create({ name: "Northside Clinic", group: "North" });
  const bayview = await owner.locations.create({ name: "Bayview Clinic" });
  const closed = await owner.locations.create({ name: "Old Mill Clinic" });
  const provider = await templateRole(ctx, "provider");
  const frontDeskRole = await templateRole(ctx, "front_desk");
  const rng = seededRandom(options.seed ?? 15);
  const practitioner = (extra: Partial<CreateUserInput>): { extra: Partial<CreateUserInput> } => ({
    extra: { flags: { practitioner: true }, ...extra },
  });

  const manager = (
    await staffWithPermissions(ctx, ["users.view", "users.manage"], {
      locations: [downtown],
      roleName: "Clinic Manager",
      givenName: "Maya",
      familyName: "Manager",
    })
  ).user;
  const noView = await createStaff(ctx, {
    role: frontDeskRole,
    locations: [downtown],
    givenName: "Fred",
    familyName: "Desk",
  });

  // Seven valid NPIs (R11: the check digit over the 80840 prefix), distinct from the seeded ones.
  const npi = Array.from({ length: 7 }, (_, i) => npiWithCheckDigit(`19876543${i}`));
  const profile = (n: number, extra: Partial<NonNullable<CreateUserInput["provider"]>> = {}) => ({
    npi: npi[n] ?? null,
    taxonomyCodes: ["207Q00000X"],
    bio: null,
    providerTypes: [],
    capacity: 1,
    schedulingStep: 15 as const,
    ...extra,
  });
  const noPhone = await createStaff(ctx, {
    role: provider,
    givenName: "Nora",
    familyName: "Nophone",
    title: "MD",
    ...practitioner({
      provider: profile(0, { providerTypes: [{ type: "MD", locationIds: [downtown.id] }] }),
    }),
  });
  const noNpi = await createStaff(ctx, {
    role: provider,
    givenName: "Nate",
    familyName: "Nonpi",
    title: "RN",
    ...practitioner({
      provider: null,
      profile: { givenName: "Nate", familyName: "Nonpi", title: "RN", primaryPhone: fixturePhone(rng) },
    }),
  });
  const orgWide = await createStaff(ctx, {
    role: provider,
    locations: "organization",
    givenName: "Olga",
    familyName: "Everywhere",
    title: "NP",
    ...practitioner({
      profile: {
        givenName: "Olga",
        familyName: "Everywhere",
        title: "NP",
        primaryPhone: fixturePhone(rng),
        alternatePhone: fixturePhone(rng, "510"),
      },
      provider: profile(1, {
        taxonomyCodes: ["363LF0000X", "363L00000X"],
        providerTypes: [
          { type: "NP", locationIds: [downtown.id, northside.id] },
          { type: "RN", locationIds: [bayview.id] },
        ],
        // Issue 15: one credential of each kind, one without an issuer, one that never expires.
        credentials: [
          {
            kind: "state_licence",
            number: "NP-95001",
            state: "CA",
            issuer: "California Board of Registered Nursing",
            expiresOn: "2027-03-31",
          },
          {
            kind: "dea",
            number: deaWithCheckDigit("ME", "482913"),
            state: "CA",
            issuer: null,
            expiresOn: "2026-12-31",
          },
          {
            kind: "board_certification",
            number: "FNP-2211",
            state: null,
            issuer: "AANP Certification Board",
            expiresOn: null,
          },
        ],
      }),
    }),
  });
  const unusual = await createStaff(ctx, {
    role: provider,
    locations: [downtown, northside],
    ...practitioner({
      profile: { givenName: "José-María Zoë", familyName: "Nguyễn O'Brien-Ångström 👩🏽‍⚕️", title: "" },
      provider: profile(2),
    }),
  });
  const cjk = await createStaff(ctx, {
    role: provider,
    locations: [northside],
    ...practitioner({
      profile: { givenName: "小龍", familyName: "李", title: "DO" },
      provider: profile(3, { taxonomyCodes: [] }),
    }),
  });
  const atClosedBefore = await createStaff(ctx, {
    role: provider,
    locations: [northside, closed],
    givenName: "Carla",
    familyName: "Closedclinic",
    title: "PA",
    ...practitioner({
      provider: profile(4, {
        taxonomyCodes: ["363A00000X"],
        providerTypes: [{ type: "PA", locationIds: [northside.id, closed.id] }],
      }),
    }),
  });
  const closedNow = await owner.locations.archive(closed.id, closed);
  const atClosed = await owner.users.get(atClosedBefore.id);
  const atBayview = await createStaff(ctx, {
    role: provider,
    locations: [bayview],
    givenName: "Bea",
    familyName: "Bayview",
    title: "MD",
    ...practitioner({ provider: profile(5) }),
  });
  const toDisable = await createStaff(ctx, {
    role: provider,
    givenName: "Dan",
    familyName: "Disabled",
    title: "MD",
    ...practitioner({ provider: profile(6) }),
  });
  const disabled = await owner.users.disable(toDisable.id, { version: toDisable.version });
  const pending = (
    await inviteStaff(ctx, {
      role: provider,
      givenName: "Pia",
      familyName: "Pending",
      title: "MD",
      ...practitioner({}),
    })
  ).user;
  const frontDesk = await createStaff(ctx, {
    role: frontDeskRole,
    givenName: "Fay",
    familyName: "Frontdesk",
  });

  const seeded: User[] = [];
  const inputs = fixtureUsers({
    count: options.seeded ?? 120,
    seed: options.seed ?? 15,
    locationIds: [downtown.id, northside.id, bayview.id],
    roleIds: [provider.id, frontDeskRole.id],
    domain: "fhir.harbor.example",
    features: { providerDirectory: true },
  });
  for (const [i, input] of inputs.entries()) {
    const user = await owner.users.create(input);
    seeded.push(i % 9 === 4 ? await owner.users.disable(user.id, { version: user.version }) : user);
  }
  return {
    organization: await owner.organization.get(),
    owner,
    locations: { downtown, northside, bayview, closed: closedNow },
    manager,
    noView,
    people: { noPhone, noNpi, orgWide, unusual, cjk, atClosed, atBayview, disabled, pending, frontDesk },
    seeded,
  };
}
