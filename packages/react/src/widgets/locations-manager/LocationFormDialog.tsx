import {
  DirectoryError,
  type Location,
  type LocationInput,
  LocationInputSchema,
  LocationPatchSchema,
} from "@staffroom/core";
import { type ReactNode, useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { coreResolver } from "../../forms/resolver";
import { serverFailure } from "../../forms/server-errors";
import { useCreateLocation, useUpdateLocation } from "../../hooks/admin-mutations";
import { queryKeys } from "../../hooks/keys";
import { useDirectory, useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { StaleAlert } from "../../ui/StaleAlert";

/** Props of {@link LocationFormDialog}. */
export type LocationFormDialogProps = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** Called with the saved location after a create or edit. */
  readonly onSaved: (location: Location) => void;
  /** Existing groups, suggested while typing. */
  readonly groups?: readonly string[];
} & ({ readonly mode: "create" } | { readonly mode: "edit"; readonly location: Location });

interface LocationFormValues {
  name: string;
  group: string;
}

const FIELDS = ["name", "group"] as const;
const fieldOf = (path: readonly (string | number)[]): string => String(path[0] ?? "name");
const toInput = (v: LocationFormValues): LocationInput => ({ name: v.name, group: v.group.trim() || null });

/**
 * W8: add a location, or rename / regroup one. Core's schema validates; a duplicate name lands on
 * the field; a refusal (a location-limited actor may not add locations, R4) shows in the dialog; a
 * stale version offers a reload.
 *
 * @example <LocationFormDialog mode="edit" location={location} open onOpenChange={setOpen} onSaved={notify} />
 */
export function LocationFormDialog(props: LocationFormDialogProps): ReactNode {
  const t = useMessages().locations.form;
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent
        title={props.mode === "edit" ? t.editTitle(props.location.name) : t.createTitle}
        description={props.mode === "edit" ? t.editDescription : t.createDescription}
        preventOutsideClose
      >
        <LocationForm props={props} />
      </DialogContent>
    </Dialog.Root>
  );
}

function LocationForm({ props }: { readonly props: LocationFormDialogProps }): ReactNode {
  const m = useMessages();
  const t = m.locations.form;
  const listId = useId();
  const directory = useDirectory();
  const { cache } = useStaffroom();
  const create = useCreateLocation();
  const update = useUpdateLocation();
  // The version this form edits: it moves only when the person reloads (R12).
  const [base, setBase] = useState(props.mode === "edit" ? props.location : null);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const resolver = useMemo(
    () =>
      props.mode === "edit"
        ? coreResolver(LocationPatchSchema, toInput, fieldOf)
        : coreResolver(LocationInputSchema, toInput, fieldOf),
    [props.mode],
  );
  const form = useForm<LocationFormValues>({
    defaultValues: { name: base?.name ?? "", group: base?.group ?? "" },
    resolver,
  });
  const e = form.formState.errors;

  const reload = async () => {
    if (!base) return;
    const list = await directory.locations.list();
    cache.set(queryKeys.locations.list, list);
    const fresh = list.find((l) => l.id === base.id) ?? base;
    setBase(fresh);
    form.reset({ name: fresh.name, group: fresh.group ?? "" });
    setStale(false);
  };

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setStale(false);
    try {
      const saved = base
        ? await update.mutate({ id: base.id, patch: toInput(values), version: base.version })
        : await create.mutate(toInput(values));
      props.onSaved(saved);
      props.onOpenChange(false);
    } catch (error) {
      if (DirectoryError.is(error, "stale")) {
        setStale(true);
        return;
      }
      setFailure(serverFailure(error, form.setError, FIELDS, m));
    }
  });

  return (
    <form className="sr-dialog-form" onSubmit={submit} noValidate>
      <div className="sr-dialog-body">
        {stale ? <StaleAlert title={t.staleTitle} body={t.staleBody} onReload={() => void reload()} /> : null}
        <Field label={t.name} required error={e.name?.message}>
          {(p) => <input className="sr-input" autoComplete="off" {...p} {...form.register("name")} />}
        </Field>
        <Field label={t.group} hint={t.groupHint} error={e.group?.message}>
          {(p) => (
            <input className="sr-input" autoComplete="off" list={listId} {...p} {...form.register("group")} />
          )}
        </Field>
        <datalist id={listId}>
          {(props.groups ?? []).map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        {failure ? <Alert tone="danger">{failure}</Alert> : null}
      </div>
      <div className="sr-dialog-footer">
        <Dialog.Close asChild>
          <Button>{m.common.cancel}</Button>
        </Dialog.Close>
        <Button variant="primary" type="submit" busy={form.formState.isSubmitting}>
          {base ? t.submitEdit : t.submitCreate}
        </Button>
      </div>
    </form>
  );
}
