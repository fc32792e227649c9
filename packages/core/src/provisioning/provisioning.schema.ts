import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";
import { optionalText, text } from "../primitives/text.schema";
import { LocationAccessSchema } from "../users/user.schema";

/**
 * A provisioning token as its organization's administrators see it (never its secret, never its
 * hash). An identity provider (Okta, Microsoft Entra ID …) presents the secret to the SCIM endpoint
 * and acts as this token: a token is one more actor, with the rules of any other (R1–R18). It may
 * grant only `roleIds` and only locations inside `locationAccess` (R3, R4), and manages only users
 * whose role is one of `roleIds`.
 *
 * @example { id: "ptk_…", organizationId: "org_…", label: "Okta", roleIds: ["rol_…"],
 *   locationAccess: "organization", createdBy: "usr_…", createdAt: "…", lastUsedAt: null,
 *   revokedAt: null, version: 1 }
 */
export const ProvisioningTokenSchema = z.strictObject({
  id: IdSchema,
  organizationId: IdSchema,
  label: z.string(),
  roleIds: z.array(IdSchema),
  locationAccess: LocationAccessSchema,
  /** The administrator who created it; null once that user is deleted or for tokens seeded by a server. */
  createdBy: z.nullable(IdSchema),
  createdAt: IsoDateSchema,
  /** The last request that presented it (updated at most once a minute); null when never used. */
  lastUsedAt: z.nullable(IsoDateSchema),
  revokedAt: z.nullable(IsoDateSchema),
  version: z.int(),
});
/** A provisioning token (no secret). @example const [token] = await admin.provisioning.tokens(); token.label // "Okta" */
export type ProvisioningToken = z.infer<typeof ProvisioningTokenSchema>;

/**
 * A secret an administrator brings (a server registering a token generated elsewhere): base64url
 * only, 22–256 characters, so that a random one carries at least 128 bits (R15).
 *
 * @example "Zx9…" // randomToken() has 43 characters
 */
export const ProvisioningSecretSchema = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9_-]{22,256}$/, "Use 22 to 256 letters, digits, - or _ (at least 128 random bits)."),
  );

/**
 * W-provisioning: creates a token. Only roles and locations the administrator may grant (R3, R4).
 * Without `secret` core generates 256 random bits; the secret is returned once and only its
 * SHA-256 is stored (R15).
 *
 * @example { label: "Okta", roleIds: ["rol_front_desk…"], locationAccess: ["loc_downtown…"] }
 */
export const CreateProvisioningTokenInputSchema = z.strictObject({
  label: text(80, "Label"),
  roleIds: z.array(IdSchema).check(z.minLength(1, "Choose at least one role."), z.maxLength(100)),
  locationAccess: LocationAccessSchema,
  secret: z.optional(ProvisioningSecretSchema),
});
/** Input of `provisioning.createToken`. @example { label: "Entra ID", roleIds: [roleId], locationAccess: "organization" } */
export type CreateProvisioningTokenInput = z.input<typeof CreateProvisioningTokenInputSchema>;

/**
 * What `provisioning.createToken` returns: the token and its secret, which this answer alone
 * carries (R15).
 *
 * @example CreatedProvisioningTokenSchema.parse(await admin.provisioning.createToken(input)).secret
 */
export const CreatedProvisioningTokenSchema = z.strictObject({
  token: ProvisioningTokenSchema,
  secret: z.string(),
});
/**
 * The token and its secret, shown this once.
 *
 * @example const { token, secret } = await admin.provisioning.createToken(input); // put `secret` into the IdP
 */
export type CreatedProvisioningToken = z.infer<typeof CreatedProvisioningTokenSchema>;

/**
 * A group of the identity provider mapped by an administrator: members get the role `roleId`, or
 * access to `locationAccess` ("Downtown Clinic staff" → Downtown). Exactly one of the two is set.
 * Roles are groups by their own name without a mapping; a mapped group may give a role another name
 * ("Nurses" → Provider).
 *
 * @example { id: "grp_…", displayName: "Downtown Clinic staff", roleId: null, locationAccess: ["loc_…"] }
 * @example { id: "grp_…", displayName: "Nurses", roleId: "rol_…", locationAccess: null }
 */
export const ProvisioningGroupSchema = z.strictObject({
  id: IdSchema,
  displayName: z.string(),
  roleId: z.nullable(IdSchema),
  locationAccess: z.nullable(LocationAccessSchema),
});
/** A mapped group. @example { id: "grp_…", displayName: "Downtown Clinic staff", roleId: null, locationAccess: ["loc_…"] } */
export type ProvisioningGroup = z.infer<typeof ProvisioningGroupSchema>;

/**
 * An organization's provisioning settings: what a user created by a token starts with (`default*`),
 * and the mapped groups. `version` 0 until first saved.
 *
 * @example { organizationId: "org_…", defaultRoleId: "rol_…", defaultLocationAccess: ["loc_…"],
 *   defaultPrimaryLocationId: "loc_…", groups: [], version: 2, updatedAt: "…" }
 */
export const ProvisioningSettingsSchema = z.strictObject({
  organizationId: IdSchema,
  /** The role of a provisioned user until a role group says otherwise, and after they leave it. */
  defaultRoleId: z.nullable(IdSchema),
  /** The locations of a provisioned user until a location group says otherwise, and after they leave the last. */
  defaultLocationAccess: z.nullable(LocationAccessSchema),
  /** The primary location of a provisioned user (inside the default access, R8). */
  defaultPrimaryLocationId: z.nullable(IdSchema),
  groups: z.array(ProvisioningGroupSchema),
  version: z.int(),
  updatedAt: z.nullable(IsoDateSchema),
});
/** Provisioning settings. @example const settings = await admin.provisioning.settings(); */
export type ProvisioningSettings = z.infer<typeof ProvisioningSettingsSchema>;

/**
 * A mapped group as an administrator writes it: `id` keeps an existing group (its SCIM id stays),
 * absent makes a new one. Exactly one of `roleId` and `locationAccess`.
 *
 * @example { displayName: "Downtown Clinic staff", locationAccess: ["loc_…"] }
 */
export const ProvisioningGroupInputSchema = z.strictObject({
  id: z.optional(IdSchema),
  displayName: text(120, "Group name"),
  roleId: z.optional(z.nullable(IdSchema)),
  locationAccess: z.optional(z.nullable(LocationAccessSchema)),
});
/** A mapped group as written. @example { displayName: "Nurses", roleId: "rol_…" } */
export type ProvisioningGroupInput = z.input<typeof ProvisioningGroupInputSchema>;

/**
 * A change of the provisioning settings (written with the version read, R12). `groups` replaces
 * the whole list.
 *
 * @example { defaultRoleId: "rol_…", defaultLocationAccess: ["loc_…"], defaultPrimaryLocationId: "loc_…" }
 */
export const ProvisioningSettingsPatchSchema = z.strictObject({
  defaultRoleId: z.optional(z.nullable(IdSchema)),
  defaultLocationAccess: z.optional(z.nullable(LocationAccessSchema)),
  defaultPrimaryLocationId: z.optional(z.nullable(IdSchema)),
  groups: z.optional(z.array(ProvisioningGroupInputSchema).check(z.maxLength(200))),
});
/** A settings change. @example { groups: [{ displayName: "Downtown Clinic staff", locationAccess: [locId] }] } */
export type ProvisioningSettingsPatch = z.input<typeof ProvisioningSettingsPatchSchema>;

/** An identifier or a short attribute an identity provider keeps about a person. */
const idpText = (label: string) => optionalText(256, label);

/**
 * What the identity provider knows a user by and Staffroom keeps only for it: the IdP's own id
 * (`externalId`, unique in the organization) and the enterprise attributes `employeeNumber` and
 * `department`. Personal data: erased with the user (W6), audited in the person's erasable part.
 *
 * @example { userId: "usr_…", externalId: "00u1a2b3c4", employeeNumber: "E-1042", department: "Nursing" }
 */
export const ProvisionedAttributesSchema = z.strictObject({
  userId: IdSchema,
  externalId: z.nullable(z.string()),
  employeeNumber: z.nullable(z.string()),
  department: z.nullable(z.string()),
});
/** A user's identity-provider attributes. @example { userId, externalId: "00u1a2b3c4", employeeNumber: null, department: null } */
export type ProvisionedAttributes = z.infer<typeof ProvisionedAttributesSchema>;

/**
 * A change of a user's identity-provider attributes; null clears one, absent keeps it. Written with
 * the user's version (R12): the write is a change of the user.
 *
 * @example { externalId: "00u1a2b3c4", department: "Nursing" }
 */
export const ProvisionedAttributesPatchSchema = z.strictObject({
  externalId: z.optional(idpText("External id")),
  employeeNumber: z.optional(idpText("Employee number")),
  department: z.optional(idpText("Department")),
});
/** A change of identity-provider attributes. @example { externalId: null } */
export type ProvisionedAttributesPatch = z.input<typeof ProvisionedAttributesPatchSchema>;

/**
 * An exact look-up of one user: by email (the user name, compared as R1 normalises it) or by
 * the identity provider's `externalId`. Exactly one key.
 *
 * @example { email: "Jane.Smith@Clinic.org" } // finds jane.smith@clinic.org
 */
export const ProvisionedLookupSchema = z.strictObject({
  email: z.optional(z.string().check(z.maxLength(1024))),
  externalId: z.optional(z.string().check(z.maxLength(1024))),
});
/** A user look-up. @example { externalId: "00u1a2b3c4" } */
export type ProvisionedLookup = z.input<typeof ProvisionedLookupSchema>;

/**
 * A group as an identity provider sees it (`provisioning.groups`): a role by its own name
 * (`mapped: false`, `roleId` its id), or a group an administrator mapped to a role or to locations.
 *
 * @example DirectoryGroupSchema.parse((await admin.provisioning.groups())[0]).displayName // "Administrator"
 */
export const DirectoryGroupSchema = z.strictObject({
  id: IdSchema,
  displayName: z.string(),
  roleId: z.nullable(IdSchema),
  locationAccess: z.nullable(LocationAccessSchema),
  /** True for an administrator's mapping, false for a role seen as a group. */
  mapped: z.boolean(),
  /** When the role was created; null for a mapped group. */
  createdAt: z.nullable(IsoDateSchema),
  /** When the role, or the settings holding the mapping, last changed; null before any save. */
  updatedAt: z.nullable(IsoDateSchema),
  /** The role's version, or the settings' version for a mapped group. */
  version: z.int(),
});
/**
 * A group: a role by its name, or a mapped group.
 *
 * @example { id: "rol_…", displayName: "Front desk", roleId: "rol_…", locationAccess: null, mapped: false,
 *   createdAt: "…", updatedAt: "…", version: 3 }
 */
export type DirectoryGroup = z.infer<typeof DirectoryGroupSchema>;
