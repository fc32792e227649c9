import type { CredentialAlert } from "@staffroom/core";
import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import { Badge } from "../../ui/Badge";

/** Props of {@link CredentialBadge}. */
export interface CredentialBadgeProps {
  /** The user's `credentialAlert` (core computes it on the directory clock's date); null shows nothing. */
  readonly alert: CredentialAlert | null | undefined;
}

/**
 * "Expired" (danger) or "Expires in N days" (warning) beside a provider whose earliest credential
 * has expired or expires within 30 days; nothing otherwise. The date is in its title.
 *
 * @example <CredentialBadge alert={user.credentialAlert} />
 */
export function CredentialBadge({ alert }: CredentialBadgeProps): ReactNode {
  const m = useMessages().credentials;
  if (!alert) return null;
  return (
    <Badge tone={alert.standing === "expired" ? "danger" : "warning"} title={m.badgeTitle(alert)}>
      {m.badge(alert)}
    </Badge>
  );
}
