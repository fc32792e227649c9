import type { ReactNode } from "react";

/** Props of {@link Alert}. */
export interface AlertProps {
  readonly tone?: "info" | "success" | "warning" | "danger";
  readonly title?: ReactNode;
  readonly children?: ReactNode;
  /** Extra controls on the right (a retry or dismiss button). */
  readonly action?: ReactNode;
  /** `alert` interrupts screen readers (errors); `status` waits (confirmations). Default from tone. */
  readonly role?: "alert" | "status";
}

/**
 * A message box announced to screen readers.
 *
 * @example <Alert tone="danger" title="Could not save">{message}</Alert>
 */
export function Alert({ tone = "info", title, children, action, role }: AlertProps): ReactNode {
  return (
    <div className="sr-alert" data-tone={tone} role={role ?? (tone === "danger" ? "alert" : "status")}>
      <div>
        {title ? <p className="sr-alert-title">{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {action}
    </div>
  );
}
