import { isValidNpi, TAXONOMY_PATTERN } from "../users/provider.rules";
import { FHIR_ID_PATTERN, FHIR_SYSTEMS } from "./fhir-ids";

/**
 * One finding of {@link fhirConformanceIssues}: the FHIRPath-like location and what is wrong, with
 * the invariant's key where one applies (`us-core-16`, `pd-1` …).
 *
 * @example { path: "Practitioner.identifier[0].value", key: "us-core-17", message: "The NPI's check digit is wrong." }
 */
export interface FhirConformanceIssue {
  readonly path: string;
  readonly key?: string;
  readonly message: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const CONTACT_SYSTEMS = new Set(["phone", "fax", "email", "pager", "url", "sms", "other"]);
const CONTACT_USES = new Set(["home", "work", "temp", "old", "mobile"]);
const NAME_USES = new Set(["usual", "official", "temp", "nickname", "anonymous", "old", "maiden"]);
const IDENTIFIER_USES = new Set(["usual", "official", "temp", "secondary", "old"]);
const LOCATION_STATUSES = new Set(["active", "suspended", "inactive"]);
const SEVERITIES = new Set(["fatal", "error", "warning", "information"]);
const ISSUE_TYPES = new Set([
  "invalid",
  "structure",
  "required",
  "value",
  "invariant",
  "security",
  "login",
  "unknown",
  "expired",
  "forbidden",
  "suppressed",
  "processing",
  "not-supported",
  "duplicate",
  "multiple-matches",
  "not-found",
  "deleted",
  "too-long",
  "code-invalid",
  "extension",
  "too-costly",
  "business-rule",
  "conflict",
  "transient",
  "lock-error",
  "no-store",
  "exception",
  "timeout",
  "incomplete",
  "throttled",
  "informational",
]);
const REFERENCE = /^(Practitioner|PractitionerRole|Location|Organization)\/[A-Za-z0-9\-.]{1,64}$/;
/** R4 `instant`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function list(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}

/** JSON rules every FHIR element follows (R4 §2.6.2, ele-1): no null, no empty string, array or object; strings without control characters or surrounding white space. */
function walkJson(value: Json, path: string, out: FhirConformanceIssue[]): void {
  if (value === null) out.push({ path, message: "null is not a FHIR value." });
  else if (typeof value === "string") {
    if (value.length === 0) out.push({ path, key: "ele-1", message: "An empty string is not a FHIR value." });
    else if (value.trim() !== value)
      out.push({ path, message: "Strings should not begin or end with white space." });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the check is about control characters.
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value))
      out.push({ path, message: "Control character in a string." });
  } else if (Array.isArray(value)) {
    if (value.length === 0) out.push({ path, key: "ele-1", message: "An empty array is not a FHIR value." });
    value.forEach((v, i) => {
      walkJson(v, `${path}[${i}]`, out);
    });
  } else if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) out.push({ path, key: "ele-1", message: "An empty object is not a FHIR value." });
    for (const k of keys) walkJson(value[k] as Json, `${path}.${k}`, out);
  }
}

function checkTelecom(telecom: Json | undefined, path: string, out: FhirConformanceIssue[]): void {
  list(telecom).forEach((t, i) => {
    if (!isObject(t)) return;
    const at = `${path}.telecom[${i}]`;
    if (t.value !== undefined && t.system === undefined)
      out.push({ path: at, key: "cpt-2", message: "A contact point with a value needs a system." });
    if (t.system !== undefined && !CONTACT_SYSTEMS.has(String(t.system)))
      out.push({ path: `${at}.system`, message: "Not a ContactPointSystem code." });
    if (t.use !== undefined && !CONTACT_USES.has(String(t.use)))
      out.push({ path: `${at}.use`, message: "Not a ContactPointUse code." });
  });
}

function checkReference(ref: Json | undefined, path: string, out: FhirConformanceIssue[]): void {
  if (ref === undefined) return;
  if (!isObject(ref) || typeof ref.reference !== "string" || !REFERENCE.test(ref.reference)) {
    out.push({ path, message: "A reference must be Type/id to a published resource." });
  }
}

function checkMeta(meta: Json | undefined, path: string, out: FhirConformanceIssue[]): void {
  if (!isObject(meta)) return;
  if (meta.lastUpdated !== undefined && !INSTANT.test(String(meta.lastUpdated)))
    out.push({ path: `${path}.meta.lastUpdated`, message: "Not an instant." });
  if (meta.versionId !== undefined && !FHIR_ID_PATTERN.test(String(meta.versionId)))
    out.push({ path: `${path}.meta.versionId`, message: "Not an id." });
}

function checkPractitioner(r: { [key: string]: Json }, out: FhirConformanceIssue[]): void {
  const identifiers = list(r.identifier);
  if (identifiers.length === 0)
    out.push({ path: "Practitioner.identifier", message: "US Core: identifier is 1..*." });
  identifiers.forEach((id, i) => {
    const at = `Practitioner.identifier[${i}]`;
    if (!isObject(id) || typeof id.system !== "string" || typeof id.value !== "string") {
      out.push({ path: at, message: "US Core: every identifier has a system and a value." });
      return;
    }
    if (id.use !== undefined && !IDENTIFIER_USES.has(String(id.use)))
      out.push({ path: `${at}.use`, message: "Not an IdentifierUse code." });
    if (id.system !== FHIR_SYSTEMS.npi) return;
    if (!/^[0-9]{10}$/.test(id.value))
      out.push({ path: `${at}.value`, key: "us-core-16", message: "An NPI has 10 digits." });
    else if (!isValidNpi(id.value))
      out.push({ path: `${at}.value`, key: "us-core-17", message: "The NPI's check digit is wrong." });
  });
  const names = list(r.name);
  if (names.length === 0) out.push({ path: "Practitioner.name", message: "US Core: name is 1..*." });
  names.forEach((n, i) => {
    if (!isObject(n) || typeof n.family !== "string")
      out.push({ path: `Practitioner.name[${i}].family`, message: "US Core: name.family is 1..1." });
    else if (n.use !== undefined && !NAME_USES.has(String(n.use)))
      out.push({ path: `Practitioner.name[${i}].use`, message: "Not a NameUse code." });
  });
  checkTelecom(r.telecom, "Practitioner", out);
  list(r.qualification).forEach((q, i) => {
    if (!isObject(q) || !isObject(q.code))
      out.push({ path: `Practitioner.qualification[${i}].code`, message: "qualification.code is 1..1." });
  });
}

function checkPractitionerRole(r: { [key: string]: Json }, out: FhirConformanceIssue[]): void {
  const linked = ["practitioner", "organization", "healthcareService", "location"].some(
    (k) => r[k] !== undefined,
  );
  if (!linked)
    out.push({
      path: "PractitionerRole",
      key: "us-core-13",
      message: "A role needs a practitioner, an organization, a healthcare service or a location.",
    });
  if (r.telecom === undefined && r.endpoint === undefined)
    out.push({ path: "PractitionerRole", key: "pd-1", message: "A role needs telecom or an endpoint." });
  list(r.telecom).forEach((t, i) => {
    if (!isObject(t) || t.system === undefined || t.value === undefined)
      out.push({
        path: `PractitionerRole.telecom[${i}]`,
        message: "US Core: telecom.system and telecom.value are 1..1.",
      });
  });
  checkTelecom(r.telecom, "PractitionerRole", out);
  checkReference(r.practitioner, "PractitionerRole.practitioner", out);
  checkReference(r.organization, "PractitionerRole.organization", out);
  list(r.location).forEach((l, i) => {
    checkReference(l, `PractitionerRole.location[${i}]`, out);
  });
  list(r.specialty).forEach((s, i) => {
    list(isObject(s) ? s.coding : undefined).forEach((c, j) => {
      if (!isObject(c) || c.system !== FHIR_SYSTEMS.nucc) return;
      if (typeof c.code !== "string" || !TAXONOMY_PATTERN.test(c.code)) {
        out.push({
          path: `PractitionerRole.specialty[${i}].coding[${j}].code`,
          message: "Not a NUCC taxonomy code.",
        });
      }
    });
  });
}

function checkResource(r: { [key: string]: Json }, path: string, out: FhirConformanceIssue[]): void {
  const type = r.resourceType;
  if (r.id !== undefined && (typeof r.id !== "string" || !FHIR_ID_PATTERN.test(r.id))) {
    out.push({ path: `${path}.id`, message: "A FHIR id is 1–64 of A–Z a–z 0–9 - ." });
  }
  checkMeta(r.meta, path, out);
  const sub: FhirConformanceIssue[] = [];
  if (type === "Practitioner") checkPractitioner(r, sub);
  else if (type === "PractitionerRole") checkPractitionerRole(r, sub);
  else if (type === "Location") {
    if (typeof r.name !== "string") sub.push({ path: "Location.name", message: "US Core: name is 1..1." });
    if (!LOCATION_STATUSES.has(String(r.status)))
      sub.push({ path: "Location.status", message: "Not a LocationStatus code." });
    checkReference(r.managingOrganization, "Location.managingOrganization", sub);
  } else if (type === "Organization") {
    if (typeof r.active !== "boolean")
      sub.push({ path: "Organization.active", message: "US Core: active is 1..1." });
    if (typeof r.name !== "string")
      sub.push({ path: "Organization.name", message: "US Core: name is 1..1." });
  } else if (type === "OperationOutcome") {
    const issues = list(r.issue);
    if (issues.length === 0) sub.push({ path: "OperationOutcome.issue", message: "issue is 1..*." });
    issues.forEach((i, n) => {
      if (!isObject(i) || !SEVERITIES.has(String(i.severity)) || !ISSUE_TYPES.has(String(i.code))) {
        sub.push({
          path: `OperationOutcome.issue[${n}]`,
          message: "An issue needs an IssueSeverity and an IssueType code.",
        });
      }
    });
  } else if (type === "Bundle") {
    if (r.type !== "searchset")
      sub.push({ path: "Bundle.type", message: "Staffroom answers searchset bundles." });
    if (typeof r.total !== "number" || !Number.isSafeInteger(r.total) || r.total < 0)
      sub.push({ path: "Bundle.total", message: "total is a non-negative integer." });
    list(r.entry).forEach((e, i) => {
      if (!isObject(e) || !isObject(e.resource)) return;
      if (
        typeof e.fullUrl !== "string" ||
        !e.fullUrl.endsWith(`/${String(e.resource.resourceType)}/${String(e.resource.id)}`)
      ) {
        sub.push({
          path: `Bundle.entry[${i}].fullUrl`,
          message: "fullUrl must end with Type/id of its resource.",
        });
      }
      checkResource(e.resource, `Bundle.entry[${i}].resource`, out);
    });
  } else {
    sub.push({ path, message: `Not a resource Staffroom publishes: ${String(type)}.` });
  }
  // Issues inside a resource carry the bundle path when the resource is an entry.
  const prefix = path === type ? "" : `${path}|`;
  for (const issue of sub) out.push(prefix ? { ...issue, path: `${prefix}${issue.path}` } : issue);
}

/**
 * What the offline R4 validator does not check and Staffroom promises anyway, for any resource or
 * searchset Bundle it publishes: FHIR ids (`[A-Za-z0-9\-.]{1,64}`), the JSON rules (no null, no
 * empty string, array or object), the required bindings it uses (ContactPoint, HumanName and
 * Identifier uses, Location status, IssueType), cpt-2, references by `Type/id`, and US Core:
 * Practitioner `identifier` 1..* with system and value, us-core-16 and us-core-17 on the NPI,
 * `name.family`; PractitionerRole us-core-13, pd-1, telecom system and value, NUCC codes;
 * Location `name`; Organization `active` and `name`. An empty list means it conforms.
 *
 * @example expect(fhirConformanceIssues(toPractitioner(user))).toEqual([])
 */
export function fhirConformanceIssues(resource: unknown): FhirConformanceIssue[] {
  const out: FhirConformanceIssue[] = [];
  const json = resource as Json;
  if (!isObject(json) || typeof json.resourceType !== "string") {
    return [{ path: "", message: "Not a FHIR resource." }];
  }
  walkJson(json, json.resourceType, out);
  checkResource(json, json.resourceType, out);
  return out;
}
