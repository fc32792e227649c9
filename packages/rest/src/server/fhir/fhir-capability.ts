import { US_CORE_PROFILES } from "@staffroom/core/fhir";

const PARAMS = {
  Practitioner: [
    ["_id", "token"],
    ["identifier", "token"],
    ["name", "string"],
    ["active", "token"],
  ],
  PractitionerRole: [
    ["_id", "token"],
    ["practitioner", "reference"],
    ["location", "reference"],
    ["specialty", "token"],
    ["active", "token"],
  ],
  Location: [
    ["_id", "token"],
    ["name", "string"],
  ],
  Organization: [
    ["_id", "token"],
    ["name", "string"],
  ],
} as const;

/**
 * The endpoint's R4 CapabilityStatement (`GET [base]/metadata`, public as R4 expects): read and
 * search-type on the four resources, their search parameters and US Core profiles, JSON only.
 *
 * @example capabilityStatement("https://ehr.example/fhir/r4").rest[0].resource.length // 4
 */
export function capabilityStatement(base: string) {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-12-06",
    kind: "instance",
    software: { name: "Staffroom" },
    implementation: { description: "Staffroom's clinicians as FHIR R4 (US Core), read-only", url: base },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        documentation:
          "Bearer token or session cookie of a Staffroom user holding users.view; every answer is limited to what that user's directory shows.",
        resource: (Object.keys(PARAMS) as (keyof typeof PARAMS)[]).map((type) => ({
          type,
          supportedProfile: [US_CORE_PROFILES[type]],
          interaction: [{ code: "read" }, { code: "search-type" }],
          searchParam: PARAMS[type].map(([name, kind]) => ({ name, type: kind })),
        })),
        operation: [
          { name: "export", definition: "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export" },
        ],
      },
    ],
  };
}
