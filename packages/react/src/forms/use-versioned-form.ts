import { DirectoryError } from "@staffroom/core";
import { type BaseSyntheticEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  type FieldValues,
  type Path,
  type PathValue,
  type Resolver,
  type UseFormReturn,
  useForm,
} from "react-hook-form";
import { useMessages } from "../provider/context";
import { editedFields, type UnsavedEdit, unsavedAgainst } from "./edited-fields";
import { serverFailure } from "./server-errors";

/** A record written with the version it was read at (R12). */
export interface Versioned {
  readonly version: number;
}

/** What {@link VersionedFormOptions.save} is given besides the values. */
export interface VersionedSaveContext<T extends Versioned, V> {
  /** The record the form edits (null when creating). */
  readonly record: T | null;
  /** The version the form's values were read at: send it with the write (R12). Undefined when creating. */
  readonly version: number | undefined;
  /** The values the form started from (a patch is what differs from them). */
  readonly initial: V;
}

/** Options of {@link useVersionedForm}. */
export interface VersionedFormOptions<T extends Versioned, V extends FieldValues, R> {
  /** The record as loaded, or null for a form that creates one. */
  readonly record: T | null;
  /** The form's values for a record (or for none, when creating). */
  readonly toValues: (record: T | null) => V;
  /** Validation (usually `coreResolver` over core's schema), built from the values the form starts from. Default none. */
  readonly resolver?: (initial: V) => Resolver<V>;
  /** The write. Resolve `undefined` when there is nothing to write (no change). */
  readonly save: (values: V, context: VersionedSaveContext<T, V>) => Promise<R | undefined>;
  /** Loads the record's current version (after a `stale` refusal): Reload. */
  readonly reload: (record: T) => Promise<T>;
  /** The field names the form renders, for putting core's issues on them. */
  readonly fields: readonly string[] | ((values: V) => readonly string[]);
  /** Maps an input path of core's issue to the field that shows it. Default: the path's longest rendered prefix. */
  readonly fieldOf?: (path: readonly (string | number)[]) => string;
  /** Called with the result of a write. */
  readonly onSaved?: (result: R) => void;
  /** For a form that stays open after saving: the record the result is (it becomes the new base). Default: none. */
  readonly savedRecord?: (result: R) => T;
  /**
   * Take up a newer `record` passed in while nothing is edited (a settings page another tab or a
   * hand-over updated). Default false: the version moves only when the person reloads.
   */
  readonly followRecord?: boolean;
}

/** What {@link useVersionedForm} returns. */
export interface VersionedForm<T extends Versioned, V extends FieldValues> {
  /** The react-hook-form instance: register fields on it. */
  readonly form: UseFormReturn<V>;
  /** The record the values were read from (moves on reload, on a save that keeps the form, and with `followRecord`). */
  readonly record: T | null;
  /** Its version, sent with the write. */
  readonly version: number | undefined;
  /** The values the form started from. */
  readonly initial: V;
  /** The form's `onSubmit`. */
  submit(event?: BaseSyntheticEvent): Promise<void>;
  /** Someone else saved first (core's `stale`): show {@link StaleNotice} and offer Reload. */
  readonly stale: boolean;
  /** What the form's alert shows after a refusal no field took; null when none. */
  readonly failure: string | null;
  /**
   * Loads the current version without losing the person's edits: an edit to a field nobody else
   * changed goes back into the form (`kept`); an edit to a field someone else changed too waits in
   * `unsaved` as a `conflict`, the form showing the new value until the person chooses.
   */
  reload(): Promise<void>;
  /** After a reload: the person's edits beside the new version's values (see {@link UnsavedEdit}). */
  readonly unsaved: readonly UnsavedEdit[];
  /** Settles a conflict: `mine` puts the person's value in the field, `now` keeps the new version's. */
  chooseUnsaved(name: string, choice: "mine" | "now"): void;
  /** Back to the record's values. */
  discard(): void;
  readonly isDirty: boolean;
  readonly isSubmitting: boolean;
}

const NONE: readonly UnsavedEdit[] = [];

/**
 * A versioned edit form (R12): holds the version its values were read at and sends it with the
 * write, puts core's field issues on their fields (`serverFailure`), and on a `stale` refusal
 * offers a reload that loads the new version while keeping what the person typed instead of
 * throwing it away: their edits to fields nobody else changed go back into the form, and where both
 * changed a field the person chooses between theirs and the new value (`unsaved`, `chooseUnsaved`). The user, role, location and organization forms
 * are built on it.
 *
 * @example
 * const v = useVersionedForm({
 *   record: location,
 *   toValues: (l) => ({ name: l?.name ?? "", group: l?.group ?? "" }),
 *   save: (values, { record, version }) =>
 *     record ? update.mutate({ id: record.id, patch: values, version: version ?? record.version }) : create.mutate(values),
 *   reload: async (l) => (await directory.locations.list()).find((x) => x.id === l.id) ?? l,
 *   fields: ["name", "group"],
 *   onSaved: close,
 * });
 * <form onSubmit={v.submit}>{v.stale ? <StaleNotice form={v} … /> : null}…</form>
 */
export function useVersionedForm<T extends Versioned, V extends FieldValues, R>(
  options: VersionedFormOptions<T, V, R>,
): VersionedForm<T, V> {
  const m = useMessages();
  const latest = useRef(options);
  latest.current = options;
  // The record the values were read from: it moves only when the person reloads, when a save keeps
  // the form open, or (followRecord) when a newer one arrives while nothing is edited.
  const [record, setRecord] = useState<T | null>(options.record);
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState<readonly UnsavedEdit[]>(NONE);
  const { toValues, resolver: resolverOf } = options;
  const initial = useMemo(() => toValues(record), [toValues, record]);
  const resolver = useMemo(() => resolverOf?.(initial), [resolverOf, initial]);
  const form = useForm<V>({ defaultValues: initial as never, ...(resolver ? { resolver } : {}) });
  const isDirty = form.formState.isDirty;

  const rebase = useCallback(
    (next: T | null) => {
      setRecord(next);
      form.reset(latest.current.toValues(next));
    },
    [form],
  );

  const put = (name: string, value: unknown) =>
    form.setValue(name as Path<V>, value as PathValue<V, Path<V>>, { shouldDirty: true });

  const incoming = options.record;
  useEffect(() => {
    if (!latest.current.followRecord || !incoming || !record) return;
    if (incoming.version === record.version || isDirty) return;
    rebase(incoming);
  }, [incoming, record, isDirty, rebase]);

  const reload = async () => {
    if (!record) return;
    // What the person typed survives the reload: they see the new values and can apply theirs again.
    const edits = editedFields(initial, form.getValues());
    const fresh = await latest.current.reload(record);
    rebase(fresh);
    // Edits to fields nobody else changed go straight back in; the rest wait for the person's choice.
    const sorted = unsavedAgainst(edits, initial, latest.current.toValues(fresh));
    for (const edit of sorted) if (edit.state === "kept") put(edit.name, edit.value);
    setUnsaved(sorted);
    setStale(false);
    setFailure(null);
  };

  const submit = form.handleSubmit(async (values) => {
    const o = latest.current;
    setFailure(null);
    setStale(false);
    setUnsaved(NONE);
    try {
      const result = await o.save(values, { record, version: record?.version, initial });
      if (result === undefined) return;
      if (o.savedRecord) rebase(o.savedRecord(result));
      o.onSaved?.(result);
    } catch (error) {
      if (DirectoryError.is(error, "stale")) {
        setStale(true);
        return;
      }
      const fields = typeof o.fields === "function" ? o.fields(values) : o.fields;
      setFailure(serverFailure(error, form.setError, fields, m, o.fieldOf));
    }
  });

  return {
    form,
    record,
    version: record?.version,
    initial,
    submit,
    stale,
    failure,
    reload,
    unsaved,
    chooseUnsaved(name, choice) {
      const edit = unsaved.find((e) => e.name === name && e.state === "conflict");
      if (!edit) return;
      if (choice === "mine") put(name, edit.value);
      // Mine: listed as kept like the others; theirs: the field already shows it, nothing to list.
      setUnsaved(
        unsaved.flatMap((e) =>
          e !== edit ? [e] : choice === "mine" ? [{ ...e, state: "kept" as const }] : [],
        ),
      );
    },
    discard() {
      rebase(record);
      setUnsaved(NONE);
      setFailure(null);
    },
    isDirty,
    isSubmitting: form.formState.isSubmitting,
  };
}
