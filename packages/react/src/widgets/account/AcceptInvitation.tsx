import type { AcceptInvitationResult, InvitationView } from "@staffroom/core";
import { type ReactNode, useState } from "react";
import { useForm } from "react-hook-form";
import { serverFailure } from "../../forms/server-errors";
import { useAcceptInvitation, useInvitationByToken } from "../../hooks/account-hooks";
import { errorMessage } from "../../messages/error-message";
import { useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { formatDate } from "../../ui/format";
import { AuthCard, AuthDone } from "./AuthCard";
import { NewPasswordFields } from "./NewPasswordFields";
import { DEFAULT_PASSWORD_LENGTH, type PasswordLength } from "./password-hint";

/** Props of {@link AcceptInvitation}. */
export interface AcceptInvitationProps {
  /** The invitation token from the emailed link (the host reads it from its URL). */
  readonly token: string;
  /** Called after accepting: `outcome` is `activated` (new account) or `joined` (existing account). */
  readonly onAccepted: (result: AcceptInvitationResult) => void;
  /** The server's password length policy, for the hint. Default core's 12–128. */
  readonly passwordLength?: PasswordLength;
  /** The host's sign-in link, shown once the invitation is accepted. */
  readonly signInLink?: ReactNode;
  readonly className?: string;
}

/**
 * W3 accept an invitation: reads `auth.invitation(token)` and shows the organization, who invited
 * and the email. A new account sets a password (with a length hint and confirmation); an existing
 * account just joins and is told so. An expired, used or revoked link shows core's explanation.
 *
 * @example
 * <StaffroomProvider auth={auth}>
 *   <AcceptInvitation token={params.get("token") ?? ""} onAccepted={() => navigate("/sign-in")} />
 * </StaffroomProvider>
 */
export function AcceptInvitation(props: AcceptInvitationProps): ReactNode {
  const m = useMessages();
  const t = m.account.acceptInvitation;
  const invitation = useInvitationByToken(props.token);
  const [done, setDone] = useState<AcceptInvitationResult | null>(null);

  if (done) {
    return (
      <AuthCard title={t.title(done.organizationName)} className={props.className} footer={props.signInLink}>
        <AuthDone title={done.outcome === "activated" ? t.activatedTitle : t.joinedTitle}>
          {done.outcome === "activated"
            ? t.activated(done.organizationName)
            : t.joined(done.organizationName)}
        </AuthDone>
      </AuthCard>
    );
  }
  if (invitation.isError) {
    return (
      <AuthCard title={t.invalidTitle} className={props.className} footer={props.signInLink}>
        <Alert tone="danger">{errorMessage(m, invitation.error)}</Alert>
      </AuthCard>
    );
  }
  const view = invitation.data;
  if (!view) {
    return (
      <AuthCard title={m.account.loading} className={props.className}>
        <p className="sr-muted" role="status">
          {m.account.loading}
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={t.title(view.organizationName)}
      description={
        view.invitedBy ? t.invitedBy(view.invitedBy, view.organizationName) : t.invited(view.organizationName)
      }
      className={props.className}
    >
      <AcceptForm
        view={view}
        token={props.token}
        bounds={props.passwordLength ?? DEFAULT_PASSWORD_LENGTH}
        onAccepted={(result) => {
          setDone(result);
          props.onAccepted(result);
        }}
      />
    </AuthCard>
  );
}

interface Values {
  password: string;
  confirm: string;
}

const FIELDS = ["password"] as const;

function AcceptForm({
  view,
  token,
  bounds,
  onAccepted,
}: {
  readonly view: InvitationView;
  readonly token: string;
  readonly bounds: PasswordLength;
  readonly onAccepted: (result: AcceptInvitationResult) => void;
}): ReactNode {
  const m = useMessages();
  const { locale } = useStaffroom();
  const t = m.account.acceptInvitation;
  const accept = useAcceptInvitation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { password: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;
  const needsPassword = !view.existingAccount;

  const submit = form.handleSubmit(async ({ password, confirm }) => {
    setFailure(null);
    if (needsPassword && password !== confirm) {
      form.setError("confirm", { type: "match", message: m.account.mismatch }, { shouldFocus: true });
      return;
    }
    try {
      onAccepted(await accept.mutate(needsPassword ? { token, password } : { token }));
    } catch (error) {
      setFailure(serverFailure(error, form.setError, FIELDS, m));
    }
  });

  return (
    <form className="sr-stack" onSubmit={submit} noValidate>
      <Field label={m.account.email}>
        {(p) => (
          <input
            className="sr-input"
            type="email"
            autoComplete="username"
            value={view.email}
            readOnly
            {...p}
          />
        )}
      </Field>
      {needsPassword ? (
        <>
          <p className="sr-muted sr-auth-text">{t.newAccount}</p>
          <NewPasswordFields
            label={t.password}
            confirmLabel={t.confirmPassword}
            value={form.watch("password")}
            password={form.register("password", { required: m.common.fieldRequired })}
            confirm={form.register("confirm", { required: m.common.fieldRequired })}
            error={errors.password?.message}
            confirmError={errors.confirm?.message}
            bounds={bounds}
          />
        </>
      ) : (
        <Alert tone="info">{t.existingAccount(view.email)}</Alert>
      )}
      <p className="sr-hint">{t.expires(formatDate(view.expiresAt, locale, ""))}</p>
      {failure ? <Alert tone="danger">{failure}</Alert> : null}
      <Button variant="primary" type="submit" busy={isSubmitting} className="sr-auth-submit">
        {needsPassword ? t.submitNew : t.submitExisting(view.organizationName)}
      </Button>
    </form>
  );
}
