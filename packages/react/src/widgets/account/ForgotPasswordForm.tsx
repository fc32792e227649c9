import { DEFAULT_POLICY, EmailSchema } from "@staffroom/core";
import { type ReactNode, useState } from "react";
import { useForm } from "react-hook-form";
import { useRequestPasswordReset } from "../../hooks/account-hooks";
import { errorMessage } from "../../messages/error-message";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { AuthCard, AuthDone } from "./AuthCard";

/** Props of {@link ForgotPasswordForm}. */
export interface ForgotPasswordFormProps {
  /** Called once the request went out (whatever the email). */
  readonly onSent?: () => void;
  /** Prefills the email (from the sign-in form). */
  readonly defaultEmail?: string;
  /** How long the server's reset links live, in minutes, for the message. Default core's 60. */
  readonly linkValidMinutes?: number;
  /** The host's "Back to sign-in" link. */
  readonly backToSignIn?: ReactNode;
  readonly className?: string;
}

interface Values {
  email: string;
}

/**
 * W13 forgot password over `auth.requestPasswordReset`: the email is checked for its form (core's
 * EmailSchema), then the confirmation is always the same whether or not an account exists, so the
 * screen tells nobody who has one.
 *
 * @example
 * <StaffroomProvider auth={auth}>
 *   <ForgotPasswordForm onSent={() => track("reset_requested")} backToSignIn={<a href="/sign-in">Back to sign-in</a>} />
 * </StaffroomProvider>
 */
export function ForgotPasswordForm(props: ForgotPasswordFormProps): ReactNode {
  const { onSent, defaultEmail = "", backToSignIn, className } = props;
  const minutes = props.linkValidMinutes ?? Math.round(DEFAULT_POLICY.resetTokenTtlMs / 60_000);
  const m = useMessages();
  const t = m.account.forgotPassword;
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { email: defaultEmail } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ email }) => {
    setFailure(null);
    try {
      await request.mutate({ email });
      setSentTo(email);
      onSent?.();
    } catch (error) {
      setFailure(errorMessage(m, error));
    }
  });

  return (
    <AuthCard
      title={t.title}
      description={sentTo ? undefined : t.description}
      className={className}
      footer={backToSignIn}
    >
      {sentTo ? (
        <AuthDone title={t.sentTitle}>{t.sent(sentTo, minutes)}</AuthDone>
      ) : (
        <form className="sr-stack" onSubmit={submit} noValidate>
          {failure ? <Alert tone="danger">{failure}</Alert> : null}
          <Field label={m.account.email} required error={errors.email?.message}>
            {(p) => (
              <input
                className="sr-input"
                type="email"
                autoComplete="username"
                spellCheck={false}
                {...p}
                {...form.register("email", {
                  required: m.common.fieldRequired,
                  validate: (value) => {
                    const parsed = EmailSchema.safeParse(value);
                    return parsed.success || (parsed.error.issues[0]?.message ?? m.common.fieldRequired);
                  },
                })}
              />
            )}
          </Field>
          <Button variant="primary" type="submit" busy={isSubmitting} className="sr-auth-submit">
            {t.submit}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
