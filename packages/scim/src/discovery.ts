import { URN } from "./constants";
import type { ResolvedScimOptions } from "./context";
import type { Json } from "./document";
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, type SchemaDef, userSchema } from "./schemas";

/**
 * `/ServiceProviderConfig` (RFC 7643 §5), truthful: PATCH and ETags yes; bulk and sort no; filters
 * yes with `maxResults`; password changes only with `passwords: "set"`; a bearer token.
 *
 * @example serviceProviderConfig(options, "https://ehr.example/scim/v2").filter // { supported: true, maxResults: 200 }
 */
export function serviceProviderConfig(options: ResolvedScimOptions, base: string): Json {
  return {
    schemas: [URN.serviceProviderConfig],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: options.maxResults },
    changePassword: { supported: options.passwords },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Provisioning token",
        description:
          "A Staffroom provisioning token, created by an administrator in Settings › Provisioning, sent as Authorization: Bearer <token>.",
        specUri: "https://www.rfc-editor.org/info/rfc6750",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

/**
 * The resource types (RFC 7643 §6): User (with the enterprise extension, not required) and Group.
 *
 * @example resourceTypes(base).map((r) => r.name) // ["User", "Group"]
 */
export function resourceTypes(base: string): Json[] {
  return [
    {
      schemas: [URN.resourceType],
      id: "User",
      name: "User",
      description: "A person's membership of the organization.",
      endpoint: "/Users",
      schema: URN.user,
      schemaExtensions: [{ schema: URN.enterprise, required: false }],
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [URN.resourceType],
      id: "Group",
      name: "Group",
      description: "A role, or a group an administrator mapped to a role or to locations.",
      endpoint: "/Groups",
      schema: URN.group,
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
    },
  ];
}

function schemaDocument(schema: SchemaDef, base: string): Json {
  return {
    schemas: [URN.schema],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes,
    meta: { resourceType: "Schema", location: `${base}/Schemas/${schema.id}` },
  };
}

/**
 * The schemas (RFC 7643 §7) of what Staffroom keeps: core User (only its attributes), the
 * enterprise extension (employeeNumber, department) and Group.
 *
 * @example schemaDocuments(options, base).map((s) => s.id)
 */
export function schemaDocuments(options: ResolvedScimOptions, base: string): Json[] {
  return [userSchema(options.passwords), ENTERPRISE_SCHEMA, GROUP_SCHEMA].map((s) => schemaDocument(s, base));
}
