import { guessImportMapping, type ImportMapping, type ImportReport } from "@staffroom/core";
import { type ReactNode, useState } from "react";
import { errorMessage } from "../../messages/error-message";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";
import { type CsvTable, downloadText, reportCsv } from "./csv";
import { ImportCheckStep } from "./ImportCheckStep";
import { ImportMappingStep } from "./ImportMappingStep";
import { ImportCounts, ImportPreview } from "./ImportPreview";
import { ImportSourceStep } from "./ImportSourceStep";
import { useImportCommit, useImportDryRun } from "./use-import";

/** Props of {@link ImportUsersDialog}. */
export interface ImportUsersDialogProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** Called with the report when an import has been committed. */
  readonly onDone?: (report: ImportReport) => void;
  /** Rows per call when committing, for progress on large files. Default 500. */
  readonly partSize?: number;
  /** Most rows the preview shows (errors first). Default 100. */
  readonly previewLimit?: number;
  /** Start on a file already read (stories, hosts that read the file themselves). Default: none. */
  readonly initialTable?: CsvTable;
}

type Step =
  | { readonly name: "source" }
  | { readonly name: "mapping" }
  | { readonly name: "preview"; readonly report: ImportReport }
  | {
      readonly name: "committing";
      readonly checked: ImportReport;
      readonly done: number;
      readonly total: number;
    }
  | { readonly name: "done"; readonly report: ImportReport };

const STEP_NUMBER = { source: 1, mapping: 2, preview: 3, committing: 3, done: 4 } as const;

/**
 * Issue 15: import staff from a CSV file. Choose or paste a file (or start from the template),
 * match its columns to fields (guessed from the header, each changeable), check it — a dry run that
 * writes nothing, with counts per result and the rows with errors first, each error on its cell —
 * then import what the check would write, with progress on large files, and download the report
 * (the original rows plus result and messages). Every rule is core's, per row.
 *
 * @example <ImportUsersDialog open={open} onOpenChange={setOpen} onDone={(r) => toast(`${r.counts.invited} invited`)} />
 */
export function ImportUsersDialog({
  open,
  onOpenChange,
  onDone,
  partSize = 500,
  previewLimit = 100,
  initialTable,
}: ImportUsersDialogProps): ReactNode {
  const m = useMessages();
  const t = m.importUsers;
  const [table, setTable] = useState<CsvTable | null>(initialTable ?? null);
  const [fileName, setFileName] = useState("import.csv");
  const [mapping, setMapping] = useState<ImportMapping>(() =>
    initialTable ? guessImportMapping(initialTable.columns) : {},
  );
  const [newUsers, setNewUsers] = useState<"invite" | "create">("invite");
  const [step, setStep] = useState<Step>(initialTable ? { name: "mapping" } : { name: "source" });
  const [failure, setFailure] = useState<string | null>(null);
  const check = useImportDryRun();
  const commit = useImportCommit(partSize);

  const reset = () => {
    setTable(initialTable ?? null);
    setMapping(initialTable ? guessImportMapping(initialTable.columns) : {});
    setStep(initialTable ? { name: "mapping" } : { name: "source" });
    setFailure(null);
  };

  const runCheck = async () => {
    if (!table) return;
    setFailure(null);
    try {
      const report = await check.mutate({ table, mapping, newUsers });
      setStep({ name: "preview", report });
    } catch (error) {
      setFailure(errorMessage(m, error));
    }
  };

  const runCommit = async (checked: ImportReport) => {
    if (!table) return;
    setFailure(null);
    const total = checked.counts.created + checked.counts.invited + checked.counts.updated;
    setStep({ name: "committing", checked, done: 0, total });
    try {
      const report = await commit.mutate({
        table,
        mapping,
        newUsers,
        checked,
        onProgress: (done) => setStep({ name: "committing", checked, done, total }),
      });
      setStep({ name: "done", report });
      onDone?.(report);
    } catch (error) {
      setFailure(errorMessage(m, error));
      setStep({ name: "preview", report: checked });
    }
  };

  const download = (report: ImportReport) => {
    if (table)
      downloadText(
        fileName.replace(/(\.csv)?$/i, "-report.csv"),
        reportCsv(table, report, t.statusColumn, "Messages"),
      );
  };

  const busy = step.name === "committing";
  const footer = (next: ReactNode, back?: () => void) => (
    <div className="sr-dialog-footer">
      {back ? (
        <Button type="button" onClick={back} disabled={busy}>
          {t.back}
        </Button>
      ) : (
        <Dialog.Close asChild>
          <Button type="button">{m.common.cancel}</Button>
        </Dialog.Close>
      )}
      {next}
    </div>
  );
  const stepName = step.name === "committing" ? "preview" : step.name;

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (busy) return;
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <DialogContent title={t.title} description={t.description} size="lg" preventOutsideClose>
        <p className="sr-import-step" aria-live="polite">
          {t.stepOf(STEP_NUMBER[step.name], 4, t.steps[stepName])}
        </p>
        {step.name === "source" ? (
          <ImportSourceStep
            onRead={(read, name) => {
              setTable(read);
              setFileName(name);
              setMapping(guessImportMapping(read.columns));
              setStep({ name: "mapping" });
            }}
            footer={(next) => footer(next)}
          />
        ) : null}
        {step.name === "mapping" && table ? (
          <ImportMappingStep
            table={table}
            mapping={mapping}
            onMappingChange={setMapping}
            newUsers={newUsers}
            onNewUsersChange={setNewUsers}
            onCheck={() => void runCheck()}
            checking={check.isPending}
            failure={failure}
            footer={(next) => footer(next, initialTable ? undefined : () => setStep({ name: "source" }))}
          />
        ) : null}
        {(step.name === "preview" || step.name === "committing") && table ? (
          <ImportCheckStep
            table={table}
            report={step.name === "preview" ? step.report : step.checked}
            progress={step.name === "committing" ? { done: step.done, total: step.total } : null}
            failure={failure}
            limit={previewLimit}
            onCommit={(checked) => void runCommit(checked)}
            onDownload={download}
            footer={(next) => footer(next, () => setStep({ name: "mapping" }))}
          />
        ) : null}
        {step.name === "done" && table ? (
          <div className="sr-dialog-form">
            <div className="sr-dialog-body">
              <Alert
                tone={step.report.counts.error > 0 ? "warning" : "success"}
                title={t.doneTitle}
                role="status"
              >
                {t.doneSummary(
                  step.report.counts.created + step.report.counts.invited + step.report.counts.updated,
                  step.report.counts.error,
                )}
              </Alert>
              <ImportCounts report={step.report} />
              <ImportPreview table={table} report={step.report} limit={previewLimit} />
            </div>
            <div className="sr-dialog-footer">
              <Button type="button" onClick={reset}>
                {t.startOver}
              </Button>
              <Button type="button" onClick={() => download(step.report)}>
                {t.download}
              </Button>
              <Dialog.Close asChild>
                <Button variant="primary" type="button">
                  {t.close}
                </Button>
              </Dialog.Close>
            </div>
          </div>
        ) : null}
      </DialogContent>
    </Dialog.Root>
  );
}
