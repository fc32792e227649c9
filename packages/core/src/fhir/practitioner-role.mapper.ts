import type { Location } from "../locations/location.schema";
import type { Organization } from "../organization/organization.schema";
import type { User } from "../users/user.schema";
import type { FhirCodeableConcept, FhirPractitionerRole, FhirReference } from "./fhir.types";
import { FHIR_SYSTEMS, toFhirId, US_CORE_PROFILES } from "./fhir-ids";
import { metaOf, telecomOf } from "./practitioner.mapper";

/**
 * The locations a practitioner's role names: the live ones among `locations` that the user may
 * work at (all of them for org-wide access), in the order given. Archived locations are left out
 * (a role at a closed clinic is not current), and so is any location the caller did not pass —
 * pass the viewer's own `locations.list()`, so that a delegated manager's view never points at a
 * clinic it cannot read.
 *
 * @example roleLocations(user, await staff.locations.list()).map((l) => l.name) // ["Downtown Clinic"]
 */
export function roleLocations(
  user: Pick<User, "locationAccess">,
  locations: readonly Location[],
): Location[] {
  const access = user.locationAccess;
  return locations.filter((l) => !l.archived && (access === "organization" || access.includes(l.id)));
}

/** A reference to a location. @example locationReference(location) // { reference: "Location/loc-…", display: "Downtown Clinic" } */
export function locationReference(location: Pick<Location, "id" | "name">): FhirReference {
  return { reference: `Location/${toFhirId(location.id)}`, display: location.name };
}

/** A reference to an organization. @example organizationReference(org) // { reference: "Organization/org-…", display: "Harbor Urgent Care" } */
export function organizationReference(organization: Pick<Organization, "id" | "name">): FhirReference {
  return { reference: `Organization/${toFhirId(organization.id)}`, display: organization.name };
}

/** The provider types (W10: "RN", "Administrator" …) as role codes: free text, no code system holds them. */
function roleCodes(user: Pick<User, "provider">): FhirCodeableConcept[] {
  const types = new Set((user.provider?.providerTypes ?? []).map((t) => t.type));
  return [...types].map((text) => ({ text }));
}

/** The NUCC taxonomy codes as specialties (US Core PractitionerRole.specialty). */
function specialties(user: Pick<User, "provider">): FhirCodeableConcept[] {
  return (user.provider?.taxonomyCodes ?? []).map((code) => ({
    coding: [{ system: FHIR_SYSTEMS.nucc, code }],
  }));
}

/**
 * A practitioner's role in their organization as an R4 PractitionerRole following US Core
 * PractitionerRole: one per practitioner, with the practitioner's own FHIR id. It links the
 * Practitioner and the Organization (so us-core-13 holds by construction), names the live
 * locations of the user's access among `locations` ({@link roleLocations}), carries the provider
 * types as `code`, the NUCC taxonomy codes as `specialty` (system `http://nucc.org/provider-taxonomy`)
 * and the practitioner's work `telecom`, which always holds the email (so pd-1 holds).
 *
 * @example
 * const role = toPractitionerRole(user, organization, await staff.locations.list());
 * role.practitioner.reference // "Practitioner/usr-…"
 */
export function toPractitionerRole(
  user: User,
  organization: Pick<Organization, "id" | "name">,
  locations: readonly Location[],
): FhirPractitionerRole {
  const code = roleCodes(user);
  const specialty = specialties(user);
  const location = roleLocations(user, locations).map(locationReference);
  return {
    resourceType: "PractitionerRole",
    id: toFhirId(user.id),
    meta: metaOf(user, US_CORE_PROFILES.PractitionerRole),
    active: user.status === "active",
    practitioner: { reference: `Practitioner/${toFhirId(user.id)}`, display: user.displayName },
    organization: organizationReference(organization),
    ...(code.length ? { code } : {}),
    ...(specialty.length ? { specialty } : {}),
    ...(location.length ? { location } : {}),
    telecom: telecomOf(user),
  };
}
