import { isId } from "@staffroom/core";
import {
  AuditTrail,
  ImportUsersDialog,
  LocationsManager,
  OrganizationSettings,
  ProvisioningSettings,
  RolesManager,
  SessionsManager,
  UserDirectory,
} from "@staffroom/react";
import { type ReactNode, useState } from "react";
import { Link } from "../routing/Link";
import { useAppLocation } from "../routing/router";
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

/** The Users page filtered to the holders of one role (the Roles page links there). */
export const usersHolding = (roleId: string): string => `/settings/users?role=${encodeURIComponent(roleId)}`;

/**
 * Settings › Users: the directory with its dialogs (W1, W2, W4–W6, W9–W12) and, for those who
 * manage users, Import from CSV (issue 15) with the sample file; `?role=<id>` opens it filtered to
 * that role's holders (anything not shaped like an id is ignored).
 *
 * @example <UsersPage />
 */
export function UsersPage(): ReactNode {
  const role = useAppLocation().search.get("role");
  const roleId = isId(role) ? role : null;
  const [importing, setImporting] = useState(false);
  return (
    <SettingsPage title="Users">
      <SignedIn>
        {({ directory }) =>
          directory.can("users.manage") ? (
            <div className="page-actions">
              <button type="button" className="app-button" onClick={() => setImporting(true)}>
                Import from CSV
              </button>
              <a className="page-action-link" href={IMPORT_SAMPLE} download>
                Sample file (200 staff, 12 rows with mistakes)
              </a>
            </div>
          ) : null
        }
      </SignedIn>
      {/* A new ?role= starts the directory again on that filter. */}
      <UserDirectory key={roleId ?? ""} {...(roleId ? { initialFilters: { roleId } } : {})} />
      <ImportUsersDialog open={importing} onOpenChange={setImporting} />
    </SettingsPage>
  );
}

/** The import sample the demo serves (see `seed/import-sample.ts`). */
const IMPORT_SAMPLE = "/samples/harbor-staff-import.csv";

/** Settings › Roles: roles and the permission matrix (W7); a role in use links to its holders. @example <RolesPage /> */
export function RolesPage(): ReactNode {
  return (
    <SettingsPage title="Roles">
      <RolesManager holdersLink={(role, label) => <Link to={usersHolding(role.id)}>{label}</Link>} />
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

/**
 * Settings › Provisioning: SCIM tokens, defaults and group mapping. The demo server answers SCIM at
 * `/scim/v2` on its own origin (the in-browser wiring has no server: its tokens are for looking at).
 *
 * @example <ProvisioningPage />
 */
export function ProvisioningPage(): ReactNode {
  return (
    <SettingsPage title="Provisioning">
      <ProvisioningSettings endpoint={`${window.location.origin}/scim/v2`} />
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
