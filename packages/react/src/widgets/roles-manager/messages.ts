/**
 * Strings of RolesManager and PermissionMatrix, English defaults; hosts override them through `messages.roles`.
 *
 * @example <StaffroomProvider directory={directory} messages={{ roles: { title: "Access levels" } }}>
 */
export interface RolesMessages {
  /** Shown while the widget loads. */
  readonly loading: string;
  readonly title: string;
  readonly description: string;
  readonly loadError: string;
  readonly listLabel: string;
  readonly createRole: string;
  readonly users: (count: number) => string;
  readonly administrator: string;
  readonly yourRole: string;
  readonly opens: string;
  readonly opensNothing: string;
  readonly screensSummary: (screens: readonly string[]) => string;
  readonly rename: string;
  readonly delete: string;
  readonly readOnly: string;
  readonly empty: string;
  readonly created: (name: string) => string;
  readonly renamed: (name: string) => string;
  readonly deleted: (name: string) => string;
  readonly dismiss: string;
  /**
   * The link beside a refused delete to the people who hold the role (Users filtered by it), when
   * the host gives `holdersLink`.
   */
  readonly holdersLink: (name: string, users: number) => string;
  /** Beside a role in the list whose permission changes are staged but not saved. */
  readonly unsavedBadge: string;
  /**
   * The permission catalog in the host's words: module labels by module key, action labels by
   * permission name, screens by core's name for them. Unset entries show core's catalog labels
   * (English for the default catalog; a vendor's own modules show their own labels).
   */
  readonly catalog: {
    readonly modules: Readonly<Record<string, string>>;
    readonly permissions: Readonly<Record<string, string>>;
    readonly screens: Readonly<Record<string, string>>;
  };
  readonly form: {
    readonly createTitle: string;
    readonly createDescription: string;
    readonly editTitle: (name: string) => string;
    readonly editDescription: string;
    readonly name: string;
    readonly description: string;
    readonly template: string;
    readonly blank: string;
    readonly blankHint: string;
    readonly templateNeedsMore: string;
    readonly submitCreate: string;
    readonly submitEdit: string;
    readonly staleTitle: string;
    readonly staleBody: string;
  };
  readonly confirmDelete: {
    readonly title: (name: string) => string;
    readonly body: string;
    readonly confirm: string;
    readonly inUse: (name: string, users: number) => string;
  };
  readonly matrix: {
    readonly label: (role: string) => string;
    readonly moduleCount: (allowed: number, total: number) => string;
    readonly screens: (screens: readonly string[]) => string;
    readonly notHeld: string;
    readonly readOnly: string;
    /** Beside a switch moved but not saved yet. */
    readonly unsavedMark: string;
    /** The staging bar: how many switches moved. */
    readonly pending: (changes: number) => string;
    /** The staging bar: who a save changes (the role's holders, core's `userCount`). */
    readonly applies: (holders: number) => string;
    readonly save: string;
    readonly discard: string;
    /** Announced after a save. */
    readonly savedAll: (role: string, holders: number) => string;
    /** Announced after Discard. */
    readonly discarded: string;
    readonly refusedTitle: string;
    readonly staleTitle: string;
    readonly staleBody: string;
    /** After Reload on a conflict: the staged changes now sit on top of the current permissions. */
    readonly rebased: (changes: number) => string;
  };
}

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * English defaults of {@link RolesMessages}.
 *
 * @example rolesMessages.users(4) // "4 users"
 */
export const rolesMessages: RolesMessages = {
  loading: "Loading…",
  title: "Roles",
  description:
    "What each role may do and which screens it opens. Changes wait for Save, then apply to everyone who holds the role.",
  loadError: "The roles could not be loaded.",
  listLabel: "Roles",
  createRole: "New role",
  users: (n) => (n === 0 ? "No users" : count(n, "user", "users")),
  administrator: "Administrator",
  yourRole: "Your role",
  opens: "Opens",
  opensNothing: "No screens yet: turn on a permission below.",
  screensSummary: (screens) =>
    screens.length === 0
      ? "No screens"
      : screens.length <= 2
        ? screens.join(", ")
        : `${screens.slice(0, 2).join(", ")} +${screens.length - 2}`,
  rename: "Rename",
  delete: "Delete role",
  readOnly: "You can see the roles but not change them.",
  empty: "No roles yet. Create one from a template to get started.",
  created: (name) => `The role ${name} was created.`,
  renamed: (name) => `The role ${name} was saved.`,
  deleted: (name) => `The role ${name} was deleted.`,
  dismiss: "Dismiss",
  holdersLink: (name, users) => `Show the ${count(users, "person", "people")} who hold ${name}`,
  unsavedBadge: "Unsaved changes",
  catalog: { modules: {}, permissions: {}, screens: {} },
  form: {
    createTitle: "New role",
    createDescription:
      "Start from a template and adjust its permissions afterwards. You can give only permissions you hold yourself.",
    editTitle: (name) => `Rename ${name}`,
    editDescription: "The new name shows wherever the role is picked.",
    name: "Name",
    description: "Description",
    template: "Start from",
    blank: "No permissions",
    blankHint: "An empty role; turn permissions on one by one.",
    templateNeedsMore: "Includes permissions you do not hold.",
    submitCreate: "Create role",
    submitEdit: "Save",
    staleTitle: "Someone else changed this role",
    staleBody: "Your changes were not saved. Reload to see the latest version, then try again.",
  },
  confirmDelete: {
    title: (name) => `Delete the role ${name}?`,
    body: "The role and its permissions are removed. This cannot be undone.",
    confirm: "Delete role",
    inUse: (name, users) =>
      `${count(users, "person holds", "people hold")} ${name}. Give them another role in Users, then delete it.`,
  },
  matrix: {
    label: (role) => `Permissions of ${role}`,
    moduleCount: (allowed, total) => `${allowed} of ${total}`,
    screens: (screens) => `Opens ${screens.join(", ")}`,
    notHeld: "You do not hold this permission, so you cannot give or take it.",
    readOnly: "Read only",
    unsavedMark: "Not saved yet",
    pending: (changes) => `${count(changes, "unsaved change", "unsaved changes")}.`,
    applies: (holders) =>
      holders === 0 ? "Nobody holds this role yet." : `Applies to ${count(holders, "person", "people")}.`,
    save: "Save",
    discard: "Discard",
    savedAll: (role, holders) =>
      holders === 0
        ? `The permissions of ${role} were saved.`
        : `The permissions of ${role} were saved. They apply to ${count(holders, "person", "people")} now.`,
    discarded: "Your changes were discarded.",
    refusedTitle: "The changes were not saved",
    staleTitle: "This role changed since you opened it",
    staleBody:
      "Your changes were not saved. Reload to see its current permissions; your changes stay staged on top of them.",
    rebased: (changes) =>
      `The current permissions are loaded and your ${count(changes, "change is", "changes are")} staged on top of them. Review, then save.`,
  },
};
