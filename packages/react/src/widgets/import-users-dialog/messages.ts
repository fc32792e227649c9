import type { ImportField, ImportStatus } from "@staffroom/core";

/**
 * Strings of ImportUsersDialog, English defaults; hosts override them through `messages.importUsers`.
 *
 * @example <StaffroomProvider directory={directory} messages={{ importUsers: { title: "Upload staff" } }}>
 */
export interface ImportUsersMessages {
  readonly title: string;
  readonly description: string;
  readonly open: string;
  /** Step names, for the step indicator. */
  readonly steps: {
    readonly source: string;
    readonly mapping: string;
    readonly preview: string;
    readonly done: string;
  };
  readonly stepOf: (step: number, total: number, name: string) => string;
  readonly fileLabel: string;
  readonly fileHint: string;
  readonly pasteLabel: string;
  readonly pasteHint: string;
  readonly template: string;
  readonly read: string;
  readonly nothingToRead: string;
  readonly noHeader: string;
  readonly notUtf8: string;
  readonly readSummary: (rows: number, columns: number) => string;
  readonly mappingLegend: string;
  readonly mappingHint: string;
  readonly notImported: string;
  readonly emailRequired: string;
  readonly columnTwice: (column: string) => string;
  readonly fields: Readonly<Record<ImportField, string>>;
  readonly newUsersLegend: string;
  readonly newUsersInvite: string;
  readonly newUsersInviteHint: string;
  readonly newUsersCreate: string;
  readonly newUsersCreateHint: string;
  readonly check: string;
  readonly checking: (rows: number) => string;
  readonly back: string;
  readonly status: Readonly<Record<ImportStatus, string>>;
  readonly countsLabel: string;
  readonly previewLabel: string;
  readonly previewShown: (shown: number, total: number) => string;
  readonly rowColumn: string;
  readonly statusColumn: string;
  readonly rowIssues: string;
  readonly commit: (rows: number) => string;
  readonly nothingToCommit: string;
  readonly progressLabel: string;
  readonly progress: (done: number, total: number) => string;
  readonly doneTitle: string;
  readonly doneSummary: (written: number, errors: number) => string;
  readonly download: string;
  readonly close: string;
  readonly startOver: string;
  readonly stopped: (done: number, total: number) => string;
}

const n = (v: number) => v.toLocaleString("en-US");

/** The English defaults of {@link ImportUsersMessages}. @example importUsersMessages.commit(3) // "Import 3 rows" */
export const importUsersMessages: ImportUsersMessages = {
  title: "Import staff from a CSV file",
  description: "Check the file first: nothing changes until you import it.",
  open: "Import",
  steps: { source: "Choose a file", mapping: "Match the columns", preview: "Check", done: "Done" },
  stepOf: (step, total, name) => `Step ${step} of ${total}: ${name}`,
  fileLabel: "CSV file",
  fileHint: "Save spreadsheets as “CSV UTF-8”. Commas or semicolons both work.",
  pasteLabel: "Or paste the rows",
  pasteHint: "The first line names the columns.",
  template: "Download the template",
  read: "Next",
  nothingToRead: "Choose a file or paste some rows.",
  noHeader: "The file has no header row.",
  notUtf8: "This file is not UTF-8. Save it as “CSV UTF-8” and choose it again.",
  readSummary: (rows, columns) => `${n(rows)} ${rows === 1 ? "row" : "rows"}, ${n(columns)} columns.`,
  mappingLegend: "Which column holds what",
  mappingHint:
    "Matched from the header. A field left out is not imported, and stays as it is for people already here.",
  notImported: "Not imported",
  emailRequired: "Choose the column that holds the email.",
  columnTwice: (column) => `“${column}” is chosen for two fields.`,
  fields: {
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
    diary: "Diary column",
    caseManager: "Case manager",
    npi: "NPI",
    taxonomyCodes: "Taxonomy codes",
    licences: "Licences",
  },
  newUsersLegend: "People not yet in the directory",
  newUsersInvite: "Invite them by email",
  newUsersInviteHint: "They are pending until they accept and set a password.",
  newUsersCreate: "Add them as active users",
  newUsersCreateHint: "They set a password through a reset link.",
  check: "Check the file",
  checking: (rows) => `Checking ${n(rows)} rows…`,
  back: "Back",
  status: {
    created: "Created",
    invited: "Invited",
    updated: "Updated",
    unchanged: "Unchanged",
    skipped: "Skipped",
    error: "Errors",
  },
  countsLabel: "What the import will do",
  previewLabel: "Rows, errors first",
  previewShown: (shown, total) => `Showing ${n(shown)} of ${n(total)} rows. The report has them all.`,
  rowColumn: "Row",
  statusColumn: "Result",
  rowIssues: "Row",
  commit: (rows) => `Import ${n(rows)} ${rows === 1 ? "row" : "rows"}`,
  nothingToCommit: "Nothing to import: every row is unchanged, skipped or has an error.",
  progressLabel: "Import progress",
  progress: (done, total) => `Imported ${n(done)} of ${n(total)} rows…`,
  doneTitle: "Import finished",
  doneSummary: (written, errors) =>
    `${n(written)} ${written === 1 ? "person" : "people"} added or updated; ${n(errors)} ${errors === 1 ? "row" : "rows"} with errors.`,
  download: "Download the report",
  close: "Close",
  startOver: "Import another file",
  stopped: (done, total) =>
    `The import stopped after ${n(done)} of ${n(total)} rows. The report shows what was imported.`,
};
