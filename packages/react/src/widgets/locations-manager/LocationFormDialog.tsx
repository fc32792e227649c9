import { type Location, type LocationInput, LocationInputSchema, LocationPatchSchema } from "@staffroom/core";
import { type ReactNode, useId } from "react";
import { coreResolver } from "../../forms/resolver";
import { StaleNotice } from "../../forms/StaleNotice";
import { useVersionedForm } from "../../forms/use-versioned-form";
import { useCreateLocation, useUpdateLocation } from "../../hooks/admin-mutations";
import { queryKeys } from "../../hooks/keys";
import { useDirectory, useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";
import { Field } from "../../ui/Field";

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

const toValues = (location: Location | null): LocationFormValues => ({
  name: location?.name ?? "",
  group: location?.group ?? "",
});
const createResolver = () => coreResolver(LocationInputSchema, toInput, fieldOf);
const editResolver = () => coreResolver(LocationPatchSchema, toInput, fieldOf);

function LocationForm({ props }: { readonly props: LocationFormDialogProps }): ReactNode {
  const m = useMessages();
  const t = m.locations.form;
  const listId = useId();
  const directory = useDirectory();
  const { cache } = useStaffroom();
  const create = useCreateLocation();
  const update = useUpdateLocation();
  const v = useVersionedForm({
    record: props.mode === "edit" ? props.location : null,
    toValues,
    resolver: props.mode === "edit" ? editResolver : createResolver,
    save: (values, { record, version }) =>
      record && version !== undefined
        ? update.mutate({ id: record.id, patch: toInput(values), version })
        : create.mutate(toInput(values)),
    reload: async (location) => {
      const list = await directory.locations.list();
      cache.set(queryKeys.locations.list, list);
      return list.find((l) => l.id === location.id) ?? location;
    },
    fields: FIELDS,
    fieldOf,
    onSaved: (saved) => {
      props.onSaved(saved);
      props.onOpenChange(false);
    },
  });
  const { form } = v;
  const e = form.formState.errors;
  const labels: Record<string, string> = { name: t.name, group: t.group };

  return (
    <form className="sr-dialog-form" onSubmit={v.submit} noValidate>
      <div className="sr-dialog-body">
        <StaleNotice form={v} title={t.staleTitle} body={t.staleBody} labelOf={(name) => labels[name]} />
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
        {v.failure ? <Alert tone="danger">{v.failure}</Alert> : null}
      </div>
      <div className="sr-dialog-footer">
        <Dialog.Close asChild>
          <Button>{m.common.cancel}</Button>
        </Dialog.Close>
        <Button variant="primary" type="submit" busy={v.isSubmitting}>
          {v.record ? t.submitEdit : t.submitCreate}
        </Button>
      </div>
    </form>
  );
}
