import * as z from "zod/mini";

/**
 * The fields a CSV import can fill, in template order. `role` is a role's name; `locations` and
 * `primaryLocation` are locations by name or id (`locations` also takes `all` for organization-wide),
 * lists separated by `|` or `;`; yes/no columns take yes, no, true, false, y, n, 1, 0.
 *
 * @example IMPORT_FIELDS[0] // "email"
 */
export const IMPORT_FIELDS = [
  "email",
  "givenName",
  "familyName",
  "initials",
  "title",
  "jobTitle",
  "primaryPhone",
  "alternatePhone",
  "role",
  "locations",
  "primaryLocation",
  "webLogin",
  "mobileLogin",
  "practitioner",
  "diary",
  "caseManager",
  "npi",
  "taxonomyCodes",
  "licences",
] as const;

/** One importable field. @example "givenName" */
export type ImportField = (typeof IMPORT_FIELDS)[number];

const cell = z.string().check(z.maxLength(4000, "A cell holds at most 4 000 characters."));
const columnName = z.string().check(z.maxLength(200, "A column name holds at most 200 characters."));

/**
 * Which column fills which field: field → the column's header, exactly as in `columns`. A field left
 * out is not imported (and, for a person already in the directory, left as it is).
 *
 * @example { email: "Email", givenName: "First name", role: "Role" }
 */
export const ImportMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), columnName);

/** A column mapping. @example { email: "Email", givenName: "First name" } */
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/**
 * `users.import` input: rows already parsed (core reads no CSV), the header row, the mapping
 * (default: {@link guessImportMapping} of the header), what a new person becomes (default `invite`:
 * pending with an emailed invitation; `create`: active without a password, who sets one through a
 * reset link) and `dryRun` (default true: report what would happen and write nothing).
 *
 * @example { columns: ["Email", "First name", "Last name", "Role", "Locations"],
 *   rows: [["sam@clinic.org", "Sam", "Lee", "Front Desk", "Downtown"]], dryRun: true }
 */
export const ImportInputSchema = z.strictObject({
  columns: z.array(columnName).check(z.minLength(1, "The file has no header row."), z.maxLength(100)),
  rows: z.array(z.array(cell).check(z.maxLength(100))),
  mapping: z.optional(ImportMappingSchema),
  newUsers: z.optional(z.enum(["invite", "create"])),
  dryRun: z.optional(z.boolean()),
});

/** Input for `users.import`. @example { columns: ["Email"], rows: [["sam@clinic.org"]], dryRun: false } */
export type ImportInput = z.input<typeof ImportInputSchema>;

/**
 * What happened (or, in a dry run, would happen) to one row: `created` (active), `invited`
 * (pending), `updated` (matched by email; only the mapped, non-empty cells applied), `unchanged`
 * (matched, nothing differs), `skipped` (a blank row, or a disabled user: restore them first) or
 * `error` (nothing written for this row).
 *
 * @example "invited"
 */
export const ImportStatusSchema = z.enum(["created", "invited", "updated", "unchanged", "skipped", "error"]);

/** One row's outcome. @example "updated" */
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

/** Every status, in report order. @example IMPORT_STATUSES.length // 6 */
export const IMPORT_STATUSES = ImportStatusSchema.options;

/**
 * One problem with one row: the column it sits in (null when it concerns the whole row, such as a
 * seat limit), a stable code and a message.
 *
 * @example { column: "NPI", code: "custom", message: "This NPI's check digit is wrong." }
 */
export const ImportIssueSchema = z.strictObject({
  column: z.nullable(z.string()),
  code: z.string(),
  message: z.string(),
});

/** One problem with one cell or row. @example { column: "Role", code: "unknown_role", message: "No role is named “Nurse”." } */
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/**
 * One row of the report: its 1-based number among the data rows (the header is row 0), the email
 * read from it, the outcome, the fields an update changed, and the issues (for `error` and `skipped`).
 *
 * @example { row: 3, email: "sam@clinic.org", status: "error", changed: [], issues: [{ column: "Role", code: "unknown_role", message: "…" }] }
 */
export const ImportRowResultSchema = z.strictObject({
  row: z.int(),
  email: z.nullable(z.string()),
  status: ImportStatusSchema,
  changed: z.array(z.enum(IMPORT_FIELDS)),
  issues: z.array(ImportIssueSchema),
});

/** One row's result. @example { row: 1, email: "sam@clinic.org", status: "invited", changed: [], issues: [] } */
export type ImportRowResult = z.infer<typeof ImportRowResultSchema>;

/**
 * The report of `users.import`: whether it was a dry run, the mapping used, counts per status and
 * a result per data row, in file order. A commit's report equals its dry run's when nothing else
 * changed in between.
 *
 * @example { dryRun: true, mapping: { email: "Email" }, counts: { created: 0, invited: 2, updated: 0, unchanged: 0, skipped: 0, error: 1 }, rows: […] }
 */
export const ImportReportSchema = z.strictObject({
  dryRun: z.boolean(),
  mapping: ImportMappingSchema,
  counts: z.strictObject({
    created: z.int(),
    invited: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    skipped: z.int(),
    error: z.int(),
  }),
  rows: z.array(ImportRowResultSchema),
});

/** The report of an import. @example report.counts.error // 1 */
export type ImportReport = z.infer<typeof ImportReportSchema>;
