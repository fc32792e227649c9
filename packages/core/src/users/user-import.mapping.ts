import type { FieldIssue } from "../errors/error.schema";
import type { LocationAccess } from "./user.schema";
import { IMPORT_FIELDS, type ImportField, type ImportIssue, type ImportMapping } from "./user-import.schema";

/*
 * The pure half of the CSV import: which column is which field, and what a row's cells say in the
 * directory's own input terms. No rule lives here — a row becomes the same input a form would send,
 * and `users.create`/`invite`/`update` judge it.
 */

/**
 * The template's header for each field (the CSV file format, in English like its example row).
 *
 * @example IMPORT_FIELD_HEADERS.givenName // "First name"
 */
export const IMPORT_FIELD_HEADERS: Readonly<Record<ImportField, string>> = {
  email: "Email",
  givenName: "First name",
  familyName: "Last name",
  initials: "Initials",
  title: "Title",
  jobTitle: "Job title",
  primaryPhone: "Primary phone",
  alternatePhone: "Alternate phone",
  role: "Role",
  locations: "Locations",
  primaryLocation: "Primary location",
  webLogin: "Web login",
  mobileLogin: "Mobile login",
  practitioner: "Practitioner",
  diary: "Diary",
  caseManager: "Case manager",
  npi: "NPI",
  taxonomyCodes: "Taxonomy codes",
  licences: "Licences",
};

const ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  email: ["email", "emailaddress", "mail", "username", "login", "userid"],
  givenName: ["firstname", "givenname", "first", "forename"],
  familyName: ["lastname", "familyname", "surname", "last"],
  initials: ["initials"],
  title: ["title", "credentials", "suffix"],
  jobTitle: ["jobtitle", "position", "job"],
  primaryPhone: ["primaryphone", "phone", "mobile", "mobilephone", "cell", "cellphone", "telephone"],
  alternatePhone: ["alternatephone", "otherphone", "phone2", "workphone", "secondaryphone"],
  role: ["role", "userrole", "roles"],
  locations: ["locations", "location", "locationaccess", "clinics", "clinic", "sites"],
  primaryLocation: ["primarylocation", "primaryclinic", "homelocation", "mainlocation"],
  webLogin: ["weblogin", "web"],
  mobileLogin: ["mobilelogin", "mobileapp", "mobileaccess"],
  practitioner: ["practitioner", "provider", "isprovider", "ispractitioner"],
  diary: ["diary", "diarycolumn", "calendar"],
  caseManager: ["casemanager", "casemanagement"],
  npi: ["npi", "npinumber", "nationalproviderid", "nationalprovideridentifier"],
  taxonomyCodes: ["taxonomycodes", "taxonomy", "taxonomycode", "nucc", "specialty"],
  licences: ["licences", "licenses", "licence", "license"],
};

const squash = (header: string): string =>
  header
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/**
 * The automatic mapping: each field takes the first column whose header, lower-cased and stripped of
 * everything but letters and digits, is one of the field's names ("E-mail address" → email,
 * "Surname" → familyName); a column serves one field only. The widget shows it for manual override.
 *
 * @example guessImportMapping(["E-mail", "First Name", "Surname"]) // { email: "E-mail", givenName: "First Name", familyName: "Surname" }
 */
export function guessImportMapping(columns: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const column = columns.find((c) => !taken.has(c) && ALIASES[field].includes(squash(c)));
    if (column !== undefined) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/** A row's non-empty cells by field, trimmed (an empty cell is "not given"). */
export type ImportCells = Partial<Record<ImportField, string>>;

/**
 * The non-empty, trimmed cells of one row, by field, through the mapping.
 *
 * @example cellsOf(["Email", "Role"], ["sam@clinic.org", " Front Desk "], { email: "Email", role: "Role" }) // { email: "sam@clinic.org", role: "Front Desk" }
 */
export function cellsOf(
  columns: readonly string[],
  row: readonly string[],
  mapping: ImportMapping,
): ImportCells {
  const cells: ImportCells = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    const value = (row[columns.indexOf(column)] ?? "").trim();
    if (value !== "") cells[field] = value;
  }
  return cells;
}

/** An issue on a field, before it is named by its column. */
export interface ImportFieldIssue {
  readonly field: ImportField | null;
  readonly code: string;
  readonly message: string;
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);
const ORGANIZATION_WIDE = new Set(["all", "organization", "organisation", "organizationwide", "*"]);
const LIST_SEPARATOR = /[|;]/;

/** What the import knows of the organization: its roles and locations (to read names). */
export interface ImportFacts {
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  readonly locations: readonly { readonly id: string; readonly name: string; readonly archived: boolean }[];
}

const listOf = (value: string): string[] =>
  value
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== "");

/** Reads a cell into input values, collecting issues instead of throwing. */
class RowReader {
  readonly issues: ImportFieldIssue[] = [];
  constructor(
    private readonly cells: ImportCells,
    private readonly facts: ImportFacts,
  ) {}

  text(field: ImportField): string | undefined {
    return this.cells[field];
  }

  flag(field: ImportField): boolean | undefined {
    const value = this.cells[field];
    if (value === undefined) return undefined;
    const v = value.toLowerCase();
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    this.issues.push({ field, code: "invalid_boolean", message: "Write yes or no." });
    return undefined;
  }

  list(field: ImportField): string[] | undefined {
    const value = this.cells[field];
    return value === undefined ? undefined : listOf(value);
  }

  role(): string | undefined {
    const value = this.cells.role;
    if (value === undefined) return undefined;
    const wanted = value.toLocaleLowerCase();
    const role =
      this.facts.roles.find((r) => r.id === value) ??
      this.facts.roles.find((r) => r.name.toLocaleLowerCase() === wanted);
    if (role) return role.id;
    this.issues.push({ field: "role", code: "unknown_role", message: `No role is named “${value}”.` });
    return undefined;
  }

  location(field: ImportField, value: string): string | undefined {
    const wanted = value.toLocaleLowerCase();
    const byName = this.facts.locations.filter((l) => l.name.toLocaleLowerCase() === wanted);
    // An archived location is still found, so the rules can say why it cannot be given.
    const location =
      this.facts.locations.find((l) => l.id === value) ?? byName.find((l) => !l.archived) ?? byName[0];
    if (location) return location.id;
    this.issues.push({
      field,
      code: "unknown_location",
      message: `No location is named “${value}”.`,
    });
    return undefined;
  }

  access(): LocationAccess | undefined {
    const names = this.list("locations");
    if (names === undefined) return undefined;
    if (names.length === 1 && ORGANIZATION_WIDE.has(squash(names[0] ?? ""))) return "organization";
    const ids = names.map((n) => this.location("locations", n));
    if (ids.some((id) => id === undefined)) return undefined;
    return [...new Set(ids as string[])];
  }

  primary(): string | undefined {
    const value = this.cells.primaryLocation;
    return value === undefined ? undefined : this.location("primaryLocation", value);
  }
}

/** A provider profile with the defaults the user form starts from. */
const providerDefaults = {
  npi: null,
  taxonomyCodes: [] as string[],
  bio: null,
  providerTypes: [] as { type: string; locationIds: string[] }[],
  capacity: 1,
  schedulingStep: 15,
};

interface ExistingUser {
  readonly locationAccess: LocationAccess;
  readonly primaryLocationId: string;
  readonly provider: object | null;
}

function commonFields(r: RowReader, provider: ExistingUser["provider"]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const profile: Record<string, string> = {};
  for (const f of ["givenName", "familyName", "initials", "title", "jobTitle"] as const) {
    const v = r.text(f);
    if (v !== undefined) profile[f] = v;
  }
  for (const f of ["primaryPhone", "alternatePhone"] as const) {
    const v = r.text(f);
    if (v !== undefined) profile[f] = v;
  }
  if (Object.keys(profile).length > 0) out.profile = profile;
  const web = r.flag("webLogin");
  const mobile = r.flag("mobileLogin");
  if (web !== undefined || mobile !== undefined) {
    out.loginChannels = {
      ...(web !== undefined ? { web } : {}),
      ...(mobile !== undefined ? { mobile } : {}),
    };
  }
  const flags: Record<string, boolean> = {};
  for (const f of ["practitioner", "diary", "caseManager"] as const) {
    const v = r.flag(f);
    if (v !== undefined) flags[f] = v;
  }
  if (Object.keys(flags).length > 0) out.flags = flags;
  const role = r.role();
  if (role !== undefined) out.roleId = role;
  const npi = r.text("npi");
  const taxonomy = r.list("taxonomyCodes");
  if (npi !== undefined || taxonomy !== undefined) {
    out.provider = {
      ...(provider ?? providerDefaults),
      ...(npi !== undefined ? { npi } : {}),
      ...(taxonomy !== undefined ? { taxonomyCodes: taxonomy } : {}),
    };
  }
  const licences = r.list("licences");
  if (licences !== undefined) out.licences = licences;
  return out;
}

/**
 * The create or invite input a row stands for (the email included), or the issues that keep it from
 * being one: unknown role or location names, yes/no cells that say neither, a missing role or
 * location. Locations default to the primary location, and the primary location to the first
 * location. Validation of the values themselves is the schemas' and the rules' (the caller parses).
 *
 * @example newUserInput({ email: "sam@clinic.org", givenName: "Sam", familyName: "Lee", role: "Front Desk", locations: "Downtown" }, facts)
 */
export function newUserInput(
  email: string,
  cells: ImportCells,
  facts: ImportFacts,
): { input: Record<string, unknown> | null; issues: ImportFieldIssue[] } {
  const r = new RowReader(cells, facts);
  const fields = commonFields(r, null);
  let access = r.access();
  let primary = r.primary();
  if (fields.roleId === undefined && cells.role === undefined) {
    r.issues.push({ field: "role", code: "required", message: "Give the person a role." });
  }
  if (access === undefined && primary !== undefined) access = [primary];
  if (primary === undefined && Array.isArray(access)) primary = access[0];
  if (access === undefined && cells.locations === undefined && cells.primaryLocation === undefined) {
    r.issues.push({ field: "locations", code: "required", message: "Give the person a location." });
  } else if (primary === undefined && access === "organization") {
    r.issues.push({
      field: "primaryLocation",
      code: "required",
      message: "Give a primary location to someone with access to every location.",
    });
  }
  if (r.issues.length > 0) return { input: null, issues: r.issues };
  return {
    input: { email, ...fields, locationAccess: access, primaryLocationId: primary },
    issues: [],
  };
}

/**
 * The patch a row stands for against a person already in the directory: only the mapped, non-empty
 * cells. New locations without a primary keep the old primary when it is still among them, else take
 * the first; the NPI and taxonomy codes change inside the provider profile the person already has.
 *
 * @example userPatchOf({ title: "NP" }, facts, user) // { patch: { profile: { title: "NP" } }, issues: [] }
 */
export function userPatchOf(
  cells: ImportCells,
  facts: ImportFacts,
  user: ExistingUser,
): { patch: Record<string, unknown> | null; issues: ImportFieldIssue[] } {
  const r = new RowReader(cells, facts);
  const patch = commonFields(r, user.provider);
  const access = r.access();
  const primary = r.primary();
  if (access !== undefined) patch.locationAccess = access;
  if (primary !== undefined) patch.primaryLocationId = primary;
  else if (Array.isArray(access) && !access.includes(user.primaryLocationId)) {
    patch.primaryLocationId = access[0];
  }
  if (r.issues.length > 0) return { patch: null, issues: r.issues };
  return { patch, issues: [] };
}

/** Where each field lands in the user input (issue paths are matched by these prefixes). */
const FIELD_PATHS: readonly (readonly [ImportField, readonly string[]])[] = [
  ["email", ["email"]],
  ["givenName", ["profile", "givenName"]],
  ["familyName", ["profile", "familyName"]],
  ["initials", ["profile", "initials"]],
  ["title", ["profile", "title"]],
  ["jobTitle", ["profile", "jobTitle"]],
  ["primaryPhone", ["profile", "primaryPhone"]],
  ["alternatePhone", ["profile", "alternatePhone"]],
  ["role", ["roleId"]],
  ["locations", ["locationAccess"]],
  ["primaryLocation", ["primaryLocationId"]],
  ["webLogin", ["loginChannels", "web"]],
  ["mobileLogin", ["loginChannels", "mobile"]],
  ["practitioner", ["flags", "practitioner"]],
  ["diary", ["flags", "diary"]],
  ["caseManager", ["flags", "caseManager"]],
  ["npi", ["provider", "npi"]],
  ["taxonomyCodes", ["provider", "taxonomyCodes"]],
  ["licences", ["licences"]],
];

/**
 * The field an input issue is about: the field whose input path starts the issue's path (a
 * `provider` issue goes to the NPI, then the taxonomy column), else null.
 *
 * @example fieldOfPath(["provider", "npi"]) // "npi"
 */
export function fieldOfPath(path: readonly (string | number)[], mapped: ImportMapping): ImportField | null {
  for (const [field, prefix] of FIELD_PATHS) {
    if (prefix.every((p, i) => path[i] === p)) return field;
  }
  if (path[0] === "provider")
    return mapped.npi !== undefined ? "npi" : mapped.taxonomyCodes ? "taxonomyCodes" : null;
  return null;
}

/**
 * Names an issue by its column through the mapping (null when the field is not mapped or the issue
 * concerns the whole row).
 *
 * @example issueInColumn({ field: "role", code: "unknown_role", message }, { role: "Role" }) // { column: "Role", … }
 */
export function issueInColumn(issue: ImportFieldIssue, mapping: ImportMapping): ImportIssue {
  return {
    column: issue.field === null ? null : (mapping[issue.field] ?? null),
    code: issue.code,
    message: issue.message,
  };
}

/**
 * A directory error's field issues as row issues; an error without any is one issue on the whole row.
 *
 * @example issuesOfError({ code: "rule", message: "No seats left.", issues: [] }, mapping)
 */
export function issuesOfError(
  error: {
    readonly code: string;
    readonly rule?: string | undefined;
    readonly message: string;
    readonly issues?: readonly FieldIssue[] | undefined;
  },
  mapping: ImportMapping,
): ImportIssue[] {
  const issues = error.issues ?? [];
  if (issues.length === 0) {
    return [{ column: null, code: error.rule ?? error.code, message: error.message }];
  }
  return issues.map((i) =>
    issueInColumn({ field: fieldOfPath(i.path, mapping), code: i.code, message: i.message }, mapping),
  );
}

/** The value of each field on a user, to name the fields an update changed. */
export const IMPORT_FIELD_VALUE: Readonly<
  Record<
    ImportField,
    (u: {
      readonly email: string;
      readonly profile: Readonly<Record<string, unknown>>;
      readonly loginChannels: { readonly web: boolean; readonly mobile: boolean };
      readonly roleId: string;
      readonly locationAccess: LocationAccess;
      readonly primaryLocationId: string;
      readonly flags: {
        readonly practitioner: boolean;
        readonly diary: boolean;
        readonly caseManager: boolean;
      };
      readonly provider: { readonly npi: string | null; readonly taxonomyCodes: readonly string[] } | null;
      readonly licences: readonly string[];
    }) => unknown
  >
> = {
  email: (u) => u.email,
  givenName: (u) => u.profile.givenName,
  familyName: (u) => u.profile.familyName,
  initials: (u) => u.profile.initials,
  title: (u) => u.profile.title,
  jobTitle: (u) => u.profile.jobTitle,
  primaryPhone: (u) => u.profile.primaryPhone,
  alternatePhone: (u) => u.profile.alternatePhone,
  role: (u) => u.roleId,
  locations: (u) => u.locationAccess,
  primaryLocation: (u) => u.primaryLocationId,
  webLogin: (u) => u.loginChannels.web,
  mobileLogin: (u) => u.loginChannels.mobile,
  practitioner: (u) => u.flags.practitioner,
  diary: (u) => u.flags.diary,
  caseManager: (u) => u.flags.caseManager,
  npi: (u) => u.provider?.npi ?? null,
  taxonomyCodes: (u) => u.provider?.taxonomyCodes ?? [],
  licences: (u) => u.licences,
};
