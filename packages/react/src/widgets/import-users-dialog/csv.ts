import { IMPORT_FIELD_HEADERS, IMPORT_FIELDS, type ImportReport } from "@staffroom/core";
import Papa from "papaparse";

/*
 * CSV in the browser, with papaparse (the same library and the same conventions as the REST
 * server's `text/csv` route): UTF-8 with or without a BOM, `,` or `;`, quoted newlines; cells are
 * written with Excel's formula guard and read back without it.
 */

/** A parsed file: the header and the data rows (each as long as the header). */
export interface CsvTable {
  readonly columns: string[];
  readonly rows: string[][];
}

const GUARDED = /^'[=+\-@\t\r]/;

/**
 * Parses CSV text (see the module note); null when there is no header row.
 *
 * @example parseCsvText("Email;Name\nsam@clinic.org;Sam") // { columns: ["Email", "Name"], rows: [["sam@clinic.org", "Sam"]] }
 */
export function parseCsvText(text: string): CsvTable | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const { data } = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: "greedy" });
  const [header, ...rows] = data;
  if (!header || header.every((c) => c.trim() === "")) return null;
  const columns = header.map((c) => c.trim());
  const cell = (c: string | undefined) => (c === undefined ? "" : GUARDED.test(c) ? c.slice(1) : c);
  return {
    columns,
    rows: rows.map((r) => Array.from({ length: Math.max(columns.length, r.length) }, (_, i) => cell(r[i]))),
  };
}

/**
 * Reads a file as UTF-8 (a BOM is fine); null when it is not UTF-8.
 *
 * @example const text = await readUtf8(input.files[0]);
 */
export async function readUtf8(file: Blob): Promise<string | null> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/** CSV for a spreadsheet: formula guard on `=`, `+`, `-`, `@`; CRLF; a BOM for Excel. @example toCsv([["a"]]) */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse(rows as string[][], { escapeFormulae: true, newline: "\r\n" })}`;
}

/**
 * The report as CSV: each original row plus its status and messages (`Column: message`).
 *
 * @example reportCsv(table, report, "Status", "Messages")
 */
export function reportCsv(
  table: CsvTable,
  report: ImportReport,
  statusHeader: string,
  messagesHeader: string,
): string {
  return toCsv([
    [...table.columns, statusHeader, messagesHeader],
    ...report.rows.map((r) => [
      ...(table.rows[r.row - 1] ?? []),
      r.status,
      r.issues.map((i) => (i.column ? `${i.column}: ${i.message}` : i.message)).join(" | "),
    ]),
  ]);
}

/** The template: every column with an example row. @example templateCsv() */
export function templateCsv(): string {
  const example: Record<string, string> = {
    email: "jane.smith@clinic.example",
    givenName: "Jane",
    familyName: "Smith",
    title: "RN",
    jobTitle: "Charge nurse",
    primaryPhone: "+14155550123",
    role: "Front Desk",
    locations: "Downtown Clinic",
    webLogin: "yes",
    mobileLogin: "no",
    practitioner: "no",
  };
  return toCsv([
    IMPORT_FIELDS.map((f) => IMPORT_FIELD_HEADERS[f]),
    IMPORT_FIELDS.map((f) => example[f] ?? ""),
  ]);
}

/**
 * Offers text as a file download (an object URL on a temporary link).
 *
 * @example downloadText("report.csv", csv)
 */
export function downloadText(filename: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
