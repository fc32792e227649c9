import type { Features, Organization, OrganizationPatch, Seats, SessionLimits } from "@staffroom/core";

/**
 * The seat kinds an organization limits (R9), in the order the form shows them.
 *
 * @example SEAT_KINDS.map((kind) => org.seats[kind])
 */
export const SEAT_KINDS = [
  "named",
  "practitioners",
  "concurrent",
] as const satisfies readonly (keyof Seats)[];

/**
 * The feature switches (W11), in the order the form shows them.
 *
 * @example FEATURE_KEYS.filter((key) => org.features[key])
 */
export const FEATURE_KEYS = [
  "mobileApp",
  "providerDirectory",
  "caseManagement",
  "diary",
] as const satisfies readonly (keyof Features)[];

/** What the organization form edits; numbers as strings ("" means unlimited). */
export interface OrganizationFormValues {
  name: string;
  features: Features;
  seats: Record<keyof Seats, string>;
  licenceTypes: { key: string; label: string; seats: string; saved: boolean }[];
  providerTypes: { value: string }[];
  sessionLimits: Record<keyof SessionLimits, string>;
}

const seatText = (n: number | null): string => (n === null ? "" : String(n));
const seatValue = (s: string): number | null => (s.trim() === "" ? null : Number(s));
// An empty limit is no number: core's schema says "Enter a whole number …" on the field.
const limitValue = (s: string): number => (s.trim() === "" ? Number.NaN : Number(s));

/**
 * The form values of an organization.
 *
 * @example useForm({ defaultValues: organizationToForm(org) })
 */
export function organizationToForm(org: Organization): OrganizationFormValues {
  return {
    name: org.name,
    features: { ...org.features },
    seats: {
      named: seatText(org.seats.named),
      practitioners: seatText(org.seats.practitioners),
      concurrent: seatText(org.seats.concurrent),
    },
    licenceTypes: org.licenceTypes.map((l) => ({
      key: l.key,
      label: l.label,
      seats: seatText(l.seats),
      saved: true,
    })),
    providerTypes: org.providerTypes.map((value) => ({ value })),
    sessionLimits: {
      idleMinutes: String(org.sessionLimits.idleMinutes),
      lifetimeHours: String(org.sessionLimits.lifetimeHours),
    },
  };
}

const groups = (v: OrganizationFormValues) => ({
  name: v.name,
  features: v.features,
  seats: {
    named: seatValue(v.seats.named),
    practitioners: seatValue(v.seats.practitioners),
    concurrent: seatValue(v.seats.concurrent),
  },
  licenceTypes: v.licenceTypes.map((l) => ({ key: l.key.trim(), label: l.label, seats: seatValue(l.seats) })),
  providerTypes: v.providerTypes.map((p) => p.value),
  sessionLimits: {
    idleMinutes: limitValue(v.sessionLimits.idleMinutes),
    lifetimeHours: limitValue(v.sessionLimits.lifetimeHours),
  },
});

/**
 * W11: the patch of the form — only the groups that changed, so untouched ones are never re-sent.
 *
 * @example toOrganizationPatch(values, organizationToForm(org)) // { seats: { named: 60, … } }
 */
export function toOrganizationPatch(
  values: OrganizationFormValues,
  initial: OrganizationFormValues,
): OrganizationPatch {
  const next = groups(values);
  const before = groups(initial);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) patch[key] = next[key];
  }
  return patch as OrganizationPatch;
}

/**
 * The form field that shows an issue of a patch path.
 *
 * @example fieldOfOrganizationPath(["providerTypes", 2]) // "providerTypes.2.value"
 */
export function fieldOfOrganizationPath(path: readonly (string | number)[]): string {
  const [head, second, field] = path;
  // Client-side issues arrive with string indexes ("2"), core's with numbers (2).
  const index = typeof second === "number" || /^\d+$/.test(String(second)) ? Number(second) : null;
  if (head === "providerTypes" && index !== null) return `providerTypes.${index}.value`;
  if (head === "licenceTypes" && index !== null && typeof field === "string")
    return `licenceTypes.${index}.${field}`;
  if ((head === "seats" || head === "features" || head === "sessionLimits") && typeof second === "string")
    return `${head}.${second}`;
  return String(head ?? "name");
}

/**
 * Every field name the form renders for these values, for placing server issues.
 *
 * @example applyServerErrors(error, form.setError, organizationFormFields(values), messages)
 */
export function organizationFormFields(values: OrganizationFormValues): string[] {
  return [
    "name",
    ...FEATURE_KEYS.map((k) => `features.${k}`),
    ...SEAT_KINDS.map((k) => `seats.${k}`),
    "sessionLimits.idleMinutes",
    "sessionLimits.lifetimeHours",
    "licenceTypes",
    ...values.licenceTypes.flatMap((_, i) => ["key", "label", "seats"].map((f) => `licenceTypes.${i}.${f}`)),
    "providerTypes",
    ...values.providerTypes.map((_, i) => `providerTypes.${i}.value`),
  ];
}
