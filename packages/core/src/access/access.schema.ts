import * as z from "zod/mini";
import { RequestMetadataSchema } from "../audit/audit.schema";
import { IdSchema } from "../primitives/ids.schema";
import { RoleSchema } from "../roles/role.schema";
import { type LocationAccess, UserSchema } from "../users/user.schema";
import type { DefaultPermission } from "./catalog";

/**
 * Who is acting: a user of an organization, or one of its provisioning tokens (an identity
 * provider, `directory.provisioning.authenticate(secret)`), with the request's metadata for the audit
 * trail. A token is one more actor: every rule applies to it as to a person, and it acts as nobody.
 *
 * @example ActorSchema.parse({ organizationId: "org_…", userId: "usr_…", metadata: { ip: "203.0.113.4" } })
 * @example ActorSchema.parse({ organizationId: "org_…", userId: "ptk_…" }) // a provisioning token
 */
export const ActorSchema = z.strictObject({
  organizationId: IdSchema,
  /** The acting user's id (`usr_…`), or the acting provisioning token's id (`ptk_…`). */
  userId: IdSchema,
  metadata: z.optional(RequestMetadataSchema),
});
/** Who is acting. @example { organizationId: "org_…", userId: "usr_…", metadata: { ip: "203.0.113.4" } } */
export type Actor = z.infer<typeof ActorSchema>;

/**
 * Anything with location access can be a target of a scoped decision (a {@link User} is one).
 *
 * @example admin.can("users.manage", { locationAccess: ["loc_…"] }) // a User is one too
 */
export interface AccessTarget {
  readonly id?: string;
  readonly locationAccess: LocationAccess;
}

/**
 * The actor as the directory sees it (`me()`): its user, role, permissions and whether it is the
 * main contact. `mainContactUserId` names the organization's main contact (R7) and
 * `rolePermissions` every role's permissions by role id (null when the actor may not read roles:
 * it then manages nobody), so a client answers `can()` and `users.actions()` from core's verdicts as
 * the service would (R3: a user holding a permission the actor lacks is not the actor's to manage)
 * and says why a form is read-only.
 *
 * @example ActorViewSchema.parse(await admin.me()).permissions
 */
export const ActorViewSchema = z.strictObject({
  user: UserSchema,
  role: RoleSchema,
  permissions: z.array(z.string()),
  isMainContact: z.boolean(),
  mainContactUserId: z.nullable(IdSchema),
  rolePermissions: z.nullable(z.record(IdSchema, z.array(z.string()))),
});
/**
 * The actor as the directory sees it, its permissions named by the catalog in use.
 *
 * @example { user, role, permissions: ["users.view", …], isMainContact: true, mainContactUserId: "usr_…", rolePermissions: { "rol_…": ["users.view"] } }
 */
export type ActorView<P extends string = DefaultPermission> = Omit<
  z.infer<typeof ActorViewSchema>,
  "permissions"
> & { permissions: P[] };
