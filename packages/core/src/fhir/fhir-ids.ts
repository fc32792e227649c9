import { ID_PREFIXES, type IdKind, isId } from "../primitives/ids.schema";

/**
 * The FHIR R4 `id` datatype: 1–64 of `A–Z a–z 0–9 - .`. A Staffroom id (`usr_0000000001`) has an
 * underscore, so it is not one as it stands.
 *
 * @example FHIR_ID_PATTERN.test("usr-0000000001") // true
 */
export const FHIR_ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The FHIR id of a Staffroom id: the underscore after the three-letter prefix becomes a hyphen.
 * Staffroom ids are `[a-z]{3}_[0-9a-z]{10,40}` (`ID_PATTERN`), which holds no hyphen, so the
 * mapping is one-to-one and {@link fromFhirId} reverses it exactly; the result has at most 44
 * characters, inside FHIR's 64.
 *
 * @example toFhirId("usr_0000000001") // "usr-0000000001"
 */
export function toFhirId(staffroomId: string): string {
  if (!isId(staffroomId)) throw new TypeError(`not a Staffroom id: ${JSON.stringify(staffroomId)}`);
  return `${staffroomId.slice(0, 3)}-${staffroomId.slice(4)}`;
}

/**
 * The Staffroom id behind a FHIR id of the given kind, or null when the FHIR id is not one that
 * {@link toFhirId} makes for that kind (another prefix, upper case, an underscore, too long …).
 * Callers answer null exactly as they answer a missing record (R5: a malformed id tells nothing).
 *
 * @example fromFhirId("usr-0000000001", "user") // "usr_0000000001"
 * @example fromFhirId("loc-0000000001", "user") // null
 */
export function fromFhirId(fhirId: string, kind: IdKind): string | null {
  const prefix = ID_PREFIXES[kind];
  if (!fhirId.startsWith(`${prefix}-`)) return null;
  const candidate = `${prefix}_${fhirId.slice(4)}`;
  return isId(candidate) ? candidate : null;
}

/**
 * Identifier and code systems Staffroom's FHIR resources use.
 *
 * @example FHIR_SYSTEMS.npi // "http://hl7.org/fhir/sid/us-npi"
 */
export const FHIR_SYSTEMS = {
  /** US National Provider Identifier (US Core Practitioner's NPI slice). */
  npi: "http://hl7.org/fhir/sid/us-npi",
  /** NUCC Health Care Provider Taxonomy (US Core PractitionerRole.specialty). */
  nucc: "http://nucc.org/provider-taxonomy",
  /**
   * Default system of the local identifier (the Staffroom user id) every Practitioner carries:
   * US Core needs one identifier even when a practitioner has no NPI. Hosts pass their own URL.
   */
  staffroomUser: "urn:staffroom:user",
  /** HL7 v2 table 0203 identifier types: `SL` state licence, `DEA` DEA registration (qualification codes). */
  v2IdentifierType: "http://terminology.hl7.org/CodeSystem/v2-0203",
  /** Staffroom's credential kinds, for the board certifications v2-0203 has no code for. */
  staffroomCredential: "urn:staffroom:credential-kind",
} as const;

/**
 * The US Core (R4) profiles each resource claims in `meta.profile`.
 *
 * @example US_CORE_PROFILES.Practitioner // "http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner"
 */
export const US_CORE_PROFILES = {
  Practitioner: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner",
  PractitionerRole: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitionerrole",
  Location: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-location",
  Organization: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization",
} as const;
