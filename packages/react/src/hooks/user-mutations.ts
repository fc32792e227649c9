import type {
  BulkInput,
  BulkResult,
  CreateUserInput,
  DeleteResult,
  InvitationSummary,
  InviteManyInput,
  InviteManyResult,
  InviteResult,
  InviteUserInput,
  ResetPasswordInput,
  User,
  UserPatch,
} from "@staffroom/core";
import { useDirectory } from "../provider/context";
import { type MutationResult, useMutation } from "../query/use-mutation";
import { queryKeys, USER_WRITE_INVALIDATES } from "./keys";
import { applyUserPatch, patchUserEverywhere } from "./optimistic";
import {
  deleteUser,
  disableUser,
  resendInvitation,
  restoreUser,
  revokeInvitation,
  type UserRef,
  unlockUser,
} from "./user-writes";

/**
 * W1: creates an active user. Lists, counts, role counts and usage refresh afterwards.
 *
 * @example const create = useCreateUser(); await create.mutate(input);
 */
export function useCreateUser(): MutationResult<CreateUserInput, User> {
  const directory = useDirectory();
  return useMutation({
    mutate: (input) => directory.users.create(input),
    onSuccess: (cache, user) => cache.set(queryKeys.users.detail(user.id), user),
    invalidates: USER_WRITE_INVALIDATES,
  });
}

/**
 * W2: invites a user by email.
 *
 * @example const invite = useInviteUser(); const { user } = await invite.mutate(input);
 */
export function useInviteUser(): MutationResult<InviteUserInput, InviteResult> {
  const directory = useDirectory();
  return useMutation({
    mutate: (input) => directory.users.invite(input),
    invalidates: USER_WRITE_INVALIDATES,
  });
}

/**
 * `users.inviteMany`: several people, one role and locations, a result per address; the lists and
 * counts reload after it.
 *
 * @example const inviteMany = useInviteMany(); const { succeeded } = await inviteMany.mutate(input);
 */
export function useInviteMany(): MutationResult<InviteManyInput, InviteManyResult> {
  const directory = useDirectory();
  return useMutation({
    mutate: (input) => directory.users.inviteMany(input),
    invalidates: USER_WRITE_INVALIDATES,
  });
}

/** Variables of {@link useUpdateUser}. */
export interface UpdateUserVariables {
  readonly id: string;
  readonly patch: UserPatch;
  readonly version: number;
}

/**
 * W4: edits a user, applying the patch optimistically everywhere it shows; a `stale` failure rolls
 * it back and rejects so the form can offer a reload.
 *
 * @example const update = useUpdateUser(); await update.mutate({ id, patch: { roleId }, version: user.version });
 */
export function useUpdateUser(): MutationResult<UpdateUserVariables, User> {
  const directory = useDirectory();
  return useMutation({
    mutate: ({ id, patch, version }) => directory.users.update(id, patch, { version }),
    optimistic: (cache, { id, patch }) =>
      patchUserEverywhere(cache, id, (draft) => applyUserPatch(draft, patch)),
    onSuccess: (cache, user) => cache.set(queryKeys.users.detail(user.id), user),
    invalidates: [...USER_WRITE_INVALIDATES, queryKeys.me],
  });
}

/** A user as lifecycle hooks need it. */
export type { UserRef } from "./user-writes";

/**
 * W6: disables a user; it leaves the Active tab at once.
 *
 * @example const disable = useDisableUser(); await disable.mutate(user);
 */
export function useDisableUser(): MutationResult<UserRef, User> {
  return useMutation(disableUser(useDirectory()));
}

/**
 * W6: restores a disabled user.
 *
 * @example const restore = useRestoreUser(); await restore.mutate(user);
 */
export function useRestoreUser(): MutationResult<UserRef, User> {
  return useMutation(restoreUser(useDirectory()));
}

/**
 * W6: deletes a disabled (or pending) user irreversibly.
 *
 * @example const remove = useDeleteUser(); await remove.mutate(user);
 */
export function useDeleteUser(): MutationResult<UserRef, DeleteResult> {
  return useMutation(deleteUser(useDirectory()));
}

/**
 * W2: revokes a pending invitation (the pending user goes).
 *
 * @example const revoke = useRevokeInvitation(); await revoke.mutate(user);
 */
export function useRevokeInvitation(): MutationResult<UserRef, DeleteResult> {
  return useMutation(revokeInvitation(useDirectory()));
}

/**
 * W2: sends a new invitation (the old link dies; rate-limited).
 *
 * @example const resend = useResendInvitation(); await resend.mutate(user);
 */
export function useResendInvitation(): MutationResult<UserRef, InvitationSummary> {
  return useMutation(resendInvitation(useDirectory()));
}

/**
 * W5: clears a lockout.
 *
 * @example const unlock = useUnlockUser(); await unlock.mutate(user);
 */
export function useUnlockUser(): MutationResult<UserRef, User> {
  return useMutation(unlockUser(useDirectory()));
}

/** Variables of {@link useResetPassword}: the user, the version it was read at (R12), and how. */
export interface ResetPasswordVariables {
  readonly id: string;
  readonly version: number;
  readonly input: ResetPasswordInput;
}

/**
 * W5: sets a temporary password or emails a reset link; `stale` when the user changed since `version`.
 *
 * @example const reset = useResetPassword(); await reset.mutate({ id: user.id, version: user.version, input: { mode: "link" } });
 */
export function useResetPassword(): MutationResult<ResetPasswordVariables, User> {
  const directory = useDirectory();
  return useMutation({
    mutate: ({ id, version, input }) => directory.users.resetPassword(id, input, { version }),
    invalidates: USER_WRITE_INVALIDATES,
  });
}

/**
 * W12: one action over many users, with a result per row. Each item names the version its row was
 * read at (R12): a row changed since fails alone with `stale`. Users that succeed leave their tab at once.
 *
 * @example const bulk = useBulkUsers(); const { results } = await bulk.mutate({ action: "disable", items: selected.map(({ id, version }) => ({ id, version })) });
 */
export function useBulkUsers(): MutationResult<BulkInput, BulkResult> {
  const directory = useDirectory();
  return useMutation({
    mutate: (input) => directory.users.bulk(input),
    invalidates: [...USER_WRITE_INVALIDATES, queryKeys.me],
  });
}
