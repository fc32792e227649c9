import { IMPORT_FIELDS, type ImportField, type ImportMapping } from "@staffroom/core";
import { type ReactNode, useId, useState } from "react";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import type { CsvTable } from "./csv";

/** Props of {@link ImportMappingStep}. */
export interface ImportMappingStepProps {
  readonly table: CsvTable;
  readonly mapping: ImportMapping;
  readonly onMappingChange: (mapping: ImportMapping) => void;
  readonly newUsers: "invite" | "create";
  readonly onNewUsersChange: (value: "invite" | "create") => void;
  readonly onCheck: () => void;
  readonly checking: boolean;
  readonly failure: string | null;
  readonly footer: (next: ReactNode) => ReactNode;
}

/** The first problem of a mapping the widget can see before asking the server, or null. */
function mappingProblem(
  mapping: ImportMapping,
  t: ReturnType<typeof useMessages>["importUsers"],
): string | null {
  if (mapping.email === undefined) return t.emailRequired;
  const seen = new Set<string>();
  for (const column of Object.values(mapping)) {
    if (seen.has(column)) return t.columnTwice(column);
    seen.add(column);
  }
  return null;
}

/**
 * Step 2: which column fills which field (matched automatically from the header, every choice can be
 * changed), and whether new people are invited or added active.
 *
 * @example <ImportMappingStep table={table} mapping={mapping} onMappingChange={setMapping} … />
 */
export function ImportMappingStep(props: ImportMappingStepProps): ReactNode {
  const { table, mapping, onMappingChange, newUsers, onNewUsersChange, onCheck, checking, failure, footer } =
    props;
  const t = useMessages().importUsers;
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const set = (field: ImportField, column: string) => {
    const next: ImportMapping = { ...mapping };
    if (column === "") delete next[field];
    else next[field] = column;
    onMappingChange(next);
  };
  return (
    <form
      className="sr-dialog-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found = mappingProblem(mapping, t);
        setProblem(found);
        if (!found) onCheck();
      }}
    >
      <div className="sr-dialog-body">
        <p className="sr-hint">{t.readSummary(table.rows.length, table.columns.length)}</p>
        <fieldset className="sr-fieldset">
          <legend>{t.mappingLegend}</legend>
          <p className="sr-hint">{t.mappingHint}</p>
          <div className="sr-import-mapping">
            {IMPORT_FIELDS.map((field) => (
              <div className="sr-field" key={field}>
                <label className="sr-label" htmlFor={`${id}-${field}`}>
                  {t.fields[field]}
                </label>
                <select
                  id={`${id}-${field}`}
                  className="sr-input"
                  value={mapping[field] ?? ""}
                  aria-required={field === "email" ? true : undefined}
                  aria-invalid={field === "email" && problem === t.emailRequired ? true : undefined}
                  onChange={(e) => set(field, e.currentTarget.value)}
                >
                  <option value="">{t.notImported}</option>
                  {table.columns.map((column, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: two columns may share a header
                    <option key={`${column}-${i}`} value={column} translate="no">
                      {column}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="sr-fieldset">
          <legend>{t.newUsersLegend}</legend>
          <div className="sr-stack" style={{ gap: 8 }}>
            {(["invite", "create"] as const).map((value) => (
              <label className="sr-check" key={value}>
                <input
                  type="radio"
                  name={`${id}-new-users`}
                  value={value}
                  checked={newUsers === value}
                  onChange={() => onNewUsersChange(value)}
                />
                <span>
                  {value === "invite" ? t.newUsersInvite : t.newUsersCreate}
                  <span className="sr-hint" style={{ display: "block" }}>
                    {value === "invite" ? t.newUsersInviteHint : t.newUsersCreateHint}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {problem || failure ? (
          <Alert tone="danger" role="alert">
            {problem ?? failure}
          </Alert>
        ) : null}
        {checking ? (
          <p className="sr-hint" role="status">
            {t.checking(table.rows.length)}
          </p>
        ) : null}
      </div>
      {footer(
        <Button variant="primary" type="submit" busy={checking}>
          {t.check}
        </Button>,
      )}
    </form>
  );
}
