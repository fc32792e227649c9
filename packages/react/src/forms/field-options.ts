import type { FieldOption, UserFormOptions, Verdict } from "@staffroom/core";
import { refusalMessage } from "../messages/error-message";
import type { Messages } from "../messages/messages";

/**
 * One choice as a form shows it: allowed, or shown disabled with the reason beside it — both read
 * from core's verdict on that choice, the words through the messages table.
 *
 * @example const option: ShownOption = { value: "rol_…", label: "Administrator", disabled: true, reason: "You cannot give a role with permissions you do not hold." };
 */
export interface ShownOption {
  readonly value: string;
  readonly label: string;
  /** Shown but not choosable. Default false. */
  readonly disabled?: boolean;
  /** Why it is disabled, shown beside it. Default none. */
  readonly reason?: string;
}

/**
 * A verdict as a control's state: `disabled` with the `reason` to show, or neither when allowed.
 *
 * @example const { disabled, reason } = shownVerdict(messages, options.organizationWide);
 */
export function shownVerdict(m: Messages, verdict: Verdict): { disabled?: true; reason?: string } {
  const reason = refusalMessage(m, verdict);
  return reason === null ? {} : { disabled: true, reason };
}

/** Core's option as a shown option. @example shownOption(m, options.roles[0]) */
export function shownOption(m: Messages, option: FieldOption): ShownOption {
  return { value: option.value, label: option.label, ...shownVerdict(m, option.verdict) };
}

/** The access choices of the user form, as shown. */
export interface UserAccessOptions {
  readonly roles: readonly ShownOption[];
  readonly locations: readonly ShownOption[];
  readonly primaryLocations: readonly ShownOption[];
  /** "All locations of the organization". */
  readonly organizationWide: { readonly disabled?: true; readonly reason?: string };
  /** Why the role (the access) cannot change at all, when it cannot — your own, or an administrator's. */
  readonly roleLocked: string | null;
  readonly accessLocked: string | null;
  readonly primaryLocked: string | null;
}

/**
 * The user form's access choices, read from core's form options (`users.formOptions`): every role,
 * location and primary location with its verdict — the ones core refuses disabled with the reason —
 * and "all locations of the organization" likewise. When core refuses the user altogether the form
 * says why once, so the choices carry no reason of their own. Nothing is decided here.
 *
 * @example const access = userAccessOptions(messages, options);
 */
export function userAccessOptions(m: Messages, options: UserFormOptions): UserAccessOptions {
  if (!options.fields.profile.allowed) {
    // The whole user is refused (the form says why once): every choice is shown, none with a reason.
    const quiet = (o: FieldOption): ShownOption => ({ value: o.value, label: o.label, disabled: true });
    return {
      roles: options.roles.map(quiet),
      locations: options.locations.map(quiet),
      primaryLocations: options.primaryLocations.map(quiet),
      organizationWide: { disabled: true },
      roleLocked: null,
      accessLocked: null,
      primaryLocked: null,
    };
  }
  return {
    roles: options.roles.map((o) => shownOption(m, o)),
    locations: options.locations.map((o) => shownOption(m, o)),
    primaryLocations: options.primaryLocations.map((o) => shownOption(m, o)),
    organizationWide: shownVerdict(m, options.organizationWide),
    roleLocked: refusalMessage(m, options.fields.role),
    accessLocked: refusalMessage(m, options.fields.access),
    primaryLocked: refusalMessage(m, options.fields.primaryLocation),
  };
}

/**
 * The text of an option in a native `<select>` (which cannot hold markup): its label, and its
 * reason when it has one.
 *
 * @example optionText({ value: "r", label: "Administrator", disabled: true, reason: "Not yours to give" }) // "Administrator — Not yours to give"
 */
export function optionText(option: ShownOption): string {
  return option.reason ? `${option.label} — ${option.reason}` : option.label;
}
