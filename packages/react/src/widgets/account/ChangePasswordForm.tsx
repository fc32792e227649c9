import type { SessionView } from "@staffroom/core";
import { type ReactNode, useState } from "react";
import { useForm } from "react-hook-form";
import { serverFailure } from "../../forms/server-errors";
import { useChangePassword } from "../../hooks/account-hooks";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { AuthCard, AuthDone } from "./AuthCard";
import { NewPasswordFields } from "./NewPasswordFields";
import { DEFAULT_PASSWORD_LENGTH, type PasswordLength } from "./password-hint";

/** Props of {@link ChangePasswordForm}. */
export interface ChangePasswordFormProps {
  /** The session token the host holds (it stays valid; other sessions end). */
  readonly token: string;
  /** Called with the refreshed session (`mustChangePassword` now false). */
  readonly onChanged: (session: SessionView) => void;
  /**
   * The forced change after an administrator's temporary password (`session.mustChangePassword`):
   * explains why, labels the current password "Temporary password" and offers no cancel.
   */
  readonly forced?: boolean;
  /**
   * The forced variant only: the temporary password the person has just typed to sign in
   * (`SignInForm`'s `onSignedIn(result, { temporaryPassword })`). The form then does not ask for it
   * again. Default: the form asks for it (a resumed session, say).
   */
  readonly temporaryPassword?: string;
  /** Shows a Cancel button (never in the forced variant). */
  readonly onCancel?: () => void;
  /** The signed-in email, for password managers (a hidden `autocomplete="username"` field). */
  readonly email?: string;
  /** The server's password length policy, for the hint. Default core's 12–128. */
  readonly passwordLength?: PasswordLength;
  readonly className?: string;
}

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ["currentPassword", "newPassword"] as const;
const NEW_ONLY = ["newPassword"] as const;

/**
 * W13 change password over `auth.changePassword`: current, new (length hint) and confirmation.
 * Core's issues land on their fields (a wrong current password on "Current password", a policy
 * failure on "New password"). `forced` is the must-change screen after a temporary password.
 *
 * @example <ChangePasswordForm token={token} onChanged={() => close()} onCancel={close} />
 * @example <ChangePasswordForm token={token} forced onChanged={(session) => enterApp(session)} />
 */
export function ChangePasswordForm(props: ChangePasswordFormProps): ReactNode {
  const { token, onChanged, forced = false, onCancel, email, className } = props;
  const known = forced ? props.temporaryPassword : undefined;
  const m = useMessages();
  const t = m.account.changePassword;
  const change = useChangePassword();
  const [failure, setFailure] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const form = useForm<Values>({ defaultValues: { currentPassword: "", newPassword: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ currentPassword, newPassword, confirm }) => {
    setFailure(null);
    if (newPassword !== confirm) {
      form.setError("confirm", { type: "match", message: m.account.mismatch }, { shouldFocus: true });
      return;
    }
    try {
      const session = await change.mutate({ token, currentPassword: known ?? currentPassword, newPassword });
      form.reset();
      setChanged(true);
      onChanged(session);
    } catch (error) {
      // Without its field, a refused temporary password is said above the form.
      setFailure(serverFailure(error, form.setError, known === undefined ? FIELDS : NEW_ONLY, m));
    }
  });

  return (
    <AuthCard
      title={forced ? t.forcedTitle : t.title}
      description={forced ? t.forcedDescription : t.description}
      className={className}
    >
      {changed ? (
        <AuthDone title={t.done} />
      ) : (
        <form className="sr-stack" onSubmit={submit} noValidate>
          {failure ? (
            <Alert tone="danger" title={t.failedTitle}>
              {failure}
            </Alert>
          ) : null}
          {email ? <input type="email" autoComplete="username" value={email} readOnly hidden /> : null}
          {known === undefined ? (
            <Field
              label={forced ? t.forcedCurrentPassword : t.currentPassword}
              required
              error={errors.currentPassword?.message}
            >
              {(p) => (
                <input
                  className="sr-input"
                  type="password"
                  autoComplete="current-password"
                  {...p}
                  {...form.register("currentPassword", { required: m.common.fieldRequired })}
                />
              )}
            </Field>
          ) : null}
          <NewPasswordFields
            label={t.newPassword}
            confirmLabel={t.confirmPassword}
            value={form.watch("newPassword")}
            password={form.register("newPassword", { required: m.common.fieldRequired })}
            confirm={form.register("confirm", { required: m.common.fieldRequired })}
            error={errors.newPassword?.message}
            confirmError={errors.confirm?.message}
            bounds={props.passwordLength ?? DEFAULT_PASSWORD_LENGTH}
          />
          <div className="sr-auth-actions">
            {!forced && onCancel ? <Button onClick={onCancel}>{m.common.cancel}</Button> : null}
            <Button variant="primary" type="submit" busy={isSubmitting}>
              {forced ? t.forcedSubmit : t.submit}
            </Button>
          </div>
        </form>
      )}
    </AuthCard>
  );
}
