import * as z from "zod/mini";
import { ERROR_STATUS, type ErrorCode, RULE_CODES } from "./error-codes";

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/**
 * One problem with one input field. `path` maps straight onto a form field name
 * (`["profile", "givenName"]` → `profile.givenName`).
 *
 * @example FieldIssueSchema.parse({ path: ["email"], code: "invalid_email", message: "Enter an email address like name@clinic.org." })
 */
export const FieldIssueSchema = z.strictObject({
  path: z.readonly(z.array(z.union([z.string(), z.number()]))),
  code: z.string(),
  message: z.string(),
});
/**
 * One problem with one input field.
 *
 * @example { path: ["email"], code: "invalid_email", message: "Enter an email address like name@clinic.org." }
 */
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/**
 * The serialisable form of a `DirectoryError`: what crosses a wire (a bulk row's error, a problem
 * document's fields), read-only as the error is. `details` holds extra facts a UI can show, such as `{ limit: 25 }` for a seat
 * limit; never a secret.
 *
 * @example DirectoryErrorDataSchema.parse(error.toJSON()).code // "rule"
 */
export const DirectoryErrorDataSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  rule: z.optional(z.enum(RULE_CODES)),
  issues: z.optional(z.readonly(z.array(FieldIssueSchema))),
  details: z.optional(
    z.readonly(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  ),
});
/**
 * The serialisable form of a `DirectoryError`.
 *
 * @example { code: "rule", rule: "last_admin", message: "At least one active administrator must remain." }
 */
export type DirectoryErrorData = z.infer<typeof DirectoryErrorDataSchema>;
