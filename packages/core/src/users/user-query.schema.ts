import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { plainString } from "../primitives/text.schema";

/** Sortable fields of the directory (W12). */
export const USER_SORT_FIELDS = ["name", "email", "createdAt", "lastSignInAt"] as const;
/** A sortable field. @example "name" */
export type UserSortField = (typeof USER_SORT_FIELDS)[number];

/**
 * The directory's credential filter (issue 15), on the provider's earliest credential expiry as of
 * the directory clock's UTC date: `expiring` within 30 days (today included), `expired` before today.
 *
 * @example "expiring"
 */
export const CredentialFilterSchema = z.enum(["expiring", "expired"]);
/** A credential filter. @example "expired" */
export type CredentialFilter = z.infer<typeof CredentialFilterSchema>;

/**
 * Query for `users.list` (W12): a status tab, search over name, email, initials and NPI, filters,
 * a sort and a cursor. Defaults: tab `active`, sort by name ascending, 50 per page.
 *
 * @example { status: "active", search: "smith", locationId: "loc_…", admin: true, sort: "name", limit: 50 }
 * @example { credentials: "expiring" } // providers whose earliest credential expires within 30 days
 */
export const UserQuerySchema = z.strictObject({
  status: z.optional(z.enum(["active", "pending", "disabled"])),
  search: z.optional(plainString(200, "Search")),
  locationId: z.optional(IdSchema),
  roleId: z.optional(IdSchema),
  admin: z.optional(z.boolean()),
  practitioner: z.optional(z.boolean()),
  credentials: z.optional(CredentialFilterSchema),
  sort: z.optional(z.enum(USER_SORT_FIELDS)),
  direction: z.optional(z.enum(["asc", "desc"])),
  limit: z.optional(z.int().check(z.gte(1), z.lte(200))),
  cursor: z.optional(z.nullable(plainString(2000, "Cursor"))),
});
/** A directory query. @example { status: "pending", search: "lee", sort: "createdAt", direction: "desc" } */
export type UserQuery = z.input<typeof UserQuerySchema>;
