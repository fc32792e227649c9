import { URN } from "./constants";

/**
 * One attribute of a SCIM schema (RFC 7643 §7): what `/Schemas` publishes, and what filters and
 * PATCH paths resolve names against (case-insensitively) and compare with (`caseExact`).
 *
 * @example { name: "userName", type: "string", multiValued: false, required: true, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "server", description: "…" }
 */
export interface AttributeDef {
  readonly name: string;
  readonly type: "string" | "boolean" | "decimal" | "integer" | "dateTime" | "reference" | "complex";
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: "readOnly" | "readWrite" | "immutable" | "writeOnly";
  readonly returned: "always" | "never" | "default" | "request";
  readonly uniqueness: "none" | "server" | "global";
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly AttributeDef[];
}

/** A schema: its URN, name, description and attributes. */
export interface SchemaDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly AttributeDef[];
}

type Partial2 = Partial<Omit<AttributeDef, "name" | "description">>;

const attr = (name: string, description: string, more: Partial2 = {}): AttributeDef => ({
  name,
  type: "string",
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...more,
});

const readOnly = { mutability: "readOnly" } as const;

/** `type`, `value`, `primary` sub-attributes of a multi-valued attribute with the given types. */
const multi = (valueDescription: string, types: readonly string[], more: Partial2 = {}): AttributeDef[] => [
  attr("value", valueDescription, more),
  attr("type", "A label indicating the attribute's function.", { ...more, canonicalValues: types }),
  attr("primary", "Whether this is the primary value; true at most once.", { ...more, type: "boolean" }),
];

/**
 * The core User schema as Staffroom keeps it: only the attributes it stores. Everything else a
 * client sends (addresses, locale, nickName …) is not Staffroom's and is ignored.
 *
 * @param passwords whether `password` is accepted (the handler's `passwords: "set"`).
 * @example userSchema(false).attributes.map((a) => a.name) // ["userName", "name", "displayName", …]
 */
export function userSchema(passwords: boolean): SchemaDef {
  return {
    id: URN.user,
    name: "User",
    description: "A Staffroom user: one person's membership of the organization.",
    attributes: [
      attr("userName", "The work email the person signs in with; unique, compared ignoring case (R1).", {
        required: true,
        uniqueness: "server",
      }),
      attr("name", "The components of the user's name.", {
        type: "complex",
        subAttributes: [
          attr("formatted", "The full name, as Staffroom shows it.", readOnly),
          attr("familyName", "The family name (required by Staffroom)."),
          attr("givenName", "The given name (required by Staffroom)."),
        ],
      }),
      attr("displayName", "The name as shown in lists: given name, family name and title.", readOnly),
      attr("title", "The job title (Staffroom's jobTitle, at most 80 characters)."),
      attr("active", "False while the user is disabled (W6); a disabled user stays readable.", {
        type: "boolean",
      }),
      ...(passwords
        ? [
            attr("password", "Sets the person's password (R16 applies); never returned.", {
              mutability: "writeOnly",
              returned: "never",
              caseExact: true,
            }),
          ]
        : []),
      attr("emails", "The work email, which is the userName: one value, type work, primary.", {
        type: "complex",
        multiValued: true,
        ...readOnly,
        subAttributes: multi("The email address.", ["work"], readOnly),
      }),
      attr(
        "phoneNumbers",
        "The primary phone (type work) and the alternate phone (type mobile), in E.164 form (+14155550123).",
        {
          type: "complex",
          multiValued: true,
          subAttributes: multi("The phone number in E.164 form.", ["work", "mobile"]),
        },
      ),
      attr("groups", "The roles and mapped groups the user is in (change them through /Groups).", {
        type: "complex",
        multiValued: true,
        ...readOnly,
        subAttributes: [
          attr("value", "The id of the group.", readOnly),
          attr("$ref", "The URI of the group.", {
            ...readOnly,
            type: "reference",
            referenceTypes: ["Group"],
          }),
          attr("display", "The group's name.", readOnly),
          attr("type", "How the user is in the group.", { ...readOnly, canonicalValues: ["direct"] }),
        ],
      }),
    ],
  };
}

/** The enterprise User extension: the two attributes Staffroom keeps for the identity provider. */
export const ENTERPRISE_SCHEMA: SchemaDef = {
  id: URN.enterprise,
  name: "EnterpriseUser",
  description: "Enterprise attributes Staffroom keeps for the identity provider (erased with the user).",
  attributes: [
    attr("employeeNumber", "The person's employee number in the organization."),
    attr("department", "The person's department."),
  ],
};

/** The core Group schema: a role (by its name) or a group an administrator mapped. */
export const GROUP_SCHEMA: SchemaDef = {
  id: URN.group,
  name: "Group",
  description:
    "A Staffroom role by its name, or a group an administrator mapped to a role or to locations. Members are the users the mapping describes.",
  attributes: [
    attr("displayName", "The role's or mapped group's name; set in Staffroom, not through SCIM.", {
      required: true,
      mutability: "immutable",
      uniqueness: "server",
    }),
    attr("members", "The users in the group.", {
      type: "complex",
      multiValued: true,
      subAttributes: [
        attr("value", "The id of the user.", { mutability: "immutable", caseExact: true }),
        attr("$ref", "The URI of the user.", {
          mutability: "immutable",
          type: "reference",
          referenceTypes: ["User"],
        }),
        attr("display", "The user's name.", readOnly),
        attr("type", "Always User.", { mutability: "immutable", canonicalValues: ["User"] }),
      ],
    }),
  ],
};

/** Attributes every resource has (RFC 7643 §3.1), for filters and paths. */
export const COMMON_ATTRIBUTES: readonly AttributeDef[] = [
  attr("id", "The resource's id.", { ...readOnly, caseExact: true, returned: "always" }),
  attr("externalId", "The identity provider's id for the resource (unique in the organization).", {
    caseExact: true,
  }),
  attr("meta", "Resource metadata.", {
    type: "complex",
    ...readOnly,
    subAttributes: [
      attr("resourceType", "User or Group.", readOnly),
      attr("created", "When it was created.", { ...readOnly, type: "dateTime" }),
      attr("lastModified", "When it last changed.", { ...readOnly, type: "dateTime" }),
      attr("location", "Its URI.", { ...readOnly, type: "reference" }),
      attr("version", "Its version.", { ...readOnly, caseExact: true }),
    ],
  }),
];

/** An attribute found by name (case-insensitive) among `attributes`, or undefined. */
export function findAttribute(attributes: readonly AttributeDef[], name: string): AttributeDef | undefined {
  const wanted = name.toLowerCase();
  return attributes.find((a) => a.name.toLowerCase() === wanted);
}
