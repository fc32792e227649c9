import * as z from "zod/mini";
import type { DirectoryErrorData } from "../errors/directory-error";
import type { InvitationSummary } from "./invitation.schema";
import type { User } from "./user.schema";

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
 * unless `mustChangePassword` is false), or email a reset link.
 *
 * @example { mode: "temporary", password: "correct horse battery staple" }
 * @example { mode: "link" }
 */
export type ResetPasswordInput =
  | { readonly mode: "temporary"; readonly password: string; readonly mustChangePassword?: boolean }
  | { readonly mode: "link" };

/**
 * A bulk action over many users, each applied in its own transaction (W12).
 *
 * @example { action: "setRole", ids: ["usr_…", "usr_…"], roleId: "rol_…" }
 */
export type BulkInput =
  | { readonly action: "disable" | "restore" | "delete"; readonly ids: readonly string[] }
  | { readonly action: "setRole"; readonly ids: readonly string[]; readonly roleId: string };

/**
 * The outcome of a bulk action, one entry per id in input order.
 *
 * @example { results: [{ id: "usr_a…", ok: true, user }, { id: "usr_b…", ok: false, error }], succeeded: 1, failed: 1 }
 */
export interface BulkResult {
  readonly results: readonly (
    | { readonly id: string; readonly ok: true; readonly user: User | null }
    | { readonly id: string; readonly ok: false; readonly error: DirectoryErrorData }
  )[];
  readonly succeeded: number;
  readonly failed: number;
}

/** The result of `users.invite`. @example const { user, invitation } = await admin.users.invite(input); */
export interface InviteResult {
  readonly user: User;
  readonly invitation: InvitationSummary;
}

/**
 * The result of `users.delete`: whether the account went too (no other organization left).
 *
 * @example { id: "usr_…", accountDeleted: true }
 */
export interface DeleteResult {
  readonly id: string;
  readonly accountDeleted: boolean;
}
