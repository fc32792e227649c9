import type { StaffDirectory } from "@staffroom/core";
import type { ReactNode } from "react";
import type { HeldSession } from "../backend/backend";
import { useAppLocation } from "../routing/router";
import { WIRING_PARAM } from "../routing/wiring";
import { useSession } from "../session/session";
import { Pending } from "../shell/PageHeader";
import { Redirect } from "../shell/Redirect";

/** Where a signed-out visitor was going, kept in history state (never in the URL: no open redirect). */
export interface ReturnState {
  readonly from: string;
}

/** The current path and query without the wiring parameter (navigate adds it back). */
function hereWithoutWiring(pathname: string, search: URLSearchParams): string {
  const query = new URLSearchParams(search);
  query.delete(WIRING_PARAM);
  const rest = query.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}

/**
 * Renders `children` with the open session, or sends a signed-out visitor to sign in (coming back
 * here afterwards) and a person who must change their password to do that first.
 *
 * @example <SignedIn>{({ directory }) => <UserDirectory />}</SignedIn>
 */
export function SignedIn({
  children,
}: {
  readonly children: (session: { held: HeldSession; directory: StaffDirectory }) => ReactNode;
}): ReactNode {
  const { state } = useSession();
  const { pathname, search } = useAppLocation();
  switch (state.status) {
    case "signed-in":
      return children(state);
    case "signed-out": {
      const back: ReturnState = { from: hereWithoutWiring(pathname, search) };
      return <Redirect to="/sign-in" state={back} />;
    }
    case "must-change":
      return <Redirect to="/change-password" />;
    default:
      return <Pending>Opening your session…</Pending>;
  }
}
