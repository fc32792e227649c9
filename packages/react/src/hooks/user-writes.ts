import type { DeleteResult, InvitationSummary, StaffDirectory, User } from "@staffroom/core";
import type { MutationOptions } from "../query/use-mutation";
import { USER_WRITE_INVALIDATES } from "./keys";
import { moveUsers, patchUserEverywhere } from "./optimistic";

// The lifecycle writes on one user, as mutation options: the public hooks (`useDisableUser`, …) and
// the directory's action table run the same write with the same optimistic update and invalidation.
// Each names the version of the user it was given — the row the actor acted on (R12): if someone
// changed that user since, the write is refused with `stale` rather than applied to what nobody saw.

/** A user as lifecycle writes need it: its version is the one the write names (R12). */
export type UserRef = Pick<User, "id" | "status" | "version">;

/** The write behind `useDisableUser`, for the directory's action table. */
export const disableUser = (directory: StaffDirectory): MutationOptions<UserRef, User> => ({
  mutate: (user) => directory.users.disable(user.id, { version: user.version }),
  optimistic: (cache, user) => moveUsers(cache, [user], "disabled"),
  invalidates: USER_WRITE_INVALIDATES,
});

/** The write behind `useRestoreUser`, for the directory's action table. */
export const restoreUser = (directory: StaffDirectory): MutationOptions<UserRef, User> => ({
  mutate: (user) => directory.users.restore(user.id, { version: user.version }),
  optimistic: (cache, user) => moveUsers(cache, [user], "active"),
  invalidates: USER_WRITE_INVALIDATES,
});

/** The write behind `useDeleteUser`, for the directory's action table. */
export const deleteUser = (directory: StaffDirectory): MutationOptions<UserRef, DeleteResult> => ({
  mutate: (user) => directory.users.delete(user.id, { version: user.version }),
  optimistic: (cache, user) => moveUsers(cache, [user], null),
  invalidates: USER_WRITE_INVALIDATES,
});

/** The write behind `useRevokeInvitation`, for the directory's action table. */
export const revokeInvitation = (directory: StaffDirectory): MutationOptions<UserRef, DeleteResult> => ({
  mutate: (user) => directory.users.revokeInvitation(user.id, { version: user.version }),
  optimistic: (cache, user) => moveUsers(cache, [user], null),
  invalidates: USER_WRITE_INVALIDATES,
});

/** The write behind `useResendInvitation`, for the directory's action table. */
export const resendInvitation = (directory: StaffDirectory): MutationOptions<UserRef, InvitationSummary> => ({
  mutate: (user) => directory.users.resendInvitation(user.id, { version: user.version }),
  invalidates: USER_WRITE_INVALIDATES,
});

/** The write behind `useUnlockUser`, for the directory's action table. */
export const unlockUser = (directory: StaffDirectory): MutationOptions<UserRef, User> => ({
  mutate: (user) => directory.users.unlock(user.id, { version: user.version }),
  optimistic: (cache, user) =>
    patchUserEverywhere(cache, user.id, (draft) => {
      draft.locked = false;
    }),
  invalidates: USER_WRITE_INVALIDATES,
});
