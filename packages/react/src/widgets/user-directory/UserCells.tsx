import type { Location, User } from "@staffroom/core";
import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import { Avatar, Badge } from "../../ui/Badge";
import { CredentialBadge } from "../credentials/CredentialBadge";

/** Props of {@link PersonCell}. */
export interface PersonCellProps {
  readonly user: User;
  /** A bulk action's failure on this row, shown under the name. */
  readonly failure?: string | undefined;
  /** The organization's main contact (R7: only they change their own account). */
  readonly mainContact?: boolean;
}

/**
 * Avatar, "Jane Smith RN", job title and badges (main contact, provider, NPI, "Expires in N days" or
 * "Expired" credentials, case manager, locked, must change password).
 *
 * @example <PersonCell user={user} />
 */
export function PersonCell({ user, failure, mainContact }: PersonCellProps): ReactNode {
  const m = useMessages();
  return (
    <div className="sr-person">
      <Avatar initials={user.profile.initials} />
      <div>
        <div className="sr-person-name">{user.displayName}</div>
        <div className="sr-person-meta">
          {user.profile.jobTitle ? <span>{user.profile.jobTitle}</span> : null}
          {mainContact ? <Badge tone="accent">{m.badges.mainContact}</Badge> : null}
          {user.flags.practitioner ? <Badge tone="success">{m.badges.provider}</Badge> : null}
          {user.provider?.npi ? <span className="sr-mono">{m.badges.npi(user.provider.npi)}</span> : null}
          <CredentialBadge alert={user.credentialAlert} />
          {user.flags.caseManager ? <Badge tone="accent">{m.badges.caseManager}</Badge> : null}
          {user.locked ? <Badge tone="danger">{m.badges.locked}</Badge> : null}
          {user.mustChangePassword && user.status === "active" ? (
            <Badge tone="warning">{m.badges.mustChangePassword}</Badge>
          ) : null}
        </div>
        {failure ? (
          <div className="sr-field-error sr-result" role="note">
            {failure}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Props of {@link LocationsCell}. */
export interface LocationsCellProps {
  readonly user: User;
  readonly locations: ReadonlyMap<string, Location>;
}

/**
 * The primary location first, then "+2" for the others, or "All locations" for org-wide access.
 *
 * @example <LocationsCell user={user} locations={byId} />
 */
export function LocationsCell({ user, locations }: LocationsCellProps): ReactNode {
  const m = useMessages();
  const primary = locations.get(user.primaryLocationId)?.name;
  if (user.locationAccess === "organization") {
    return (
      <div>
        <div>{m.common.allLocations}</div>
        {primary ? <div className="sr-muted sr-result">{primary}</div> : null}
      </div>
    );
  }
  const others = user.locationAccess.filter((id) => id !== user.primaryLocationId);
  const names = others.map((id) => locations.get(id)?.name).filter((n): n is string => !!n);
  return (
    <span title={[primary, ...names].filter(Boolean).join(", ")}>
      {primary ?? "—"}
      {others.length > 0 ? (
        <>
          {" "}
          <Badge>{m.common.moreLocations(others.length)}</Badge>
        </>
      ) : null}
    </span>
  );
}
