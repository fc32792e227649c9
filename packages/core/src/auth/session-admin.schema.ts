import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { plainString } from "../primitives/text.schema";

/**
 * Query of `sessions.list` (W13): optionally one user's sessions, a page size (default 50, at most
 * 200) and the cursor of the page before.
 *
 * @example { userId: "usr_…", limit: 20 }
 */
export const SessionQuerySchema = z.strictObject({
  userId: z.optional(IdSchema),
  limit: z.optional(z.int().check(z.gte(1), z.lte(200))),
  cursor: z.optional(z.nullable(plainString(2000, "Cursor"))),
});
/** A Sessions list query. @example { limit: 50, cursor: null } */
export type SessionQuery = z.input<typeof SessionQuerySchema>;
