import type { ImportMapping, ImportReport } from "@staffroom/core";
import { USER_WRITE_INVALIDATES } from "../../hooks/keys";
import { useDirectory } from "../../provider/context";
import { type MutationResult, useMutation } from "../../query/use-mutation";
import type { CsvTable } from "./csv";

/** What an import run needs: the parsed file, the mapping and what new people become. */
export interface ImportRun {
  readonly table: CsvTable;
  readonly mapping: ImportMapping;
  readonly newUsers: "invite" | "create";
  /** Called after each part of a commit with the rows done so far. */
  readonly onProgress?: (done: number) => void;
}

const WRITES: ReadonlySet<string> = new Set(["created", "invited", "updated"]);

/**
 * The rows of a file a commit sends: those the dry run would write (created, invited, updated), by
 * index into the file. Unchanged, skipped and error rows keep the dry run's result: the commit
 * applies what the admin checked, and nothing the check refused.
 *
 * @example rowsToWrite(report) // [0, 1, 4]
 */
export function rowsToWrite(report: ImportReport): number[] {
  return report.rows.filter((r) => WRITES.has(r.status)).map((r) => r.row - 1);
}

/**
 * The commit's report: the dry run's, with each written row's result (from the parts, in the order
 * sent) in its place and the counts taken again.
 *
 * @example mergeReports(dry, parts, rowsToWrite(dry))
 */
export function mergeReports(
  dry: ImportReport,
  parts: readonly ImportReport[],
  sent: readonly number[],
): ImportReport {
  const byIndex = new Map<number, ImportReport["rows"][number]>();
  parts
    .flatMap((p) => p.rows)
    .forEach((r, j) => {
      const index = sent[j];
      if (index !== undefined) byIndex.set(index, { ...r, row: index + 1 });
    });
  const rows = dry.rows.map((r) => byIndex.get(r.row - 1) ?? r);
  const counts = { created: 0, invited: 0, updated: 0, unchanged: 0, skipped: 0, error: 0 };
  for (const r of rows) counts[r.status] += 1;
  return { dryRun: false, mapping: dry.mapping, counts, rows };
}

/**
 * The dry run: the whole file in one call, so the report is what a commit will do (the seats row 7
 * would take are counted after row 6's).
 *
 * @example const check = useImportDryRun(); const report = await check.mutate({ table, mapping, newUsers: "invite" });
 */
export function useImportDryRun(): MutationResult<ImportRun, ImportReport> {
  const directory = useDirectory();
  return useMutation({
    mutate: ({ table, mapping, newUsers }) =>
      directory.users.import({ columns: table.columns, rows: table.rows, mapping, newUsers, dryRun: true }),
  });
}

/** What a commit needs beyond the run: the dry run's report it applies. */
export interface ImportCommit extends ImportRun {
  readonly checked: ImportReport;
}

/**
 * The commit of what the dry run would write, in parts of `partSize` rows so a large file shows
 * progress (each part one call and one `users.imported` audit event; every row still its own
 * transaction on the server). Lists, counts, usage and the audit refresh afterwards.
 *
 * @example const commit = useImportCommit(500); await commit.mutate({ table, mapping, newUsers, checked, onProgress });
 */
export function useImportCommit(partSize: number): MutationResult<ImportCommit, ImportReport> {
  const directory = useDirectory();
  return useMutation({
    mutate: async ({ table, mapping, newUsers, checked, onProgress }) => {
      const sent = rowsToWrite(checked);
      const parts: ImportReport[] = [];
      for (let at = 0; at < sent.length; at += partSize) {
        const rows = sent.slice(at, at + partSize).map((i) => table.rows[i] ?? []);
        parts.push(
          await directory.users.import({ columns: table.columns, rows, mapping, newUsers, dryRun: false }),
        );
        onProgress?.(Math.min(at + partSize, sent.length));
      }
      return mergeReports(checked, parts, sent);
    },
    invalidates: USER_WRITE_INVALIDATES,
  });
}
