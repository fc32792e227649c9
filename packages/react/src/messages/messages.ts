import type {
  AdminScreen,
  DirectoryErrorData,
  ErrorCode,
  FieldIssue,
  Refusal,
  RuleCode,
  UserAction,
  UserStatus,
} from "@staffroom/core";
import { type AccountMessages, accountMessages } from "../widgets/account/messages";
import { type AuditMessages, auditMessages } from "../widgets/audit-trail/messages";
import { type CredentialsMessages, credentialsMessages } from "../widgets/credentials/messages";
import { type ImportUsersMessages, importUsersMessages } from "../widgets/import-users-dialog/messages";
import {
  type InviteManyMessages,
  inviteManyMessages,
} from "../widgets/invite-user-dialog/invite-many-messages";
import { type LocationsMessages, locationsMessages } from "../widgets/locations-manager/messages";
import {
  type OrganizationSettingsMessages,
  organizationSettingsMessages,
} from "../widgets/organization-settings/messages";
import { type SwitcherMessages, switcherMessages } from "../widgets/organization-switcher/messages";
import { type ProvisioningMessages, provisioningMessages } from "../widgets/provisioning-settings/messages";
import { type RolesMessages, rolesMessages } from "../widgets/roles-manager/messages";
import { type SessionsMessages, sessionsMessages } from "../widgets/sessions-manager/messages";

/**
 * Every string the widgets show, in English. Hosts override any part through
 * `<StaffroomProvider messages={…}>`; strings that depend on a value are functions.
 *
 * @example
 * <StaffroomProvider directory={directory} messages={{ directory: { title: "Team" } }}>
 */
export interface Messages {
  readonly common: {
    readonly cancel: string;
    readonly close: string;
    readonly save: string;
    readonly saving: string;
    readonly retry: string;
    readonly reload: string;
    readonly loading: string;
    readonly required: string;
    readonly fieldRequired: string;
    readonly optional: string;
    readonly yes: string;
    readonly no: string;
    readonly never: string;
    readonly allLocations: string;
    readonly unexpectedError: string;
    readonly moreLocations: (count: number) => string;
  };
  readonly status: Readonly<Record<UserStatus, string>>;
  readonly badges: {
    /** The organization's main contact (R7). */
    readonly mainContact: string;
    readonly provider: string;
    readonly locked: string;
    readonly mustChangePassword: string;
    readonly caseManager: string;
    readonly invitationExpired: string;
    readonly npi: (npi: string) => string;
  };
  readonly errors: {
    /** Overrides of core's message per error code; unset codes show core's own (precise) message. */
    readonly code: Partial<Readonly<Record<ErrorCode, string>>>;
    /** Overrides of core's message per rule sub-code. */
    readonly rule: Partial<Readonly<Record<RuleCode, string>>>;
    /** Overrides of a field issue's message; return undefined to keep core's. */
    readonly issue: (issue: FieldIssue) => string | undefined;
    /**
     * Overrides the reason shown beside an option core refuses (a form option, a row action, a
     * permission toggle); return undefined to keep the `code`/`rule` overrides above, else core's.
     */
    readonly refusal: (refusal: Refusal) => string | undefined;
    /**
     * Core's own sentence for a failure (a thrown error, a bulk row's error, a refusal) in the
     * host's language, consulted after the `code`/`rule` overrides and before core's English text;
     * return undefined to keep core's. English: always undefined. The Spanish bundle translates
     * core's exact sentence, else the rule, else the code, so it never returns undefined.
     */
    readonly translate: (failure: DirectoryErrorData) => string | undefined;
    readonly unexpected: string;
    readonly staleTitle: string;
    readonly staleBody: string;
    /**
     * After Reload on a stale form: the latest version is in the form, the person's edits to
     * fields nobody else changed are back in it, and where both changed a field they choose.
     */
    readonly unsavedTitle: string;
    readonly unsavedBody: string;
    /** An edit put back in the form after the reload: the field's label and what was entered. */
    readonly unsavedKept: (label: string, value: string) => string;
    /** A field both changed: what the person entered … */
    readonly unsavedYours: (value: string) => string;
    /** … and what the new version holds. */
    readonly unsavedNow: (value: string) => string;
    /** Puts the person's value in a field both changed. */
    readonly unsavedUseMine: string;
    /** Keeps the new version's value in a field both changed. */
    readonly unsavedUseNow: string;
    /** An empty value, in the lines above. */
    readonly unsavedEmpty: string;
  };
  readonly directory: {
    readonly title: string;
    readonly description: string;
    readonly tabsLabel: string;
    readonly tab: Readonly<Record<UserStatus, string>>;
    readonly searchLabel: string;
    readonly searchPlaceholder: string;
    readonly locationFilter: string;
    readonly anyLocation: string;
    readonly roleFilter: string;
    readonly anyRole: string;
    readonly adminsOnly: string;
    /** What "Administrators only" counts: the roles that manage users, by name. */
    readonly adminsOnlyHint: (roles: readonly string[]) => string;
    readonly practitionersOnly: string;
    readonly clearFilters: string;
    readonly createUser: string;
    readonly inviteUser: string;
    /** Opens "Invite several" (many addresses, one role and locations). */
    readonly inviteMany: string;
    /** The notice after "Invite several": how many were invited and how many were not. */
    readonly invitedMany: (succeeded: number, failed: number) => string;
    readonly tableLabel: string;
    readonly selectAll: string;
    readonly selectRow: (name: string) => string;
    readonly columns: {
      readonly name: string;
      readonly email: string;
      readonly role: string;
      readonly locations: string;
      readonly lastSignIn: string;
      /** Pending tab: when the invitation was first sent. */
      readonly invitedAt: string;
      /** Pending tab: when the invitation's link stops working. */
      readonly expires: string;
      /** Pending tab: how many times it was sent. */
      readonly timesSent: string;
      /** Pending tab: the in-row resend column (visually hidden header). */
      readonly resend: string;
      readonly createdAt: string;
      readonly actions: string;
    };
    readonly sortAscending: string;
    readonly sortDescending: string;
    readonly rowActions: (name: string) => string;
    readonly noActions: string;
    readonly action: Readonly<Record<UserAction, string>>;
    readonly empty: Readonly<Record<UserStatus, string>>;
    readonly emptyFiltered: string;
    readonly emptyHint: string;
    readonly loadError: string;
    readonly range: (from: number, to: number, total: number) => string;
    readonly previousPage: string;
    readonly nextPage: string;
    readonly pagination: string;
    readonly selected: (count: number) => string;
    readonly clearSelection: string;
    readonly bulkLabel: string;
    readonly bulk: { readonly disable: string; readonly restore: string; readonly delete: string };
    readonly bulkSetRole: string;
    readonly bulkSetRoleApply: string;
    readonly bulkResult: (succeeded: number, failed: number) => string;
    readonly bulkConfirmDelete: (count: number) => string;
    readonly bulkConfirmDeleteBody: string;
    /** The word typed to confirm a bulk delete, as `bulkConfirmDeleteBody` names it. @example "DELETE" */
    readonly bulkDeleteWord: string;
    /** Title of the bulk disable confirmation. @example (4) => "Disable 4 users?" */
    readonly bulkConfirmDisable: (count: number) => string;
    readonly bulkConfirmDisableBody: string;
    /** The bulk disable confirmation's button. @example (4) => "Disable 4 users" */
    readonly bulkConfirmDisableAction: (count: number) => string;
    /** The people a bulk action goes to: the first few by name, then how many more. */
    readonly bulkPeople: (names: readonly string[], more: number) => string;
    /** Above the selected people a bulk action leaves as they are. @example (1) => "1 person is skipped:" */
    readonly bulkSkippedTitle: (count: number) => string;
    /** One skipped person and core's reason. */
    readonly bulkSkipped: (name: string, reason: string) => string;
    /** The reason for a selected person the action does not apply to at all (core offers it not). */
    readonly bulkNotOffered: string;
    readonly actionDone: Readonly<Record<UserAction, (name: string) => string>>;
    readonly invitationSent: (email: string) => string;
    /** The badge beside an expired invitation's date on the Pending tab. */
    readonly invitationExpired: string;
    /** The Pending tab's in-row resend button. */
    readonly resend: string;
    /** Its accessible name. @example (name) => `Resend invitation to ${name}` */
    readonly resendTo: (name: string) => string;
    readonly userCreated: (name: string) => string;
    readonly userUpdated: (name: string) => string;
    readonly dismiss: string;
  };
  readonly confirm: {
    readonly disableTitle: (name: string) => string;
    readonly disableBody: string;
    readonly disableConfirm: string;
    readonly deleteTitle: (name: string) => string;
    /** The dialog's one-line description (read out with its title). */
    readonly deleteBody: string;
    readonly deleteErasedTitle: string;
    /** What a delete erases, one list item each. Must stay true to core's `users.delete` (W6). */
    readonly deleteErased: readonly string[];
    readonly deleteKeptTitle: string;
    /** What a delete keeps; `erased` is the audit trail's word for an erased person (`audit.erased`). */
    readonly deleteKept: (erased: string) => readonly string[];
    readonly deleteConfirm: string;
    readonly typeToConfirm: (text: string) => string;
    readonly revokeTitle: (name: string) => string;
    readonly revokeBody: string;
    readonly revokeConfirm: string;
  };
  readonly resetPassword: {
    readonly title: (name: string) => string;
    readonly description: string;
    readonly modeLabel: string;
    readonly modeTemporary: string;
    readonly modeTemporaryHint: string;
    readonly modeLink: string;
    readonly modeLinkHint: (email: string) => string;
    readonly password: string;
    readonly confirmPassword: string;
    readonly mismatch: string;
    readonly mustChange: string;
    readonly submitTemporary: string;
    readonly submitLink: string;
    readonly doneTemporary: (name: string) => string;
    readonly doneLink: (email: string) => string;
  };
  readonly userForm: {
    readonly createTitle: string;
    readonly editTitle: (name: string) => string;
    readonly createDescription: string;
    readonly editDescription: string;
    /** Title of the notice on a user the actor cannot change (core offers no action on them). */
    readonly readOnlyTitle: string;
    /** Why, when the user is not the main contact (the main contact's reason is core's R7 message or `errors.rule.main_contact_only`). */
    readonly readOnly: string;
    readonly sections: {
      readonly profile: string;
      readonly access: string;
      readonly sign: string;
      readonly provider: string;
      readonly options: string;
    };
    readonly email: string;
    readonly emailHint: string;
    readonly givenName: string;
    readonly familyName: string;
    readonly initials: string;
    readonly initialsHint: string;
    readonly title: string;
    readonly titleHint: string;
    readonly jobTitle: string;
    readonly primaryPhone: string;
    readonly phoneHint: string;
    readonly alternatePhone: string;
    readonly role: string;
    readonly chooseRole: string;
    /** The error under Role when none is chosen. */
    readonly roleRequired: string;
    /** The error under Primary location when none is chosen. */
    readonly primaryLocationRequired: string;
    readonly roleScreens: (screens: string) => string;
    readonly access: string;
    readonly accessOrganization: string;
    readonly accessLocations: string;
    readonly locations: string;
    readonly primaryLocation: string;
    readonly chooseLocation: string;
    readonly password: string;
    readonly confirmPassword: string;
    readonly passwordMismatch: string;
    readonly mustChangePassword: string;
    readonly practitioner: string;
    readonly diary: string;
    readonly caseManager: string;
    readonly webLogin: string;
    readonly mobileLogin: string;
    readonly licences: string;
    readonly npi: string;
    readonly taxonomyCodes: string;
    readonly taxonomyHint: string;
    readonly bio: string;
    readonly capacity: string;
    readonly schedulingStep: string;
    readonly minutes: (n: number) => string;
    readonly providerTypes: string;
    readonly submitCreate: string;
    readonly submitEdit: string;
  };
  readonly invite: {
    readonly title: string;
    readonly description: string;
    readonly submit: string;
  };
  /** "Invite several": many addresses, one role and locations, a result per address. */
  readonly inviteMany: InviteManyMessages;
  readonly roles: RolesMessages;
  readonly locations: LocationsMessages;
  readonly provisioning: ProvisioningMessages;
  readonly organizationSettings: OrganizationSettingsMessages;
  readonly audit: AuditMessages;
  readonly switcher: SwitcherMessages;
  readonly account: AccountMessages;
  readonly sessions: SessionsMessages;
  readonly credentials: CredentialsMessages;
  readonly importUsers: ImportUsersMessages;
  /** A screen the actor may not open (core's `canOpenScreen`): what each widget shows instead of loading it. */
  readonly access: {
    /** Each screen by the name the sentence below uses. */
    readonly screens: Readonly<Record<AdminScreen, string>>;
    /** "You don't have access to Users — ask an administrator." */
    readonly noAccess: (screen: string) => string;
  };
  /** The directory as cards, in a narrow box (each card is one row of the table). */
  readonly userCards: {
    /** The label of a card's status fact. */
    readonly status: string;
  };
}

/** A deep partial of {@link Messages}: what a host passes to override strings. */
export type MessageOverrides = {
  readonly [K in keyof Messages]?: Messages[K] extends (...args: never[]) => unknown
    ? Messages[K]
    : {
        readonly [L in keyof Messages[K]]?: Messages[K][L] extends (...args: never[]) => unknown
          ? Messages[K][L]
          : Messages[K][L] extends object
            ? Partial<Messages[K][L]>
            : Messages[K][L];
      };
};

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * The English defaults.
 *
 * @example englishMessages.directory.range(1, 50, 10000) // "1–50 of 10,000"
 */
export const englishMessages: Messages = {
  common: {
    cancel: "Cancel",
    close: "Close",
    save: "Save",
    saving: "Saving…",
    retry: "Try again",
    reload: "Reload",
    loading: "Loading…",
    required: "required",
    fieldRequired: "This field is required.",
    optional: "optional",
    yes: "Yes",
    no: "No",
    never: "Never",
    allLocations: "All locations",
    unexpectedError: "Something went wrong. Try again.",
    moreLocations: (count) => `+${count}`,
  },
  status: { active: "Active", pending: "Pending", disabled: "Disabled" },
  badges: {
    mainContact: "Main contact",
    provider: "Provider",
    locked: "Locked",
    mustChangePassword: "Must change password",
    caseManager: "Case manager",
    invitationExpired: "Invitation expired",
    npi: (npi) => `NPI ${npi}`,
  },
  errors: {
    code: {},
    rule: {},
    issue: () => undefined,
    refusal: () => undefined,
    translate: () => undefined,
    unexpected: "Something went wrong. Try again.",
    staleTitle: "Someone else changed this user",
    staleBody: "Your changes were not saved. Reload to see the latest version, then make your changes again.",
    unsavedTitle: "The latest version is loaded",
    unsavedBody:
      "Someone else saved first; their changes are in the form now. Your changes to fields they did not touch are back in place. Where you both changed a field, choose which to keep, then save.",
    unsavedKept: (label, value) => `${label}: your change is back in place (${value}).`,
    unsavedYours: (value) => `Yours: ${value}`,
    unsavedNow: (value) => `Now: ${value}`,
    unsavedUseMine: "Use mine",
    unsavedUseNow: "Keep theirs",
    unsavedEmpty: "(empty)",
  },
  directory: {
    title: "Users",
    description: "Staff who can sign in to this organization, their roles and the clinics they may see.",
    tabsLabel: "User status",
    tab: { active: "Active", pending: "Pending", disabled: "Disabled" },
    searchLabel: "Search users",
    searchPlaceholder: "Search by name, email or NPI",
    locationFilter: "Location",
    anyLocation: "All locations",
    roleFilter: "Role",
    anyRole: "All roles",
    adminsOnly: "Administrators only",
    adminsOnlyHint: (roles) =>
      roles.length > 0 ? `Roles that manage users: ${roles.join(", ")}` : "Roles that manage users",
    practitionersOnly: "Providers only",
    clearFilters: "Clear filters",
    createUser: "New user",
    inviteUser: "Invite user",
    inviteMany: "Invite several",
    invitedMany: (succeeded, failed) =>
      failed === 0
        ? `Invitations sent to ${succeeded === 1 ? "1 person" : `${succeeded.toLocaleString()} people`}.`
        : `Invitations sent to ${succeeded.toLocaleString()}; ${failed.toLocaleString()} could not be invited.`,
    tableLabel: "Users",
    selectAll: "Select all users on this page",
    selectRow: (name) => `Select ${name}`,
    columns: {
      name: "Name",
      email: "Email",
      role: "Role",
      locations: "Locations",
      lastSignIn: "Last sign-in",
      invitedAt: "Invited on",
      expires: "Expires",
      timesSent: "Times sent",
      resend: "Resend",
      createdAt: "Added",
      actions: "Actions",
    },
    sortAscending: "sorted ascending",
    sortDescending: "sorted descending",
    rowActions: (name) => `Actions for ${name}`,
    noActions: "No actions available",
    action: {
      edit: "Edit",
      disable: "Disable",
      restore: "Restore",
      delete: "Delete permanently",
      resendInvitation: "Resend invitation",
      revokeInvitation: "Revoke invitation",
      resetPassword: "Reset password",
      unlock: "Unlock",
    },
    empty: {
      active: "No active users yet",
      pending: "No pending invitations",
      disabled: "No disabled users",
    },
    emptyFiltered: "No users match your search",
    emptyHint: "Try another name or email, or clear the filters.",
    loadError: "The users could not be loaded.",
    range: (from, to, total) =>
      total === 0
        ? "0 users"
        : `${from.toLocaleString("en-US")}–${to.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`,
    previousPage: "Previous page",
    nextPage: "Next page",
    pagination: "Pages",
    selected: (count) => `${plural(count, "user", "users")} selected`,
    clearSelection: "Clear selection",
    bulkLabel: "Bulk actions",
    bulk: { disable: "Disable", restore: "Restore", delete: "Delete permanently" },
    bulkSetRole: "Change role to",
    bulkSetRoleApply: "Apply role",
    bulkResult: (succeeded, failed) =>
      failed === 0
        ? `Done: ${plural(succeeded, "user", "users")} updated.`
        : `${succeeded} done, ${failed} failed.`,
    bulkConfirmDelete: (count) => `Delete ${plural(count, "user", "users")} permanently?`,
    bulkConfirmDeleteBody:
      "Their profiles, access and sessions in this organization are erased, with their names and details in the audit trail (its events stay, without them). Sign-in accounts with no other organization are deleted. This cannot be undone. Type DELETE to confirm.",
    bulkDeleteWord: "DELETE",
    bulkConfirmDisable: (count) => `Disable ${plural(count, "user", "users")}?`,
    bulkConfirmDisableBody:
      "They are signed out at once and can no longer sign in. Their history stays, and you can restore them from the Disabled tab.",
    bulkConfirmDisableAction: (count) => `Disable ${plural(count, "user", "users")}`,
    bulkPeople: (names, more) => (more > 0 ? `${names.join(", ")} and ${more} more` : names.join(", ")),
    bulkSkippedTitle: (count) => `${plural(count, "person is", "people are")} skipped:`,
    bulkSkipped: (name, reason) => `${name}: ${reason}`,
    bulkNotOffered: "This action does not apply to them.",
    actionDone: {
      edit: (name) => `${name} was updated.`,
      disable: (name) => `${name} was disabled.`,
      restore: (name) => `${name} was restored.`,
      delete: (name) => `${name} was deleted.`,
      resendInvitation: (name) => `A new invitation was sent to ${name}.`,
      revokeInvitation: (name) => `The invitation for ${name} was revoked.`,
      resetPassword: (name) => `The password of ${name} was reset.`,
      unlock: (name) => `${name} was unlocked.`,
    },
    invitationSent: (email) => `Invitation sent to ${email}.`,
    invitationExpired: "Expired",
    resend: "Resend",
    resendTo: (name) => `Resend invitation to ${name}`,
    userCreated: (name) => `${name} was added.`,
    userUpdated: (name) => `${name} was updated.`,
    dismiss: "Dismiss",
  },
  confirm: {
    disableTitle: (name) => `Disable ${name}?`,
    disableBody:
      "They are signed out and can no longer sign in. Their history stays, and you can restore them from the Disabled tab.",
    disableConfirm: "Disable user",
    deleteTitle: (name) => `Delete ${name} permanently?`,
    deleteBody: "They are erased from this organization. This cannot be undone.",
    deleteErasedTitle: "Erased from this organization",
    deleteErased: [
      "Their profile: name, initials, titles, email, phone numbers and provider details such as the NPI and bio",
      "Their role, location access, sessions and any invitation",
      "Their name, email, IP addresses and personal details in every audit event, and so in exports",
      "Their sign-in account, unless they also belong to another organization",
    ],
    deleteKeptTitle: "Kept",
    deleteKept: (erased) => [
      `Every audit event they took part in, showing “${erased}” in their place: what was done, when, and role and access changes`,
      "A record of this deletion: who deleted them and when",
      "Anything another organization they belong to holds about them",
    ],
    deleteConfirm: "Delete permanently",
    typeToConfirm: (text) => `Type ${text} to confirm`,
    revokeTitle: (name) => `Revoke the invitation for ${name}?`,
    revokeBody:
      "The invitation link stops working and the seat is freed. Their name, email and details are erased from this organization, the audit trail included; it keeps a record that the invitation was revoked, by whom and when.",
    revokeConfirm: "Revoke invitation",
  },
  resetPassword: {
    title: (name) => `Reset the password of ${name}`,
    description: "Set a temporary password to hand over, or email a link so they choose one themselves.",
    modeLabel: "How to reset",
    modeTemporary: "Set a temporary password",
    modeTemporaryHint: "Give it to them in person or by phone; they choose their own at next sign-in.",
    modeLink: "Email a reset link",
    modeLinkHint: (email) => `A single-use link valid for 60 minutes goes to ${email}.`,
    password: "Temporary password",
    confirmPassword: "Confirm the password",
    mismatch: "The passwords do not match.",
    mustChange: "Require a new password at next sign-in",
    submitTemporary: "Set password",
    submitLink: "Send link",
    doneTemporary: (name) => `The temporary password of ${name} is set.`,
    doneLink: (email) => `A reset link was sent to ${email}.`,
  },
  userForm: {
    createTitle: "New user",
    editTitle: (name) => `Edit ${name}`,
    createDescription: "Create a user who can sign in right away with the password you set.",
    editDescription: "Changes apply the next time they open a page.",
    readOnlyTitle: "You can view this user but not change them",
    readOnly: "This user is outside what you may manage.",
    sections: {
      profile: "Profile",
      access: "Role and locations",
      sign: "Sign-in",
      provider: "Provider credentials",
      options: "Options",
    },
    email: "Email",
    emailHint: "Their work email; it is also their user name.",
    givenName: "First name",
    familyName: "Last name",
    initials: "Initials",
    initialsHint: "From the name when left empty.",
    title: "Title",
    titleHint: "Shown after the name, as in Jane Smith RN.",
    jobTitle: "Job title",
    primaryPhone: "Primary phone",
    phoneHint:
      "International form, like +14155550123. It is also their login for the mobile app, so mobile sign-in needs it.",
    alternatePhone: "Alternate phone",
    role: "Role",
    chooseRole: "Choose a role",
    roleRequired: "Choose a role.",
    primaryLocationRequired: "Choose a primary location.",
    roleScreens: (screens) => `Opens: ${screens}`,
    access: "Location access",
    accessOrganization: "All locations of the organization",
    accessLocations: "Only these locations",
    locations: "Locations",
    primaryLocation: "Primary location",
    chooseLocation: "Choose a location",
    password: "Password",
    confirmPassword: "Confirm the password",
    passwordMismatch: "The passwords do not match.",
    mustChangePassword: "Require a new password at first sign-in",
    practitioner: "Practitioner (sees patients)",
    diary: "Has a diary column",
    caseManager: "Case manager",
    webLogin: "May sign in on the web",
    mobileLogin: "May sign in to the mobile app",
    licences: "Licences",
    npi: "NPI",
    taxonomyCodes: "Taxonomy codes",
    taxonomyHint: "NUCC codes separated by commas, like 207Q00000X.",
    bio: "Bio",
    capacity: "Capacity",
    schedulingStep: "Scheduling step",
    minutes: (n) => `${n} minutes`,
    providerTypes: "Provider types",
    submitCreate: "Create user",
    submitEdit: "Save changes",
  },
  invite: {
    title: "Invite a user",
    description: "They get an email with a link to set their password and join. The link works for 7 days.",
    submit: "Send invitation",
  },
  inviteMany: inviteManyMessages,
  roles: rolesMessages,
  locations: locationsMessages,
  provisioning: provisioningMessages,
  organizationSettings: organizationSettingsMessages,
  audit: auditMessages,
  switcher: switcherMessages,
  account: accountMessages,
  sessions: sessionsMessages,
  credentials: credentialsMessages,
  importUsers: importUsersMessages,
  access: {
    screens: {
      users: "Users",
      roles: "Roles",
      locations: "Locations",
      organization: "Organization settings",
      sessions: "Sessions",
      provisioning: "Provisioning",
      audit: "Audit trail",
    },
    noAccess: (screen) => `You don't have access to ${screen} — ask an administrator.`,
  },
  userCards: { status: "Status" },
};

/**
 * Merges overrides into the defaults, one level below each group (functions replace functions).
 *
 * @example mergeMessages(englishMessages, { common: { cancel: "Annuler" } }).common.cancel // "Annuler"
 */
export function mergeMessages(base: Messages, overrides: MessageOverrides | undefined): Messages {
  if (!overrides) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [group, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = (base as unknown as Record<string, Record<string, unknown>>)[group] ?? {};
    const merged: Record<string, unknown> = { ...current };
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      const cur = current[name];
      merged[name] =
        v && typeof v === "object" && cur && typeof cur === "object" && !Array.isArray(v)
          ? { ...(cur as object), ...(v as object) }
          : v;
    }
    out[group] = merged;
  }
  return out as unknown as Messages;
}
