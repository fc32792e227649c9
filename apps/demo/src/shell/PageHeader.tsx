import { type ReactNode, useEffect } from "react";

/**
 * The head of a page: a trail to where it sits and its `<h1>`, which names the page (the end-to-end
 * tests find pages by it). Pages whose widget shows a big title of its own get the compact head
 * (the `<h1>` as the trail's last step), so the name is not shown twice in large type.
 *
 * Default: compact.
 * @example <PageHeader trail={["Harbor Urgent Care", "Settings"]} title="Users" />
 * @example <PageHeader trail={["Demo"]} title="Mail" size="large">The demo's outbox.</PageHeader>
 */
export function PageHeader({
  trail,
  title,
  size = "compact",
  children,
}: {
  readonly trail: readonly string[];
  readonly title: string;
  readonly size?: "compact" | "large";
  /** A short line under a large title. */
  readonly children?: ReactNode;
}): ReactNode {
  useEffect(() => {
    document.title = `${title} · Harbor EHR`;
  }, [title]);
  return (
    <div className={`page-head page-head-${size}`}>
      <div className="page-trail">
        {trail.map((step, i) => (
          <span key={step} className="page-step">
            {step}
            {size === "compact" || i < trail.length - 1 ? (
              <span className="page-sep" aria-hidden="true">
                ›
              </span>
            ) : null}
          </span>
        ))}
        <h1 className="page-title" tabIndex={-1}>
          {title}
        </h1>
      </div>
      {children ? <p className="page-lede">{children}</p> : null}
    </div>
  );
}

/**
 * A status line while something loads (no heading: a page is named only once it shows).
 *
 * @example <Pending>Opening your session…</Pending>
 */
export function Pending({ children }: { readonly children: ReactNode }): ReactNode {
  return (
    <p className="app-pending" role="status">
      <span className="app-spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

/**
 * A notice of the demo (not of a widget): info or warning, announced politely.
 *
 * Default tone: info.
 * @example <Notice>Your session ended.</Notice>
 */
export function Notice({
  tone = "info",
  title,
  children,
}: {
  readonly tone?: "info" | "warning";
  readonly title?: string;
  readonly children: ReactNode;
}): ReactNode {
  return (
    <div className={`app-notice app-notice-${tone}`} role="status">
      {title ? <p className="app-notice-title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
