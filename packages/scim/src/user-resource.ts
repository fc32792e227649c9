import { type DirectoryGroup, EmailSchema, type ProvisionedAttributes, type User } from "@staffroom/core";
import { URN } from "./constants";
import { isObject, type Json } from "./document";
import { ScimError } from "./error";
import type { Scope } from "./evaluate";
import { etagOf } from "./precondition";
import { COMMON_ATTRIBUTES, ENTERPRISE_SCHEMA, userSchema } from "./schemas";

/** What the User schemas are resolved against: core User (and common) attributes, the enterprise extension. */
export function userScope(passwords: boolean): Scope {
  return {
    coreUrn: URN.user,
    attributes: [...COMMON_ATTRIBUTES, ...userSchema(passwords).attributes],
    extensions: new Map([[URN.enterprise, ENTERPRISE_SCHEMA.attributes]]),
  };
}

/** A Staffroom user with what SCIM shows beside it. */
export interface UserFacts {
  readonly user: User;
  readonly attributes: ProvisionedAttributes | null;
  /** The groups the user is in (derived: see the README). */
  readonly groups: readonly DirectoryGroup[];
}

/**
 * A user as a SCIM User resource: `userName` and the one work email are the Staffroom email,
 * `name` and `displayName` the profile's, `title` the job title, `phoneNumbers` the primary (work)
 * and alternate (mobile) phones, `active` false only while disabled, the identity provider's
 * attributes, the groups, and `meta`.
 *
 * @example userDocument({ user, attributes, groups }, "https://ehr.example/scim/v2").userName // "jane@clinic.org"
 */
export function userDocument(facts: UserFacts, base: string): Json {
  const { user, attributes } = facts;
  const p = user.profile;
  const phones: Json[] = [];
  if (p.primaryPhone) phones.push({ value: p.primaryPhone, type: "work", primary: true });
  if (p.alternatePhone) phones.push({ value: p.alternatePhone, type: "mobile", primary: false });
  const enterprise: Json = {};
  if (attributes?.employeeNumber) enterprise.employeeNumber = attributes.employeeNumber;
  if (attributes?.department) enterprise.department = attributes.department;
  const hasEnterprise = Object.keys(enterprise).length > 0;
  return {
    schemas: hasEnterprise ? [URN.user, URN.enterprise] : [URN.user],
    id: user.id,
    ...(attributes?.externalId ? { externalId: attributes.externalId } : {}),
    userName: user.email,
    name: { formatted: user.displayName, familyName: p.familyName, givenName: p.givenName },
    displayName: user.displayName,
    ...(p.jobTitle ? { title: p.jobTitle } : {}),
    active: user.status !== "disabled",
    emails: [{ value: user.email, type: "work", primary: true }],
    ...(phones.length ? { phoneNumbers: phones } : {}),
    groups: facts.groups.map((g) => ({
      value: g.id,
      $ref: `${base}/Groups/${g.id}`,
      display: g.displayName,
      type: "direct",
    })),
    ...(hasEnterprise ? { [URN.enterprise]: enterprise } : {}),
    meta: {
      resourceType: "User",
      created: user.createdAt,
      lastModified: user.updatedAt,
      location: `${base}/Users/${user.id}`,
      version: etagOf(user.version),
    },
  };
}

/** The Staffroom state a SCIM User document asks for. */
export interface DesiredUser {
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly jobTitle: string | null;
  readonly primaryPhone: string | null;
  readonly alternatePhone: string | null;
  /** Undefined when the document does not say. */
  readonly active: boolean | undefined;
  readonly externalId: string | null;
  readonly employeeNumber: string | null;
  readonly department: string | null;
  /** Only with `passwords: "set"`; undefined when absent. */
  readonly password: string | undefined;
}

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/** The given and family name from `name`, falling back to `name.formatted`, then `displayName`, split at the last space. */
function names(doc: Json, raw: Json | null): { givenName: string; familyName: string } {
  const name = isObject(doc.name) ? doc.name : {};
  let givenName = text(name.givenName);
  let familyName = text(name.familyName);
  if (givenName === null || familyName === null) {
    const rawName = raw && isObject(raw.name) ? raw.name : {};
    const whole =
      text(name.formatted) ?? text(rawName.formatted) ?? text(doc.displayName) ?? text(raw?.displayName);
    const cut = whole ? whole.lastIndexOf(" ") : -1;
    if (whole && cut > 0) {
      givenName ??= whole.slice(0, cut).trim();
      familyName ??= whole.slice(cut + 1).trim();
    }
  }
  if (givenName === null || familyName === null)
    throw new ScimError(400, "invalidValue", "name.givenName and name.familyName are required.");
  return { givenName, familyName };
}

/** The work (or primary, or first) and the mobile (or second) phone numbers. */
function phones(doc: Json): { primaryPhone: string | null; alternatePhone: string | null } {
  const list = Array.isArray(doc.phoneNumbers) ? doc.phoneNumbers.filter(isObject) : [];
  const typed = (t: string) => list.find((e) => typeof e.type === "string" && e.type.toLowerCase() === t);
  const work = typed("work") ?? list.find((e) => e.primary === true && e !== typed("mobile"));
  const mobile = typed("mobile");
  const rest = list.filter((e) => e !== work && e !== mobile && (e.type === undefined || e.type === null));
  const primary = work ?? rest.shift();
  const alternate = mobile ?? rest.shift();
  return { primaryPhone: text(primary?.value), alternatePhone: text(alternate?.value) };
}

/**
 * The Staffroom state a canonical User document asks for. `userName` is required (it is the
 * email); `name.givenName` and `name.familyName` are required, taken from `name.formatted` or
 * `displayName` when a client sends only those. `raw` is the body as sent, for those fallbacks.
 *
 * @example desiredUser(canonicalDocument(body, userScope(false)), body, false).email // "jane@clinic.org"
 */
export function desiredUser(doc: Json, raw: Json | null, passwords: boolean): DesiredUser {
  const email = text(doc.userName);
  if (email === null)
    throw new ScimError(400, "invalidValue", "userName is required: the person's work email.");
  const ext = isObject(doc[URN.enterprise]) ? (doc[URN.enterprise] as Json) : {};
  return {
    email,
    ...names(doc, raw),
    jobTitle: text(doc.title),
    ...phones(doc),
    active: typeof doc.active === "boolean" ? doc.active : undefined,
    externalId: text(doc.externalId),
    employeeNumber: text(ext.employeeNumber),
    department: text(ext.department),
    password: passwords && typeof doc.password === "string" ? doc.password : undefined,
  };
}

/** An email as core stores it (R1: trimmed, NFKC, lower-cased), or the text as given when it is none. */
export function normalEmail(email: string): string {
  const parsed = EmailSchema.safeParse(email);
  return parsed.success ? parsed.data : email;
}

/** A phone as core stores it: spaces, dots, dashes and brackets gone. */
export const normalPhone = (phone: string | null): string | null =>
  phone === null ? null : phone.replace(/[\s().-]/g, "");
