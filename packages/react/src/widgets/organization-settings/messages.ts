import type { Features, SeatLimitBelowUse } from "@staffroom/core";

/**
 * Strings of OrganizationSettings, English defaults; hosts override them through `messages.organizationSettings`.
 *
 * @example <StaffroomProvider directory={directory} messages={{ organizationSettings: { title: "Practice" } }}>
 */
export interface OrganizationSettingsMessages {
  /** Shown while the widget loads. */
  readonly loading: string;
  readonly title: string;
  readonly description: string;
  readonly loadError: string;
  readonly readOnly: string;
  readonly sections: {
    readonly general: string;
    readonly features: string;
    readonly seats: string;
    readonly licences: string;
    readonly providerTypes: string;
    readonly mainContact: string;
    readonly sessions: string;
  };
  readonly name: string;
  readonly feature: Readonly<Record<keyof Features, string>>;
  readonly featureHint: Readonly<Record<keyof Features, string>>;
  readonly seats: {
    readonly named: string;
    readonly namedHint: string;
    readonly practitioners: string;
    readonly practitionersHint: string;
    readonly concurrent: string;
    readonly concurrentHint: string;
    readonly limit: (seat: string) => string;
    readonly limitHint: string;
    readonly unlimited: string;
    readonly usage: (used: number, limit: number | null) => string;
    readonly usageLabel: (seat: string) => string;
  };
  readonly licences: {
    readonly hint: string;
    readonly label: string;
    readonly key: string;
    readonly keyHint: string;
    readonly seats: string;
    readonly add: string;
    readonly remove: (label: string) => string;
    readonly row: (n: number) => string;
    readonly empty: string;
  };
  readonly providerTypes: {
    readonly hint: string;
    readonly type: (n: number) => string;
    readonly add: string;
    readonly remove: (type: string) => string;
    readonly empty: string;
  };
  /** W13: the idle limit and lifetime of the organization's sessions (bounds from core). */
  readonly sessionLimits: {
    readonly hint: string;
    readonly idle: string;
    readonly idleHint: (min: number, max: number) => string;
    readonly lifetime: string;
    readonly lifetimeHint: (min: number, max: number) => string;
  };
  /** R9: saving a seat limit below the seats in use, confirmed first. */
  readonly belowUse: {
    readonly title: string;
    readonly intro: string;
    /** One limit below use ("Named users: 10, with 46 in use"). */
    readonly item: (seat: string, limit: number, used: number) => string;
    /** What R9 then does, per kind of seat (as core enforces it). */
    readonly consequence: Readonly<Record<SeatLimitBelowUse["kind"], (limit: number) => string>>;
    readonly confirm: string;
  };
  readonly save: string;
  readonly discard: string;
  readonly saved: string;
  readonly dismiss: string;
  readonly staleTitle: string;
  readonly staleBody: string;
  readonly mainContact: {
    readonly hint: string;
    readonly current: string;
    readonly you: (name: string) => string;
    readonly unknown: string;
    readonly handOverTo: string;
    readonly choose: string;
    readonly handOver: string;
    readonly onlyMainContact: string;
    readonly noCandidates: string;
    readonly confirmTitle: (name: string) => string;
    readonly confirmBody: string;
    readonly confirm: string;
    readonly done: (name: string) => string;
  };
}

const n = (value: number): string => value.toLocaleString("en-US");

/**
 * English defaults of {@link OrganizationSettingsMessages}.
 *
 * @example organizationSettingsMessages.seats.usage(28, 50) // "28 of 50 in use"
 */
export const organizationSettingsMessages: OrganizationSettingsMessages = {
  loading: "Loading…",
  title: "Organization",
  description: "The practice's name, the optional features it uses, and the seats and licences it pays for.",
  loadError: "The organization settings could not be loaded.",
  readOnly: "You can see these settings but not change them.",
  sections: {
    general: "General",
    features: "Features",
    seats: "Seats",
    licences: "Licence types",
    providerTypes: "Provider types",
    mainContact: "Main contact",
    sessions: "Sessions",
  },
  name: "Organization name",
  feature: {
    mobileApp: "Mobile app",
    providerDirectory: "Provider directory",
    caseManagement: "Case management",
    diary: "Diary",
  },
  featureHint: {
    mobileApp: "Staff may sign in to the mobile app; they need a primary phone.",
    providerDirectory: "Practitioners get provider credentials: NPI, taxonomy, bio, capacity and scheduling.",
    caseManagement: "Staff can be named case managers on patient profiles.",
    diary: "Practitioners can have a column in the diary.",
  },
  seats: {
    named: "Named users",
    namedHint: "Active and invited users.",
    practitioners: "Practitioners",
    practitionersHint: "Users who see patients.",
    concurrent: "Signed in at once",
    concurrentHint: "Sessions open at the same time; a new sign-in beyond it is refused.",
    limit: (seat) => `${seat} limit`,
    limitHint: "Leave a limit empty for unlimited seats.",
    unlimited: "Unlimited",
    usage: (used, limit) =>
      limit === null ? `${n(used)} in use · unlimited` : `${n(used)} of ${n(limit)} in use`,
    usageLabel: (seat) => `${seat} in use`,
  },
  licences: {
    hint: "Licences users can hold, each with its own seats (for example the mobile app).",
    label: "Label",
    key: "Key",
    keyHint: "Lowercase letters, digits, - or _. Fixed once saved.",
    seats: "Seats",
    add: "Add licence type",
    remove: (label) => `Remove ${label || "this licence type"}`,
    row: (i) => `Licence type ${i}`,
    empty: "No licence types yet.",
  },
  providerTypes: {
    hint: "The kinds of provider users can be, per location (for example MD, RN).",
    type: (i) => `Provider type ${i}`,
    add: "Add provider type",
    remove: (type) => `Remove ${type || "this provider type"}`,
    empty: "No provider types yet.",
  },
  sessionLimits: {
    hint: "When people are signed out automatically. A shorter limit applies at once to people already signed in; a longer one applies to new sign-ins.",
    idle: "Sign out after inactivity (minutes)",
    idleHint: (min, max) => `${min}–${max} minutes without using Staffroom.`,
    lifetime: "Sign out after (hours)",
    lifetimeHint: (min, max) =>
      `${min}–${max} hours after signing in, however busy. Not shorter than the inactivity limit.`,
  },
  belowUse: {
    title: "Save a seat limit below what is in use?",
    intro: "These limits are lower than the seats already taken:",
    item: (seat, limit, used) => `${seat}: ${n(limit)}, with ${n(used)} in use.`,
    consequence: {
      named: (limit) =>
        `No one is disabled. Until fewer than ${n(limit)} users are active or invited, adding, inviting or restoring a user is refused.`,
      practitioners: (limit) =>
        `No one loses the practitioner flag. Until fewer than ${n(limit)} users are practitioners, no one else can be made one.`,
      concurrent: (limit) =>
        `No one is signed out. Until fewer than ${n(limit)} sessions are open, new sign-ins are refused.`,
      licence: (limit) =>
        `No one loses the licence. Until fewer than ${n(limit)} users hold it, it cannot be given to anyone else.`,
    },
    confirm: "Save anyway",
  },
  save: "Save changes",
  discard: "Discard changes",
  saved: "The organization settings were saved.",
  dismiss: "Dismiss",
  staleTitle: "Someone else changed these settings",
  staleBody: "Your changes were not saved. Reload to see the latest settings, then make your changes again.",
  mainContact: {
    hint: "Only the main contact removes or demotes administrators, and only they can hand this role to another active administrator.",
    current: "Current main contact",
    you: (name) => `${name} (you)`,
    unknown: "Not set",
    handOverTo: "Hand over to",
    choose: "Choose an administrator",
    handOver: "Hand over",
    onlyMainContact: "Only the main contact can hand this role over.",
    noCandidates: "There is no other active administrator to hand over to.",
    confirmTitle: (name) => `Make ${name} the main contact?`,
    confirmBody:
      "They will be the one who can remove or demote administrators and hand this role on. You stay an administrator.",
    confirm: "Hand over",
    done: (name) => `${name} is now the main contact.`,
  },
};
