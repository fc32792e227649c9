import type { CredentialAlert, CredentialKind } from "@staffroom/core";

/**
 * Strings of the provider credentials (issue 15) — the rows of the user form's provider section,
 * the directory's badge and filter — English defaults; hosts override them through
 * `messages.credentials`.
 *
 * @example <StaffroomProvider directory={directory} messages={{ credentials: { add: "Add a licence" } }}>
 */
export interface CredentialsMessages {
  /** Legend of the credential rows. */
  readonly legend: string;
  readonly hint: string;
  readonly none: string;
  readonly kind: string;
  readonly kinds: Readonly<Record<CredentialKind, string>>;
  readonly number: string;
  readonly state: string;
  /** The empty choice of State (a board certification has none). */
  readonly noState: string;
  readonly issuer: string;
  readonly expiresOn: string;
  readonly expiresOnHint: string;
  readonly add: string;
  /** Accessible name of a row's group and of its Remove button ("Credential 2: DEA registration"). */
  readonly rowLabel: (position: number, kind: string) => string;
  readonly remove: string;
  readonly removeLabel: (position: number, kind: string) => string;
  /** Error on the whole list (too many). */
  readonly listError: string;
  /** The directory badge of a credential alert: "Expired", "Expires today", "Expires in 12 days". */
  readonly badge: (alert: CredentialAlert) => string;
  /** The badge's longer tooltip and accessible description, with the date. */
  readonly badgeTitle: (alert: CredentialAlert) => string;
  /** The directory toolbar's filter. */
  readonly filterLabel: string;
  readonly filterAny: string;
  readonly filterExpiring: string;
  readonly filterExpired: string;
}

/** English defaults of {@link CredentialsMessages}. */
export const credentialsMessages: CredentialsMessages = {
  legend: "Licences and certifications",
  hint: "State licences, DEA registrations and board certifications, with the date each expires.",
  none: "No credentials recorded.",
  kind: "Type",
  kinds: {
    state_licence: "State licence",
    dea: "DEA registration",
    board_certification: "Board certification",
  },
  number: "Number",
  state: "State",
  noState: "—",
  issuer: "Issued by",
  expiresOn: "Expires on",
  expiresOnHint: "Leave empty if it does not expire.",
  add: "Add credential",
  rowLabel: (position, kind) => `Credential ${position}: ${kind}`,
  remove: "Remove",
  removeLabel: (position, kind) => `Remove credential ${position} (${kind})`,
  listError: "Check the credentials.",
  badge: (alert) =>
    alert.standing === "expired"
      ? "Expired"
      : alert.days === 0
        ? "Expires today"
        : alert.days === 1
          ? "Expires tomorrow"
          : `Expires in ${alert.days} days`,
  badgeTitle: (alert) =>
    alert.standing === "expired"
      ? `A credential expired on ${alert.expiresOn}`
      : `A credential expires on ${alert.expiresOn}`,
  filterLabel: "Credentials",
  filterAny: "Any credentials",
  filterExpiring: "Expiring within 30 days",
  filterExpired: "Expired credentials",
};
