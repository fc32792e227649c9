import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";
import { optionalMultilineText, text } from "../primitives/text.schema";

/**
 * A role: a named set of permissions in an organization. Filled on read: `screens` (derived from the
 * permissions through the catalog), `userCount` (how many users hold it), `administrator` (it grants
 * `users.manage`, R6) and `grantable` (the reading actor holds every permission of it, so may give it, R3).
 *
 * @example { id: "rol_…", name: "Front Desk", permissions: ["calendar.view"], screens: ["Calendar"], userCount: 4, … }
 */
export const RoleSchema = z.strictObject({
  id: IdSchema,
  organizationId: IdSchema,
  name: text(60, "Name"),
  description: z.nullable(z.string()),
  permissions: z.array(z.string()),
  template: z.nullable(z.string()),
  screens: z.array(z.string()),
  userCount: z.int(),
  administrator: z.boolean(),
  grantable: z.boolean(),
  version: z.int(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
/**
 * A role as returned by the directory.
 *
 * @example const role = (await admin.roles.list())[0]; role.screens; role.administrator; role.grantable
 */
export type Role = z.infer<typeof RoleSchema>;

const permissionName = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, "Not a permission name."));

/**
 * Input for `roles.create`: a name and either a template to start from or explicit permissions.
 *
 * @example { name: "Night Nurse", template: "provider" }
 * @example { name: "Scheduler", permissions: ["calendar.view", "calendar.create"] }
 */
export const RoleInputSchema = z.strictObject({
  name: text(60, "Name"),
  description: z.optional(optionalMultilineText(300, "Description")),
  template: z.optional(z.string().check(z.regex(/^[a-z_]{1,40}$/, "Unknown template."))),
  permissions: z.optional(z.array(permissionName).check(z.maxLength(500))),
});
/** Input to create a role. @example { name: "Scheduler", template: "front_desk" } */
export type RoleInput = z.input<typeof RoleInputSchema>;

/** Patch for `roles.update`. @example { permissions: ["calendar.view"] } */
export const RolePatchSchema = z.strictObject({
  name: z.optional(text(60, "Name")),
  description: z.optional(optionalMultilineText(300, "Description")),
  permissions: z.optional(z.array(permissionName).check(z.maxLength(500))),
});
/** Patch for a role. @example { permissions: ["calendar.view", "calendar.create"] } */
export type RolePatch = z.input<typeof RolePatchSchema>;
