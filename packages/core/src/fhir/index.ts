/**
 * `@staffroom/core/fhir`: pure mappers from Staffroom's users, organization and locations to FHIR R4
 * resources following US Core (Practitioner, PractitionerRole, Location, Organization), the
 * reversible id mapping, FHIR search predicates, Bundle and OperationOutcome builders, and the
 * conformance checks the offline validator leaves out. No dependency beyond core itself, and not in
 * the root entry, so browser bundles that never publish FHIR never carry it. A server exposes it over
 * HTTP with `createFhirHandler` from `@staffroom/rest/server`.
 *
 * @example
 * import { isPublishedPractitioner, toPractitioner, toPractitionerRole } from "@staffroom/core/fhir";
 * const page = await staff.users.list({ practitioner: true });
 * const locations = await staff.locations.list();
 * const organization = await staff.organization.get();
 * const resources = page.items.filter(isPublishedPractitioner).flatMap((u) => [toPractitioner(u), toPractitionerRole(u, organization, locations)]);
 */

export type {
  FhirBundleLink,
  FhirCodeableConcept,
  FhirCoding,
  FhirContactPoint,
  FhirHumanName,
  FhirIdentifier,
  FhirIssueSeverity,
  FhirIssueType,
  FhirLocation,
  FhirMeta,
  FhirOperationOutcome,
  FhirOrganization,
  FhirPeriod,
  FhirPractitioner,
  FhirPractitionerQualification,
  FhirPractitionerRole,
  FhirReference,
  FhirSearchBundle,
  StaffroomFhirResource,
  StaffroomResourceType,
} from "./fhir.types";
export { operationOutcome, resourceUrl, searchsetBundle } from "./fhir-bundle";
export { FHIR_ID_PATTERN, FHIR_SYSTEMS, fromFhirId, toFhirId, US_CORE_PROFILES } from "./fhir-ids";
export {
  conceptMatches,
  identifierMatches,
  nameFields,
  type StringMatch,
  searchNormal,
  stringMatches,
  type TokenValue,
  tokenMatches,
} from "./fhir-search";
export { toLocation } from "./location.mapper";
export { toOrganization } from "./organization.mapper";
export {
  credentialQualification,
  isPublishedPractitioner,
  type PractitionerOptions,
  telecomOf,
  toPractitioner,
} from "./practitioner.mapper";
export {
  locationReference,
  organizationReference,
  roleLocations,
  toPractitionerRole,
} from "./practitioner-role.mapper";
export { type FhirConformanceIssue, fhirConformanceIssues } from "./us-core.checks";
