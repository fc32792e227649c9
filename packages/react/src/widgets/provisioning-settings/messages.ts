/**
 * Strings of ProvisioningSettings, English defaults; hosts override them through
 * `messages.provisioning`.
 *
 * @example <StaffroomProvider directory={directory} messages={{ provisioning: { title: "Single sign-on provisioning" } }}>
 */
export interface ProvisioningMessages {
  readonly title: string;
  readonly description: string;
  readonly loading: string;
  readonly loadError: string;
  readonly readOnly: string;
  readonly endpoint: {
    readonly label: string;
    readonly hint: string;
    readonly copy: string;
    readonly copied: string;
  };
  readonly tokens: {
    readonly heading: string;
    readonly tableLabel: string;
    readonly columns: {
      readonly label: string;
      readonly grants: string;
      readonly lastUsed: string;
      readonly status: string;
      readonly actions: string;
    };
    readonly empty: string;
    readonly emptyHint: string;
    readonly create: string;
    readonly active: string;
    readonly revoked: string;
    readonly never: string;
    readonly allLocations: string;
    readonly grants: (roles: string, locations: string) => string;
    readonly revoke: string;
    readonly revokeLabel: (label: string) => string;
    readonly confirmRevoke: {
      readonly title: (label: string) => string;
      readonly body: string;
      readonly confirm: string;
    };
    readonly revokedDone: (label: string) => string;
  };
  readonly createDialog: {
    readonly title: string;
    readonly description: string;
    readonly label: string;
    readonly labelHint: string;
    readonly roles: string;
    readonly rolesHint: string;
    readonly locations: string;
    readonly everyLocation: string;
    readonly someLocations: string;
    readonly submit: string;
    readonly cancel: string;
  };
  readonly secret: {
    readonly title: string;
    readonly body: string;
    readonly label: string;
    readonly copy: string;
    readonly copied: string;
    readonly done: string;
  };
  readonly mapping: {
    readonly heading: string;
    readonly description: string;
    readonly defaultRole: string;
    readonly defaultRoleHint: string;
    readonly defaultLocations: string;
    readonly defaultPrimary: string;
    readonly none: string;
    readonly groupsHeading: string;
    readonly groupsHint: string;
    readonly groupName: string;
    readonly groupGives: string;
    readonly givesRole: string;
    readonly givesLocations: string;
    readonly role: string;
    readonly location: string;
    readonly everyLocation: string;
    readonly addGroup: string;
    readonly removeGroup: (name: string) => string;
    readonly save: string;
    readonly saved: string;
    readonly staleTitle: string;
    readonly staleBody: string;
    readonly reload: string;
    readonly rowLabel: (index: number) => string;
  };
  readonly activity: {
    readonly heading: string;
    readonly empty: string;
    readonly listLabel: string;
    readonly item: (action: string, target: string, token: string) => string;
  };
  readonly dismiss: string;
}

/** English defaults of {@link ProvisioningMessages}. */
export const provisioningMessages: ProvisioningMessages = {
  title: "Provisioning",
  description:
    "Let your identity provider (Okta, Microsoft Entra ID …) create, update and remove staff through SCIM 2.0. Every Staffroom rule applies to it as to a person.",
  loading: "Loading…",
  loadError: "Provisioning could not be loaded.",
  readOnly: "Only an organization-wide administrator configures provisioning.",
  endpoint: {
    label: "SCIM endpoint",
    hint: "Enter this base URL and a token in your identity provider.",
    copy: "Copy URL",
    copied: "URL copied",
  },
  tokens: {
    heading: "Tokens",
    tableLabel: "Provisioning tokens",
    columns: {
      label: "Token",
      grants: "May give",
      lastUsed: "Last used",
      status: "Status",
      actions: "Actions",
    },
    empty: "No tokens yet",
    emptyHint: "Create a token, then paste it into your identity provider.",
    create: "New token",
    active: "Active",
    revoked: "Revoked",
    never: "Never",
    allLocations: "all locations",
    grants: (roles, locations) => `${roles} · ${locations}`,
    revoke: "Revoke",
    revokeLabel: (label) => `Revoke ${label}`,
    confirmRevoke: {
      title: (label) => `Revoke ${label}?`,
      body: "Your identity provider's next request with it is refused. This cannot be undone: create a new token instead.",
      confirm: "Revoke token",
    },
    revokedDone: (label) => `${label} was revoked.`,
  },
  createDialog: {
    title: "New provisioning token",
    description:
      "The token may give only these roles and locations, and manages only people who hold one of these roles.",
    label: "Name",
    labelHint: "Which identity provider uses it, e.g. Okta.",
    roles: "Roles it may give",
    rolesHint: "Only roles whose permissions you hold are offered.",
    locations: "Locations it may give",
    everyLocation: "Every location",
    someLocations: "Only these locations",
    submit: "Create token",
    cancel: "Cancel",
  },
  secret: {
    title: "Copy the token now",
    body: "This is the only time it is shown. Staffroom keeps only a fingerprint of it.",
    label: "Token",
    copy: "Copy token",
    copied: "Token copied",
    done: "Done",
  },
  mapping: {
    heading: "Groups and defaults",
    description:
      "Roles are groups by their own name. Map other groups of your identity provider to a role or to locations; people get the defaults until a group says otherwise.",
    defaultRole: "Default role",
    defaultRoleHint:
      "Given to people the identity provider creates, and to those who leave their role group.",
    defaultLocations: "Default locations",
    defaultPrimary: "Default primary location",
    none: "Not set",
    groupsHeading: "Mapped groups",
    groupsHint:
      "A person's locations are the union of their location groups; their role is that of the role group they joined last.",
    groupName: "Group name in the identity provider",
    groupGives: "Gives",
    givesRole: "A role",
    givesLocations: "Locations",
    role: "Role",
    location: "Location",
    everyLocation: "Every location",
    addGroup: "Add a group",
    removeGroup: (name) => `Remove ${name || "this group"}`,
    save: "Save",
    saved: "Provisioning settings saved.",
    staleTitle: "Someone else saved these settings first",
    staleBody: "Reload to see their version, then make your change again.",
    reload: "Reload",
    rowLabel: (index) => `Group ${index}`,
  },
  activity: {
    heading: "Recent provisioning activity",
    empty: "Your identity provider has not changed anything yet.",
    listLabel: "Recent provisioning activity",
    item: (action, target, token) => `${token}: ${action} — ${target}`,
  },
  dismiss: "Dismiss",
};
