import type { UserStatus } from "@staffroom/core";

/**
 * Strings of AuditTrail, English defaults; hosts override them through `messages.audit`.
 * `actions`, `fields`, `targetTypes` and `reasons` are dictionaries: unknown codes show humanised
 * (`user.role_changed` → "User role changed").
 *
 * @example <StaffroomProvider directory={directory} messages={{ audit: { title: "Activity" } }}>
 */
export interface AuditMessages {
  /** Shown while the widget loads. */
  readonly loading: string;
  readonly title: string;
  readonly description: string;
  readonly tableLabel: string;
  readonly columns: {
    readonly time: string;
    readonly actor: string;
    readonly action: string;
    readonly target: string;
    readonly outcome: string;
    readonly changes: string;
  };
  readonly filters: {
    readonly label: string;
    readonly from: string;
    readonly to: string;
    readonly actor: string;
    readonly anyActor: string;
    readonly target: string;
    readonly anyTarget: string;
    readonly action: string;
    readonly anyAction: string;
    readonly users: string;
    readonly roles: string;
    readonly locations: string;
    readonly organization: string;
    /** Said in the actor or target list when the typed text matches nobody and nothing. */
    readonly noMatches: string;
    readonly clear: string;
  };
  /** The actor of events no person caused (bootstrap, expiry). */
  readonly system: string;
  /**
   * Shown instead of a person who was deleted from the organization (W6): the trail keeps that
   * someone acted or was acted on, never their name or email. Also the CSV's actor email and
   * target cells for them.
   */
  readonly erased: string;
  /** Hover text of {@link AuditMessages.erased}: why the name is missing. */
  readonly erasedHint: string;
  /** A person target the trail never named: a sign-in attempt for an email that is no account here. */
  readonly unknownTarget: string;
  readonly sequence: (n: number) => string;
  readonly utc: (iso: string) => string;
  readonly outcome: { readonly success: string; readonly failure: string };
  /** Plain words per action code. */
  readonly actions: Readonly<Record<string, string>>;
  /** Labels of changed fields (a dotted path like `flags.practitioner` or its last part). */
  readonly fields: Readonly<Record<string, string>>;
  readonly targetTypes: Readonly<Record<string, string>>;
  /** Why a failure failed, per reason code. */
  readonly reasons: Readonly<Record<string, string>>;
  /** A user's status as a change shows it ("active → disabled"); `deleted` is the status a delete or revoke leaves. */
  readonly statuses: Readonly<Record<UserStatus | "deleted", string>>;
  readonly noChanges: string;
  readonly emptyValue: string;
  /** Screen-reader words around the arrow of a change. */
  readonly changedFrom: string;
  readonly changedTo: string;
  readonly added: string;
  readonly removed: string;
  readonly empty: string;
  readonly emptyFiltered: string;
  readonly emptyHint: string;
  readonly loadError: string;
  readonly count: (shown: number, total: number) => string;
  readonly loadMore: string;
  readonly export: string;
  readonly exported: (count: number, fileName: string) => string;
  readonly exportError: string;
  readonly fileName: (organization: string, date: string) => string;
  readonly csv: {
    readonly time: string;
    readonly sequence: string;
    readonly actorEmail: string;
    readonly actorId: string;
    readonly action: string;
    readonly actionCode: string;
    readonly targetType: string;
    readonly targetId: string;
    readonly target: string;
    readonly outcome: string;
    readonly reason: string;
    readonly changes: string;
    readonly ip: string;
    readonly userAgent: string;
    readonly requestId: string;
    readonly hash: string;
  };
  readonly verify: string;
  readonly verifyError: string;
  readonly intactTitle: string;
  readonly intact: (checked: number, sequence: number) => string;
  readonly intactHead: string;
  readonly intactEmpty: string;
  readonly brokenTitle: string;
  readonly broken: {
    readonly edited: (sequence: number) => string;
    readonly inserted: (sequence: number) => string;
    readonly removed: (sequence: number) => string;
  };
  readonly brokenChecked: (checked: number) => string;
  readonly dismiss: string;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** English words of `AuditMessages.actions`; other languages must name every key. @example englishAuditActions["user.created"] */
export const englishAuditActions = {
  "auth.sign_in": "Signed in",
  "auth.sign_out": "Signed out",
  "auth.switch_organization": "Switched organization",
  "account.password_changed": "Changed their password",
  "account.password_reset_requested": "Asked for a password reset",
  "account.password_reset_completed": "Reset their password",
  "user.created": "Created a user",
  "user.invited": "Invited a user",
  "user.updated": "Edited a user",
  "user.role_changed": "Changed a user's role",
  "user.disabled": "Disabled a user",
  "user.restored": "Restored a user",
  "user.deleted": "Deleted a user",
  "user.unlocked": "Unlocked a user",
  "user.password_reset": "Set a temporary password",
  "user.password_reset_link_sent": "Sent a password reset link",
  "invitation.accepted": "Accepted an invitation",
  "invitation.resent": "Resent an invitation",
  "invitation.revoked": "Revoked an invitation",
  "role.created": "Created a role",
  "role.updated": "Edited a role",
  "role.deleted": "Deleted a role",
  "location.created": "Created a location",
  "location.updated": "Edited a location",
  "location.archived": "Archived a location",
  "organization.created": "Created the organization",
  "organization.updated": "Changed organization settings",
  "organization.main_contact_changed": "Handed over the main contact",
  "session.ended": "Ended a session",
} as const;

/** English words of `AuditMessages.fields`; other languages must name every key. @example englishAuditActions["user.created"] */
export const englishAuditFields = {
  email: "Email",
  status: "Status",
  roleId: "Role",
  locationAccess: "Location access",
  primaryLocationId: "Primary location",
  mustChangePassword: "Must change password",
  locked: "Locked",
  loginChannels: "Sign-in channels",
  licences: "Licences",
  permissions: "Permissions",
  name: "Name",
  group: "Group",
  description: "Description",
  archived: "Archived",
  sentCount: "Invitations sent",
  features: "Features",
  seats: "Seats",
  licenceTypes: "Licence types",
  providerTypes: "Provider types",
  mainContactUserId: "Main contact",
  sessionLimits: "Session limits",
  idleMinutes: "Idle limit (minutes)",
  lifetimeHours: "Session lifetime (hours)",
  session: "Session",
  givenName: "First name",
  familyName: "Last name",
  title: "Title",
  jobTitle: "Job title",
  practitioner: "Practitioner",
  caseManager: "Case manager",
  diary: "Diary",
  npi: "NPI",
} as const;

/** English words of `AuditMessages.targetTypes`; other languages must name every key. @example englishAuditActions["user.created"] */
export const englishAuditTargetTypes = {
  user: "User",
  role: "Role",
  location: "Location",
  organization: "Organization",
  account: "Account",
} as const;

/** English words of `AuditMessages.reasons`; other languages must name every key. @example englishAuditActions["user.created"] */
export const englishAuditReasons = {
  wrong_password: "wrong password",
  unknown_account: "no such account",
  no_password: "account has no password yet",
  locked: "account locked",
  attempts_in_flight: "too many attempts at once",
  not_a_member: "not a member of this organization",
  no_active_membership: "no active membership",
  concurrent_seat_limit: "no concurrent seat free",
} as const;

/** English defaults of {@link AuditMessages}. */
export const auditMessages: AuditMessages = {
  loading: "Loading…",
  title: "Audit trail",
  description:
    "Who did what, to whom and when. Events are chained together, so an edited or removed event shows.",
  tableLabel: "Audit events",
  columns: {
    time: "Time",
    actor: "Actor",
    action: "Action",
    target: "Target",
    outcome: "Outcome",
    changes: "Changes",
  },
  filters: {
    label: "Filter events",
    from: "From",
    to: "To",
    actor: "Actor",
    anyActor: "Anyone",
    target: "Target",
    anyTarget: "Anything",
    action: "Action",
    anyAction: "All actions",
    users: "Users",
    roles: "Roles",
    locations: "Locations",
    organization: "Organization",
    noMatches: "No matches. Try part of a name or an email.",
    clear: "Clear filters",
  },
  system: "System",
  erased: "Deleted user",
  erasedHint: "This person was deleted; their name and details were erased from this organization.",
  unknownTarget: "Unknown account",
  sequence: (n) => `#${n}`,
  utc: (iso) => `${iso.replace("T", " ").replace("Z", "")} UTC`,
  outcome: { success: "Succeeded", failure: "Failed" },
  actions: englishAuditActions,
  fields: englishAuditFields,
  targetTypes: englishAuditTargetTypes,
  reasons: englishAuditReasons,
  statuses: { active: "active", pending: "pending", disabled: "disabled", deleted: "deleted" },
  noChanges: "—",
  emptyValue: "none",
  changedFrom: "from",
  changedTo: "to",
  added: "added",
  removed: "removed",
  empty: "No events yet",
  emptyFiltered: "No events match these filters",
  emptyHint: "Widen the time range or clear the filters.",
  loadError: "The audit trail could not be loaded.",
  count: (shown, total) =>
    total === 0 ? "0 events" : `${shown.toLocaleString("en-US")} of ${plural(total, "event", "events")}`,
  loadMore: "Load more",
  export: "Export CSV",
  exported: (n, fileName) => `${plural(n, "event", "events")} exported to ${fileName}.`,
  exportError: "The export failed.",
  fileName: (organization, date) => `audit-${organization}-${date}.csv`,
  csv: {
    time: "Time (UTC)",
    sequence: "Sequence",
    actorEmail: "Actor email",
    actorId: "Actor ID",
    action: "Action",
    actionCode: "Action code",
    targetType: "Target type",
    targetId: "Target ID",
    target: "Target",
    outcome: "Outcome",
    reason: "Reason",
    changes: "Changes (JSON)",
    ip: "IP address",
    userAgent: "User agent",
    requestId: "Request ID",
    hash: "Hash",
  },
  verify: "Verify integrity",
  verifyError: "The trail could not be verified.",
  intactTitle: "The audit trail is intact",
  intact: (checked, sequence) =>
    `${plural(checked, "event", "events")} checked, up to #${sequence}. Keep this head somewhere else to prove later that no event was cut off the end:`,
  intactHead: "Head",
  intactEmpty: "There are no events to check yet.",
  brokenTitle: "The audit trail was tampered with",
  broken: {
    edited: (n) => `Event #${n} was changed after it was written.`,
    inserted: (n) => `Event #${n} was inserted into the chain.`,
    removed: (n) => `Event #${n} was removed from the chain.`,
  },
  brokenChecked: (checked) => `The ${plural(checked, "event", "events")} before it are intact.`,
  dismiss: "Dismiss",
};
