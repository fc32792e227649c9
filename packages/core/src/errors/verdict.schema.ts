import * as z from "zod/mini";
import { ERROR_STATUS, type ErrorCode, RULE_CODES } from "./error-codes";

// Apart from verdict.ts: the verdicts are what widgets need on first paint, and a module that
// builds a zod schema when it loads keeps zod in every bundle that imports it.

const path = z.array(z.union([z.string(), z.number()]));

/**
 * The wire schema of a {@link Verdict} (form options carry one per option).
 *
 * @example VerdictSchema.parse({ allowed: false, code: "forbidden", message: "…" })
 */
export const VerdictSchema = z.union([
  z.strictObject({ allowed: z.literal(true) }),
  z.strictObject({
    allowed: z.literal(false),
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    rule: z.optional(z.enum(RULE_CODES)),
    field: z.optional(path),
    issues: z.optional(z.array(z.strictObject({ path, code: z.string(), message: z.string() }))),
    details: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  }),
]);
