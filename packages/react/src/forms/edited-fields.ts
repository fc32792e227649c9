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

/**
 * Two form values are the same: equal, or arrays (checkbox groups, lists) with the same items.
 *
 * @example sameValue(["a"], ["a"]) // true
 */
export const sameValue = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));

/**
 * The value at a dotted field name of form values; undefined when there is none.
 *
 * @example valueAt({ profile: { jobTitle: "Nurse" } }, "profile.jobTitle") // "Nurse"
 */
export function valueAt(values: unknown, name: string): unknown {
  let at: unknown = values;
  for (const key of name.split(".")) {
    if (!isRecord(at)) return undefined;
    at = at[key];
  }
  return at;
}

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
    if (!sameValue(before.get(name), value)) out.push({ name, value });
  }
  return out;
}

/**
 * One of the person's edits after a Reload on a stale form, beside the value the new version holds
 * (`now`). `kept`: nobody else changed that field, so the person's value is back in the form;
 * `conflict`: someone else changed it too, the form shows their value (`now`) until the person
 * chooses.
 *
 * @example const edit: UnsavedEdit = { name: "profile.jobTitle", value: "Charge nurse", now: "Head nurse", state: "conflict" };
 */
export interface UnsavedEdit extends EditedField {
  readonly now: unknown;
  readonly state: "kept" | "conflict";
}

/**
 * Sorts the person's edits against a reloaded version: an edit the new version already holds is
 * dropped, one to a field nobody else changed is `kept` (to put back in the form), one to a field
 * someone else changed too is a `conflict`.
 *
 * @example unsavedAgainst(edits, initialValues, reloadedValues)
 */
export function unsavedAgainst(edits: readonly EditedField[], before: unknown, now: unknown): UnsavedEdit[] {
  return edits.flatMap((edit) => {
    const current = valueAt(now, edit.name);
    if (sameValue(current, edit.value)) return [];
    const state = sameValue(current, valueAt(before, edit.name)) ? "kept" : "conflict";
    return [{ ...edit, now: current, state }];
  });
}
