import { type ReactNode, useEffect, useId, useRef } from "react";
import { Alert } from "../../ui/Alert";

/** Props of {@link AuthCard}. */
export interface AuthCardProps {
  readonly title: ReactNode;
  readonly description?: ReactNode;
  readonly className?: string | undefined;
  readonly children?: ReactNode;
  /** Below the form: links the host provides (forgot password, back to sign-in). */
  readonly footer?: ReactNode;
}

/**
 * The frame of every account screen: a card labelled by its title, with an optional description
 * and a footer slot for the host's links.
 *
 * @example <AuthCard title="Sign in" description="Use your work email."><form>…</form></AuthCard>
 */
export function AuthCard({ title, description, className, children, footer }: AuthCardProps): ReactNode {
  const id = useId();
  return (
    <section
      className={className ? `sr-card sr-auth ${className}` : "sr-card sr-auth"}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
    >
      <header className="sr-auth-header">
        <h2 className="sr-title" id={`${id}-title`}>
          {title}
        </h2>
        {description ? (
          <p className="sr-subtitle" id={`${id}-description`}>
            {description}
          </p>
        ) : null}
      </header>
      <div className="sr-auth-body">{children}</div>
      {footer ? <div className="sr-auth-footer">{footer}</div> : null}
    </section>
  );
}

/**
 * A finished step (sent, changed, joined): a message that takes focus when it appears, so keyboard
 * and screen-reader users land on it after the form goes away.
 *
 * @example <AuthDone title="Check your email">If an account exists…</AuthDone>
 */
export function AuthDone({
  title,
  children,
  tone = "success",
}: {
  readonly title: string;
  readonly children?: ReactNode;
  readonly tone?: "success" | "danger" | "info";
}): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="sr-auth-done">
      <Alert tone={tone} title={title} role={tone === "danger" ? "alert" : "status"}>
        {children}
      </Alert>
    </div>
  );
}
