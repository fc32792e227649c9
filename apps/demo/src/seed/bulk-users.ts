import type { CreateUserInput, Features } from "@staffroom/core";
import { npiWithCheckDigit } from "@staffroom/core";
import { emailLocalPart, FAMILY_NAMES, GIVEN_NAMES, type SeededRandom } from "@staffroom/core/fixtures";
import type { RoleKey } from "./roster";
import { TAXONOMY } from "./roster";

/** A generated user and the status the seed leaves it in. */
export interface BulkUser {
  readonly input: CreateUserInput;
  readonly status: "active" | "pending" | "disabled";
}

/** What {@link bulkUsers} spreads users over. */
export interface BulkContext {
  readonly locationIds: readonly string[];
  /** The id of a role by its name in the roster's terms. */
  readonly roleId: (key: RoleKey) => string;
  readonly features: Features;
  readonly password: string;
  readonly domain: string;
}

interface Kind {
  readonly title: string | null;
  readonly jobTitle: string;
  readonly role: RoleKey;
  readonly taxonomy: string | null;
  /** Relative weight among kinds. */
  readonly weight: number;
}

/** The staff mix of an urgent-care group: mostly front desk, nurses and medical assistants. */
const KINDS: readonly Kind[] = [
  {
    title: "MD",
    jobTitle: "Emergency physician",
    role: "Provider",
    taxonomy: TAXONOMY.emergencyMedicine,
    weight: 6,
  },
  {
    title: "MD",
    jobTitle: "Family physician",
    role: "Provider",
    taxonomy: TAXONOMY.familyMedicine,
    weight: 4,
  },
  {
    title: "NP",
    jobTitle: "Nurse practitioner",
    role: "Provider",
    taxonomy: TAXONOMY.familyNursePractitioner,
    weight: 6,
  },
  {
    title: "PA",
    jobTitle: "Physician assistant",
    role: "Provider",
    taxonomy: TAXONOMY.physicianAssistant,
    weight: 5,
  },
  { title: "RN", jobTitle: "Triage nurse", role: "Provider", taxonomy: TAXONOMY.registeredNurse, weight: 14 },
  { title: "MA", jobTitle: "Medical assistant", role: "Medical Assistant", taxonomy: null, weight: 16 },
  { title: null, jobTitle: "Front desk coordinator", role: "Front Desk", taxonomy: null, weight: 20 },
  { title: null, jobTitle: "Scheduler", role: "Front Desk", taxonomy: null, weight: 10 },
  { title: null, jobTitle: "Billing specialist", role: "Billing Manager", taxonomy: null, weight: 6 },
  { title: null, jobTitle: "Office administrator", role: "Read-only Staff", taxonomy: null, weight: 8 },
];
const TOTAL_WEIGHT = KINDS.reduce((sum, k) => sum + k.weight, 0);

function pickKind(rng: SeededRandom): Kind {
  let roll = rng.next() * TOTAL_WEIGHT;
  for (const kind of KINDS) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  return KINDS[KINDS.length - 1] as Kind;
}

/**
 * `count` extra users for `--users N`: names from core's fixture lists (numbered when they repeat),
 * a staff mix with valid NPIs and NUCC codes for practitioners, one or two clinics each, and
 * statuses spread as a real directory's are (85 % active, 8 % pending, 7 % disabled).
 *
 * @example bulkUsers(10_000, seededRandom(7), context).filter((u) => u.status === "pending").length // ≈ 800
 */
export function bulkUsers(count: number, rng: SeededRandom, context: BulkContext): BulkUser[] {
  const used = new Set<string>();
  const out: BulkUser[] = [];
  for (let i = 0; i < count; i++) {
    const givenName = rng.pick(GIVEN_NAMES);
    const familyName = rng.pick(FAMILY_NAMES);
    const base = emailLocalPart(givenName, familyName);
    let local = base;
    for (let n = 2; used.has(local); n++) local = `${base}${n}`;
    used.add(local);
    const kind = pickKind(rng);
    const locations = rng.sample(context.locationIds, rng.chance(0.2) ? 2 : 1);
    const primary = locations[0] ?? (context.locationIds[0] as string);
    const practitioner = kind.taxonomy !== null;
    const roll = rng.next();
    const status = roll < 0.85 ? "active" : roll < 0.93 ? "pending" : "disabled";
    out.push({
      status,
      input: {
        email: `${local}@${context.domain}`,
        profile: {
          givenName,
          familyName,
          title: kind.title,
          jobTitle: kind.jobTitle,
          primaryPhone: `+1415555${String(rng.int(100, 199)).padStart(4, "0")}`,
        },
        loginChannels: { web: true, mobile: false },
        roleId: context.roleId(kind.role),
        locationAccess: locations,
        primaryLocationId: primary,
        flags: { practitioner, diary: practitioner && context.features.diary, caseManager: false },
        provider:
          practitioner && context.features.providerDirectory
            ? {
                npi: npiWithCheckDigit(`1${rng.digits(8)}`),
                taxonomyCodes: [kind.taxonomy as string],
                bio: null,
                providerTypes: kind.title ? [{ type: kind.title, locationIds: [primary] }] : [],
                capacity: rng.int(1, 3),
                schedulingStep: rng.pick([10, 15, 20, 30] as const),
              }
            : null,
        password: context.password,
      },
    });
  }
  return out;
}
