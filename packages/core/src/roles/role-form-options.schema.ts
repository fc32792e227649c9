import * as z from "zod/mini";
import type { Verdict } from "../errors/verdict";
import { VerdictSchema } from "../errors/verdict.schema";
import { IdSchema } from "../primitives/ids.schema";
import { type FieldOption, FieldOptionSchema } from "../users/user-form-options.schema";

/**
 * `roles.formOptions(id?)`: what the roles editor may offer this actor for one role (`roleId`) or a
 * new one (`roleId` null), read from the verdicts the service asserts:
 *
 * - `create`, `rename`: the actor manages roles (org-wide, `roles.manage`);
 * - `delete`: also holds every permission of the role, and nobody holds the role ("13 user(s) hold
 *   this role"); null for a new role;
 * - `permissions`: whether this role's permissions may change at all — refused for the actor's own
 *   role (`self_change`) and, to anyone but the main contact, for the main contact's role;
 * - `toggles`: one per catalog permission, the verdict on switching it (R3: only permissions the
 *   actor holds; R7: taking one from an administrators' role someone holds is the main contact's);
 * - `templates`: the templates a new role may start from (R3: the actor holds all their permissions).
 *
 * @example const options = await admin.roles.formOptions(role.id); options.permissions.allowed
 */
export const RoleFormOptionsSchema = z.strictObject({
  roleId: z.nullable(IdSchema),
  create: VerdictSchema,
  rename: VerdictSchema,
  delete: z.nullable(VerdictSchema),
  permissions: VerdictSchema,
  toggles: z.array(FieldOptionSchema),
  templates: z.array(FieldOptionSchema),
});

/** The roles editor's options (see {@link RoleFormOptionsSchema}). @example (await admin.roles.formOptions(id)).toggles.filter((t) => !t.verdict.allowed) */
export interface RoleFormOptions {
  readonly roleId: string | null;
  readonly create: Verdict;
  readonly rename: Verdict;
  readonly delete: Verdict | null;
  readonly permissions: Verdict;
  readonly toggles: readonly FieldOption[];
  readonly templates: readonly FieldOption[];
}
