import { canOpenScreen } from "@staffroom/core";
import type { ReactNode } from "react";
import type { DemoBackend } from "./backend/backend";
import {
  AcceptInvitationPage,
  ChangePasswordPage,
  ForgotPasswordPage,
  ResetPasswordPage,
  SignInPage,
} from "./pages/AccountPages";
import { MailPage } from "./pages/MailPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import {
  AuditPage,
  LocationsPage,
  OrganizationPage,
  ProvisioningPage,
  RolesPage,
  SessionsPage,
  UsersPage,
} from "./pages/SettingsPages";
import { useSession } from "./session/session";
import { Pending } from "./shell/PageHeader";
import { Redirect } from "./shell/Redirect";
import { SETTINGS_PAGES } from "./shell/SideNav";

/**
 * `/`: the first settings page the person may open (the directory for an administrator; Users, with
 * its "no access" state, for someone who may open none), else the sign-in page.
 */
function Home(): ReactNode {
  const { state } = useSession();
  if (state.status === "signed-in") {
    // The session's directory has loaded its actor (`me()`) before it is signed in: can() answers.
    const first = SETTINGS_PAGES.find((page) => canOpenScreen(state.directory, page.screen));
    return <Redirect to={first?.path ?? "/settings/users"} />;
  }
  if (state.status === "must-change") return <Redirect to="/change-password" />;
  if (state.status === "signed-out") return <Redirect to="/sign-in" />;
  return <Pending>Opening your session…</Pending>;
}

const PAGES: Readonly<Record<string, (backend: DemoBackend) => ReactNode>> = {
  "/": () => <Home />,
  "/sign-in": () => <SignInPage />,
  "/forgot-password": () => <ForgotPasswordPage />,
  "/reset-password": () => <ResetPasswordPage />,
  "/accept-invitation": () => <AcceptInvitationPage />,
  "/change-password": () => <ChangePasswordPage />,
  "/settings/users": () => <UsersPage />,
  "/settings/roles": () => <RolesPage />,
  "/settings/locations": () => <LocationsPage />,
  "/settings/organization": () => <OrganizationPage />,
  "/settings/sessions": () => <SessionsPage />,
  "/settings/provisioning": () => <ProvisioningPage />,
  "/settings/audit": () => <AuditPage />,
  "/mail": (backend) => <MailPage backend={backend} />,
};

/**
 * The page for a path (a trailing slash is ignored; unknown paths get "Page not found").
 *
 * @example renderRoute("/settings/roles", backend)
 */
export function renderRoute(pathname: string, backend: DemoBackend): ReactNode {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const page = PAGES[path];
  return page ? page(backend) : <NotFoundPage />;
}
