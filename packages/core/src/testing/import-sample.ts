import { IMPORT_FIELD_HEADERS } from "../users/user-import.mapping";
import type { ImportField } from "../users/user-import.schema";
import { FAMILY_NAMES, GIVEN_NAMES, STAFF_JOB_TITLES, TAXONOMY_CODES } from "./fixture-data";
import { emailLocalPart, fixtureNpi, fixturePhone } from "./fixtures";
import { seededRandom } from "./random";

/** Options of {@link importSample}. */
export interface ImportSampleOptions {
  /** Data rows. Default 200. */
  readonly count?: number;
  /** Role names the rows use (round robin). */
  readonly roles: readonly string[];
  /** Location names the rows use (round robin). */
  readonly locations: readonly string[];
  /** Email domain. Default "import.example". */
  readonly domain?: string;
  /** Put in the twelve wrong rows (see {@link IMPORT_SAMPLE_MISTAKES}). Default true. */
  readonly mistakes?: boolean;
  /** PRNG seed. Default 15. */
  readonly seed?: number;
}

/**
 * The twelve ways the sample goes wrong, each once, with the issue code core reports: the sample's
 * rows 5, 21, 37 … (every 16th from row 5) carry them in this order. `case_manager` needs an
 * organization without case management, `mobile_phone` one with the mobile app.
 *
 * @example IMPORT_SAMPLE_MISTAKES.length // 12
 */
export const IMPORT_SAMPLE_MISTAKES = [
  { kind: "bad_email", code: "invalid_email" },
  { kind: "no_email", code: "required" },
  { kind: "unknown_role", code: "unknown_role" },
  { kind: "unknown_location", code: "unknown_location" },
  { kind: "npi_check_digit", code: "custom" },
  { kind: "taxonomy", code: "invalid_format" },
  { kind: "mobile_phone", code: "mobile_needs_phone" },
  { kind: "yes_no", code: "invalid_boolean" },
  { kind: "duplicate", code: "duplicate_row" },
  { kind: "no_last_name", code: "required" },
  { kind: "case_manager", code: "feature_disabled" },
  { kind: "bad_phone", code: "invalid_format" },
] as const;

const COLUMNS: readonly ImportField[] = [
  "email",
  "givenName",
  "familyName",
  "title",
  "jobTitle",
  "primaryPhone",
  "role",
  "locations",
  "mobileLogin",
  "practitioner",
  "caseManager",
  "npi",
  "taxonomyCodes",
];

/**
 * A realistic staff list in the import template's columns (parsed: a header and rows; write it with
 * any CSV library), deterministic for a seed: unique emails, a few practitioners with valid NPIs and
 * taxonomy codes, and — unless `mistakes: false` — twelve rows wrong in twelve different ways.
 *
 * @example const { columns, rows } = importSample({ roles: ["Front Desk"], locations: ["Downtown Clinic"] });
 */
export function importSample(options: ImportSampleOptions): {
  columns: string[];
  rows: string[][];
  mistakes: { row: number; kind: string; code: string }[];
} {
  const rng = seededRandom(options.seed ?? 15);
  const count = options.count ?? 200;
  const domain = options.domain ?? "import.example";
  const rows: string[][] = [];
  const mistakes: { row: number; kind: string; code: string }[] = [];
  for (let i = 0; i < count; i++) {
    const given = GIVEN_NAMES[i % GIVEN_NAMES.length] ?? "Sam";
    const family = FAMILY_NAMES[(i * 7) % FAMILY_NAMES.length] ?? "Lee";
    const practitioner = i % 5 === 0;
    const cells: Record<ImportField, string> = {} as Record<ImportField, string>;
    cells.email = `${emailLocalPart(given, family)}.${i + 1}@${domain}`;
    cells.givenName = given;
    cells.familyName = family;
    cells.title = practitioner ? "MD" : "";
    cells.jobTitle = practitioner
      ? "Family physician"
      : (STAFF_JOB_TITLES[i % STAFF_JOB_TITLES.length] ?? "");
    cells.primaryPhone = i % 3 === 0 ? fixturePhone(rng) : "";
    cells.role = options.roles[i % options.roles.length] ?? "";
    cells.locations = options.locations[i % options.locations.length] ?? "";
    cells.mobileLogin = i % 3 === 0 ? "yes" : "no";
    cells.practitioner = practitioner ? "yes" : "no";
    cells.caseManager = "";
    cells.npi = practitioner ? fixtureNpi(rng) : "";
    cells.taxonomyCodes = practitioner ? TAXONOMY_CODES.familyMedicine : "";
    const slot = (i - 4) / 16;
    const mistake =
      options.mistakes !== false && Number.isInteger(slot) ? IMPORT_SAMPLE_MISTAKES[slot] : undefined;
    if (mistake) {
      mistakes.push({ row: i + 1, ...mistake });
      if (mistake.kind === "bad_email") cells.email = `${emailLocalPart(given, family)} at ${domain}`;
      if (mistake.kind === "no_email") cells.email = "";
      if (mistake.kind === "unknown_role") cells.role = "Astronaut";
      if (mistake.kind === "unknown_location") cells.locations = "Moon Base";
      if (mistake.kind === "npi_check_digit") {
        cells.practitioner = "yes";
        cells.npi = "1234567890";
      }
      if (mistake.kind === "taxonomy") {
        cells.practitioner = "yes";
        cells.taxonomyCodes = "FAMILY-DOC";
      }
      if (mistake.kind === "mobile_phone") {
        cells.mobileLogin = "yes";
        cells.primaryPhone = "";
      }
      if (mistake.kind === "yes_no") cells.practitioner = "maybe";
      if (mistake.kind === "duplicate") cells.email = rows[0]?.[0] ?? cells.email;
      if (mistake.kind === "no_last_name") cells.familyName = "";
      if (mistake.kind === "case_manager") cells.caseManager = "yes";
      if (mistake.kind === "bad_phone") cells.primaryPhone = "call me";
    }
    rows.push(COLUMNS.map((f) => cells[f]));
  }
  return { columns: COLUMNS.map((f) => IMPORT_FIELD_HEADERS[f]), rows, mistakes };
}
