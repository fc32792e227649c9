import type { Location, Role } from "@staffroom/core";

/**
 * One choice a form offers: allowed, or shown disabled — with the reason beside it when the source
 * gives one.
 *
 * @example const option: FieldOption = { value: "rol_…", label: "Administrator", disabled: true, reason: "You do not hold every permission of this role." };
 */
export interface FieldOption {
  readonly value: string;
  readonly label: string;
  /** Shown but not choosable. Default false. */
  readonly disabled?: boolean;
  /** Why it is disabled, shown beside it. Default none. */
  readonly reason?: string;
}

/** The access choices of the user form: which roles and locations it offers. */
export interface UserAccessOptions {
  readonly roles: readonly FieldOption[];
  readonly locations: readonly FieldOption[];
}

/**
 * Where the user form's access choices come from today: the roles core marks `grantable` for this
 * actor (R3) — the role the user holds now stays listed, disabled, so an edit keeps showing it —
 * and the locations that are not archived. It is the one place the form asks; core's form-options
 * verdicts (which roles, locations and flags this actor may give this user, and why not) replace
 * its body without touching the fields.
 *
 * @example const options = userAccessOptions(roles, locations, user?.roleId);
 */
export function userAccessOptions(
  roles: readonly Role[],
  locations: readonly Location[],
  currentRoleId: string | undefined,
): UserAccessOptions {
  return {
    roles: roles
      .filter((r) => r.grantable || r.id === currentRoleId)
      .map((r) => ({ value: r.id, label: r.name, ...(r.grantable ? {} : { disabled: true }) })),
    locations: locations.filter((l) => !l.archived).map((l) => ({ value: l.id, label: l.name })),
  };
}

/**
 * The text of an option in a native `<select>` (which cannot hold markup): its label, and its
 * reason when it has one.
 *
 * @example optionText({ value: "r", label: "Administrator", disabled: true, reason: "Not yours to give" }) // "Administrator — Not yours to give"
 */
export function optionText(option: FieldOption): string {
  return option.reason ? `${option.label} — ${option.reason}` : option.label;
}
