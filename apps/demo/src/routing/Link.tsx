import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from "react";
import { navigate } from "./router";
import { withWiring } from "./wiring";

/** Props of {@link Link}: an anchor's, with an in-app `to` instead of `href`. */
export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> {
  /** An app path, e.g. "/settings/users" or "/accept-invitation?token=…". */
  readonly to: string;
  /** State for the history entry. Default null. */
  readonly state?: unknown;
  readonly children?: ReactNode;
}

/**
 * An in-app link: a real `<a href>` (with the wiring parameter, so it opens in a new tab too) whose
 * plain click navigates without reloading the page.
 *
 * @example <Link to="/settings/roles">Roles</Link>
 */
export function Link({ to, state, onClick, children, ...rest }: LinkProps): ReactNode {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to, { state });
  };
  return (
    <a {...rest} href={withWiring(to)} onClick={handle}>
      {children}
    </a>
  );
}
