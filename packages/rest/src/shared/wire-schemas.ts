import { DirectoryErrorDataSchema } from "@staffroom/core/schemas";
import * as z from "zod/mini";

/*
 * The one shape only the HTTP wire has. Every other request and response is described by core's
 * own schemas (`@staffroom/core/schemas`), which the routes document and the tests check (`/me`
 * answers core's ActorView as is: it carries every role's permissions, from which the client answers
 * `can()` and `users.actions()` with core's verdicts).
 */

/**
 * An RFC 9457 problem document carrying a DirectoryError: `code`, `rule`, `issues` and `details`
 * are the error's own fields (core's `DirectoryErrorDataSchema`), `detail` its message, `status` the
 * code's HTTP status. Transport problems (oversized body, wrong media type, unknown route) carry the
 * nearest error code under their own `type`; an internal error has no `code`.
 *
 * @example ProblemSchema.parse(await response.json()).code // "stale"
 */
export const ProblemSchema = z.extend(z.omit(DirectoryErrorDataSchema, { code: true, message: true }), {
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  code: z.optional(DirectoryErrorDataSchema.shape.code),
});
