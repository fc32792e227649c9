/**
 * Strings of LocationsManager, English defaults; hosts override them through `messages.locations`.
 *
 * @example <StaffroomProvider directory={directory} messages={{ locations: { title: "Clinics" } }}>
 */
export interface LocationsMessages {
  /** Shown while the widget loads. */
  readonly loading: string;
  readonly title: string;
  readonly description: string;
  readonly loadError: string;
  readonly tableLabel: string;
  readonly columns: {
    readonly name: string;
    readonly group: string;
    readonly status: string;
    readonly actions: string;
  };
  readonly active: string;
  readonly archived: string;
  readonly noGroup: string;
  readonly createLocation: string;
  readonly edit: string;
  readonly editLabel: (name: string) => string;
  readonly archive: string;
  readonly archiveLabel: (name: string) => string;
  readonly count: (active: number, archived: number) => string;
  readonly empty: string;
  readonly emptyHint: string;
  readonly readOnly: string;
  readonly created: (name: string) => string;
  readonly updated: (name: string) => string;
  readonly archivedDone: (name: string) => string;
  readonly dismiss: string;
  readonly form: {
    readonly createTitle: string;
    readonly createDescription: string;
    readonly editTitle: (name: string) => string;
    readonly editDescription: string;
    readonly name: string;
    readonly group: string;
    readonly groupHint: string;
    readonly submitCreate: string;
    readonly submitEdit: string;
    readonly staleTitle: string;
    readonly staleBody: string;
  };
  readonly confirmArchive: {
    readonly title: (name: string) => string;
    readonly body: string;
    readonly confirm: string;
    readonly inUse: (name: string, users: number) => string;
  };
}

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * English defaults of {@link LocationsMessages}.
 *
 * @example locationsMessages.count(5, 1) // "5 locations · 1 archived"
 */
export const locationsMessages: LocationsMessages = {
  loading: "Loading…",
  title: "Locations",
  description:
    "The clinics and sites of the organization. Staff are given access per location, and each has a primary one.",
  loadError: "The locations could not be loaded.",
  tableLabel: "Locations",
  columns: { name: "Name", group: "Group", status: "Status", actions: "Actions" },
  active: "Active",
  archived: "Archived",
  noGroup: "No group",
  createLocation: "New location",
  edit: "Edit",
  editLabel: (name) => `Edit ${name}`,
  archive: "Archive",
  archiveLabel: (name) => `Archive ${name}`,
  count: (active, archived) =>
    archived === 0
      ? count(active, "location", "locations")
      : `${count(active, "location", "locations")} · ${archived.toLocaleString("en-US")} archived`,
  empty: "No locations yet",
  emptyHint: "An organization needs a location before anyone is invited.",
  readOnly: "You can see the locations but not change them.",
  created: (name) => `${name} was added.`,
  updated: (name) => `${name} was saved.`,
  archivedDone: (name) => `${name} was archived.`,
  dismiss: "Dismiss",
  form: {
    createTitle: "New location",
    createDescription: "A clinic, facility or site. You can give staff access to it once it exists.",
    editTitle: (name) => `Edit ${name}`,
    editDescription: "Rename the location or move it to another group.",
    name: "Name",
    group: "Group",
    groupHint: "Gathers locations, like a region. Optional.",
    submitCreate: "Add location",
    submitEdit: "Save",
    staleTitle: "Someone else changed this location",
    staleBody: "Your changes were not saved. Reload to see the latest version, then try again.",
  },
  confirmArchive: {
    title: (name) => `Archive ${name}?`,
    body: "It leaves the location pickers; history and existing access stay. This cannot be undone here.",
    confirm: "Archive location",
    inUse: (name, users) =>
      `${count(users, "person has", "people have")} ${name} as their primary location. Give them another primary location first.`,
  },
};
