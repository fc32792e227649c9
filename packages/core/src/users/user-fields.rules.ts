import type { ActorFacts } from "../access/actor-facts";
import type { FieldIssue } from "../errors/directory-error";
import { ALLOWED, firstRefusal, refuse, type Verdict } from "../errors/verdict";
import type { Features, LicenceType } from "../organization/organization.schema";
import type { LocationRecord, UserRecord } from "../store/records";
import type { LocationAccess } from "./user.schema";
import {
  accessGrantVerdict,
  accountWriteVerdict,
  administratorVerdict,
  manageUserVerdict,
  ownAccessVerdict,
  roleGrantVerdict,
  type UserTarget,
  usersManagerVerdict,
} from "./users.rules";

/*
 * The verdicts of a user's fields (R3, R8, R10, R11 relations a schema alone cannot check): each
 * field rule is one function, asserted by create and update and read by the form options.
 */

/**
 * What the field verdicts know about the organization: its features, licence and provider types,
 * and its locations (the service passes all of them; a location outside the actor's scope is
 * refused by R3 before its existence is looked at).
 *
 * @example { features, licenceTypes: [{ key: "rn" }], providerTypes: ["Physician"], locations: [{ id: "loc_…", archived: false }] }
 */
export interface OrganizationFacts {
  readonly features: Features;
  readonly licenceTypes: readonly Pick<LicenceType, "key">[];
  readonly providerTypes: readonly string[];
  readonly locations: readonly Pick<LocationRecord, "id" | "archived">[];
}

/** The fields of a user the field verdicts read. */
export type UserFields = Pick<
  UserRecord,
  "locationAccess" | "primaryLocationId" | "licences" | "provider" | "flags" | "loginChannels" | "profile"
>;

const UNKNOWN_LOCATION = "This location does not exist.";

/**
 * R8: a location can be in a user's access or be their primary: it exists and is live — or, being
 * archived, the user already had it (`had`). The issue to report on `path`, or null.
 *
 * @example locationIssue(org, "loc_…", false, ["locationAccess", 0])
 */
export function locationIssue(
  org: Pick<OrganizationFacts, "locations">,
  id: string,
  had: boolean,
  path: readonly (string | number)[],
): FieldIssue | null {
  const loc = org.locations.find((l) => l.id === id);
  return loc && (!loc.archived || had) ? null : { path, code: "unknown_location", message: UNKNOWN_LOCATION };
}

/**
 * R8: every user has a primary location inside their access (`rule`/`primary_location_outside_access`
 * on `primaryLocationId`).
 *
 * @example primaryInAccessVerdict(["loc_a"], "loc_b") // refused
 */
export function primaryInAccessVerdict(access: LocationAccess, primaryLocationId: string): Verdict {
  return access === "organization" || access.includes(primaryLocationId)
    ? ALLOWED
    : refuse.rule(
        "primary_location_outside_access",
        "The primary location must be one of the user's locations.",
        {
          field: ["primaryLocationId"],
        },
      );
}

/** The fields a feature of the organization governs (R10): its key, its words, the field. */
const FEATURE_FIELDS = {
  mobile: { feature: "mobileApp", words: "mobile app", field: ["loginChannels", "mobile"] },
  diary: { feature: "diary", words: "diary", field: ["flags", "diary"] },
  caseManager: { feature: "caseManagement", words: "case management", field: ["flags", "caseManager"] },
  provider: { feature: "providerDirectory", words: "provider directory", field: ["provider"] },
} as const satisfies Record<string, { feature: keyof Features; words: string; field: readonly string[] }>;

/** A field that only an organization with its feature may set (R10). @example const f: FeatureField = "diary"; */
export type FeatureField = keyof typeof FEATURE_FIELDS;

/**
 * R10: a field of a feature the organization lacks cannot be set (`rule`/`feature_disabled` on it).
 *
 * @example featureVerdict(org.features, "diary")
 */
export function featureVerdict(features: Features, field: FeatureField): Verdict {
  const f = FEATURE_FIELDS[field];
  return features[f.feature]
    ? ALLOWED
    : refuse.rule("feature_disabled", `The organization does not have the ${f.words} feature.`, {
        field: f.field,
        details: { feature: f.words },
      });
}

/**
 * R10: signing in to the mobile app needs a primary phone (`rule`/`mobile_needs_phone` on it).
 *
 * @example mobilePhoneVerdict(user.profile.primaryPhone)
 */
export function mobilePhoneVerdict(primaryPhone: string | null): Verdict {
  return primaryPhone
    ? ALLOWED
    : refuse.rule("mobile_needs_phone", "A user who signs in to the mobile app needs a primary phone.", {
        field: ["profile", "primaryPhone"],
      });
}

/** R10: the features the user's flags, channels and provider profile use, in the order they are checked. */
function featuresVerdict(features: Features, user: UserFields): Verdict {
  return firstRefusal(
    () => (user.loginChannels.mobile ? featureVerdict(features, "mobile") : ALLOWED),
    () => (user.loginChannels.mobile ? mobilePhoneVerdict(user.profile.primaryPhone) : ALLOWED),
    () => (user.flags.diary ? featureVerdict(features, "diary") : ALLOWED),
    () => (user.flags.caseManager ? featureVerdict(features, "caseManager") : ALLOWED),
    () => (user.provider ? featureVerdict(features, "provider") : ALLOWED),
  );
}

/**
 * R8, R10, R11 for a whole user about to be written (`previous` null for a new one): locations exist
 * and are live, the primary lies inside access, licences and provider types exist (a provider type
 * the organization has dropped stays valid for a user who held it), provider types apply at locations of the user's access, only practitioners have a provider profile, and the
 * features the user uses are the organization's. `validation` with every issue for references that
 * name nothing, then `rule` for the rules.
 *
 * @example userRelationsVerdict(org, after, before)
 */
export function userRelationsVerdict(
  org: OrganizationFacts,
  user: UserFields,
  previous: UserFields | null,
): Verdict {
  if (!org.locations.some((l) => !l.archived)) {
    return refuse.rule("location_required", "Create a location before adding users.");
  }
  const issues: FieldIssue[] = [];
  const had = new Set(previous && previous.locationAccess !== "organization" ? previous.locationAccess : []);
  if (user.locationAccess !== "organization") {
    user.locationAccess.forEach((id, i) => {
      const issue = locationIssue(org, id, had.has(id), ["locationAccess", i]);
      if (issue) issues.push(issue);
    });
    if (new Set(user.locationAccess).size !== user.locationAccess.length) {
      issues.push({ path: ["locationAccess"], code: "duplicate", message: "A location is listed twice." });
    }
  }
  const primaryKept = previous?.primaryLocationId === user.primaryLocationId;
  const primaryIssue = locationIssue(org, user.primaryLocationId, primaryKept, ["primaryLocationId"]);
  if (primaryIssue) issues.push(primaryIssue);
  const licenceKeys = new Set(org.licenceTypes.map((l) => l.key));
  user.licences.forEach((key, i) => {
    if (!licenceKeys.has(key)) {
      issues.push({
        path: ["licences", i],
        code: "unknown_licence",
        message: "The organization has no such licence.",
      });
    }
  });
  if (user.provider) {
    const types = new Set(org.providerTypes);
    // A type the organization has stopped using stays valid for whoever already holds it, as an
    // archived location does: otherwise no edit of theirs could be saved (reference 003).
    const held = new Set(previous?.provider?.providerTypes.map((t) => t.type) ?? []);
    const known = new Set(org.locations.map((l) => l.id));
    user.provider.providerTypes.forEach((assignment, i) => {
      if (!types.has(assignment.type) && !held.has(assignment.type)) {
        issues.push({
          path: ["provider", "providerTypes", i, "type"],
          code: "unknown_provider_type",
          message: "The organization does not use this provider type.",
        });
      }
      assignment.locationIds.forEach((id, j) => {
        const inAccess =
          user.locationAccess === "organization" ? known.has(id) : user.locationAccess.includes(id);
        if (!inAccess) {
          issues.push({
            path: ["provider", "providerTypes", i, "locationIds", j],
            code: "outside_access",
            message: "Provider types apply only at locations the user can access.",
          });
        }
      });
    });
    if (!user.flags.practitioner) {
      issues.push({
        path: ["provider"],
        code: "not_practitioner",
        message: "Only practitioners have a provider profile.",
      });
    }
  }
  if (issues.length) return refuse.validation(issues);
  return firstRefusal(
    () => primaryInAccessVerdict(user.locationAccess, user.primaryLocationId),
    () => featuresVerdict(org.features, user),
  );
}

/**
 * THE verdict of `users.create` and `users.invite` for the user about to be written (W1, W2): R2
 * `users.manage`, R3 the role and locations are the actor's to give, then R8, R10, R11. R1 (a free
 * email) and R9 (seats) need the store and are asserted apart.
 *
 * @example createUserVerdict(actor, org, record)
 */
export function createUserVerdict(actor: ActorFacts, org: OrganizationFacts, user: UserRecord): Verdict {
  return firstRefusal(
    () => usersManagerVerdict(actor.subject),
    () => roleGrantVerdict(actor, user.roleId),
    () => accessGrantVerdict(actor, user.locationAccess),
    () => userRelationsVerdict(org, user, null),
  );
}

/** Which privilege fields a write changes. @example changesOf(before, after).role */
export function changesOf(before: UserRecord, after: UserRecord) {
  return {
    role: after.roleId !== before.roleId,
    access: JSON.stringify(after.locationAccess) !== JSON.stringify(before.locationAccess),
    primary: after.primaryLocationId !== before.primaryLocationId,
    email: after.email !== before.email,
  };
}

/**
 * THE verdict of `users.update` (W4): the user is the actor's to edit (R2–R4, R7); nobody changes
 * their own role, locations or primary (R3, R7); a new role and new locations are the actor's to give
 * (R3); changing an administrator's role or locations is the main contact's call (R7); the user as
 * it would be satisfies R8, R10, R11; a new email is not shared with another organization. R6
 * (demoting the last administrator) and R9 (seats) are count rules the service asserts apart.
 *
 * @example updateUserVerdict(actor, org, target, before, applyUserPatch(before, patch))
 */
export function updateUserVerdict(
  actor: ActorFacts,
  org: OrganizationFacts,
  target: UserTarget,
  before: UserRecord,
  after: UserRecord,
): Verdict {
  const changed = changesOf(before, after);
  const privileges = changed.role || changed.access;
  return firstRefusal(
    () => manageUserVerdict(actor, target),
    () => (privileges || changed.primary ? ownAccessVerdict(actor, target) : ALLOWED),
    () => (changed.role ? roleGrantVerdict(actor, after.roleId) : ALLOWED),
    () => (privileges ? accessGrantVerdict(actor, after.locationAccess) : ALLOWED),
    // Narrowing an administrator's role or clinics is a demotion (R7): the main contact's call.
    () => (privileges ? administratorVerdict(actor, target) : ALLOWED),
    () => userRelationsVerdict(org, after, before),
    () => (changed.email ? accountWriteVerdict(actor, target, "email") : ALLOWED),
  );
}

/**
 * The {@link OrganizationFacts} of an organization and its locations.
 *
 * @example const org = organizationFacts(a.organization, await tx.listLocations(a.organization.id));
 */
export function organizationFacts(
  organization: Pick<OrganizationFacts, "features" | "licenceTypes" | "providerTypes">,
  locations: OrganizationFacts["locations"],
): OrganizationFacts {
  const { features, licenceTypes, providerTypes } = organization;
  return { features, licenceTypes, providerTypes, locations };
}
