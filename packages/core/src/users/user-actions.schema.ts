import * as z from "zod/mini";
import { IdSchema } from "../primitives/ids.schema";
import { VersionSchema } from "../primitives/version.schema";

/**
 * The row actions on a user, for UI affordances (`users.actions`): the one list, also the wire schema.
 *
 * @example UserActionSchema.options // ["edit", "disable", …]
 */
export const UserActionSchema = z.enum([
  "edit",
  "disable",
  "restore",
  "delete",
  "resendInvitation",
  "revokeInvitation",
  "resetPassword",
  "unlock",
]);

/**
 * Row actions on a user, for UI affordances (`users.actions`).
 *
 * @example admin.users.actions(user).map((o) => o.action) // ["edit", "disable", "resetPassword"]
 */
export type UserAction = z.infer<typeof UserActionSchema>;

/**
 * How an admin resets a password (W5): set a temporary one (the user must change it at next sign-in
 * unless `mustChangePassword` is false), or email a reset link. Unknown fields are refused (R14).
 *
 * @example ResetPasswordInputSchema.parse({ mode: "temporary", password: "correct horse battery staple" })
 * @example ResetPasswordInputSchema.parse({ mode: "link" })
 */
export const ResetPasswordInputSchema = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({
      mode: z.literal("temporary"),
      password: z.string({ error: "Enter a temporary password." }).check(
        z.minLength(1, "Enter a temporary password."),
        // Far above any password policy's maximum: the policy answers for lengths in between.
        z.maxLength(1024, "A password has at most 1024 characters."),
      ),
      mustChangePassword: z.optional(z.boolean({ error: "Expected true or false." })),
    }),
    z.strictObject({ mode: z.literal("link") }),
  ],
  { error: 'Choose "temporary" or "link".' },
);
/**
 * Input of `users.resetPassword`.
 *
 * @example { mode: "temporary", password: "correct horse battery staple" }
 * @example { mode: "link" }
 */
export type ResetPasswordInput = z.input<typeof ResetPasswordInputSchema>;

/**
 * One user of a bulk action and the version it was read at (R12): each row is written only if the
 * user is still at that version. Unknown fields are refused (R14), so pick the two from a `User`.
 *
 * @example BulkItemSchema.parse({ id: user.id, version: user.version })
 */
export const BulkItemSchema = z.strictObject({ id: z.string(), version: VersionSchema });
/** A user of a bulk action with the version read. @example { id: "usr_…", version: 4 } */
export type BulkItem = z.infer<typeof BulkItemSchema>;

const bulkItems = z.array(BulkItemSchema);

/**
 * A bulk action over many users (W12), each row applied in its own transaction and only at the
 * version it names (R12). A row without a version refuses the whole call with
 * `precondition_required`; a stale row fails alone with `stale`. The number of rows is checked
 * against `policy.bulkMaxIds`.
 *
 * @example BulkInputSchema.parse({ action: "setRole", items: [{ id: "usr_…", version: 3 }], roleId: "rol_…" })
 */
export const BulkInputSchema = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ action: z.enum(["disable", "restore", "delete"]), items: bulkItems }),
    z.strictObject({ action: z.literal("setRole"), items: bulkItems, roleId: IdSchema }),
  ],
  { error: "Choose disable, restore, delete or setRole." },
);
/**
 * Input of `users.bulk`.
 *
 * @example { action: "disable", items: selected.map(({ id, version }) => ({ id, version })) }
 * @example { action: "setRole", items: [{ id: "usr_…", version: 3 }], roleId: "rol_…" }
 */
export type BulkInput = z.input<typeof BulkInputSchema>;
