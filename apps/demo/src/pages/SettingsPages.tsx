import {
  AuditTrail,
  LocationsManager,
  OrganizationSettings,
  RolesManager,
  SessionsManager,
  UserDirectory,
} from "@staffroom/react";
import type { ReactNode } from "react";
import { PageHeader } from "../shell/PageHeader";
import { SignedIn } from "./guards";

/**
 * A "Settings › …" page: signed in only, headed with the organization, the widget below.
 *
 * @example <SettingsPage title="Roles"><RolesManager /></SettingsPage>
 */
function SettingsPage({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ReactNode;
}): ReactNode {
  return (
    <SignedIn>
      {({ held }) => (
        <>
          <PageHeader trail={[held.session.organizationName, "Settings"]} title={title} />
          {children}
        </>
      )}
    </SignedIn>
  );
}

/** Settings › Users: the directory with its dialogs (W1, W2, W4–W6, W9–W12). @example <UsersPage /> */
export function UsersPage(): ReactNode {
  return (
    <SettingsPage title="Users">
      <UserDirectory />
    </SettingsPage>
  );
}

/** Settings › Roles: roles and the permission matrix (W7). @example <RolesPage /> */
export function RolesPage(): ReactNode {
  return (
    <SettingsPage title="Roles">
      <RolesManager />
    </SettingsPage>
  );
}

/** Settings › Locations (W8). @example <LocationsPage /> */
export function LocationsPage(): ReactNode {
  return (
    <SettingsPage title="Locations">
      <LocationsManager />
    </SettingsPage>
  );
}

/** Settings › Organization: features, seats, licences, main contact (W11). @example <OrganizationPage /> */
export function OrganizationPage(): ReactNode {
  return (
    <SettingsPage title="Organization">
      <OrganizationSettings />
    </SettingsPage>
  );
}

/** Settings › Sessions: who is signed in, and End session (W13). @example <SessionsPage /> */
export function SessionsPage(): ReactNode {
  return (
    <SettingsPage title="Sessions">
      <SessionsManager />
    </SettingsPage>
  );
}

/** Settings › Audit: the audit trail with filters, export and the integrity check (W14). @example <AuditPage /> */
export function AuditPage(): ReactNode {
  return (
    <SettingsPage title="Audit trail">
      <AuditTrail />
    </SettingsPage>
  );
}
