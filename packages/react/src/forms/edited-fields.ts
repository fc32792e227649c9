/**
 * One field a person changed in a form: its react-hook-form name (`profile.jobTitle`) and what they
 * entered.
 *
 * @example const edit: EditedField = { name: "profile.jobTitle", value: "Charge nurse" };
 */
export interface EditedField {
  readonly name: string;
  readonly value: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every leaf of form values by its dotted name; arrays (checkbox groups, lists) are one leaf. */
function leaves(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));

/**
 * The fields whose value differs between what a form started from and what it holds now, in the
 * form's field order.
 *
 * @example editedFields({ name: "Downtown", group: "" }, { name: "Downtown Clinic", group: "" }) // [{ name: "name", value: "Downtown Clinic" }]
 */
export function editedFields(initial: unknown, current: unknown): EditedField[] {
  const before = leaves(initial, "", new Map());
  const out: EditedField[] = [];
  for (const [name, value] of leaves(current, "", new Map())) {
    if (!same(before.get(name), value)) out.push({ name, value });
  }
  return out;
}
