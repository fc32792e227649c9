import type { FhirCodeableConcept, FhirHumanName, FhirIdentifier } from "./fhir.types";

/*
 * FHIR search semantics over the resources Staffroom publishes, so that a search means what it means
 * on any FHIR server: the predicates read the mapped resource, not Staffroom's records.
 */

/**
 * A string search value as FHIR compares it: case and accents ignored (NFKD, combining marks
 * removed, lower case), runs of white space as one space, trimmed.
 *
 * @example searchNormal("  José  García ") // "jose garcia"
 */
export function searchNormal(value: string): string {
  return value.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** How a string parameter compares (R4 §3.1.1.5.3): starts-with by default, `:exact`, `:contains`. @example "contains" */
export type StringMatch = "default" | "exact" | "contains";

/**
 * Whether any of `fields` matches a string search value: by default a field equals or starts with
 * the value once both are {@link searchNormal}; `:contains` anywhere in the field; `:exact` the
 * field equals the value exactly (case and accents count).
 *
 * @example stringMatches(["Jane", "Smith", "Jane Smith RN"], "smi", "default") // true
 */
export function stringMatches(fields: readonly string[], value: string, match: StringMatch): boolean {
  if (match === "exact") return fields.some((f) => f === value);
  const wanted = searchNormal(value);
  if (wanted.length === 0) return false;
  return fields.some((f) => {
    const field = searchNormal(f);
    return match === "contains" ? field.includes(wanted) : field.startsWith(wanted);
  });
}

/**
 * The string fields a `name` search looks at (R4 `individual-name`/`Practitioner.name`): every
 * part of every HumanName — text, family, given, prefix, suffix.
 *
 * @example nameFields([{ text: "Jane Smith RN", family: "Smith", given: ["Jane"], suffix: ["RN"] }]) // ["Jane Smith RN", "Smith", "Jane", "RN"]
 */
export function nameFields(names: readonly FhirHumanName[] | undefined): string[] {
  const out: string[] = [];
  for (const n of names ?? []) {
    if (n.text) out.push(n.text);
    if (n.family) out.push(n.family);
    out.push(...(n.given ?? []), ...(n.suffix ?? []));
  }
  return out;
}

/**
 * A token search value (R4 §3.1.1.5.5): `system|code`, `|code` (no system), `system|` (any code
 * in the system) or `code` (any system).
 *
 * @example { system: "http://hl7.org/fhir/sid/us-npi", code: "1234567893" }
 */
export interface TokenValue {
  /** undefined: any system; null: no system (`|code`). */
  readonly system?: string | null;
  /** undefined: any code of the system (`system|`). */
  readonly code?: string;
}

/**
 * Whether a system and code pair matches a token value. Codes compare exactly: NPIs, Staffroom ids
 * and NUCC codes are all case-exact.
 *
 * @example tokenMatches({ system: "http://nucc.org/provider-taxonomy", code: "207Q00000X" }, { code: "207Q00000X" }) // true
 */
export function tokenMatches(
  candidate: { readonly system?: string | undefined; readonly code?: string | undefined },
  token: TokenValue,
): boolean {
  if (
    token.system === null
      ? candidate.system !== undefined
      : token.system !== undefined && candidate.system !== token.system
  ) {
    return false;
  }
  return token.code === undefined || candidate.code === token.code;
}

/**
 * Whether any identifier matches a token value (R4 `identifier` parameters).
 *
 * @example identifierMatches(practitioner.identifier, { system: FHIR_SYSTEMS.npi, code: "1234567893" })
 */
export function identifierMatches(
  identifiers: readonly FhirIdentifier[] | undefined,
  token: TokenValue,
): boolean {
  return (identifiers ?? []).some((i) => tokenMatches({ system: i.system, code: i.value }, token));
}

/**
 * Whether any coding of any concept matches a token value (R4 `specialty`, `code` parameters).
 *
 * @example conceptMatches(role.specialty, { system: FHIR_SYSTEMS.nucc, code: "207Q00000X" })
 */
export function conceptMatches(
  concepts: readonly FhirCodeableConcept[] | undefined,
  token: TokenValue,
): boolean {
  return (concepts ?? []).some((c) => (c.coding ?? []).some((coding) => tokenMatches(coding, token)));
}
