/**
 * The schemas RFC 7643 gives for the discovery resources themselves (§5 ServiceProviderConfig, §6
 * ResourceType, §7 Schema; their JSON representation in §8.7.2), transcribed as SCIM attribute
 * definitions, and a validator that checks a document against such a definition: required
 * attributes present, types, multi-valued as arrays, canonical values, and no attribute the schema
 * does not define. Two errata of §8.7.2 are followed as the normative sections say: `schemaExtensions`
 * is multi-valued (§6: "a list"), and `etag` is part of ServiceProviderConfig (§5).
 */

export interface RfcAttribute {
  readonly name: string;
  readonly type: "string" | "boolean" | "decimal" | "integer" | "dateTime" | "reference" | "complex";
  readonly multiValued?: boolean;
  readonly required?: boolean;
  readonly canonicalValues?: readonly string[];
  readonly subAttributes?: readonly RfcAttribute[];
}

const s = (name: string, more: Partial<RfcAttribute> = {}): RfcAttribute => ({
  name,
  type: "string",
  ...more,
});
const b = (name: string, required = true): RfcAttribute => ({ name, type: "boolean", required });
const i = (name: string): RfcAttribute => ({ name, type: "integer", required: true });
const ref = (name: string, required = false): RfcAttribute => ({ name, type: "reference", required });
const supported = (name: string, more: RfcAttribute[] = []): RfcAttribute => ({
  name,
  type: "complex",
  required: true,
  subAttributes: [b("supported"), ...more],
});

/** `meta` of a resource (RFC 7643 §3.1). */
const META: RfcAttribute = {
  name: "meta",
  type: "complex",
  subAttributes: [
    s("resourceType"),
    { name: "created", type: "dateTime" },
    { name: "lastModified", type: "dateTime" },
    ref("location"),
    s("version"),
  ],
};

/** urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig (RFC 7643 §5). */
export const SERVICE_PROVIDER_CONFIG_SCHEMA: readonly RfcAttribute[] = [
  ref("documentationUri"),
  supported("patch"),
  supported("bulk", [i("maxOperations"), i("maxPayloadSize")]),
  supported("filter", [i("maxResults")]),
  supported("changePassword"),
  supported("sort"),
  supported("etag"),
  {
    name: "authenticationSchemes",
    type: "complex",
    multiValued: true,
    required: true,
    subAttributes: [
      s("type", {
        required: true,
        canonicalValues: ["oauth", "oauth2", "oauthbearertoken", "httpbasic", "httpdigest"],
      }),
      s("name", { required: true }),
      s("description", { required: true }),
      ref("specUri"),
      ref("documentationUri"),
      b("primary", false),
    ],
  },
  META,
];

/** urn:ietf:params:scim:schemas:core:2.0:ResourceType (RFC 7643 §6). */
export const RESOURCE_TYPE_SCHEMA: readonly RfcAttribute[] = [
  s("id"),
  s("name", { required: true }),
  s("description"),
  ref("endpoint", true),
  ref("schema", true),
  {
    name: "schemaExtensions",
    type: "complex",
    multiValued: true,
    subAttributes: [ref("schema", true), b("required")],
  },
  META,
];

const ATTRIBUTE_FIELDS: RfcAttribute[] = [
  s("name", { required: true }),
  s("type", {
    required: true,
    canonicalValues: ["string", "complex", "boolean", "decimal", "integer", "dateTime", "reference"],
  }),
  b("multiValued"),
  s("description"),
  b("required", false),
  s("canonicalValues", { multiValued: true }),
  b("caseExact", false),
  s("mutability", { canonicalValues: ["readOnly", "readWrite", "immutable", "writeOnly"] }),
  s("returned", { canonicalValues: ["always", "never", "default", "request"] }),
  s("uniqueness", { canonicalValues: ["none", "server", "global"] }),
  s("referenceTypes", { multiValued: true }),
];

/** urn:ietf:params:scim:schemas:core:2.0:Schema (RFC 7643 §7). */
export const SCHEMA_SCHEMA: readonly RfcAttribute[] = [
  s("id", { required: true }),
  s("name"),
  s("description"),
  {
    name: "attributes",
    type: "complex",
    multiValued: true,
    required: true,
    subAttributes: [
      ...ATTRIBUTE_FIELDS,
      {
        name: "subAttributes",
        type: "complex",
        multiValued: true,
        subAttributes: ATTRIBUTE_FIELDS,
      },
    ],
  },
  META,
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function checkValue(attribute: RfcAttribute, value: unknown, at: string, errors: string[]): void {
  switch (attribute.type) {
    case "string":
    case "reference":
      if (typeof value !== "string") errors.push(`${at}: ${attribute.type} expected`);
      else if (attribute.canonicalValues && !attribute.canonicalValues.includes(value))
        errors.push(`${at}: "${value}" is not one of ${attribute.canonicalValues.join(", ")}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") errors.push(`${at}: boolean expected`);
      return;
    case "integer":
      if (!Number.isInteger(value)) errors.push(`${at}: integer expected`);
      return;
    case "decimal":
      if (typeof value !== "number") errors.push(`${at}: number expected`);
      return;
    case "dateTime":
      if (typeof value !== "string" || Number.isNaN(Date.parse(value)))
        errors.push(`${at}: dateTime expected`);
      return;
    case "complex":
      if (!isObject(value)) errors.push(`${at}: object expected`);
      else checkObject(attribute.subAttributes ?? [], value, at, errors, false);
  }
}

function checkObject(
  attributes: readonly RfcAttribute[],
  doc: Record<string, unknown>,
  at: string,
  errors: string[],
  resource: boolean,
): void {
  for (const attribute of attributes) {
    const value = doc[attribute.name];
    const here = at ? `${at}.${attribute.name}` : attribute.name;
    if (value === undefined || value === null) {
      if (attribute.required) errors.push(`${here}: required`);
      continue;
    }
    if (attribute.multiValued) {
      if (!Array.isArray(value)) errors.push(`${here}: array expected`);
      else
        value.forEach((v, n) => {
          checkValue(attribute, v, `${here}[${n}]`, errors);
        });
    } else checkValue(attribute, value, here, errors);
  }
  const known = new Set(attributes.map((a) => a.name));
  if (resource) for (const k of ["schemas", "id", "externalId", "meta"]) known.add(k);
  for (const key of Object.keys(doc))
    if (!known.has(key)) errors.push(`${at ? `${at}.` : ""}${key}: not in the schema`);
}

/**
 * The problems of a resource document against a schema's attributes (empty when it conforms): its
 * `schemas` must name `urn`.
 *
 * @example expect(conform(spc, SERVICE_PROVIDER_CONFIG_SCHEMA, URN)).toEqual([])
 */
export function conform(doc: unknown, attributes: readonly RfcAttribute[], urn: string): string[] {
  const errors: string[] = [];
  if (!isObject(doc)) return ["not an object"];
  if (!Array.isArray(doc.schemas) || !doc.schemas.includes(urn)) errors.push(`schemas: must contain ${urn}`);
  checkObject(attributes, doc, "", errors, true);
  return errors;
}

/**
 * A resource checked against the schemas the service publishes (`/Schemas` attribute definitions,
 * core and extension): every attribute defined there, of its type and multiplicity.
 *
 * @example expect(conformToPublished(user, [userSchema, enterprise])).toEqual([])
 */
export function conformToPublished(
  doc: Record<string, unknown>,
  core: { id: string; attributes: RfcAttribute[] },
  extensions: { id: string; attributes: RfcAttribute[] }[],
): string[] {
  const errors = conform(
    doc,
    [
      ...core.attributes,
      ...extensions.map((e) => ({ name: e.id, type: "complex" as const, subAttributes: e.attributes })),
    ],
    core.id,
  );
  for (const ext of extensions)
    if (doc[ext.id] !== undefined && !(doc.schemas as string[]).includes(ext.id))
      errors.push(`schemas: must contain ${ext.id}`);
  return errors;
}
