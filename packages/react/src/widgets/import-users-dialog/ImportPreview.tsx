import { IMPORT_STATUSES, type ImportIssue, type ImportReport, type ImportStatus } from "@staffroom/core";
import { type ReactNode, useMemo } from "react";
import type { Messages } from "../../messages/messages";
import { useMessages } from "../../provider/context";
import { Badge } from "../../ui/Badge";
import type { CsvTable } from "./csv";

const TONE: Readonly<Record<ImportStatus, "neutral" | "accent" | "success" | "warning" | "danger">> = {
  created: "success",
  invited: "success",
  updated: "accent",
  unchanged: "neutral",
  skipped: "warning",
  error: "danger",
};

/** Props of {@link ImportCounts}. */
export interface ImportCountsProps {
  readonly report: ImportReport;
}

/**
 * The count of rows per status.
 *
 * @example <ImportCounts report={report} />
 */
export function ImportCounts({ report }: ImportCountsProps): ReactNode {
  const t = useMessages().importUsers;
  return (
    <ul className="sr-import-counts" aria-label={t.countsLabel}>
      {IMPORT_STATUSES.map((status) => (
        <li key={status} data-status={status}>
          <span className="sr-import-count">{report.counts[status].toLocaleString("en-US")}</span>{" "}
          <Badge tone={TONE[status]}>{t.status[status]}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** Props of {@link ImportPreview}. */
export interface ImportPreviewProps {
  readonly table: CsvTable;
  readonly report: ImportReport;
  /** Most rows shown (errors first); the downloadable report has every row. Default 100. */
  readonly limit?: number;
}

/**
 * The rows of a report, errors first then in file order, with the mapped columns of the file and
 * each problem in the cell it is about (a problem with the whole row, or with a column not shown,
 * in the last column).
 *
 * @example <ImportPreview table={table} report={report} />
 */
export function ImportPreview({ table, report, limit = 100 }: ImportPreviewProps): ReactNode {
  const m = useMessages();
  const t = m.importUsers;
  const shownColumns = useMemo(() => {
    const mapped = new Set(Object.values(report.mapping));
    return table.columns.map((c, i) => [c, i] as const).filter(([c]) => mapped.has(c));
  }, [table.columns, report.mapping]);
  const rows = useMemo(
    () =>
      [...report.rows]
        .sort((a, b) => Number(b.status === "error") - Number(a.status === "error") || a.row - b.row)
        .slice(0, limit),
    [report.rows, limit],
  );
  const visible = new Set(shownColumns.map(([c]) => c));
  return (
    <div className="sr-stack" style={{ gap: 8 }}>
      {report.rows.length > rows.length ? (
        <p className="sr-hint">{t.previewShown(rows.length, report.rows.length)}</p>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so the keyboard can scroll it */}
      <section className="sr-table-wrap sr-import-preview" aria-label={t.previewLabel} tabIndex={0}>
        <table className="sr-table">
          <caption className="sr-visually-hidden">{t.previewLabel}</caption>
          <thead>
            <tr>
              <th scope="col">{t.rowColumn}</th>
              <th scope="col">{t.statusColumn}</th>
              {shownColumns.map(([column, i]) => (
                <th scope="col" key={`${column}-${i}`} translate="no">
                  {column}
                </th>
              ))}
              <th scope="col">{t.rowIssues}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const cells = table.rows[r.row - 1] ?? [];
              const elsewhere = r.issues.filter((i) => i.column === null || !visible.has(i.column));
              return (
                <tr key={r.row} data-status={r.status}>
                  <th scope="row">{r.row}</th>
                  <td>
                    <Badge tone={TONE[r.status]}>{t.status[r.status]}</Badge>
                  </td>
                  {shownColumns.map(([column, i]) => {
                    const issues = r.issues.filter((issue) => issue.column === column);
                    return (
                      <td key={`${column}-${i}`} data-invalid={issues.length > 0 ? "true" : undefined}>
                        <span translate="no">{cells[i]}</span>
                        {issues.map((issue) => (
                          <span className="sr-import-issue" key={issue.code + issue.message}>
                            {issueText(m, issue)}
                          </span>
                        ))}
                      </td>
                    );
                  })}
                  <td>
                    {elsewhere.map((issue) => (
                      <span className="sr-import-issue" key={issue.code + issue.message}>
                        {issue.column ? (
                          <>
                            <span translate="no">{issue.column}</span>: {issueText(m, issue)}
                          </>
                        ) : (
                          issueText(m, issue)
                        )}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/**
 * A row's problem in the host's language: the `errors.issue` override (Spanish: core's sentence or
 * its code's), else core's own message. The column is the file's own header, so it stays as written.
 */
function issueText(m: Messages, issue: ImportIssue): string {
  const asField = {
    path: issue.column === null ? [] : [issue.column],
    code: issue.code,
    message: issue.message,
  };
  return m.errors.issue(asField) ?? issue.message;
}
