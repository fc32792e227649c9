import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import type { Messages } from "../messages/messages";
import { useMessages } from "../provider/context";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { StaleAlert } from "../ui/StaleAlert";
import type { EditedField } from "./edited-fields";
import type { Versioned, VersionedForm } from "./use-versioned-form";

/** Props of {@link StaleNotice}. */
export interface StaleNoticeProps<T extends Versioned, V extends FieldValues> {
  readonly form: VersionedForm<T, V>;
  /** The conflict's title ("Someone else changed this location"). */
  readonly title: string;
  readonly body: string;
  /**
   * The label of a field by its name, to list the person's unsaved edits after a reload; fields
   * without one are applied again but not listed. Default: none listed.
   */
  readonly labelOf?: (name: string) => string | undefined;
  /**
   * The whole line for an edit whose value needs words (a role id → its name); return undefined to
   * fall back to `labelOf` and the value as entered. Default: none.
   */
  readonly describe?: (edit: EditedField) => string | undefined;
}

function shown(edit: EditedField, m: Messages): string | null {
  if (typeof edit.value === "boolean") return edit.value ? m.common.yes : m.common.no;
  if (typeof edit.value === "string") return edit.value.trim() === "" ? m.errors.unsavedEmpty : edit.value;
  return null;
}

/**
 * The R12 notices of a versioned form: while `stale`, who changed it and "Reload"; after the
 * reload, the latest values are in the fields and this lists what the person had entered, with
 * "Apply my changes again" — their edits are never silently lost.
 *
 * @example <StaleNotice form={versioned} title={t.staleTitle} body={t.staleBody} labelOf={(name) => labels[name]} />
 */
export function StaleNotice<T extends Versioned, V extends FieldValues>({
  form,
  title,
  body,
  labelOf,
  describe,
}: StaleNoticeProps<T, V>): ReactNode {
  const m = useMessages();
  if (form.stale) return <StaleAlert title={title} body={body} onReload={() => void form.reload()} />;
  if (form.unsaved.length === 0) return null;
  const listed = form.unsaved.flatMap((edit) => {
    const described = describe?.(edit);
    if (described) return [{ name: edit.name, text: described }];
    const label = labelOf?.(edit.name);
    if (!label) return [];
    const value = shown(edit, m);
    return [{ name: edit.name, text: value === null ? label : m.errors.unsavedEdit(label, value) }];
  });
  return (
    <Alert
      tone="info"
      title={m.errors.unsavedTitle}
      action={
        <Button size="sm" onClick={form.reapplyUnsaved}>
          {m.errors.unsavedApply}
        </Button>
      }
    >
      <p>{m.errors.unsavedBody}</p>
      {listed.length > 0 ? (
        <ul>
          {listed.map((item) => (
            <li key={item.name}>{item.text}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
