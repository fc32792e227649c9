import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import type { Messages } from "../messages/messages";
import { useMessages } from "../provider/context";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { StaleAlert } from "../ui/StaleAlert";
import type { UnsavedEdit } from "./edited-fields";
import type { Versioned, VersionedForm } from "./use-versioned-form";

/** Props of {@link StaleNotice}. */
export interface StaleNoticeProps<T extends Versioned, V extends FieldValues> {
  readonly form: VersionedForm<T, V>;
  /** The conflict's title ("Someone else changed this location"). */
  readonly title: string;
  readonly body: string;
  /**
   * The label of a field by its name, to list the person's edits after a reload; an edit put back
   * without one is not listed (a field both changed is then listed by its name). Default: none.
   */
  readonly labelOf?: (name: string) => string | undefined;
  /**
   * The words of a field's value when it needs them (a role id → its name, a choice → its label);
   * return undefined for the value as entered. Default: as entered.
   *
   * @example valueText={(name, value) => (name === "roleId" ? roleName(value) : undefined)}
   */
  readonly valueText?: (name: string, value: unknown) => string | undefined;
}

function shown(value: unknown, m: Messages): string {
  if (typeof value === "boolean") return value ? m.common.yes : m.common.no;
  if (typeof value === "string") return value.trim() === "" ? m.errors.unsavedEmpty : value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map((v) => shown(v, m)).join(", ") || m.errors.unsavedEmpty;
  return m.errors.unsavedEmpty;
}

/**
 * The R12 notices of a versioned form: while `stale`, who changed it and "Reload"; after the
 * reload, the latest version is in the form and this says what became of each of the person's
 * edits — back in place where nobody else changed the field, or, where both did, "Yours: … / Now: …"
 * with "Use mine" and "Keep theirs". Their edits are never silently lost or silently win.
 *
 * @example <StaleNotice form={versioned} title={t.staleTitle} body={t.staleBody} labelOf={(name) => labels[name]} />
 */
export function StaleNotice<T extends Versioned, V extends FieldValues>({
  form,
  title,
  body,
  labelOf,
  valueText,
}: StaleNoticeProps<T, V>): ReactNode {
  const m = useMessages();
  if (form.stale) return <StaleAlert title={title} body={body} onReload={() => void form.reload()} />;
  if (form.unsaved.length === 0) return null;
  const words = (edit: UnsavedEdit, value: unknown) => valueText?.(edit.name, value) ?? shown(value, m);
  const kept = form.unsaved.filter((e) => e.state === "kept" && labelOf?.(e.name));
  const conflicts = form.unsaved.filter((e) => e.state === "conflict");
  return (
    <Alert tone={conflicts.length ? "warning" : "info"} title={m.errors.unsavedTitle}>
      <p>{m.errors.unsavedBody}</p>
      <ul className="sr-unsaved">
        {conflicts.map((edit) => (
          <li key={edit.name}>
            <fieldset className="sr-unsaved-conflict">
              <legend className="sr-unsaved-label">{labelOf?.(edit.name) ?? edit.name}</legend>
              <span className="sr-unsaved-value">{m.errors.unsavedYours(words(edit, edit.value))}</span>
              <span className="sr-unsaved-value">{m.errors.unsavedNow(words(edit, edit.now))}</span>
              <span className="sr-row">
                <Button size="sm" onClick={() => form.chooseUnsaved(edit.name, "mine")}>
                  {m.errors.unsavedUseMine}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => form.chooseUnsaved(edit.name, "now")}>
                  {m.errors.unsavedUseNow}
                </Button>
              </span>
            </fieldset>
          </li>
        ))}
        {kept.map((edit) => (
          <li key={edit.name}>
            {m.errors.unsavedKept(labelOf?.(edit.name) ?? edit.name, words(edit, edit.value))}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
