import { fail, type RoleInput, type RolePatch } from "@staffroom/core";
import {
  CatalogViewSchema,
  RoleFormOptionsSchema,
  RoleInputSchema,
  RolePatchSchema,
  RoleSchema,
} from "@staffroom/core/schemas";
import * as z from "zod/mini";
import { noContent, ok, type Route } from "./route";
import { input, ORG, param, version } from "./route-helpers";

const ROLE = `${ORG}/roles/{roleId}`;
const tags = ["roles"] as const;

/**
 * Roles (W7). `GET …/roles/{roleId}` has no `StaffDirectory` method of its own: it answers from
 * `roles.list()`, so a client can read a role's version before a write.
 *
 * @example router.add(...roleRoutes);
 */
export const roleRoutes: readonly Route[] = [
  {
    method: "GET",
    path: `${ORG}/roles`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "roles.list",
      summary: "Every role of the organization, with screens and user counts",
      tags,
      success: 200,
      response: z.array(RoleSchema),
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.roles.list()),
  },
  {
    method: "GET",
    path: `${ORG}/roles/catalog`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "roles.catalog",
      summary: "The permission catalog and role templates",
      tags,
      success: 200,
      response: CatalogViewSchema,
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.roles.catalog()),
  },
  {
    method: "GET",
    path: `${ORG}/roles/form-options`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "roles.formOptions",
      summary: "The roles editor's choices for a new role, each with its verdict",
      tags,
      success: 200,
      response: RoleFormOptionsSchema,
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.roles.formOptions()),
  },
  {
    method: "GET",
    path: `${ROLE}/form-options`,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "roles.formOptionsOf",
      summary:
        "The roles editor's choices for this role: rename, delete, each permission toggle, each with its verdict",
      tags,
      success: 200,
      response: RoleFormOptionsSchema,
      errors: ["forbidden"],
    },
    handle: async (c) => ok(await c.staff.roles.formOptions(param(c, "roleId"))),
  },
  {
    method: "POST",
    path: `${ORG}/roles`,
    auth: "actor",
    body: "json",
    ifMatch: false,
    doc: {
      operationId: "roles.create",
      summary: "Create a role from a template or permissions the actor holds (W7, R3)",
      tags,
      body: RoleInputSchema,
      success: 201,
      response: RoleSchema,
      etag: true,
      errors: ["validation", "forbidden", "conflict"],
    },
    handle: async (c) => {
      const role = await c.staff.roles.create(input<RoleInput>(c.body));
      return ok(role, {
        status: 201,
        etag: role.version,
        headers: { Location: `${c.settings.basePath}/organizations/${role.organizationId}/roles/${role.id}` },
      });
    },
  },
  {
    method: "GET",
    path: ROLE,
    auth: "actor",
    body: "none",
    ifMatch: false,
    doc: {
      operationId: "roles.get",
      summary: "One role (from roles.list), with its version as ETag",
      tags,
      success: 200,
      response: RoleSchema,
      etag: true,
      errors: ["forbidden"],
    },
    handle: async (c) => {
      const id = param(c, "roleId");
      const role = (await c.staff.roles.list()).find((r) => r.id === id);
      if (!role) throw fail.notFound("Role not found.");
      return ok(role, { etag: role.version });
    },
  },
  {
    method: "PATCH",
    path: ROLE,
    auth: "actor",
    body: "json",
    ifMatch: true,
    doc: {
      operationId: "roles.update",
      summary: "Rename a role or change its permissions (W7)",
      tags,
      body: RolePatchSchema,
      success: 200,
      response: RoleSchema,
      etag: true,
      errors: ["validation", "forbidden", "conflict", "rule"],
    },
    handle: async (c) => {
      const role = await c.staff.roles.update(param(c, "roleId"), input<RolePatch>(c.body), {
        version: version(c),
      });
      return ok(role, { etag: role.version });
    },
  },
  {
    method: "DELETE",
    path: ROLE,
    auth: "actor",
    body: "none",
    ifMatch: true,
    doc: {
      operationId: "roles.delete",
      summary: "Delete an unused role (W7)",
      tags,
      success: 204,
      response: null,
      errors: ["forbidden", "rule"],
    },
    handle: async (c) => {
      await c.staff.roles.delete(param(c, "roleId"), { version: version(c) });
      return noContent();
    },
  },
];
