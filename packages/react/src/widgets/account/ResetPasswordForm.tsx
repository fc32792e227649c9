import { DirectoryError } from "@staffroom/core";
import { type ReactNode, useState } from "react";
import { useForm } from "react-hook-form";
import { serverFailure } from "../../forms/server-errors";
import { useCompletePasswordReset } from "../../hooks/account-hooks";
import { errorMessage } from "../../messages/error-message";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { AuthCard, AuthDone } from "./AuthCard";
import { NewPasswordFields } from "./NewPasswordFields";
import { DEFAULT_PASSWORD_LENGTH, type PasswordLength } from "./password-hint";

/** Props of {@link ResetPasswordForm}. */
export interface ResetPasswordFormProps {
  /** The reset token from the emailed link (the host reads it from its URL). */
  readonly token: string;
  /** Called once the new password is set (every session of the account has ended; nobody is signed in). */
  readonly onReset?: () => void;
  /** The server's password length policy, for the hint. Default core's 12–128. */
  readonly passwordLength?: PasswordLength;
  /** The host's sign-in link, shown when done. */
  readonly signInLink?: ReactNode;
  /** The host's "ask for a new link" link, shown when this one is used or expired. */
  readonly requestNewLink?: ReactNode;
  readonly className?: string;
}

interface Values {
  password: string;
  confirm: string;
}

const FIELDS = ["password"] as const;

/**
 * W13 reset password over `auth.completePasswordReset`: a new password (length hint) and its
 * confirmation. Policy failures land on the password field; a used or expired link says so and
 * offers the host's link to ask for another.
 *
 * @example
 * <StaffroomProvider auth={auth}>
 *   <ResetPasswordForm token={params.get("token") ?? ""} onReset={() => navigate("/sign-in")} />
 * </StaffroomProvider>
 */
export function ResetPasswordForm(props: ResetPasswordFormProps): ReactNode {
  const { token, onReset, signInLink, requestNewLink, className } = props;
  const m = useMessages();
  const t = m.account.resetPassword;
  const complete = useCompletePasswordReset();
  const [state, setState] = useState<"form" | "done" | { invalid: string }>("form");
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { password: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ password, confirm }) => {
    setFailure(null);
    if (password !== confirm) {
      form.setError("confirm", { type: "match", message: m.account.mismatch }, { shouldFocus: true });
      return;
    }
    try {
      await complete.mutate({ token, password });
      setState("done");
      onReset?.();
    } catch (error) {
      if (DirectoryError.is(error, "not_found")) {
        setState({ invalid: errorMessage(m, error) });
        return;
      }
      setFailure(serverFailure(error, form.setError, FIELDS, m));
    }
  });

  if (state === "done") {
    return (
      <AuthCard title={t.title} className={className} footer={signInLink}>
        <AuthDone title={t.doneTitle}>{t.done}</AuthDone>
      </AuthCard>
    );
  }
  if (state !== "form") {
    return (
      <AuthCard title={t.title} className={className} footer={requestNewLink}>
        <AuthDone title={t.invalidTitle} tone="danger">
          {state.invalid}
        </AuthDone>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t.title} description={t.description} className={className}>
      <form className="sr-stack" onSubmit={submit} noValidate>
        {failure ? <Alert tone="danger">{failure}</Alert> : null}
        <NewPasswordFields
          label={t.newPassword}
          confirmLabel={t.confirmPassword}
          value={form.watch("password")}
          password={form.register("password", { required: m.common.fieldRequired })}
          confirm={form.register("confirm", { required: m.common.fieldRequired })}
          error={errors.password?.message}
          confirmError={errors.confirm?.message}
          bounds={props.passwordLength ?? DEFAULT_PASSWORD_LENGTH}
        />
        <Button variant="primary" type="submit" busy={isSubmitting} className="sr-auth-submit">
          {t.submit}
        </Button>
      </form>
    </AuthCard>
  );
}
