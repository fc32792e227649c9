import { tokenFromLink } from "@staffroom/core";
import {
  AcceptInvitation,
  ChangePasswordForm,
  ForgotPasswordForm,
  ResetPasswordForm,
  SignInForm,
} from "@staffroom/react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Link } from "../routing/Link";
import { isInAppPath, navigate, useAppLocation } from "../routing/router";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../seed/demo-accounts";
import { useSession } from "../session/session";
import { Notice, PageHeader, Pending } from "../shell/PageHeader";
import { Redirect } from "../shell/Redirect";

/** History state the account pages pass on: where to return after signing in, an email to prefill. */
interface AccountState {
  readonly from?: unknown;
  readonly email?: unknown;
}

function accountState(state: unknown): AccountState {
  return typeof state === "object" && state !== null ? (state as AccountState) : {};
}

/** The mailed token of this page: `?token=…` (the Mail page's links) or `#token=…` (the raw mailed link). */
function useToken(): string | null {
  const { search, hash } = useAppLocation();
  const fromQuery = search.get("token");
  if (fromQuery && /^[A-Za-z0-9_-]+$/.test(fromQuery)) return fromQuery;
  return tokenFromLink(hash);
}

/** The frame of an account page: its heading, the widget, and the demo's hints beside it. */
function AccountPage({
  title,
  children,
  aside,
}: {
  readonly title: string;
  readonly children: ReactNode;
  readonly aside?: ReactNode;
}): ReactNode {
  return (
    <div className="auth-layout">
      <div className="auth-main">
        <PageHeader trail={["Harbor EHR", "Account"]} title={title} />
        {children}
      </div>
      {aside ? <aside className="auth-aside">{aside}</aside> : null}
    </div>
  );
}

/** The Mail page hint every account page shows: links arrive in the demo's own outbox. */
function MailHint(): ReactNode {
  return (
    <>
      <h2 className="auth-aside-title">Where mail goes</h2>
      <p>
        This demo has no mail server: invitations and password-reset links land in its own outbox. Open{" "}
        <Link to="/mail">Mail</Link> and follow the link from there.
      </p>
    </>
  );
}

/**
 * /sign-in: the SignInForm, the seeded accounts to try, and the way back to where the visitor was going.
 *
 * @example <SignInPage />
 */
export function SignInPage(): ReactNode {
  const { state, accept } = useSession();
  const location = useAppLocation();
  const passed = accountState(location.state);
  const from = isInAppPath(passed.from) ? passed.from : "/settings/users";
  const [prefill, setPrefill] = useState({
    email: typeof passed.email === "string" ? passed.email : "",
    key: 0,
  });
  const main = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (prefill.key === 0) return;
    main.current?.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')?.focus();
  }, [prefill]);

  if (state.status === "signed-in") return <Redirect to={from} />;
  if (state.status === "must-change") return <Redirect to="/change-password" state={{ from }} />;
  if (state.status !== "signed-out") return <Pending>Signing in…</Pending>;

  return (
    <AccountPage
      title="Sign in"
      aside={
        <>
          <h2 className="auth-aside-title">Demo accounts</h2>
          <p>
            Every seeded account uses the password <code className="app-code">{DEMO_PASSWORD}</code>.
          </p>
          <ul className="auth-accounts">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  className="auth-account"
                  onClick={() => setPrefill((p) => ({ email: account.email, key: p.key + 1 }))}
                >
                  <span className="auth-account-name">{account.name}</span>
                  <span className="auth-account-email">{account.email}</span>
                  <span className="auth-account-note">{account.note}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      }
    >
      <div ref={main}>
        {state.notice ? <Notice tone="warning">{state.notice}</Notice> : null}
        <SignInForm
          key={prefill.key}
          defaultEmail={prefill.email}
          onSignedIn={(result, forced) => void accept(result, forced)}
          forgotPassword={<Link to="/forgot-password">Forgot your password?</Link>}
        />
      </div>
    </AccountPage>
  );
}

/**
 * /forgot-password: asks for a reset link (the same answer whether or not the email has an account).
 *
 * @example <ForgotPasswordPage />
 */
export function ForgotPasswordPage(): ReactNode {
  const [sent, setSent] = useState(false);
  return (
    <AccountPage title="Forgot password" aside={<MailHint />}>
      <ForgotPasswordForm
        onSent={() => setSent(true)}
        backToSignIn={<Link to="/sign-in">Back to sign-in</Link>}
      />
      {sent ? (
        <Notice>
          If the email has an account, its reset link is in the demo's <Link to="/mail">Mail</Link>.
        </Notice>
      ) : null}
    </AccountPage>
  );
}

/** /reset-password?token=…: sets a new password with a mailed reset token. @example <ResetPasswordPage /> */
export function ResetPasswordPage(): ReactNode {
  const token = useToken();
  return (
    <AccountPage title="Reset password" aside={<MailHint />}>
      {token ? (
        <ResetPasswordForm
          token={token}
          signInLink={<Link to="/sign-in">Go to sign-in</Link>}
          requestNewLink={<Link to="/forgot-password">Ask for a new link</Link>}
        />
      ) : (
        <Notice tone="warning" title="This page needs the link from a reset email">
          Ask for one on <Link to="/forgot-password">Forgot password</Link>, then open it from{" "}
          <Link to="/mail">Mail</Link>.
        </Notice>
      )}
    </AccountPage>
  );
}

/**
 * /accept-invitation?token=…: a new account sets its password; an existing one joins (W3).
 *
 * @example <AcceptInvitationPage />
 */
export function AcceptInvitationPage(): ReactNode {
  const token = useToken();
  const [email, setEmail] = useState<string | null>(null);
  return (
    <AccountPage title="Accept invitation" aside={<MailHint />}>
      {token ? (
        <AcceptInvitation
          token={token}
          onAccepted={(result) => setEmail(result.email)}
          signInLink={
            <Link to="/sign-in" state={email ? { email } : null}>
              Go to sign-in
            </Link>
          }
        />
      ) : (
        <Notice tone="warning" title="This page needs the link from an invitation email">
          An administrator invites people from <Link to="/settings/users">Users</Link>; the invitation then
          waits in <Link to="/mail">Mail</Link>.
        </Notice>
      )}
    </AccountPage>
  );
}

/**
 * /change-password: the forced change after a temporary password (then on to the app), or a
 * voluntary change from the top bar.
 *
 * @example <ChangePasswordPage />
 */
export function ChangePasswordPage(): ReactNode {
  const { state, passwordChanged } = useSession();
  const location = useAppLocation();
  const passed = accountState(location.state);
  const from = isInAppPath(passed.from) ? passed.from : "/settings/users";
  // Once forced, the page leads on into the app when the new password is set.
  const forced = useRef(false);
  if (state.status === "must-change") forced.current = true;

  if (state.status === "signed-out") return <Redirect to="/sign-in" />;
  if (state.status === "signed-in" && forced.current) return <Redirect to={from} />;
  if (state.status !== "signed-in" && state.status !== "must-change") {
    return <Pending>Opening your session…</Pending>;
  }
  const { held } = state;
  return (
    <AccountPage title="Change password">
      {state.status === "must-change" ? (
        <ChangePasswordForm
          forced
          token={held.token}
          {...(state.temporaryPassword ? { temporaryPassword: state.temporaryPassword } : {})}
          email={held.session.user.email}
          onChanged={(session) => void passwordChanged(session)}
        />
      ) : (
        <ChangePasswordForm
          token={held.token}
          email={held.session.user.email}
          onChanged={(session) => void passwordChanged(session)}
          onCancel={() => navigate("/settings/users")}
        />
      )}
    </AccountPage>
  );
}
