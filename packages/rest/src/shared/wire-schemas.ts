import { ActorViewSchema, DirectoryErrorDataSchema, IdSchema } from "@staffroom/core/schemas";
import * as z from "zod/mini";

/*
 * The two shapes only the HTTP wire has. Every other request and response is described by core's
 * own schemas (`@staffroom/core/schemas`), which the routes document and the tests check.
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

/**
 * The `me` response: core's ActorView plus the ids of the roles that hold `users.manage` (null
 * unless the actor holds it), which the client needs to answer `users.actions()` as the service would.
 *
 * @example MeResponseSchema.parse(await (await fetch("/api/staffroom/me")).json()).adminRoleIds
 */
export const MeResponseSchema = z.extend(ActorViewSchema, { adminRoleIds: z.nullable(z.array(IdSchema)) });
