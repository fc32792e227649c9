import type {
  BulkResult,
  DeleteResult,
  InvitationSummary,
  InviteResult,
  Page,
  StaffDirectory,
  StatusCounts,
  User,
  UserFormOptions,
  VersionOption,
} from "@staffroom/core";
import type { ActorState } from "./actor-state";
import { as, idSegment, isWholeNumber, type Wire } from "./wire";

/**
 * `StaffDirectory.users` over HTTP (all but `actions`, answered from the snapshot of the last `me()`).
 *
 * @example const users = usersApi(w, state); await users.disable(id); // If-Match from the cache or a read
 */
export function usersApi(w: Wire, state: ActorState<string>): StaffDirectory["users"] {
  const userPath = async (id: string, suffix = "") => w.orgPath(`/users/${idSegment(id)}${suffix}`);
  const read = async (id: string) => w.send({ method: "GET", path: await userPath(id) });
  /** A write on one user whose version the caller may leave out: the client supplies it (If-Match). */
  const conditional = <T>(
    id: string,
    options: Partial<VersionOption> | undefined,
    write: (version: unknown) => Promise<T>,
  ) => w.conditional("user", idSegment(id), options, () => read(id), write);
  const userWrite = async (id: string, method: "POST", suffix: string, version: unknown, body?: unknown) =>
    w.sendSeen<User>("user", {
      method,
      path: await userPath(id, suffix),
      ifMatch: version,
      ...(body === undefined ? {} : { body }),
    });
  /** A write that removes the user (delete, revoke): its remembered version goes too. */
  const removal = async (id: string, suffix: string, version: unknown) => {
    const result = as<DeleteResult>(
      await w.send({ method: "DELETE", path: await userPath(id, suffix), ifMatch: version }),
    );
    w.versions.forget("user", id);
    return result;
  };
  const seeUsers = (items: readonly unknown[]) => {
    for (const item of items) w.versions.see("user", item);
  };
  return {
    async list(query) {
      const page = as<Page<User>>(await w.send({ method: "GET", path: await w.orgPath("/users"), query }));
      seeUsers(page.items);
      return page;
    },
    counts: async (query) =>
      as<StatusCounts>(await w.send({ method: "GET", path: await w.orgPath("/users/counts"), query })),
    get: async (id) => w.sendSeen<User>("user", { method: "GET", path: await userPath(id) }),
    create: async (input) =>
      w.sendSeen<User>("user", { method: "POST", path: await w.orgPath("/users"), body: input }),
    async invite(input) {
      const result = as<InviteResult>(
        await w.send({ method: "POST", path: await w.orgPath("/invitations"), body: input }),
      );
      w.versions.see("user", result.user);
      return result;
    },
    update: async (id, patch, options) =>
      w.sendSeen<User>("user", {
        method: "PATCH",
        path: await userPath(id),
        body: patch,
        ifMatch: isWholeNumber(options?.version) ? options.version : undefined,
      }),
    disable: (id, options) => conditional(id, options, (v) => userWrite(id, "POST", "/disable", v)),
    restore: (id, options) => conditional(id, options, (v) => userWrite(id, "POST", "/restore", v)),
    delete: (id, options) => conditional(id, options, (v) => removal(id, "", v)),
    resetPassword: (id, input, options) =>
      conditional(id, options, (v) => userWrite(id, "POST", "/password-reset", v, input)),
    unlock: (id, options) => conditional(id, options, (v) => userWrite(id, "POST", "/unlock", v)),
    resendInvitation: (id, options) =>
      conditional(id, options, async (v) =>
        as<InvitationSummary>(
          await w.send({ method: "POST", path: await userPath(id, "/invitation/resend"), ifMatch: v }),
        ),
      ),
    revokeInvitation: (id, options) => conditional(id, options, (v) => removal(id, "/invitation", v)),
    invitation: async (id) =>
      as<InvitationSummary | null>(await w.send({ method: "GET", path: await userPath(id, "/invitation") })),
    async bulk(input) {
      const result = as<BulkResult>(
        await w.send({ method: "POST", path: await w.orgPath("/users/bulk"), body: input }),
      );
      for (const row of result.results) if (row.ok && row.user) w.versions.see("user", row.user);
      return result;
    },
    actions: (user) => state.actions(user),
    formOptions: async (id) =>
      as<UserFormOptions>(
        await w.send({
          method: "GET",
          path:
            id === undefined ? await w.orgPath("/users/form-options") : await userPath(id, "/form-options"),
        }),
      ),
  };
}
