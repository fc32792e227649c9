import { type ReactNode, useId, useState } from "react";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { type CsvTable, downloadText, parseCsvText, readUtf8, templateCsv } from "./csv";

/** Props of {@link ImportSourceStep}. */
export interface ImportSourceStepProps {
  /** Called with the parsed file. */
  readonly onRead: (table: CsvTable, name: string) => void;
  readonly footer: (next: ReactNode) => ReactNode;
}

/**
 * Step 1: a file (UTF-8; a BOM, commas or semicolons are fine) or pasted rows; the template to start
 * from.
 *
 * @example <ImportSourceStep onRead={(table) => setTable(table)} footer={(next) => next} />
 */
export function ImportSourceStep({ onRead, footer }: ImportSourceStepProps): ReactNode {
  const t = useMessages().importUsers;
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const read = async () => {
    setProblem(null);
    let text: string | null = pasted.trim() === "" ? null : pasted;
    if (file) {
      setReading(true);
      text = await readUtf8(file);
      setReading(false);
      if (text === null) {
        setProblem(t.notUtf8);
        return;
      }
    }
    if (text === null) {
      setProblem(t.nothingToRead);
      return;
    }
    const table = parseCsvText(text);
    if (!table) {
      setProblem(t.noHeader);
      return;
    }
    onRead(table, file?.name ?? "pasted.csv");
  };

  return (
    <form
      className="sr-dialog-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void read();
      }}
    >
      <div className="sr-dialog-body">
        <div className="sr-field">
          <label className="sr-label" htmlFor={`${id}-file`}>
            {t.fileLabel}
          </label>
          <input
            id={`${id}-file`}
            className="sr-input sr-import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${id}-file-hint`}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
          <p id={`${id}-file-hint`} className="sr-hint">
            {t.fileHint}
          </p>
        </div>
        <div className="sr-field">
          <label className="sr-label" htmlFor={`${id}-paste`}>
            {t.pasteLabel}
          </label>
          <textarea
            id={`${id}-paste`}
            className="sr-input sr-import-paste"
            rows={5}
            spellCheck={false}
            aria-describedby={`${id}-paste-hint`}
            value={pasted}
            onChange={(e) => setPasted(e.currentTarget.value)}
          />
          <p id={`${id}-paste-hint`} className="sr-hint">
            {t.pasteHint}
          </p>
        </div>
        <div>
          <Button type="button" onClick={() => downloadText("staff-import-template.csv", templateCsv())}>
            {t.template}
          </Button>
        </div>
        {problem ? (
          <Alert tone="danger" role="alert">
            {problem}
          </Alert>
        ) : null}
      </div>
      {footer(
        <Button variant="primary" type="submit" busy={reading}>
          {t.read}
        </Button>,
      )}
    </form>
  );
}
