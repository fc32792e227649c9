import { InviteUserInputSchema, type User, type UserFormOptions } from "@staffroom/core";
import { type ReactNode, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { coreResolver } from "../../forms/resolver";
import { useLocations, useMe, useRoles, useUserFormOptions } from "../../hooks/reads";
import { useInviteUser } from "../../hooks/user-mutations";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";
import { placeError } from "../user-form-dialog/UserFormDialog";
import { AccessFields, ProfileFields } from "../user-form-dialog/UserFormFields";
import {
  defaultPrimaryLocation,
  emptyUserForm,
  fieldOfUserPath,
  offeredFields,
  toInviteInput,
  type UserFormValues,
  unchosenChoices,
} from "../user-form-dialog/user-form-values";

/** Props of {@link InviteUserDialog}. */
export interface InviteUserDialogProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** Called with the pending user after the invitation is sent. */
  readonly onInvited?: (user: User) => void;
}

/**
 * W2: invite a user by email with a name (as on clinical notes), title, role, primary location and
 * location access — the choices core's form options allow for a new user, the others disabled with
 * the reason. They show in the Pending tab until they accept.
 *
 * @example <InviteUserDialog open={open} onOpenChange={setOpen} onInvited={(u) => toast(`Invited ${u.email}`)} />
 */
export function InviteUserDialog({ open, onOpenChange, onInvited }: InviteUserDialogProps): ReactNode {
  const m = useMessages();
  const roles = useRoles();
  const locations = useLocations();
  const options = useUserFormOptions(null, open);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <DialogContent title={m.invite.title} description={m.invite.description} size="lg" preventOutsideClose>
        {roles.data && locations.data && options.data ? (
          <InviteForm
            roles={roles.data}
            locations={locations.data}
            options={options.data}
            onDone={(user) => {
              onInvited?.(user);
              onOpenChange(false);
            }}
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

function InviteForm({
  roles,
  locations,
  options,
  onDone,
}: {
  readonly roles: Parameters<typeof AccessFields>[0]["roles"];
  readonly locations: Parameters<typeof AccessFields>[0]["locations"];
  readonly options: UserFormOptions;
  readonly onDone: (user: User) => void;
}): ReactNode {
  const offered = useMemo(() => offeredFields(options), [options]);
  const m = useMessages();
  const own = useMe().data?.user.primaryLocationId;
  const invite = useInviteUser();
  const [failure, setFailure] = useState<string | null>(null);
  const resolver = useMemo(
    () =>
      coreResolver(
        InviteUserInputSchema,
        (v: UserFormValues) => toInviteInput(v, offered),
        fieldOfUserPath,
        (v) => unchosenChoices(m, v),
        m.errors.issue,
      ),
    [offered, m],
  );
  const form = useForm<UserFormValues>({
    defaultValues: emptyUserForm({
      locationId: defaultPrimaryLocation(options, own),
    }),
    resolver,
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const { user } = await invite.mutate(toInviteInput(values, offered));
      onDone(user);
    } catch (error) {
      setFailure(placeError(error, form.setError, m));
    }
  });
  return (
    <form className="sr-dialog-form" onSubmit={submit} noValidate>
      <div className="sr-dialog-body">
        <ProfileFields form={form} compact />
        <AccessFields form={form} options={options} roles={roles} locations={locations} />
        {failure ? <Alert tone="danger">{failure}</Alert> : null}
      </div>
      <div className="sr-dialog-footer">
        <Dialog.Close asChild>
          <Button>{m.common.cancel}</Button>
        </Dialog.Close>
        <Button variant="primary" type="submit" busy={form.formState.isSubmitting}>
          {m.invite.submit}
        </Button>
      </div>
    </form>
  );
}
