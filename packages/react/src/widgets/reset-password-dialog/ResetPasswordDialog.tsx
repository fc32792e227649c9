import type { User } from "@staffroom/core";
import { type ReactNode, useState } from "react";
import { useForm } from "react-hook-form";
import { serverFailure } from "../../forms/server-errors";
import { useResetPassword } from "../../hooks/user-mutations";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";
import { Field } from "../../ui/Field";

/** Props of {@link ResetPasswordDialog}. */
export interface ResetPasswordDialogProps {
  /** The user as read: its `version` is the one the reset names (R12). */
  readonly user: Pick<User, "id" | "email" | "displayName" | "version">;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** Called after the reset with a confirmation to show. */
  readonly onDone?: (message: string) => void;
}

interface Values {
  mode: "temporary" | "link";
  password: string;
  confirm: string;
  mustChangePassword: boolean;
}

const FIELDS = ["password", "confirm", "mustChangePassword"] as const;

/**
 * W5: reset a user's password — a temporary one they must change at next sign-in, or an emailed
 * single-use link. Password policy failures from core land on the password field.
 *
 * @example <ResetPasswordDialog user={user} open={open} onOpenChange={setOpen} onDone={toast} />
 */
export function ResetPasswordDialog({
  user,
  open,
  onOpenChange,
  onDone,
}: ResetPasswordDialogProps): ReactNode {
  const m = useMessages();
  const t = m.resetPassword;
  const reset = useResetPassword();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    defaultValues: { mode: "temporary", password: "", confirm: "", mustChangePassword: true },
  });
  const mode = form.watch("mode");
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    if (values.mode === "temporary" && values.password !== values.confirm) {
      form.setError("confirm", { type: "match", message: t.mismatch }, { shouldFocus: true });
      return;
    }
    try {
      await reset.mutate({
        id: user.id,
        version: user.version,
        input:
          values.mode === "link"
            ? { mode: "link" }
            : { mode: "temporary", password: values.password, mustChangePassword: values.mustChangePassword },
      });
      onDone?.(values.mode === "link" ? t.doneLink(user.email) : t.doneTemporary(user.displayName));
      form.reset();
      onOpenChange(false);
    } catch (error) {
      setFailure(serverFailure(error, form.setError, FIELDS, m));
    }
  });

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          form.reset();
          setFailure(null);
        }
        onOpenChange(next);
      }}
    >
      <DialogContent title={t.title(user.displayName)} description={t.description} preventOutsideClose>
        <form className="sr-dialog-form" onSubmit={submit} noValidate>
          <div className="sr-dialog-body">
            <fieldset className="sr-fieldset">
              <legend>{t.modeLabel}</legend>
              <div className="sr-stack" style={{ gap: 8 }}>
                <label className="sr-check">
                  <input type="radio" value="temporary" {...form.register("mode")} />
                  <span>
                    {t.modeTemporary}
                    <span className="sr-hint" style={{ display: "block" }}>
                      {t.modeTemporaryHint}
                    </span>
                  </span>
                </label>
                <label className="sr-check">
                  <input type="radio" value="link" {...form.register("mode")} />
                  <span>
                    {t.modeLink}
                    <span className="sr-hint" style={{ display: "block" }}>
                      {t.modeLinkHint(user.email)}
                    </span>
                  </span>
                </label>
              </div>
            </fieldset>
            {mode === "temporary" ? (
              <>
                <Field label={t.password} required error={errors.password?.message}>
                  {(p) => (
                    <input
                      className="sr-input"
                      type="password"
                      autoComplete="new-password"
                      {...p}
                      {...form.register("password", { required: m.common.fieldRequired })}
                    />
                  )}
                </Field>
                <Field label={t.confirmPassword} required error={errors.confirm?.message}>
                  {(p) => (
                    <input
                      className="sr-input"
                      type="password"
                      autoComplete="new-password"
                      {...p}
                      {...form.register("confirm", { required: m.common.fieldRequired })}
                    />
                  )}
                </Field>
                <label className="sr-check">
                  <input type="checkbox" {...form.register("mustChangePassword")} />
                  {t.mustChange}
                </label>
              </>
            ) : null}
            {failure ? <Alert tone="danger">{failure}</Alert> : null}
          </div>
          <div className="sr-dialog-footer">
            <Dialog.Close asChild>
              <Button>{m.common.cancel}</Button>
            </Dialog.Close>
            <Button variant="primary" type="submit" busy={isSubmitting}>
              {mode === "link" ? t.submitLink : t.submitTemporary}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog.Root>
  );
}
