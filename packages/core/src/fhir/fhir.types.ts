/*
 * The slice of FHIR R4 (4.0.1) that Staffroom produces, typed by hand so `@staffroom/core/fhir` needs
 * no dependency. Field names and cardinalities follow the R4 definitions; the tests check these
 * shapes against @medplum/fhirtypes at compile time and @medplum/core's validator at run time.
 */

/** R4 `Coding`. @example { system: "http://nucc.org/provider-taxonomy", code: "207Q00000X" } */
export interface FhirCoding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

/** R4 `CodeableConcept`. @example { coding: [{ system: "http://nucc.org/provider-taxonomy", code: "207Q00000X" }] } */
export interface FhirCodeableConcept {
  readonly coding?: readonly FhirCoding[];
  readonly text?: string;
}

/** R4 `Identifier` (only the parts Staffroom fills). @example { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" } */
export interface FhirIdentifier {
  readonly use?: "usual" | "official" | "temp" | "secondary" | "old";
  readonly type?: FhirCodeableConcept;
  readonly system?: string;
  readonly value?: string;
}

/** R4 `Period`: FHIR dateTime strings. @example { start: "2026-01-01", end: "2027-12-31" } */
export interface FhirPeriod {
  readonly start?: string;
  readonly end?: string;
}

/** R4 `Reference`. @example { reference: "Practitioner/usr-0000000001", display: "Jane Smith RN" } */
export interface FhirReference {
  readonly reference?: string;
  readonly display?: string;
}

/** R4 `HumanName`. @example { text: "Jane Smith RN", family: "Smith", given: ["Jane"], suffix: ["RN"] } */
export interface FhirHumanName {
  readonly use?: "usual" | "official" | "temp" | "nickname" | "anonymous" | "old" | "maiden";
  readonly text?: string;
  readonly family?: string;
  readonly given?: readonly string[];
  readonly suffix?: readonly string[];
}

/** R4 `ContactPoint`. @example { system: "phone", value: "+14155550123", use: "work", rank: 1 } */
export interface FhirContactPoint {
  readonly system?: "phone" | "fax" | "email" | "pager" | "url" | "sms" | "other";
  readonly value?: string;
  readonly use?: "home" | "work" | "temp" | "old" | "mobile";
  readonly rank?: number;
}

/** R4 `Meta`. @example { versionId: "3", lastUpdated: "2026-11-23T08:00:00.000Z", profile: ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner"] } */
export interface FhirMeta {
  readonly versionId?: string;
  readonly lastUpdated?: string;
  readonly profile?: readonly string[];
}

/**
 * R4 `Practitioner.qualification`: a licence, certificate or training. The mapper takes these as an
 * input so that credentials recorded elsewhere (state licences, DEA registrations, board
 * certifications) join the ones the provider profile holds.
 *
 * @example { identifier: [{ system: "urn:oid:2.16.840.1.113883.4.3.6", value: "A123456" }],
 *   code: { text: "California medical licence" }, period: { end: "2027-06-30" }, issuer: { display: "Medical Board of California" } }
 */
export interface FhirPractitionerQualification {
  readonly identifier?: readonly FhirIdentifier[];
  readonly code: FhirCodeableConcept;
  readonly period?: FhirPeriod;
  readonly issuer?: FhirReference;
}

/** R4 `Practitioner`, as Staffroom fills it (US Core Practitioner). */
export interface FhirPractitioner {
  readonly resourceType: "Practitioner";
  readonly id: string;
  readonly meta?: FhirMeta;
  readonly identifier: readonly FhirIdentifier[];
  readonly active: boolean;
  readonly name: readonly FhirHumanName[];
  readonly telecom?: readonly FhirContactPoint[];
  readonly qualification?: readonly FhirPractitionerQualification[];
}

/** R4 `PractitionerRole`, as Staffroom fills it (US Core PractitionerRole). */
export interface FhirPractitionerRole {
  readonly resourceType: "PractitionerRole";
  readonly id: string;
  readonly meta?: FhirMeta;
  readonly active: boolean;
  readonly practitioner: FhirReference;
  readonly organization: FhirReference;
  readonly code?: readonly FhirCodeableConcept[];
  readonly specialty?: readonly FhirCodeableConcept[];
  readonly location?: readonly FhirReference[];
  readonly telecom: readonly FhirContactPoint[];
}

/** R4 `Location`, as Staffroom fills it (US Core Location). */
export interface FhirLocation {
  readonly resourceType: "Location";
  readonly id: string;
  readonly meta?: FhirMeta;
  readonly status: "active" | "suspended" | "inactive";
  readonly name: string;
  readonly mode: "instance";
  readonly managingOrganization: FhirReference;
}

/** R4 `Organization`, as Staffroom fills it (US Core Organization). */
export interface FhirOrganization {
  readonly resourceType: "Organization";
  readonly id: string;
  readonly meta?: FhirMeta;
  readonly active: boolean;
  readonly name: string;
}

/** The four resources Staffroom publishes. @example const r: StaffroomFhirResource = toLocation(location, organization); */
export type StaffroomFhirResource = FhirPractitioner | FhirPractitionerRole | FhirLocation | FhirOrganization;

/** The resource types Staffroom publishes. @example "Practitioner" */
export type StaffroomResourceType = StaffroomFhirResource["resourceType"];

/** R4 `OperationOutcome.issue.severity`. @example "error" */
export type FhirIssueSeverity = "fatal" | "error" | "warning" | "information";

/** The R4 `IssueType` codes Staffroom answers with. @example "not-found" */
export type FhirIssueType =
  | "invalid"
  | "structure"
  | "value"
  | "required"
  | "security"
  | "login"
  | "forbidden"
  | "not-supported"
  | "not-found"
  | "too-costly"
  | "throttled"
  | "business-rule"
  | "processing"
  | "exception";

/** R4 `OperationOutcome`. @example { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found", diagnostics: "…" }] } */
export interface FhirOperationOutcome {
  readonly resourceType: "OperationOutcome";
  readonly issue: readonly {
    readonly severity: FhirIssueSeverity;
    readonly code: FhirIssueType;
    readonly details?: FhirCodeableConcept;
    readonly diagnostics?: string;
    readonly expression?: readonly string[];
  }[];
}

/** R4 `Bundle.link`. @example { relation: "next", url: "https://ehr.example/fhir/r4/Practitioner?_count=50&_cursor=…" } */
export interface FhirBundleLink {
  readonly relation: string;
  readonly url: string;
}

/** R4 `Bundle` of type `searchset`. */
export interface FhirSearchBundle<R = StaffroomFhirResource> {
  readonly resourceType: "Bundle";
  readonly type: "searchset";
  readonly total: number;
  readonly link: readonly FhirBundleLink[];
  readonly entry?: readonly {
    readonly fullUrl: string;
    readonly resource: R;
    readonly search: { readonly mode: "match" | "include" };
  }[];
}
