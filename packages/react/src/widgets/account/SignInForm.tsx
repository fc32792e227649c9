import { DirectoryError, type SignInResult } from "@staffroom/core";
import { type ReactNode, useState } from "react";
import { useForm } from "react-hook-form";
import { useSignIn } from "../../hooks/account-hooks";
import { errorMessage } from "../../messages/error-message";
import type { Messages } from "../../messages/messages";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { AuthCard } from "./AuthCard";

/** Props of {@link SignInForm}. */
export interface SignInFormProps {
  /**
   * Called with the new session. When `result.session.mustChangePassword`, show ChangePasswordForm
   * `forced`, passing it `temporaryPassword` (the password just typed, handed over only then) so it
   * does not ask for it again.
   */
  readonly onSignedIn: (result: SignInResult, forced: { readonly temporaryPassword?: string }) => void;
  /** Sign in to this organization (for example from the host's subdomain). Default: the most recently used. */
  readonly organizationId?: string;
  /** Prefills the email (a remembered user name). */
  readonly defaultEmail?: string;
  /** The host's "Forgot your password?" link or button, shown under the password. */
  readonly forgotPassword?: ReactNode;
  readonly className?: string;
}

interface Values {
  email: string;
  password: string;
}

/** The words for a failed sign-in: one generic answer for every unauthenticated case (R17). */
function failureOf(m: Messages, error: unknown): { title: string; text: string } {
  const a = m.account.signIn;
  if (DirectoryError.is(error, "unauthenticated")) return { title: a.invalidTitle, text: a.invalid };
  if (DirectoryError.is(error, "rule") && error.rule === "concurrent_seat_limit") {
    return { title: a.seatLimitTitle, text: m.errors.rule.concurrent_seat_limit ?? a.seatLimit };
  }
  return { title: a.invalidTitle, text: errorMessage(m, error) };
}

/**
 * W13 sign-in over `auth.signIn`: email (`autocomplete="username"`) and password
 * (`current-password`). Every wrong-credential case — unknown email, wrong password, locked,
 * disabled — gets the same message; a full concurrent-seat limit gets its own. After a failure the
 * password is cleared and focused.
 *
 * @example
 * <StaffroomProvider auth={auth}>
 *   <SignInForm onSignedIn={({ token, session }) => store(token, session)} forgotPassword={<a href="/forgot">Forgot your password?</a>} />
 * </StaffroomProvider>
 */
export function SignInForm(props: SignInFormProps): ReactNode {
  const { onSignedIn, organizationId, defaultEmail = "", forgotPassword, className } = props;
  const m = useMessages();
  const t = m.account.signIn;
  const signIn = useSignIn();
  const [failure, setFailure] = useState<{ title: string; text: string } | null>(null);
  const form = useForm<Values>({ defaultValues: { email: defaultEmail, password: "" } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      const result = await signIn.mutate({ email, password, ...(organizationId ? { organizationId } : {}) });
      onSignedIn(result, result.session.mustChangePassword ? { temporaryPassword: password } : {});
    } catch (error) {
      setFailure(failureOf(m, error));
      form.resetField("password");
      form.setFocus("password");
    }
  });

  return (
    <AuthCard title={t.title} description={t.description} className={className}>
      <form className="sr-stack" onSubmit={submit} noValidate>
        {failure ? (
          <Alert tone="danger" title={failure.title}>
            {failure.text}
          </Alert>
        ) : null}
        <Field label={m.account.email} required error={errors.email?.message}>
          {(p) => (
            <input
              className="sr-input"
              type="email"
              autoComplete="username"
              spellCheck={false}
              {...p}
              {...form.register("email", { required: m.common.fieldRequired })}
            />
          )}
        </Field>
        <Field label={t.password} required error={errors.password?.message}>
          {(p) => (
            <input
              className="sr-input"
              type="password"
              autoComplete="current-password"
              {...p}
              {...form.register("password", { required: m.common.fieldRequired })}
            />
          )}
        </Field>
        {forgotPassword ? <div className="sr-auth-link">{forgotPassword}</div> : null}
        <Button variant="primary" type="submit" busy={isSubmitting} className="sr-auth-submit">
          {t.submit}
        </Button>
      </form>
    </AuthCard>
  );
}
