import type { ActorFacts } from "../access/actor-facts";
import { firstRefusal, refuse, type Verdict } from "../errors/verdict";
import type { LocationAccess } from "./user.schema";
import { featureVerdict, locationIssue, type OrganizationFacts } from "./user-fields.rules";
import type { FieldOption, UserFormOptions } from "./user-form-options.schema";
import {
  accessGrantVerdict,
  accountWriteVerdict,
  administratorVerdict,
  manageUserVerdict,
  ownAccessVerdict,
  roleGrantVerdict,
  type UserTarget,
  userActionOffers,
  userOperationVerdict,
  usersManagerVerdict,
} from "./users.rules";

/**
 * What the user form's options are derived from: the actor's facts, the organization's, the names
 * to show, and the user being edited (null for a new one).
 *
 * @example userFormOptionsOf({ actor, org, roles, locations, licenceTypes: org.licenceTypes, target: null })
 */
export interface UserFormFacts {
  readonly actor: ActorFacts;
  readonly org: OrganizationFacts;
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  /** The locations the actor sees (`locations.list()`): its own, or all for an org-wide actor. */
  readonly locations: readonly { readonly id: string; readonly name: string; readonly archived: boolean }[];
  readonly licenceTypes: readonly { readonly key: string; readonly label: string }[];
  readonly target: UserTarget | null;
  /**
   * The provider types the user being edited holds: one the organization no longer uses stays
   * offered to them (and only to them). Default none.
   */
  readonly heldProviderTypes?: readonly string[];
}

/**
 * The user form's options, each read from the verdict the service asserts on saving that choice:
 * a role is {@link roleGrantVerdict}'s (R3) behind the guards of a privilege change (the user is the
 * actor's to manage, not the actor itself, not an administrator unless the actor is the main
 * contact — R2–R4, R7); a location is {@link accessGrantVerdict}'s (R3, R4) and R8's
 * ({@link locationIssue}); a flag R10's ({@link featureVerdict}). A choice the user already holds is
 * offered whenever the user may be edited: keeping it changes nothing.
 *
 * @example userFormOptionsOf(facts).organizationWide // refused for a Downtown-only manager
 */
export function userFormOptionsOf(f: UserFormFacts): UserFormOptions {
  const { actor, org, target } = f;
  const edit: Verdict = target ? manageUserVerdict(actor, target) : usersManagerVerdict(actor.subject);
  const editable = () => edit;
  const own = () => ownAccessVerdict(actor, target);
  const administrator = () => administratorVerdict(actor, target);
  const current: LocationAccess | undefined = target?.locationAccess;
  const has = (id: string) => current !== undefined && current !== "organization" && current.includes(id);
  const usable = (id: string, path: readonly string[]): Verdict => {
    const issue = locationIssue(org, id, false, path);
    return issue ? refuse.field(issue.path, issue.code, issue.message) : edit;
  };
  const location = (id: string): Verdict =>
    has(id)
      ? edit
      : firstRefusal(
          editable,
          own,
          () => accessGrantVerdict(actor, [id]),
          administrator,
          () => usable(id, ["locationAccess"]),
        );
  const primary = (id: string): Verdict => {
    if (target && id === target.primaryLocationId) return edit;
    // Choosing a primary adds it to the access (R8), so it is offered when it may be added.
    if (current === undefined || (current !== "organization" && !has(id))) return location(id);
    return firstRefusal(editable, own, () => usable(id, ["primaryLocationId"]));
  };
  const option = (value: string, label: string, verdict: Verdict): FieldOption => ({ value, label, verdict });
  const shown = f.locations.filter((l) => !l.archived || has(l.id) || l.id === target?.primaryLocationId);
  const feature = (field: "diary" | "caseManager" | "mobile" | "provider") =>
    firstRefusal(editable, () => featureVerdict(org.features, field));
  return {
    userId: target?.id ?? null,
    fields: {
      email: target ? firstRefusal(editable, () => accountWriteVerdict(actor, target, "email")) : edit,
      profile: edit,
      role: firstRefusal(editable, own, administrator),
      access: firstRefusal(editable, own, administrator),
      primaryLocation: firstRefusal(editable, own),
      flags: edit,
      loginChannels: edit,
      licences: edit,
      provider: edit,
    },
    roles: f.roles.map((r) =>
      option(
        r.id,
        r.name,
        target && r.id === target.roleId
          ? edit
          : firstRefusal(editable, own, () => roleGrantVerdict(actor, r.id), administrator),
      ),
    ),
    locations: shown.map((l) => option(l.id, l.name, location(l.id))),
    organizationWide:
      current === "organization"
        ? edit
        : firstRefusal(editable, own, () => accessGrantVerdict(actor, "organization"), administrator),
    primaryLocations: shown.map((l) => option(l.id, l.name, primary(l.id))),
    flags: { practitioner: edit, diary: feature("diary"), caseManager: feature("caseManager") },
    loginChannels: { web: edit, mobile: feature("mobile") },
    licences: f.licenceTypes.map((l) => option(l.key, l.label, edit)),
    providerTypes: [
      ...org.providerTypes,
      ...(f.heldProviderTypes ?? []).filter((type) => !org.providerTypes.includes(type)),
    ].map((type) => option(type, type, edit)),
    provider: feature("provider"),
    password: target
      ? {
          temporary: userOperationVerdict(actor, target, "temporaryPassword"),
          link: userOperationVerdict(actor, target, "resetPassword"),
        }
      : null,
    actions: target ? userActionOffers(actor, target) : [],
  };
}
