import {
  CreateUserInputSchema,
  type Location,
  type Role,
  type User,
  type UserFormOptions,
  UserPatchSchema,
} from "@staffroom/core";
import { type ReactNode, useCallback, useMemo } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { coreResolver } from "../../forms/resolver";
import { StaleNotice } from "../../forms/StaleNotice";
import { serverFailure } from "../../forms/server-errors";
import { useVersionedForm } from "../../forms/use-versioned-form";
import { queryKeys } from "../../hooks/keys";
import { useLocations, useMe, useRoles, useUser, useUserFormOptions } from "../../hooks/reads";
import { useCreateUser, useUpdateUser } from "../../hooks/user-mutations";
import { refusalMessage } from "../../messages/error-message";
import type { Messages } from "../../messages/messages";
import { useDirectory, useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";
import { AccessFields, OptionsFields, PasswordFields, ProfileFields, ProviderFields } from "./UserFormFields";
import {
  defaultPrimaryLocation,
  emptyUserForm,
  fieldOfUserPath,
  type OfferedFields,
  offeredFields,
  toCreateInput,
  toPatch,
  USER_FORM_FIELDS,
  type UserFormValues,
  unchosenChoices,
  userFieldLabel,
  userToForm,
  userValueText,
} from "./user-form-values";

/** Props of {@link UserFormDialog}. */
export type UserFormDialogProps = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** Called with the saved user after a successful create or edit. */
  readonly onSaved?: (user: User) => void;
} & ({ readonly mode: "create" } | { readonly mode: "edit"; readonly userId: string });

/**
 * Places a failure on the form: field issues on their fields (core names the field of a rule error
 * about one field in its `issues`, so those land there too); returns what is left to show in the
 * form's alert.
 *
 * @example setFailure(placeError(error, form.setError, messages));
 */
export function placeError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  m: Messages,
): string | null {
  return serverFailure(error, setError, USER_FORM_FIELDS, m, fieldOfUserPath);
}

/**
 * W1/W4: create a user or edit one — profile, role, locations, sign-in, options and provider
 * credentials. Every choice comes from core's form options (`users.formOptions`): the roles,
 * locations, "all locations", primary locations and flags core refuses are disabled with its reason;
 * choosing a primary location adds it to the access. Validates with core's schemas (zod/mini through
 * zodResolver), puts core's field issues on their fields, and on a `stale` conflict offers to reload
 * the user. A user core refuses the actor altogether (the main contact to anyone else, R7; a user
 * holding permissions the actor lacks, R3; outside its locations, R4) opens read-only, with the reason.
 *
 * @example <UserFormDialog mode="edit" userId={user.id} open={open} onOpenChange={setOpen} onSaved={notify} />
 * @example <UserFormDialog mode="create" open onOpenChange={setOpen} />
 */
export function UserFormDialog(props: UserFormDialogProps): ReactNode {
  const m = useMessages();
  const roles = useRoles();
  const locations = useLocations();
  const userId = props.mode === "edit" ? props.userId : null;
  const user = useUser(userId);
  const options = useUserFormOptions(userId, props.open);
  const ready = roles.data && locations.data && options.data && (props.mode === "create" || user.data);
  // Core decides (its verdict on editing this user at all); the widget shows its reason.
  const readOnly = options.data ? refusalMessage(m, options.data.fields.profile) : null;
  const t = m.userForm;
  const title = props.mode === "create" ? t.createTitle : t.editTitle(user.data?.displayName ?? "");
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent
        title={title}
        description={props.mode === "create" ? t.createDescription : t.editDescription}
        size="lg"
        preventOutsideClose
      >
        {ready && options.data ? (
          <UserForm
            key={user.data?.id ?? "new"}
            props={props}
            roles={roles.data ?? []}
            locations={locations.data ?? []}
            options={options.data}
            user={user.data}
            readOnly={readOnly}
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

interface UserFormProps {
  readonly props: UserFormDialogProps;
  readonly roles: readonly Role[];
  readonly locations: readonly Location[];
  /** Core's form options for this user (or a new one). */
  readonly options: UserFormOptions;
  readonly user: User | undefined;
  /** Why the user cannot be changed here, or null when the form is editable. */
  readonly readOnly: string | null;
}

function UserForm({ props, roles, locations, options, user: loaded, readOnly }: UserFormProps): ReactNode {
  const m = useMessages();
  const directory = useDirectory();
  const { cache } = useStaffroom();
  const create = useCreateUser();
  const update = useUpdateUser();
  const offered: OfferedFields = useMemo(() => offeredFields(options), [options]);
  // A new user starts at the actor's own primary location when core lets them give it, else the
  // first one core offers (and it is in the access).
  const own = useMe().data?.user.primaryLocationId;
  const firstLocation = defaultPrimaryLocation(options, own);
  const toValues = useCallback(
    (user: User | null) => (user ? userToForm(user) : emptyUserForm({ locationId: firstLocation })),
    [firstLocation],
  );
  const resolver = useCallback(
    (initial: UserFormValues) =>
      props.mode === "create"
        ? coreResolver(
            CreateUserInputSchema,
            (v: UserFormValues) => toCreateInput(v, offered),
            fieldOfUserPath,
            (v) => ({
              ...unchosenChoices(m, v),
              ...(v.password === v.confirmPassword ? {} : { confirmPassword: m.userForm.passwordMismatch }),
            }),
            m.errors.issue,
          )
        : coreResolver(
            UserPatchSchema,
            (v: UserFormValues) => toPatch(v, initial, offered),
            fieldOfUserPath,
            undefined,
            m.errors.issue,
          ),
    [props.mode, offered, m],
  );
  const v = useVersionedForm({
    record: loaded ?? null,
    toValues,
    resolver,
    save: (values, { record, version, initial }) =>
      props.mode === "create" || !record || version === undefined
        ? create.mutate(toCreateInput(values, offered))
        : update.mutate({ id: record.id, patch: toPatch(values, initial, offered), version }),
    reload: async (user) => {
      const fresh = await directory.users.get(user.id);
      cache.set(queryKeys.users.detail(user.id), fresh);
      return fresh;
    },
    fields: USER_FORM_FIELDS,
    fieldOf: fieldOfUserPath,
    onSaved: (saved) => {
      props.onSaved?.(saved);
      props.onOpenChange(false);
    },
  });
  const { form } = v;
  const user = v.record;
  const formId = `sr-user-form-${user?.id ?? "new"}`;

  return (
    <form id={formId} className="sr-dialog-form" onSubmit={v.submit} noValidate>
      {/* Read-only, every field is disabled: the body itself takes focus so the keyboard can scroll it. */}
      <div
        className="sr-dialog-body"
        {...(readOnly ? { tabIndex: 0, role: "region", "aria-label": m.userForm.readOnlyTitle } : {})}
      >
        <StaleNotice
          form={v}
          title={m.errors.staleTitle}
          body={m.errors.staleBody}
          labelOf={(name) => userFieldLabel(m, name)}
          valueText={userValueText(m, roles, locations)}
        />
        {readOnly ? (
          <Alert tone="info" title={m.userForm.readOnlyTitle}>
            {readOnly}
          </Alert>
        ) : null}
        <fieldset className="sr-fieldset sr-user-form-fields" disabled={readOnly !== null}>
          <ProfileFields form={form} {...(readOnly ? {} : { emailVerdict: options.fields.email })} />
          <AccessFields form={form} options={options} roles={roles} locations={locations} />
          {props.mode === "create" ? <PasswordFields form={form} /> : null}
          <OptionsFields form={form} options={options} />
          <ProviderFields form={form} options={options} />
        </fieldset>
        {v.failure ? <Alert tone="danger">{v.failure}</Alert> : null}
      </div>
      <div className="sr-dialog-footer">
        <Dialog.Close asChild>
          <Button>{readOnly ? m.common.close : m.common.cancel}</Button>
        </Dialog.Close>
        {readOnly ? null : (
          <Button variant="primary" type="submit" busy={v.isSubmitting}>
            {props.mode === "create" ? m.userForm.submitCreate : m.userForm.submitEdit}
          </Button>
        )}
      </div>
    </form>
  );
}
