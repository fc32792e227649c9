import { OrganizationSwitcher } from "@staffroom/react";
import type { ReactNode } from "react";
import { Link } from "../routing/Link";
import { navigate, useAppLocation } from "../routing/router";
import { useSession } from "../session/session";
import { AppearanceControls } from "./appearance";
import { HarborMark, NavIcon } from "./icons";
import { WiringSelect } from "./WiringSelect";

/**
 * The EHR's top bar (the page's banner): product name, organization switcher, theme and density,
 * wiring, mail, and the signed-in person with "Change password" and "Sign out".
 *
 * @example <TopBar />
 */
export function TopBar(): ReactNode {
  const { state, accept, signOut } = useSession();
  const { pathname } = useAppLocation();
  const held = state.status === "signed-in" || state.status === "must-change" ? state.held : null;
  const signOutNow = () => {
    void signOut().then(() => navigate("/sign-in"));
  };
  return (
    <header className="app-bar">
      <Link to="/" className="app-brand">
        <HarborMark />
        <span>Harbor EHR</span>
      </Link>
      {state.status === "signed-in" ? (
        <OrganizationSwitcher
          token={state.held.token}
          onSwitched={(result) => void accept(result)}
          className="app-switcher"
        />
      ) : null}
      <div className="app-bar-end">
        <AppearanceControls />
        <WiringSelect />
        <Link to="/mail" className="app-bar-link" aria-current={pathname === "/mail" ? "page" : undefined}>
          <NavIcon name="mail" />
          Mail
        </Link>
        {held ? (
          <div className="app-user">
            <span className="app-avatar" aria-hidden="true">
              {held.session.user.profile.initials}
            </span>
            <span className="app-user-name">{held.session.user.displayName}</span>
            {state.status === "signed-in" ? (
              <Link to="/change-password" className="app-bar-link app-bar-link-quiet">
                Change password
              </Link>
            ) : null}
            <button type="button" className="app-bar-button" onClick={signOutNow}>
              Sign out
            </button>
          </div>
        ) : null}
      </div>
    </header>
  );
}
