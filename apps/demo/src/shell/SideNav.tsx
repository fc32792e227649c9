import type { AdminScreen } from "@staffroom/core";
import { useCanOpen } from "@staffroom/react";
import type { ReactNode } from "react";
import { Link } from "../routing/Link";
import { useAppLocation } from "../routing/router";
import { PAGE_WIRING } from "../routing/wiring";
import { useSession } from "../session/session";
import { NavIcon } from "./icons";

/**
 * The settings pages, in navigation order, each with the screen core opens it for (`canOpenScreen`).
 *
 * @example SETTINGS_PAGES.map((p) => p.label)
 */
export const SETTINGS_PAGES = [
  { path: "/settings/users", label: "Users", icon: "users", screen: "users" },
  { path: "/settings/roles", label: "Roles", icon: "roles", screen: "roles" },
  { path: "/settings/locations", label: "Locations", icon: "locations", screen: "locations" },
  { path: "/settings/organization", label: "Organization", icon: "organization", screen: "organization" },
  { path: "/settings/sessions", label: "Sessions", icon: "sessions", screen: "sessions" },
  {
    path: "/settings/provisioning",
    label: "Provisioning",
    icon: "provisioning",
    screen: "provisioning",
  },
  { path: "/settings/audit", label: "Audit", icon: "audit", screen: "audit" },
] as const satisfies readonly { path: string; label: string; icon: string; screen: AdminScreen }[];

type SettingsPage = (typeof SETTINGS_PAGES)[number];

/** One link of the navigation. */
function NavLink({ page, current }: { readonly page: SettingsPage; readonly current: boolean }): ReactNode {
  return (
    <li>
      <Link to={page.path} className="app-nav-link" aria-current={current ? "page" : undefined}>
        <NavIcon name={page.icon} />
        {page.label}
      </Link>
    </li>
  );
}

/** A link shown only once core says the signed-in person may open its screen (it appears, never vanishes). */
function OpenableNavLink({
  page,
  current,
}: {
  readonly page: SettingsPage;
  readonly current: boolean;
}): ReactNode {
  return useCanOpen(page.screen) === true ? <NavLink page={page} current={current} /> : null;
}

const WIRING_NOTES = {
  browser: {
    name: "In-browser",
    text: "Core and a memory store run in this page; a reload starts from the seed.",
  },
  rest: { name: "REST", text: "The widgets call /api on the demo server; its store outlives a reload." },
} as const;

/**
 * The EHR's side navigation, "Settings › Users / Roles / Locations / Organization / Sessions /
 * Provisioning / Audit", with the current page marked, and a note on the wiring in use. A signed-in
 * person sees only the pages core lets them open.
 *
 * @example <SideNav />
 */
export function SideNav(): ReactNode {
  const { pathname } = useAppLocation();
  const { state } = useSession();
  // Signed out, every page is listed (each leads to sign-in); signed in, only what core lets the
  // person open: the widgets' own "no access" state is for addresses typed or bookmarked.
  const Item = state.status === "signed-in" ? OpenableNavLink : NavLink;
  const note = WIRING_NOTES[PAGE_WIRING];
  return (
    <nav aria-label="Settings" className="app-nav">
      <p className="app-nav-heading">Settings</p>
      <ul className="app-nav-list">
        {SETTINGS_PAGES.map((page) => (
          <Item key={page.path} page={page} current={pathname === page.path} />
        ))}
      </ul>
      <div className="app-nav-note">
        <p className="app-nav-note-title">
          <span className={`app-dot app-dot-${PAGE_WIRING}`} aria-hidden="true" />
          {note.name} wiring
        </p>
        <p>{note.text}</p>
      </div>
    </nav>
  );
}
