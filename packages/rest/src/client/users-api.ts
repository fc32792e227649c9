import type {
  BulkResult,
  DeleteResult,
  ImportReport,
  InvitationSummary,
  InviteManyResult,
  InviteResult,
  Page,
  StaffDirectory,
  StatusCounts,
  User,
  UserFormOptions,
} from "@staffroom/core";
import type { ActorState } from "./actor-state";
import { as, idSegment, versionOf, type Wire } from "./wire";

/**
 * `StaffDirectory.users` over HTTP (all but `actions`, answered from the snapshot of the last
 * `me()`). Every write sends the version its caller names as `If-Match` (R12) and nothing else: the
 * client never reads a version on the caller's behalf.
 *
 * @example const users = usersApi(w, state); await users.disable(user.id, { version: user.version });
 */
export function usersApi(w: Wire, state: ActorState<string>): StaffDirectory["users"] {
  const userPath = async (id: string, suffix = "") => w.orgPath(`/users/${idSegment(id)}${suffix}`);
  /** A write on one user at the version the caller read. */
  const write = async <T>(
    operation: string,
    method: "POST" | "PATCH" | "DELETE",
    id: string,
    suffix: string,
    options: unknown,
    body?: unknown,
  ): Promise<T> =>
    as<T>(
      await w.send({
        operation,
        method,
        path: await userPath(id, suffix),
        ifMatch: versionOf(options),
        ...(body === undefined ? {} : { body }),
      }),
    );
  return {
    list: async (query) =>
      as<Page<User>>(
        await w.send({ operation: "users.list", method: "GET", path: await w.orgPath("/users"), query }),
      ),
    counts: async (query) =>
      as<StatusCounts>(
        await w.send({
          operation: "users.counts",
          method: "GET",
          path: await w.orgPath("/users/counts"),
          query,
        }),
      ),
    get: async (id) =>
      as<User>(await w.send({ operation: "users.get", method: "GET", path: await userPath(id) })),
    create: async (input) =>
      as<User>(
        await w.send({
          operation: "users.create",
          method: "POST",
          path: await w.orgPath("/users"),
          body: input,
        }),
      ),
    invite: async (input) =>
      as<InviteResult>(
        await w.send({
          operation: "users.invite",
          method: "POST",
          path: await w.orgPath("/invitations"),
          body: input,
        }),
      ),
    inviteMany: async (input) =>
      as<InviteManyResult>(
        await w.send({
          operation: "users.inviteMany",
          method: "POST",
          path: await w.orgPath("/invitations/bulk"),
          body: input,
        }),
      ),
    update: (id, patch, options) => write<User>("users.update", "PATCH", id, "", options, patch),
    disable: (id, options) => write<User>("users.disable", "POST", id, "/disable", options),
    restore: (id, options) => write<User>("users.restore", "POST", id, "/restore", options),
    delete: (id, options) => write<DeleteResult>("users.delete", "DELETE", id, "", options),
    resetPassword: (id, input, options) =>
      write<User>("users.resetPassword", "POST", id, "/password-reset", options, input),
    unlock: (id, options) => write<User>("users.unlock", "POST", id, "/unlock", options),
    resendInvitation: (id, options) =>
      write<InvitationSummary>("users.resendInvitation", "POST", id, "/invitation/resend", options),
    revokeInvitation: (id, options) =>
      write<DeleteResult>("users.revokeInvitation", "DELETE", id, "/invitation", options),
    invitation: async (id) =>
      as<InvitationSummary | null>(
        await w.send({
          operation: "users.invitation",
          method: "GET",
          path: await userPath(id, "/invitation"),
        }),
      ),
    bulk: async (input) =>
      as<BulkResult>(
        await w.send({
          operation: "users.bulk",
          method: "POST",
          path: await w.orgPath("/users/bulk"),
          body: input,
        }),
      ),
    import: async (input) =>
      as<ImportReport>(
        await w.send({
          operation: "users.import",
          method: "POST",
          path: await w.orgPath("/users/import"),
          body: input,
        }),
      ),
    actions: (user) => state.actions(user),
    formOptions: async (id) =>
      as<UserFormOptions>(
        id === undefined
          ? await w.send({
              operation: "users.formOptions",
              method: "GET",
              path: await w.orgPath("/users/form-options"),
            })
          : await w.send({
              operation: "users.formOptionsOf",
              method: "GET",
              path: await userPath(id, "/form-options"),
            }),
      ),
  };
}
