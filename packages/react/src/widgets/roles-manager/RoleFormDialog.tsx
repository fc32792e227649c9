import {
  type CatalogView,
  type FieldOption,
  type Role,
  type RoleInput,
  RoleInputSchema,
  type RolePatch,
  RolePatchSchema,
} from "@staffroom/core";
import { type ReactNode, useMemo } from "react";
import { coreResolver } from "../../forms/resolver";
import { StaleNotice } from "../../forms/StaleNotice";
import { useVersionedForm } from "../../forms/use-versioned-form";
import { useCreateRole, useUpdateRole } from "../../hooks/admin-mutations";
import { queryKeys } from "../../hooks/keys";
import { useRoleCatalog, useRoleFormOptions } from "../../hooks/reads";
import type { Messages } from "../../messages/messages";
import { useDirectory, useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";
import { Field } from "../../ui/Field";

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
const toValues = (role: Role | null): RoleFormValues => ({
  name: role?.name ?? "",
  description: role?.description ?? "",
  // Least privilege by default: a template is a deliberate choice.
  template: "",
});
const createResolverIn = (m: Messages) => () =>
  coreResolver(RoleInputSchema, toInput, fieldOf, undefined, m.errors.issue);
const editResolverIn = (m: Messages) => () =>
  coreResolver(RolePatchSchema, toPatch, fieldOf, undefined, m.errors.issue);

/**
 * W7: create a role from a template (core's verdict on each, `roles.formOptions()`: templates with
 * permissions the actor lacks are offered disabled, R3), or rename one. Core's schema validates; a duplicate name lands on the field; a stale
 * version offers a reload.
 *
 * @example <RoleFormDialog mode="create" open onOpenChange={setOpen} onSaved={(role) => select(role.id)} />
 */
export function RoleFormDialog(props: RoleFormDialogProps): ReactNode {
  const m = useMessages();
  const t = m.roles.form;
  const catalog = useRoleCatalog();
  const edit = props.mode === "edit";
  const options = useRoleFormOptions(null, !edit);
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent
        title={props.mode === "edit" ? t.editTitle(props.role.name) : t.createTitle}
        description={edit ? t.editDescription : t.createDescription}
        preventOutsideClose
      >
        {edit || (catalog.data && options.data) ? (
          <RoleForm
            props={props}
            templates={catalog.data?.templates ?? []}
            verdicts={options.data?.templates ?? []}
          />
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
  verdicts,
}: {
  readonly props: RoleFormDialogProps;
  readonly templates: CatalogView["templates"];
  /** Core's verdict on starting from each template (R3: the actor holds all its permissions). */
  readonly verdicts: readonly FieldOption[];
}): ReactNode {
  const m = useMessages();
  const t = m.roles.form;
  const directory = useDirectory();
  const { cache } = useStaffroom();
  const create = useCreateRole();
  const update = useUpdateRole();
  const offered = templates.map((tpl) => ({
    ...tpl,
    allowed: verdicts.find((o) => o.value === tpl.key)?.verdict.allowed === true,
  }));
  const v = useVersionedForm({
    record: props.mode === "edit" ? props.role : null,
    toValues,
    resolver: useMemo(() => (props.mode === "edit" ? editResolverIn : createResolverIn)(m), [props.mode, m]),
    save: (values, { record, version }) =>
      record && version !== undefined
        ? update.mutate({ id: record.id, patch: toPatch(values), version })
        : create.mutate(toInput(values)),
    reload: async (role) => {
      const list = await directory.roles.list();
      cache.set(queryKeys.roles.list, list);
      return list.find((r) => r.id === role.id) ?? role;
    },
    fields: FIELDS,
    fieldOf,
    onSaved: (saved) => {
      props.onSaved(saved);
      props.onOpenChange(false);
    },
  });
  const { form } = v;
  const base = v.record;
  const e = form.formState.errors;
  const labels: Record<string, string> = { name: t.name, description: t.description };

  return (
    <form className="sr-dialog-form" onSubmit={v.submit} noValidate>
      <div className="sr-dialog-body">
        <StaleNotice form={v} title={t.staleTitle} body={t.staleBody} labelOf={(name) => labels[name]} />
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
        {v.failure ? <Alert tone="danger">{v.failure}</Alert> : null}
      </div>
      <div className="sr-dialog-footer">
        <Dialog.Close asChild>
          <Button>{m.common.cancel}</Button>
        </Dialog.Close>
        <Button variant="primary" type="submit" busy={v.isSubmitting}>
          {base ? t.submitEdit : t.submitCreate}
        </Button>
      </div>
    </form>
  );
}
