import * as z from "zod/mini";
import type { Verdict } from "../errors/verdict";
import { VerdictSchema } from "../errors/verdict.schema";
import { type FieldOption, FieldOptionSchema } from "../users/user-form-options.schema";

/**
 * `organization.formOptions()`: what the organization settings may offer this actor — `update`
 * (org-wide `organization.manage`), `handOver` of the main-contact role (the main contact only,
 * R7), and, per licence type, whether it may be removed (not while someone holds it).
 *
 * @example const options = await admin.organization.formOptions(); options.handOver.allowed
 */
export const OrganizationFormOptionsSchema = z.strictObject({
  update: VerdictSchema,
  handOver: VerdictSchema,
  licenceTypes: z.array(FieldOptionSchema),
});

/** The organization settings' options (see {@link OrganizationFormOptionsSchema}). @example options.licenceTypes[0]?.verdict */
export interface OrganizationFormOptions {
  readonly update: Verdict;
  readonly handOver: Verdict;
  readonly licenceTypes: readonly FieldOption[];
}
