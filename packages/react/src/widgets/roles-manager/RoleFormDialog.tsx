import {
  type CatalogView,
  DirectoryError,
  type Role,
  type RoleInput,
  RoleInputSchema,
  type RolePatch,
  RolePatchSchema,
} from "@staffroom/core";
import { type ReactNode, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { coreResolver } from "../../forms/resolver";
import { serverFailure } from "../../forms/server-errors";
import { useCreateRole, useUpdateRole } from "../../hooks/admin-mutations";
import { queryKeys } from "../../hooks/keys";
import { useRoleCatalog } from "../../hooks/reads";
import { usePermissionCheck } from "../../hooks/settings-hooks";
import { useDirectory, useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { StaleAlert } from "../../ui/StaleAlert";

/** Props of {@link RoleFormDialog}. */
export type RoleFormDialogProps = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** Called with the saved role after a create or rename. */
  readonly onSaved: (role: Role) => void;
} & ({ readonly mode: "create" } | { readonly mode: "edit"; readonly role: Role });

interface RoleFormValues {
  name: string;
  description: string;
  /** A template key, or "" for a role without permissions. */
  template: string;
}

const FIELDS = ["name", "description", "template"] as const;
const fieldOf = (path: readonly (string | number)[]): string => String(path[0] ?? "name");

const toInput = (v: RoleFormValues): RoleInput => ({
  name: v.name,
  description: v.description.trim() || null,
  ...(v.template ? { template: v.template } : { permissions: [] }),
});
const toPatch = (v: RoleFormValues): RolePatch => ({
  name: v.name,
  description: v.description.trim() || null,
});

/**
 * W7: create a role from a template (templates with permissions the actor lacks are offered
 * disabled, R3), or rename one. Core's schema validates; a duplicate name lands on the field; a stale
 * version offers a reload.
 *
 * @example <RoleFormDialog mode="create" open onOpenChange={setOpen} onSaved={(role) => select(role.id)} />
 */
export function RoleFormDialog(props: RoleFormDialogProps): ReactNode {
  const m = useMessages();
  const t = m.roles.form;
  const catalog = useRoleCatalog();
  const edit = props.mode === "edit";
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent
        title={props.mode === "edit" ? t.editTitle(props.role.name) : t.createTitle}
        description={edit ? t.editDescription : t.createDescription}
        preventOutsideClose
      >
        {edit || catalog.data ? (
          <RoleForm props={props} templates={catalog.data?.templates ?? []} />
        ) : (
          <div className="sr-dialog-body" role="status">
            {m.common.loading}
          </div>
        )}
      </DialogContent>
    </Dialog.Root>
  );
}

function RoleForm({
  props,
  templates,
}: {
  readonly props: RoleFormDialogProps;
  readonly templates: CatalogView["templates"];
}): ReactNode {
  const m = useMessages();
  const t = m.roles.form;
  const directory = useDirectory();
  const { cache } = useStaffroom();
  const holds = usePermissionCheck();
  const create = useCreateRole();
  const update = useUpdateRole();
  // The version this form renames: it moves only when the person reloads (R12).
  const [base, setBase] = useState(props.mode === "edit" ? props.role : null);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const offered = templates.map((tpl) => ({ ...tpl, allowed: tpl.permissions.every(holds) }));
  const defaults: RoleFormValues = {
    name: base?.name ?? "",
    description: base?.description ?? "",
    // Least privilege by default: a template is a deliberate choice.
    template: "",
  };
  const resolver = useMemo(
    () =>
      props.mode === "edit"
        ? coreResolver(RolePatchSchema, toPatch, fieldOf)
        : coreResolver(RoleInputSchema, toInput, fieldOf),
    [props.mode],
  );
  const form = useForm<RoleFormValues>({ defaultValues: defaults, resolver });
  const e = form.formState.errors;

  const reload = async () => {
    if (!base) return;
    const list = await directory.roles.list();
    cache.set(queryKeys.roles.list, list);
    const fresh = list.find((r) => r.id === base.id) ?? base;
    setBase(fresh);
    form.reset({ name: fresh.name, description: fresh.description ?? "", template: "" });
    setStale(false);
  };

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setStale(false);
    try {
      const saved = base
        ? await update.mutate({ id: base.id, patch: toPatch(values), version: base.version })
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
        <Field label={t.description} error={e.description?.message}>
          {(p) => <textarea className="sr-textarea" rows={2} {...p} {...form.register("description")} />}
        </Field>
        {base ? null : (
          <fieldset className="sr-fieldset">
            <legend>{t.template}</legend>
            <div className="sr-template-list">
              <label className="sr-template">
                <input type="radio" value="" {...form.register("template")} />
                <span>
                  <span className="sr-template-name">{t.blank}</span>
                  <span className="sr-hint">{t.blankHint}</span>
                </span>
              </label>
              {offered.map((tpl) => (
                <label key={tpl.key} className="sr-template" data-disabled={!tpl.allowed || undefined}>
                  <input
                    type="radio"
                    value={tpl.key}
                    disabled={!tpl.allowed}
                    {...form.register("template")}
                  />
                  <span>
                    <span className="sr-template-name">{tpl.name}</span>
                    <span className="sr-hint">{tpl.allowed ? tpl.description : t.templateNeedsMore}</span>
                  </span>
                </label>
              ))}
            </div>
            {e.template?.message ? <span className="sr-field-error">{e.template.message}</span> : null}
          </fieldset>
        )}
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
