import type { Location } from "../locations/location.schema";
import type { Organization } from "../organization/organization.schema";
import type { FhirLocation } from "./fhir.types";
import { toFhirId, US_CORE_PROFILES } from "./fhir-ids";
import { metaOf } from "./practitioner.mapper";
import { organizationReference } from "./practitioner-role.mapper";

/**
 * A location as an R4 Location following US Core Location: `name`, `status` (`inactive` once
 * archived: it stays readable, as references to it may still exist), `mode: instance`, and the
 * organization that runs it.
 *
 * @example toLocation(location, organization).status // "active"
 */
export function toLocation(
  location: Location,
  organization: Pick<Organization, "id" | "name">,
): FhirLocation {
  return {
    resourceType: "Location",
    id: toFhirId(location.id),
    meta: metaOf(location, US_CORE_PROFILES.Location),
    status: location.archived ? "inactive" : "active",
    name: location.name,
    mode: "instance",
    managingOrganization: organizationReference(organization),
  };
}
