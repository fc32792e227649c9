import type { AdminScreen } from "@staffroom/core";
import type { ReactNode } from "react";
import { useCanOpen } from "../../hooks/permissions";
import { useMessages } from "../../provider/context";

/** Props of {@link NoAccess}. */
export interface NoAccessProps {
  /** The screen the actor may not open; names the card and fills in the default sentence. */
  readonly screen: AdminScreen;
  /** What to say instead. Default `messages.access.noAccess(messages.access.screens[screen])`. */
  readonly message?: ReactNode;
  /** Extra class of the card (`sr-card`). Default none. */
  readonly className?: string;
}

/**
 * A widget's calm state for a screen core does not let the actor open (`canOpenScreen` false):
 * "You don't have access to Users — ask an administrator." in the widget's card, announced politely —
 * not an error, nothing to retry. Every screen widget shows it by itself; a host composing its own
 * screen may show it too.
 *
 * @example <NoAccess screen="audit" />
 * @example <NoAccess screen="users" message="Staff lists are kept by your practice manager." />
 */
export function NoAccess({ screen, message, className }: NoAccessProps): ReactNode {
  const t = useMessages().access;
  const name = t.screens[screen];
  return (
    <section
      className={className ? `sr-card sr-no-access ${className}` : "sr-card sr-no-access"}
      aria-label={name}
    >
      <div className="sr-empty" role="status">
        <svg
          className="sr-no-access-icon"
          width="28"
          height="28"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
          focusable="false"
        >
          <rect x="5" y="10.5" width="14" height="10" rx="2" />
          <path d="M8.5 10.5V7.5a3.5 3.5 0 0 1 7 0v3" />
        </svg>
        <p className="sr-empty-title">{message ?? t.noAccess(name)}</p>
      </div>
    </section>
  );
}

/** Props of {@link ScreenGate}. */
export interface ScreenGateProps extends NoAccessProps {
  /** The widget, rendered unless core says the actor may not open the screen. */
  readonly children: ReactNode;
}

/**
 * Renders a screen widget, or {@link NoAccess} in its place once core says the actor may not open
 * it. While the actor loads, the widget renders and loads as before (over REST its first page often
 * answers before `me()`), so an allowed actor waits for nothing more; a `forbidden` that arrives
 * before the actor shows as loading (`LoadError`), so a refused one sees "no access", never an
 * error.
 *
 * @example <ScreenGate screen="roles" message={props.noAccessMessage}><RolesManagerBody /></ScreenGate>
 */
export function ScreenGate({ screen, message, className, children }: ScreenGateProps): ReactNode {
  const open = useCanOpen(screen);
  if (open === false) {
    return (
      <NoAccess
        screen={screen}
        {...(message === undefined ? {} : { message })}
        {...(className === undefined ? {} : { className })}
      />
    );
  }
  return children;
}
