import {
  type DirectoryErrorData,
  type InviteManyInput,
  InviteManyInputSchema,
  type InviteManyResult,
  parseInvitees,
  type UserFormOptions,
} from "@staffroom/core";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { coreResolver } from "../../forms/resolver";
import { useLocations, useMe, useRoles, useUserFormOptions } from "../../hooks/reads";
import { useInviteMany } from "../../hooks/user-mutations";
import { errorMessage } from "../../messages/error-message";
import type { Messages } from "../../messages/messages";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { placeError } from "../user-form-dialog/UserFormDialog";
import { AccessFields } from "../user-form-dialog/UserFormFields";
import {
  defaultPrimaryLocation,
  emptyUserForm,
  fieldOfUserPath,
  offeredFields,
  toInviteInput,
  type UserFormValues,
  unchosenChoices,
} from "../user-form-dialog/user-form-values";

/** Props of {@link InviteManyDialog}. */
export interface InviteManyDialogProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** Called with core's per-address result once the invitations have gone out. Default: nothing. */
  readonly onInvited?: (result: InviteManyResult) => void;
}

/**
 * W2 for several people (reference 004, `users.inviteMany`): paste email addresses (one per line or
 * separated by commas; `First Last <email>` names someone), give them one role and the same location
 * access — the choices core's form options allow for a new user — and send. Core invites each
 * address through the rules of a single invite; the dialog then shows the result of every address
 * (invited, or core's reason) and can put the ones that failed back in the form.
 *
 * @example <InviteManyDialog open={open} onOpenChange={setOpen} onInvited={(r) => toast(`${r.succeeded} invited`)} />
 */
export function InviteManyDialog({ open, onOpenChange, onInvited }: InviteManyDialogProps): ReactNode {
  const m = useMessages();
  const roles = useRoles();
  const locations = useLocations();
  const options = useUserFormOptions(null, open);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={m.inviteMany.title}
        description={m.inviteMany.description}
        size="lg"
        preventOutsideClose
      >
        {roles.data && locations.data && options.data ? (
          <InviteManyForm
            roles={roles.data}
            locations={locations.data}
            options={options.data}
            onInvited={(result) => onInvited?.(result)}
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

/** The message of one address that failed: the host's override for its rule, issue or code, else core's. */
function rowMessage(m: Messages, error: DirectoryErrorData): string {
  const byRule = error.rule ? m.errors.rule[error.rule] : undefined;
  if (byRule) return byRule;
  const issue = error.issues?.[0];
  if (issue) return m.errors.issue(issue) ?? m.errors.code[error.code] ?? issue.message;
  return errorMessage(m, error);
}

function InviteManyForm({
  roles,
  locations,
  options,
  onInvited,
}: {
  readonly roles: Parameters<typeof AccessFields>[0]["roles"];
  readonly locations: Parameters<typeof AccessFields>[0]["locations"];
  readonly options: UserFormOptions;
  readonly onInvited: (result: InviteManyResult) => void;
}): ReactNode {
  const offered = useMemo(() => offeredFields(options), [options]);
  const m = useMessages();
  const t = m.inviteMany;
  const own = useMe().data?.user.primaryLocationId;
  const inviteMany = useInviteMany();
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<InviteManyResult | null>(null);
  // Back from the results to correct the addresses that failed: the field they are in takes focus.
  const [retrying, setRetrying] = useState(false);
  // The form's `email` field holds the pasted addresses; role and locations are the user form's own.
  const toInput = useMemo(
    () =>
      (v: UserFormValues): InviteManyInput => {
        const { roleId, locationAccess, primaryLocationId } = toInviteInput(v, offered);
        return { invitees: parseInvitees(v.email), roleId, locationAccess, primaryLocationId };
      },
    [offered],
  );
  const resolver = useMemo(
    () =>
      coreResolver(
        InviteManyInputSchema,
        toInput,
        (path) => (path[0] === "invitees" ? "email" : fieldOfUserPath(path)),
        (v) => ({
          ...unchosenChoices(m, v),
          ...(parseInvitees(v.email).length === 0 ? { email: t.emailsRequired } : {}),
        }),
      ),
    [toInput, m, t],
  );
  const form = useForm<UserFormValues>({
    defaultValues: emptyUserForm({ locationId: defaultPrimaryLocation(options, own) }),
    resolver,
  });
  const count = parseInvitees(form.watch("email")).length;
  const { setFocus } = form;
  useEffect(() => {
    if (retrying && result === null) {
      setFocus("email");
      setRetrying(false);
    }
  }, [retrying, result, setFocus]);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const answer = await inviteMany.mutate(toInput(values));
      setResult(answer);
      onInvited(answer);
    } catch (error) {
      setFailure(placeError(error, form.setError, m));
    }
  });

  if (result) {
    return (
      <InviteManyResults
        result={result}
        onRetry={(failed) => {
          form.setValue("email", failed.join("\n"));
          setResult(null);
          setRetrying(true);
        }}
      />
    );
  }

  const e = form.formState.errors;
  return (
    <form className="sr-dialog-form" onSubmit={submit} noValidate>
      <div className="sr-dialog-body">
        <Field label={t.emails} hint={t.emailsHint} required error={e.email?.message}>
          {(p) => (
            <textarea
              className="sr-textarea"
              rows={5}
              autoComplete="off"
              spellCheck={false}
              {...p}
              {...form.register("email")}
            />
          )}
        </Field>
        <p className="sr-hint" aria-live="polite">
          {t.counted(count)}
        </p>
        <AccessFields form={form} options={options} roles={roles} locations={locations} />
        {failure ? <Alert tone="danger">{failure}</Alert> : null}
      </div>
      <div className="sr-dialog-footer">
        <Dialog.Close asChild>
          <Button>{m.common.cancel}</Button>
        </Dialog.Close>
        <Button variant="primary" type="submit" busy={form.formState.isSubmitting}>
          {t.submit(count)}
        </Button>
      </div>
    </form>
  );
}

/** Core's answer for each address: invited (as whom), or not, with the reason. */
function InviteManyResults({
  result,
  onRetry,
}: {
  readonly result: InviteManyResult;
  readonly onRetry: (failed: readonly string[]) => void;
}): ReactNode {
  const m = useMessages();
  const t = m.inviteMany;
  const heading = useRef<HTMLHeadingElement>(null);
  // The form the person was in is gone: the results' heading takes focus, and is read first.
  useEffect(() => heading.current?.focus(), []);
  const failed = result.results.filter((r) => !r.ok).map((r) => r.email);
  return (
    <div className="sr-dialog-form">
      <div className="sr-dialog-body">
        <h3 className="sr-section-title" tabIndex={-1} ref={heading}>
          {t.resultsTitle}
        </h3>
        <Alert tone={result.failed === 0 ? "success" : "warning"} role="status">
          {t.summary(result.succeeded, result.failed)}
        </Alert>
        <div className="sr-table-wrap">
          <table className="sr-table">
            <caption className="sr-visually-hidden">{t.resultsLabel}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.email}</th>
                <th scope="col">{t.columns.result}</th>
              </tr>
            </thead>
            <tbody>
              {result.results.map((row, index) => (
                // An address may fail twice (listed twice): the row's place keeps it apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows never move
                <tr key={index}>
                  <th scope="row">{row.email}</th>
                  <td>
                    {row.ok ? (
                      <>
                        <Badge tone="success">{t.invited}</Badge> {t.invitedAs(row.user.displayName)}
                      </>
                    ) : (
                      <>
                        <Badge tone="danger">{t.notInvited}</Badge> {rowMessage(m, row.error)}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="sr-dialog-footer">
        {failed.length > 0 ? <Button onClick={() => onRetry(failed)}>{t.retryFailed}</Button> : null}
        <Dialog.Close asChild>
          <Button variant="primary">{t.done}</Button>
        </Dialog.Close>
      </div>
    </div>
  );
}
