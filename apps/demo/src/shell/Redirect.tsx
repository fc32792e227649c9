import { type ReactNode, useLayoutEffect } from "react";
import { navigate } from "../routing/router";

/**
 * Replaces the current history entry with `to` once rendered (a redirect, so Back does not bounce).
 *
 * @example if (!signedIn) return <Redirect to="/sign-in" state={{ from: "/settings/roles" }} />;
 */
export function Redirect({ to, state }: { readonly to: string; readonly state?: unknown }): ReactNode {
  useLayoutEffect(() => {
    navigate(to, { replace: true, state });
  }, [to, state]);
  return null;
}
