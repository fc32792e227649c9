import type { ReactNode } from "react";

/** A 20 px line icon; decorative, hidden from assistive technology. */
function Icon({ children }: { readonly children: ReactNode }): ReactNode {
  return (
    <svg
      className="app-icon"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** The Harbor EHR mark: a lighthouse over waves. @example <HarborMark /> */
export function HarborMark(): ReactNode {
  return (
    <svg className="app-mark" width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" opacity="0.16" />
      <path d="M13 9h6l1.5 13h-9z" fill="currentColor" />
      <path
        d="M12.5 9l3.5-3 3.5 3"
        stroke="currentColor"
        strokeWidth="1.6"
        fill="none"
        strokeLinejoin="round"
      />
      <path
        d="M6 25c2 0 2-1.5 4-1.5s2 1.5 4 1.5 2-1.5 4-1.5 2 1.5 4 1.5 2-1.5 4-1.5"
        stroke="currentColor"
        strokeWidth="1.6"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** Icons of the side navigation and the top bar, by name. @example <NavIcon name="users" /> */
export function NavIcon({
  name,
}: {
  readonly name:
    | "users"
    | "roles"
    | "locations"
    | "organization"
    | "sessions"
    | "provisioning"
    | "audit"
    | "mail"
    | "display";
}): ReactNode {
  switch (name) {
    case "users":
      return (
        <Icon>
          <circle cx="9" cy="8" r="3.2" />
          <path d="M3.5 19c.6-3.2 2.8-5 5.5-5s4.9 1.8 5.5 5" />
          <circle cx="17" cy="9" r="2.4" />
          <path d="M16 14.2c2.3.1 4 1.6 4.5 4.3" />
        </Icon>
      );
    case "roles":
      return (
        <Icon>
          <path d="M12 3l7 3v5c0 4.4-3 8-7 10-4-2-7-5.6-7-10V6z" />
          <path d="M9 12l2 2 4-4" />
        </Icon>
      );
    case "locations":
      return (
        <Icon>
          <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11z" />
          <circle cx="12" cy="10" r="2.3" />
        </Icon>
      );
    case "organization":
      return (
        <Icon>
          <path d="M4 21V7l8-4 8 4v14" />
          <path d="M9 21v-5h6v5M9 10h.01M15 10h.01M12 10h.01" />
        </Icon>
      );
    case "sessions":
      return (
        <Icon>
          <rect x="3.5" y="4.5" width="17" height="11" rx="1.5" />
          <path d="M8.5 19.5h7M12 15.5v4" />
          <circle cx="12" cy="10" r="1.6" />
        </Icon>
      );
    case "provisioning":
      return (
        <Icon>
          <path d="M4 9a8 8 0 0 1 14-3l2 2" />
          <path d="M20 4v4h-4" />
          <path d="M20 15a8 8 0 0 1-14 3l-2-2" />
          <path d="M4 20v-4h4" />
        </Icon>
      );
    case "audit":
      return (
        <Icon>
          <path d="M7 3h8l4 4v14H7z" />
          <path d="M15 3v4h4M10 12h6M10 16h6" />
        </Icon>
      );
    case "display":
      return (
        <Icon>
          <circle cx="12" cy="12" r="8" />
          <path d="M12 4a8 8 0 0 1 0 16z" fill="currentColor" />
        </Icon>
      );
    case "mail":
      return (
        <Icon>
          <rect x="3.5" y="5.5" width="17" height="13" rx="2" />
          <path d="M4 7l8 6 8-6" />
        </Icon>
      );
  }
}
