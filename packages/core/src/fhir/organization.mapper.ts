import type { Organization } from "../organization/organization.schema";
import type { FhirOrganization } from "./fhir.types";
import { toFhirId, US_CORE_PROFILES } from "./fhir-ids";
import { metaOf } from "./practitioner.mapper";

/**
 * An organization as an R4 Organization following US Core Organization (`active` and `name`, both
 * required there). Staffroom holds no NPI, TIN, address or phone for an organization, so none is
 * published.
 *
 * @example toOrganization(organization) // { resourceType: "Organization", id: "org-…", active: true, name: "Harbor Urgent Care", … }
 */
export function toOrganization(organization: Organization): FhirOrganization {
  return {
    resourceType: "Organization",
    id: toFhirId(organization.id),
    meta: metaOf(organization, US_CORE_PROFILES.Organization),
    active: true,
    name: organization.name,
  };
}
