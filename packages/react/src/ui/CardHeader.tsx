import type { ReactNode } from "react";

/** Props of {@link CardHeader}. */
export interface CardHeaderProps {
  /** Id of the heading; the widget's section points `aria-labelledby` at it. */
  readonly titleId: string;
  readonly title: ReactNode;
  readonly description: ReactNode;
  /** The widget's main actions, on the right. */
  readonly children?: ReactNode;
}

/**
 * The heading every widget card starts with: title, one-line description, main actions.
 *
 * @example <CardHeader titleId={id} title={t.title} description={t.description}><Button>…</Button></CardHeader>
 */
export function CardHeader({ titleId, title, description, children }: CardHeaderProps): ReactNode {
  return (
    <header className="sr-header">
      <div>
        <h2 className="sr-title" id={titleId}>
          {title}
        </h2>
        <p className="sr-subtitle">{description}</p>
      </div>
      {children}
    </header>
  );
}
