import type {
  CreateUserInput,
  CredentialKind,
  InviteUserInput,
  Location,
  Role,
  User,
  UserFormOptions,
  UserPatch,
  Verdict,
} from "@staffroom/core";
import type { Messages } from "../../messages/messages";

/**
 * One credential row of the form (issue 15), every field a string: an empty state or expiry is none.
 *
 * @example { kind: "dea", number: "AB1234563", state: "CA", issuer: "", expiresOn: "2027-06-30" }
 */
export interface CredentialFormRow {
  kind: CredentialKind;
  number: string;
  state: string;
  issuer: string;
  expiresOn: string;
}

/** A new, empty credential row: a state licence. */
export const emptyCredentialRow = (): CredentialFormRow => ({
  kind: "state_licence",
  number: "",
  state: "",
  issuer: "",
  expiresOn: "",
});

/** What the user form edits: the API input, with text fields as strings. */
export interface UserFormValues {
  email: string;
  profile: {
    givenName: string;
    familyName: string;
    initials: string;
    title: string;
    jobTitle: string;
    primaryPhone: string;
    alternatePhone: string;
  };
  roleId: string;
  accessMode: "organization" | "locations";
  locationIds: string[];
  primaryLocationId: string;
  password: string;
  confirmPassword: string;
  mustChangePassword: boolean;
  flags: { practitioner: boolean; diary: boolean; caseManager: boolean };
  loginChannels: { web: boolean; mobile: boolean };
  licences: string[];
  provider: {
    npi: string;
    taxonomyCodes: string;
    bio: string;
    capacity: string;
    schedulingStep: string;
    providerTypes: string[];
    credentials: CredentialFormRow[];
  };
}

const CREDENTIAL_FIELDS = ["kind", "number", "state", "issuer", "expiresOn"] as const;

/** Every field name the form renders, for placing server issues. */
export const USER_FORM_FIELDS: readonly string[] = [
  "email",
  "profile.givenName",
  "profile.familyName",
  "profile.initials",
  "profile.title",
  "profile.jobTitle",
  "profile.primaryPhone",
  "profile.alternatePhone",
  "roleId",
  "locationIds",
  "primaryLocationId",
  "password",
  "confirmPassword",
  "flags.practitioner",
  "flags.diary",
  "flags.caseManager",
  "loginChannels.mobile",
  "licences",
  "provider.npi",
  "provider.taxonomyCodes",
  "provider.bio",
  "provider.capacity",
  "provider.schedulingStep",
  "provider.providerTypes",
  "provider.credentials.root",
  // One set per row core accepts (at most 20), so a server issue on a row's field lands on it.
  ...Array.from({ length: 20 }, (_, i) =>
    CREDENTIAL_FIELDS.map((field) => `provider.credentials.${i}.${field}`),
  ).flat(),
];

/** The form field that shows an issue of an input path (`locationAccess` → `locationIds`). */
export function fieldOfUserPath(path: readonly (string | number)[]): string {
  const [head, second, third, fourth] = path;
  if (head === "locationAccess") return "locationIds";
  if (head === "provider" && second === "credentials") {
    // Core's paths hold the row as a number; the form resolver's, as a string.
    const row = typeof third === "number" || /^\d+$/.test(String(third)) ? Number(third) : null;
    return row !== null && typeof fourth === "string"
      ? `provider.credentials.${row}.${fourth}`
      : "provider.credentials.root";
  }
  if (head === "provider" && typeof second === "string") return `provider.${second}`;
  if (head === "provider") return "flags.practitioner";
  if (head === "profile" && typeof second === "string") return `profile.${second}`;
  if (head === "flags" || head === "loginChannels") return path.slice(0, 2).join(".");
  return String(head ?? "email");
}

const text = (s: string): string | null => (s.trim() === "" ? null : s.trim());

/**
 * A refusal because the organization lacks the feature (R10): the form neither shows the option nor
 * sends its field.
 *
 * @example lacksFeature(options.flags.diary) // true when the organization has no diary
 */
export const lacksFeature = (verdict: Verdict): boolean =>
  !verdict.allowed && verdict.rule === "feature_disabled";

/**
 * The feature-bound fields the form offers, from core's form options (R10): a field of a feature the
 * organization lacks is neither shown nor sent.
 *
 * @example const offered = offeredFields(options); offered.diary
 */
export interface OfferedFields {
  readonly diary: boolean;
  readonly caseManager: boolean;
  readonly mobile: boolean;
  readonly provider: boolean;
}

/** {@link OfferedFields} of core's form options. @example offeredFields(options) */
export function offeredFields(options: UserFormOptions): OfferedFields {
  return {
    diary: !lacksFeature(options.flags.diary),
    caseManager: !lacksFeature(options.flags.caseManager),
    mobile: !lacksFeature(options.loginChannels.mobile),
    provider: !lacksFeature(options.provider),
  };
}

/** Empty values for a new user, with the first location and role preselected when there is one. */
export function emptyUserForm(defaults: {
  roleId?: string | undefined;
  locationId?: string | undefined;
}): UserFormValues {
  return {
    email: "",
    profile: {
      givenName: "",
      familyName: "",
      initials: "",
      title: "",
      jobTitle: "",
      primaryPhone: "",
      alternatePhone: "",
    },
    roleId: defaults.roleId ?? "",
    accessMode: "locations",
    locationIds: defaults.locationId ? [defaults.locationId] : [],
    primaryLocationId: defaults.locationId ?? "",
    password: "",
    confirmPassword: "",
    mustChangePassword: true,
    flags: { practitioner: false, diary: false, caseManager: false },
    loginChannels: { web: true, mobile: false },
    licences: [],
    provider: {
      npi: "",
      taxonomyCodes: "",
      bio: "",
      capacity: "1",
      schedulingStep: "15",
      providerTypes: [],
      credentials: [],
    },
  };
}

/** The form values of an existing user. */
export function userToForm(user: User): UserFormValues {
  const p = user.profile;
  return {
    email: user.email,
    profile: {
      givenName: p.givenName,
      familyName: p.familyName,
      initials: p.initials,
      title: p.title ?? "",
      jobTitle: p.jobTitle ?? "",
      primaryPhone: p.primaryPhone ?? "",
      alternatePhone: p.alternatePhone ?? "",
    },
    roleId: user.roleId,
    accessMode: user.locationAccess === "organization" ? "organization" : "locations",
    locationIds: user.locationAccess === "organization" ? [] : [...user.locationAccess],
    primaryLocationId: user.primaryLocationId,
    password: "",
    confirmPassword: "",
    mustChangePassword: user.mustChangePassword,
    flags: { ...user.flags },
    loginChannels: { ...user.loginChannels },
    licences: [...user.licences],
    provider: {
      npi: user.provider?.npi ?? "",
      taxonomyCodes: user.provider?.taxonomyCodes.join(", ") ?? "",
      bio: user.provider?.bio ?? "",
      capacity: String(user.provider?.capacity ?? 1),
      schedulingStep: String(user.provider?.schedulingStep ?? 15),
      providerTypes: user.provider?.providerTypes.map((t) => t.type) ?? [],
      credentials: (user.provider?.credentials ?? []).map((c) => ({
        kind: c.kind,
        number: c.number,
        state: c.state ?? "",
        issuer: c.issuer ?? "",
        expiresOn: c.expiresOn ?? "",
      })),
    },
  };
}

function providerOf(v: UserFormValues, offered: OfferedFields): CreateUserInput["provider"] {
  if (!v.flags.practitioner || !offered.provider) return null;
  const locations = v.accessMode === "organization" ? [v.primaryLocationId] : v.locationIds;
  return {
    npi: text(v.provider.npi),
    taxonomyCodes: v.provider.taxonomyCodes
      .split(/[\s,]+/)
      .map((c) => c.trim())
      .filter(Boolean),
    bio: text(v.provider.bio),
    providerTypes: v.provider.providerTypes.map((type) => ({ type, locationIds: locations.filter(Boolean) })),
    capacity: Number(v.provider.capacity),
    schedulingStep: Number(v.provider.schedulingStep) as 15,
    credentials: v.provider.credentials.map((c) => ({
      kind: c.kind,
      number: c.number,
      state: c.state === "" ? null : c.state,
      issuer: text(c.issuer),
      expiresOn: c.expiresOn === "" ? null : c.expiresOn,
    })),
  };
}

function sharedFields(v: UserFormValues, offered: OfferedFields) {
  return {
    profile: {
      givenName: v.profile.givenName,
      familyName: v.profile.familyName,
      initials: text(v.profile.initials),
      title: text(v.profile.title),
      jobTitle: text(v.profile.jobTitle),
      primaryPhone: text(v.profile.primaryPhone),
      alternatePhone: text(v.profile.alternatePhone),
    },
    roleId: v.roleId,
    locationAccess: v.accessMode === "organization" ? ("organization" as const) : v.locationIds,
    primaryLocationId: v.primaryLocationId,
    flags: {
      practitioner: v.flags.practitioner,
      ...(offered.diary ? { diary: v.flags.diary } : {}),
      ...(offered.caseManager ? { caseManager: v.flags.caseManager } : {}),
    },
    loginChannels: {
      web: v.loginChannels.web,
      ...(offered.mobile ? { mobile: v.loginChannels.mobile } : {}),
    },
    licences: v.licences,
    provider: providerOf(v, offered),
  };
}

/** W1: the create input of the form. */
export function toCreateInput(v: UserFormValues, offered: OfferedFields): CreateUserInput {
  return {
    email: v.email,
    ...sharedFields(v, offered),
    password: v.password,
    mustChangePassword: v.mustChangePassword,
  };
}

/** W2: the invite input of the form. */
export function toInviteInput(v: UserFormValues, offered: OfferedFields): InviteUserInput {
  return { email: v.email, ...sharedFields(v, offered) };
}

/** W4: the patch of the form — only the groups that changed, so untouched fields are never re-validated. */
export function toPatch(v: UserFormValues, initial: UserFormValues, offered: OfferedFields): UserPatch {
  const next = sharedFields(v, offered);
  const before = sharedFields(initial, offered);
  const patch: Record<string, unknown> = {};
  if (v.email.trim().toLowerCase() !== initial.email.trim().toLowerCase()) patch.email = v.email;
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) patch[key] = next[key];
  }
  return patch as UserPatch;
}

/**
 * The label of a user form field by its name, for listing unsaved edits after a reload; undefined
 * for fields the list leaves out (passwords, which a reload never shows).
 *
 * @example userFieldLabel(messages, "profile.jobTitle") // "Job title"
 */
export function userFieldLabel(m: Messages, name: string): string | undefined {
  const t = m.userForm;
  const labels: Record<string, string> = {
    email: t.email,
    "profile.givenName": t.givenName,
    "profile.familyName": t.familyName,
    "profile.initials": t.initials,
    "profile.title": t.title,
    "profile.jobTitle": t.jobTitle,
    "profile.primaryPhone": t.primaryPhone,
    "profile.alternatePhone": t.alternatePhone,
    roleId: t.role,
    accessMode: t.access,
    locationIds: t.locations,
    primaryLocationId: t.primaryLocation,
    "flags.practitioner": t.practitioner,
    "flags.diary": t.diary,
    "flags.caseManager": t.caseManager,
    "loginChannels.web": t.webLogin,
    "loginChannels.mobile": t.mobileLogin,
    licences: t.licences,
    "provider.npi": t.npi,
    "provider.taxonomyCodes": t.taxonomyCodes,
    "provider.bio": t.bio,
    "provider.capacity": t.capacity,
    "provider.schedulingStep": t.schedulingStep,
    "provider.providerTypes": t.providerTypes,
  };
  const row = /^provider\.credentials\.(\d+)\.(\w+)$/.exec(name);
  if (row) {
    const c = m.credentials;
    const field = {
      kind: c.kind,
      number: c.number,
      state: c.state,
      issuer: c.issuer,
      expiresOn: c.expiresOn,
    }[row[2] as (typeof CREDENTIAL_FIELDS)[number]];
    return field ? `${c.legend} ${Number(row[1]) + 1}: ${field}` : undefined;
  }
  return labels[name];
}

/**
 * The words of a user form value that is an id or a choice, for the conflict notice after a reload:
 * the role's and locations' names, the access mode in words. Undefined for plain text, switches and
 * plain lists (shown as entered).
 *
 * @example userValueText(m, roles, locations)("roleId", "rol_…") // "Front Desk"
 */
export function userValueText(
  m: Messages,
  roles: readonly Pick<Role, "id" | "name">[],
  locations: readonly Pick<Location, "id" | "name">[],
): (name: string, value: unknown) => string | undefined {
  const t = m.userForm;
  const locationName = (id: unknown) => locations.find((l) => l.id === id)?.name;
  return (name, value) => {
    if (name === "roleId") return roles.find((r) => r.id === value)?.name ?? "—";
    if (name === "primaryLocationId") return locationName(value) ?? "—";
    if (name === "locationIds" && Array.isArray(value)) {
      return (
        value
          .map(locationName)
          .filter((n): n is string => !!n)
          .join(", ") || m.errors.unsavedEmpty
      );
    }
    if (name === "accessMode") return value === "organization" ? t.accessOrganization : t.accessLocations;
    return undefined;
  };
}

/**
 * The words for a choice left on its placeholder: core's schema answers "Not a valid id." for an
 * empty role or location, which is true of the wire but not what a person left undone (issue 13).
 *
 * @example unchosenChoices(m, { ...values, roleId: "" }) // { roleId: "Choose a role." }
 */
export function unchosenChoices(m: Messages, v: UserFormValues): Record<string, string> {
  return {
    ...(v.roleId === "" ? { roleId: m.userForm.roleRequired } : {}),
    ...(v.primaryLocationId === "" ? { primaryLocationId: m.userForm.primaryLocationRequired } : {}),
  };
}

/**
 * The primary location a new user starts at: the actor's own primary when core lets them give it
 * (the form options' verdict), else the first one core offers.
 *
 * @example defaultPrimaryLocation(options, me.user.primaryLocationId) // "loc_downtown…"
 */
export function defaultPrimaryLocation(
  options: UserFormOptions,
  own: string | null | undefined,
): string | undefined {
  const allowed = options.primaryLocations.filter((o) => o.verdict.allowed);
  return (allowed.find((o) => o.value === own) ?? allowed[0])?.value;
}
