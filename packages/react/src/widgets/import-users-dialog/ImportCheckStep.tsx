import type { ImportReport } from "@staffroom/core";
import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import type { CsvTable } from "./csv";
import { ImportCounts, ImportPreview } from "./ImportPreview";

/** Props of {@link ImportCheckStep}. */
export interface ImportCheckStepProps {
  readonly table: CsvTable;
  /** The dry run's report. */
  readonly report: ImportReport;
  /** While committing: rows written of the rows to write; null before. */
  readonly progress: { readonly done: number; readonly total: number } | null;
  readonly failure: string | null;
  readonly limit: number;
  readonly onCommit: (checked: ImportReport) => void;
  readonly onDownload: (report: ImportReport) => void;
  readonly footer: (next: ReactNode) => ReactNode;
}

/**
 * Step 3: the dry run's counts and rows (errors first), the report to download, and the import of
 * what the check would write — with a progress bar while it runs.
 *
 * @example <ImportCheckStep table={table} report={report} progress={null} … />
 */
export function ImportCheckStep(props: ImportCheckStepProps): ReactNode {
  const t = useMessages().importUsers;
  const { report, progress } = props;
  const writes = report.counts.created + report.counts.invited + report.counts.updated;
  return (
    <form
      className="sr-dialog-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (writes > 0 && !progress) props.onCommit(report);
      }}
    >
      <div className="sr-dialog-body">
        <ImportCounts report={report} />
        {progress ? (
          <div className="sr-stack" style={{ gap: 4 }}>
            <progress
              className="sr-import-progress"
              aria-label={t.progressLabel}
              max={Math.max(progress.total, 1)}
              value={progress.done}
            />
            <p className="sr-hint" role="status">
              {t.progress(progress.done, progress.total)}
            </p>
          </div>
        ) : null}
        {writes === 0 ? <Alert tone="info">{t.nothingToCommit}</Alert> : null}
        {props.failure ? (
          <Alert tone="danger" role="alert">
            {props.failure}
          </Alert>
        ) : null}
        <div>
          <Button type="button" onClick={() => props.onDownload(report)}>
            {t.download}
          </Button>
        </div>
        <ImportPreview table={props.table} report={report} limit={props.limit} />
      </div>
      {props.footer(
        <Button variant="primary" type="submit" busy={progress !== null} disabled={writes === 0}>
          {t.commit(writes)}
        </Button>,
      )}
    </form>
  );
}
