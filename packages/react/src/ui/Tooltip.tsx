import { type ReactElement, type ReactNode, useId, useState } from "react";

/** Props of {@link Tooltip}. */
export interface TooltipProps {
  /** The words shown on hover and focus, and read as the trigger's description. */
  readonly tip: string;
  /** Renders the trigger (focusable) with the id to put in its `aria-describedby`. */
  readonly children: (describedBy: string) => ReactElement;
}

/**
 * A tooltip (WAI-ARIA APG): shown while the pointer is over the trigger or the trigger has focus,
 * dismissed with Escape without moving either (WCAG 1.4.13), and always the trigger's accessible
 * description, so screen readers hear it without hovering.
 *
 * @example <Tooltip tip="2026-11-23 09:00:05 UTC">{(id) => <time tabIndex={0} aria-describedby={id}>…</time>}</Tooltip>
 */
export function Tooltip({ tip, children }: TooltipProps): ReactNode {
  const id = useId();
  const [dismissed, setDismissed] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: listens for Escape and leaving to hide its tooltip; the trigger inside is the focusable element
    <span
      className="sr-tooltip"
      data-dismissed={dismissed || undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !dismissed) {
          event.stopPropagation();
          setDismissed(true);
        }
      }}
      onMouseLeave={() => setDismissed(false)}
      onBlur={() => setDismissed(false)}
    >
      {children(id)}
      <span role="tooltip" id={id} className="sr-tooltip-tip">
        {tip}
      </span>
    </span>
  );
}
