import type {
  CreateProvisioningTokenInput,
  ProvisionedAttributesPatch,
  ProvisionedLookup,
  ProvisioningSettingsPatch,
} from "@staffroom/core";
import {
  CreatedProvisioningTokenSchema,
  CreateProvisioningTokenInputSchema,
  DirectoryGroupSchema,
  IdSchema,
  ProvisionedAttributesPatchSchema,
  ProvisionedAttributesSchema,
  ProvisionedLookupSchema,
  ProvisioningSettingsPatchSchema,
  ProvisioningSettingsSchema,
  ProvisioningTokenSchema,
  UserSchema,
} from "@staffroom/core/schemas";
import * as z from "zod/mini";
import { ok, type Route } from "./route";
import { input, ORG, param, version } from "./route-helpers";
import { parseBody } from "./validate";

const PROVISIONING = `${ORG}/provisioning`;
const tags = ["provisioning"] as const;

/**
 * The body of `POST …/provisioning/attributes`: the ids whose attributes to read, at most 500 (a
 * body, not a query string, so that a page of ids fits).
 *
 * @example ProvisionedAttributesQuerySchema.parse({ userIds: ["usr_…"] })
 */
export const ProvisionedAttributesQuerySchema = z.strictObject({
  userIds: z.array(IdSchema).check(z.maxLength(500)),
});

/**
 * Provisioning as administrators configure it (tokens, settings and mapped groups) and users'
 * identity-provider attributes. The SCIM endpoint itself is `@staffroom/scim`; a token never
 * authenticates here.
 *
 * @example router.add(...provisioningRoutes);
 */
export const provisioningRoutes: readonly Route[] = [
  {
    method: "GET",
    path: `${PROVISIONING}/settings`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "provisioning.settings",
      summary: "Default role and locations of provisioned users, and the mapped groups",
      tags,
      success: 200,
      response: ProvisioningSettingsSchema,
      etag: true,
      errors: ["forbidden"],
    },
    handle: async (c) => {
      const settings = await c.staff.provisioning.settings();
      return ok(settings, { etag: settings.version });
    },
  },
  {
    method: "PATCH",
    path: `${PROVISIONING}/settings`,
    auth: "actor",
    body: "json",
    ifMatch: true,
    doc: {
      operationId: "provisioning.updateSettings",
      summary: "Change the provisioning settings; If-Match names the version read (0 before the first save)",
      tags,
      body: ProvisioningSettingsPatchSchema,
      success: 200,
      response: ProvisioningSettingsSchema,
      etag: true,
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => {
      const settings = await c.staff.provisioning.updateSettings(input<ProvisioningSettingsPatch>(c.body), {
        version: version(c),
      });
      return ok(settings, { etag: settings.version });
    },
  },
  {
    method: "GET",
    path: `${PROVISIONING}/tokens`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "provisioning.tokens",
      summary: "The organization's provisioning tokens, revoked ones too (never a secret)",
      tags,
      success: 200,
      response: z.array(ProvisioningTokenSchema),
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.provisioning.tokens()),
  },
  {
    method: "POST",
    path: `${PROVISIONING}/tokens`,
    auth: "actor",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "provisioning.createToken",
      summary: "Create a provisioning token; the answer carries its secret, once (R15)",
      tags,
      body: CreateProvisioningTokenInputSchema,
      success: 201,
      response: CreatedProvisioningTokenSchema,
      errors: ["validation", "forbidden", "conflict"],
    },
    handle: async (c) => {
      const created = await c.staff.provisioning.createToken(input<CreateProvisioningTokenInput>(c.body));
      return ok(created, {
        status: 201,
        etag: created.token.version,
        headers: { "Cache-Control": "no-store" },
      });
    },
  },
  {
    method: "POST",
    path: `${PROVISIONING}/tokens/{tokenId}/revoke`,
    auth: "actor",
    body: "none",
    ifMatch: true,
    doc: {
      operationId: "provisioning.revokeToken",
      summary: "Revoke a provisioning token; If-Match names the version read (R12)",
      tags,
      success: 200,
      response: ProvisioningTokenSchema,
      etag: true,
      errors: ["forbidden", "conflict"],
    },
    handle: async (c) => {
      const token = await c.staff.provisioning.revokeToken(param(c, "tokenId"), { version: version(c) });
      return ok(token, { etag: token.version });
    },
  },
  {
    method: "POST",
    path: `${PROVISIONING}/attributes`,
    auth: "actor",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "provisioning.attributes",
      summary: "Identity-provider attributes of these users (those outside the actor's scope are left out)",
      tags,
      body: ProvisionedAttributesQuerySchema,
      success: 200,
      response: z.array(ProvisionedAttributesSchema),
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => {
      const { userIds } = parseBody(ProvisionedAttributesQuerySchema, c.body);
      return ok(await c.staff.provisioning.attributes(userIds));
    },
  },
  {
    method: "GET",
    path: `${PROVISIONING}/groups`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "provisioning.groups",
      summary: "The groups an identity provider sees: roles by name, then mapped groups",
      tags,
      success: 200,
      response: z.array(DirectoryGroupSchema),
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.provisioning.groups()),
  },
  {
    method: "GET",
    path: `${PROVISIONING}/user`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "provisioning.findUser",
      summary: "One user by exact email (ignoring case) or external id; null when none is visible",
      tags,
      query: ProvisionedLookupSchema,
      success: 200,
      response: z.nullable(UserSchema),
      errors: ["validation", "forbidden"],
    },
    handle: async (c) => ok(await c.staff.provisioning.findUser(input<ProvisionedLookup>(c.query))),
  },
  {
    method: "PATCH",
    path: `${ORG}/users/{userId}/provisioning`,
    auth: "actor",
    body: "json",
    ifMatch: true,
    doc: {
      operationId: "provisioning.setAttributes",
      summary: "Set a user's identity-provider attributes; If-Match names the user's version (R12)",
      tags,
      body: ProvisionedAttributesPatchSchema,
      success: 200,
      response: UserSchema,
      etag: true,
      errors: ["validation", "forbidden", "conflict", "rule"],
    },
    handle: async (c) => {
      const user = await c.staff.provisioning.setAttributes(
        param(c, "userId"),
        input<ProvisionedAttributesPatch>(c.body),
        { version: version(c) },
      );
      return ok(user, { etag: user.version });
    },
  },
];
