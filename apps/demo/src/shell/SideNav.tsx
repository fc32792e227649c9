import type { ReactNode } from "react";
import { Link } from "../routing/Link";
import { useAppLocation } from "../routing/router";
import { PAGE_WIRING } from "../routing/wiring";
import { NavIcon } from "./icons";

/** The settings pages, in navigation order. @example SETTINGS_PAGES.map((p) => p.label) */
export const SETTINGS_PAGES = [
  { path: "/settings/users", label: "Users", icon: "users" },
  { path: "/settings/roles", label: "Roles", icon: "roles" },
  { path: "/settings/locations", label: "Locations", icon: "locations" },
  { path: "/settings/organization", label: "Organization", icon: "organization" },
  { path: "/settings/sessions", label: "Sessions", icon: "sessions" },
  { path: "/settings/audit", label: "Audit", icon: "audit" },
] as const;

const WIRING_NOTES = {
  browser: {
    name: "In-browser",
    text: "Core and a memory store run in this page; a reload starts from the seed.",
  },
  rest: { name: "REST", text: "The widgets call /api on the demo server; its store outlives a reload." },
} as const;

/**
 * The EHR's side navigation, "Settings › Users / Roles / Locations / Organization / Sessions / Audit", with
 * the current page marked, and a note on the wiring in use.
 *
 * @example <SideNav />
 */
export function SideNav(): ReactNode {
  const { pathname } = useAppLocation();
  const note = WIRING_NOTES[PAGE_WIRING];
  return (
    <nav aria-label="Settings" className="app-nav">
      <p className="app-nav-heading">Settings</p>
      <ul className="app-nav-list">
        {SETTINGS_PAGES.map((page) => (
          <li key={page.path}>
            <Link
              to={page.path}
              className="app-nav-link"
              aria-current={pathname === page.path ? "page" : undefined}
            >
              <NavIcon name={page.icon} />
              {page.label}
            </Link>
          </li>
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
