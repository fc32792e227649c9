import type { Credential } from "../users/credential.schema";
import type { User } from "../users/user.schema";
import type {
  FhirContactPoint,
  FhirHumanName,
  FhirIdentifier,
  FhirMeta,
  FhirPractitioner,
  FhirPractitionerQualification,
} from "./fhir.types";
import { FHIR_SYSTEMS, toFhirId, US_CORE_PROFILES } from "./fhir-ids";

/**
 * Whether a user is published as a FHIR Practitioner: flagged practitioner (W10) and a member who
 * has joined — active, or disabled (`active: false`). A pending invitee has not joined yet and may
 * never join (a revoked invitation removes the user), so they are not published; nor is anyone
 * without the practitioner flag: front desk, billing and managers are staff, not providers.
 *
 * @example isPublishedPractitioner(user) // true for an active or disabled user flagged practitioner
 */
export function isPublishedPractitioner(user: Pick<User, "flags" | "status">): boolean {
  return user.flags.practitioner && user.status !== "pending";
}

/**
 * Options of {@link toPractitioner}.
 *
 * @example { identifierSystem: "https://ehr.example/fhir/sid/staffroom-user", qualifications: [] }
 */
export interface PractitionerOptions {
  /** System of the local identifier that carries the Staffroom user id. Default `FHIR_SYSTEMS.staffroomUser`. */
  readonly identifierSystem?: string;
  /**
   * More qualifications to publish after the ones the provider profile holds (its taxonomy codes
   * and credentials): anything recorded elsewhere. Default none.
   */
  readonly qualifications?: readonly FhirPractitionerQualification[];
}

/** `meta` of a resource built from a versioned record. */
export function metaOf(
  record: { readonly version: number; readonly updatedAt: string },
  profile: string,
): FhirMeta {
  return { versionId: String(record.version), lastUpdated: record.updatedAt, profile: [profile] };
}

/**
 * The contact points of a user: phones first (work, ranked), then the work email. The email is
 * always there, so every PractitionerRole meets pd-1 (telecom or endpoint) without an endpoint.
 *
 * @example telecomOf(user) // [{ system: "phone", value: "+14155550123", use: "work", rank: 1 }, { system: "email", value: "jane@clinic.example", use: "work" }]
 */
export function telecomOf(user: Pick<User, "email" | "profile">): FhirContactPoint[] {
  const out: FhirContactPoint[] = [];
  const phones = [user.profile.primaryPhone, user.profile.alternatePhone].filter(
    (p): p is string => typeof p === "string" && p.length > 0,
  );
  phones.forEach((value, i) => {
    out.push({ system: "phone", value, use: "work", rank: i + 1 });
  });
  out.push({ system: "email", value: user.email, use: "work" });
  return out;
}

/** The practitioner's name: `family` always (US Core), the title as a suffix ("Jane Smith RN"). */
function nameOf(user: Pick<User, "profile" | "displayName">): FhirHumanName {
  const { givenName, familyName, title } = user.profile;
  return {
    text: user.displayName,
    family: familyName,
    given: [givenName],
    ...(title ? { suffix: [title] } : {}),
  };
}

/**
 * The qualifications the provider profile holds today: each NUCC taxonomy code, the classification
 * a licence is issued for (NPPES records a licence number beside each taxonomy code).
 */
function profileQualifications(user: Pick<User, "provider">): FhirPractitionerQualification[] {
  return (user.provider?.taxonomyCodes ?? []).map((code) => ({
    code: { coding: [{ system: FHIR_SYSTEMS.nucc, code }] },
  }));
}

/** How each credential kind is coded: v2-0203 where it has a code, Staffroom's own system otherwise. */
const CREDENTIAL_CODES: Record<Credential["kind"], { system: string; code: string; display: string }> = {
  state_licence: { system: FHIR_SYSTEMS.v2IdentifierType, code: "SL", display: "State license" },
  dea: {
    system: FHIR_SYSTEMS.v2IdentifierType,
    code: "DEA",
    display: "Drug Enforcement Administration registration number",
  },
  board_certification: {
    system: FHIR_SYSTEMS.staffroomCredential,
    code: "board_certification",
    display: "Board certification",
  },
};

/**
 * A provider credential (issue 15) as an R4 `qualification`: the number as an identifier typed by
 * kind, the kind as the code (text naming the state), the expiry as `period.end`, the issuer (or,
 * without one, the DEA or the issuing state) as `issuer.display`.
 *
 * @example credentialQualification({ kind: "dea", number: "AB1234563", state: "CA", issuer: null, expiresOn: "2027-06-30" })
 * // { identifier: [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "DEA", … }] }, value: "AB1234563" }],
 * //   code: { coding: [...], text: "DEA registration (CA)" }, period: { end: "2027-06-30" }, issuer: { display: "Drug Enforcement Administration" } }
 */
export function credentialQualification(credential: Credential): FhirPractitionerQualification {
  const coding = CREDENTIAL_CODES[credential.kind];
  const where = credential.state ? ` (${credential.state})` : "";
  const label = {
    state_licence: "State licence",
    dea: "DEA registration",
    board_certification: "Board certification",
  }[credential.kind];
  const issuer =
    credential.issuer ||
    (credential.kind === "dea" ? "Drug Enforcement Administration" : (credential.state ?? undefined));
  return {
    identifier: [{ type: { coding: [coding] }, value: credential.number }],
    code: { coding: [coding], text: `${label}${where}` },
    ...(credential.expiresOn ? { period: { end: credential.expiresOn } } : {}),
    ...(issuer ? { issuer: { display: issuer } } : {}),
  };
}

/**
 * A user as an R4 Practitioner following US Core Practitioner: the NPI under
 * `http://hl7.org/fhir/sid/us-npi` (core's R11 guarantees ten digits with a valid Luhn check digit,
 * so us-core-16 and us-core-17 hold by construction), the Staffroom id as a local identifier (so
 * `identifier` 1..* holds without an NPI), `name` with `family`, work `telecom`, `active` from the
 * status, and `qualification` from the taxonomy codes, then the provider's credentials
 * ({@link credentialQualification}), then any given in `options.qualifications`.
 * The caller checks {@link isPublishedPractitioner} first: this maps whoever it is given.
 *
 * @example
 * const practitioner = toPractitioner(user);
 * practitioner.identifier[0] // { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" }
 */
export function toPractitioner(user: User, options: PractitionerOptions = {}): FhirPractitioner {
  const identifier: FhirIdentifier[] = [];
  if (user.provider?.npi)
    identifier.push({ use: "official", system: FHIR_SYSTEMS.npi, value: user.provider.npi });
  identifier.push({
    use: "usual",
    system: options.identifierSystem ?? FHIR_SYSTEMS.staffroomUser,
    value: user.id,
  });
  const qualification = [
    ...profileQualifications(user),
    ...(user.provider?.credentials ?? []).map(credentialQualification),
    ...(options.qualifications ?? []),
  ];
  return {
    resourceType: "Practitioner",
    id: toFhirId(user.id),
    meta: metaOf(user, US_CORE_PROFILES.Practitioner),
    identifier,
    active: user.status === "active",
    name: [nameOf(user)],
    telecom: telecomOf(user),
    ...(qualification.length ? { qualification } : {}),
  };
}
