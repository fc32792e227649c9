import type { LocationInput } from "../locations/location.schema";
import type { BootstrapInput } from "../organization/bootstrap.schema";
import type { Features } from "../organization/organization.schema";
import { npiWithCheckDigit } from "../users/provider.rules";
import type { LocationAccess } from "../users/user.schema";
import type { CreateUserInput } from "../users/user-input.schema";
import {
  CLINIC_NAMES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  LOCATION_GROUPS,
  LOCATION_NAMES,
  STAFF_JOB_TITLES,
  TITLE_PROFILES,
  type TitleProfile,
} from "./fixture-data";
import { type SeededRandom, seededRandom } from "./random";

/**
 * The password every fixture user gets: long, not a common password, unrelated to any name.
 *
 * @example await admin.users.create({ ...input, password: FIXTURE_PASSWORD });
 */
export const FIXTURE_PASSWORD = "correct-horse-battery-staple-42";

/** A provider profile as create and update accept it. @example const p: ProviderInput = fixtureProvider(rng, TITLE_PROFILES[0], [locId]); */
export type ProviderInput = NonNullable<CreateUserInput["provider"]>;

/**
 * A valid BootstrapInput: "Harbor Urgent Care", its "Downtown Clinic" and the owner Olivia Ortega MD.
 * `overrides` replace or extend each part (organization, location and owner are merged one level deep).
 *
 * @example
 * await directory.bootstrap(standardBootstrap());
 * await directory.bootstrap(standardBootstrap({ organization: { name: "Cedar Ridge Pediatrics" } }));
 */
export function standardBootstrap(overrides: Partial<BootstrapInput> = {}): BootstrapInput {
  return {
    organization: { name: "Harbor Urgent Care", ...overrides.organization },
    location: { name: "Downtown Clinic", ...overrides.location },
    owner: {
      email: "olivia.ortega@harbor-urgent-care.example",
      password: FIXTURE_PASSWORD,
      ...overrides.owner,
      profile: {
        givenName: "Olivia",
        familyName: "Ortega",
        title: "MD",
        jobTitle: "Medical director",
        ...overrides.owner?.profile,
      },
    },
  };
}

/**
 * A fictional US phone number in E.164 form, in the 555-0100…555-0199 range reserved for fiction.
 *
 * @example fixturePhone(seededRandom(1)) // "+14155550137"
 */
export function fixturePhone(rng: SeededRandom, areaCode = "415"): string {
  return `+1${areaCode}55501${rng.digits(2)}`;
}

/**
 * A valid 10-digit NPI (Luhn check digit over 80840), starting with 1 like individual NPIs.
 *
 * @example fixtureNpi(seededRandom(1)) // "1…" (passes isValidNpi)
 */
export function fixtureNpi(rng: SeededRandom): string {
  return npiWithCheckDigit(`1${rng.digits(8)}`);
}

/**
 * An ASCII email local part from a name: accents stripped, punctuation dropped.
 *
 * @example emailLocalPart("Chloé", "O'Connor") // "chloe.oconnor"
 */
export function emailLocalPart(givenName: string, familyName: string): string {
  const clean = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
  return `${clean(givenName)}.${clean(familyName)}`;
}

/**
 * A domain for a clinic name under `.example`.
 *
 * @example clinicDomain("Harbor Urgent Care") // "harbor-urgent-care.example"
 */
export function clinicDomain(clinicName: string): string {
  const slug = clinicName
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${slug}.example`;
}

/**
 * A provider profile that fits a title: its taxonomy code, a short bio, capacity and step.
 *
 * @example fixtureProvider(seededRandom(3), TITLE_PROFILES[0], ["loc_…"])
 */
export function fixtureProvider(
  rng: SeededRandom,
  profile: TitleProfile,
  locationIds: readonly string[],
): ProviderInput {
  const code = profile.taxonomyCodes.length > 0 ? rng.pick(profile.taxonomyCodes) : null;
  return {
    npi: fixtureNpi(rng),
    taxonomyCodes: code ? [code] : [],
    bio: `${rng.pick(profile.jobTitles)} with ${rng.int(2, 25)} years of practice.`,
    providerTypes: locationIds.length > 0 ? [{ type: profile.title, locationIds: [...locationIds] }] : [],
    capacity: rng.int(1, 3),
    schedulingStep: rng.pick([10, 15, 20, 30] as const),
  };
}

/**
 * Location inputs with realistic names, some grouped by region.
 *
 * @example for (const input of fixtureLocations({ count: 3, seed: 1 })) await admin.locations.create(input);
 */
export function fixtureLocations(options: { count: number; seed?: number }): LocationInput[] {
  const rng = seededRandom(options.seed ?? 1);
  const names = rng.sample(LOCATION_NAMES, LOCATION_NAMES.length);
  return Array.from({ length: options.count }, (_, i) => {
    const base = names[i % names.length] ?? "Clinic";
    const name = i < names.length ? base : `${base} ${Math.floor(i / names.length) + 1}`;
    return { name, group: rng.chance(0.5) ? rng.pick(LOCATION_GROUPS) : null };
  });
}

/**
 * A fictional clinic name for a seed.
 *
 * @example fixtureClinicName(2) // one of CLINIC_NAMES
 */
export function fixtureClinicName(seed: number): string {
  return seededRandom(seed).pick(CLINIC_NAMES);
}

/** Options of {@link fixtureUsers}. @example { count: 100, seed: 7, locationIds: [loc.id], roleIds: [role.id], features: { providerDirectory: true } } */
export interface FixtureUsersOptions {
  /** How many users. */
  readonly count: number;
  /** The PRNG seed; the same seed and options give the same inputs. Default 1. */
  readonly seed?: number;
  /** Locations to spread users over (at least one). */
  readonly locationIds: readonly string[];
  /** Roles to pick from (at least one). */
  readonly roleIds: readonly string[];
  /** Email domain. Default "harbor-urgent-care.example". */
  readonly domain?: string;
  /** Password of every user. Default {@link FIXTURE_PASSWORD}. */
  readonly password?: string;
  /** The organization's features: provider profiles, diary, case manager and mobile login only when on. */
  readonly features?: Partial<Features>;
  /** Share of org-wide users, 0–1. Default 0.15. */
  readonly orgWideShare?: number;
}

/**
 * Deterministic, realistic create-inputs: diverse names, unique emails, titles with fitting job titles,
 * E.164 phones, valid NPIs and taxonomy codes for practitioners (when the provider directory is on).
 *
 * @example
 * const inputs = fixtureUsers({ count: 50, seed: 7, locationIds: [loc.id], roleIds: [role.id] });
 * for (const input of inputs) await admin.users.create(input);
 */
export function fixtureUsers(options: FixtureUsersOptions): CreateUserInput[] {
  if (options.locationIds.length === 0) throw new Error("fixtureUsers: needs at least one location id");
  if (options.roleIds.length === 0) throw new Error("fixtureUsers: needs at least one role id");
  const rng = seededRandom(options.seed ?? 1);
  const domain = options.domain ?? "harbor-urgent-care.example";
  const features = options.features ?? {};
  const used = new Set<string>();
  const out: CreateUserInput[] = [];
  for (let i = 0; i < options.count; i++) {
    const givenName = rng.pick(GIVEN_NAMES);
    const familyName = rng.pick(FAMILY_NAMES);
    const base = emailLocalPart(givenName, familyName);
    let local = base;
    for (let n = 2; used.has(local); n++) local = `${base}${n}`;
    used.add(local);
    const clinical = rng.chance(0.6) ? rng.pick(TITLE_PROFILES) : null;
    const orgWide = rng.chance(options.orgWideShare ?? 0.15);
    const locations = rng.sample(options.locationIds, rng.int(1, Math.min(2, options.locationIds.length)));
    const locationAccess: LocationAccess = orgWide ? "organization" : locations;
    const primaryLocationId = locations[0] ?? (options.locationIds[0] as string);
    const phone = rng.chance(0.7) || features.mobileApp ? fixturePhone(rng) : null;
    const practitioner = clinical?.practitioner === true;
    out.push({
      email: `${local}@${domain}`,
      profile: {
        givenName,
        familyName,
        title: clinical?.title ?? null,
        jobTitle: clinical ? rng.pick(clinical.jobTitles) : rng.pick(STAFF_JOB_TITLES),
        primaryPhone: phone,
        alternatePhone: phone && rng.chance(0.2) ? fixturePhone(rng, "510") : null,
      },
      loginChannels: { web: true, mobile: features.mobileApp === true && phone !== null && rng.chance(0.4) },
      roleId: rng.pick(options.roleIds),
      locationAccess,
      primaryLocationId,
      flags: {
        practitioner,
        diary: features.diary === true && practitioner,
        caseManager: features.caseManagement === true && clinical?.title === "RN" && rng.chance(0.5),
      },
      provider:
        features.providerDirectory && clinical && practitioner
          ? fixtureProvider(rng, clinical, [primaryLocationId])
          : null,
      password: options.password ?? FIXTURE_PASSWORD,
      mustChangePassword: rng.chance(0.3),
    });
  }
  return out;
}
