import type {
  BulkResult,
  DeleteResult,
  InvitationSummary,
  InviteResult,
  Page,
  StaffDirectory,
  StatusCounts,
  User,
} from "@staffroom/core";
import type { ActorState } from "./actor-state";
import { as, idSegment, isWholeNumber, type Wire } from "./wire";

/**
 * `StaffDirectory.users` over HTTP (all but `actions`, answered from the loaded actor).
 *
 * @example const users = usersApi(w, state); await users.disable(id); // If-Match from the cache or a read
 */
export function usersApi(w: Wire, state: ActorState<string>): StaffDirectory["users"] {
  const userPath = async (id: string, suffix = "") => w.orgPath(`/users/${idSegment(id)}${suffix}`);
  const read = async (id: string) => w.send({ method: "GET", path: await userPath(id) });
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
    disable: async (id, options) =>
      w.conditional(
        "user",
        idSegment(id),
        options,
        () => read(id),
        async (version) =>
          w.sendSeen<User>("user", {
            method: "POST",
            path: await userPath(id, "/disable"),
            ifMatch: version,
          }),
      ),
    restore: async (id, options) =>
      w.conditional(
        "user",
        idSegment(id),
        options,
        () => read(id),
        async (version) =>
          w.sendSeen<User>("user", {
            method: "POST",
            path: await userPath(id, "/restore"),
            ifMatch: version,
          }),
      ),
    delete: async (id, options) =>
      w.conditional(
        "user",
        idSegment(id),
        options,
        () => read(id),
        async (version) => {
          const result = as<DeleteResult>(
            await w.send({ method: "DELETE", path: await userPath(id), ifMatch: version }),
          );
          w.versions.forget("user", id);
          return result;
        },
      ),
    resetPassword: async (id, input, options) =>
      w.conditional(
        "user",
        idSegment(id),
        options,
        () => read(id),
        async (version) =>
          w.sendSeen<User>("user", {
            method: "POST",
            path: await userPath(id, "/password-reset"),
            body: input,
            ifMatch: version,
          }),
      ),
    unlock: async (id, options) =>
      w.conditional(
        "user",
        idSegment(id),
        options,
        () => read(id),
        async (version) =>
          w.sendSeen<User>("user", { method: "POST", path: await userPath(id, "/unlock"), ifMatch: version }),
      ),
    resendInvitation: async (id, options) =>
      w.conditional(
        "user",
        idSegment(id),
        options,
        () => read(id),
        async (version) =>
          as<InvitationSummary>(
            await w.send({
              method: "POST",
              path: await userPath(id, "/invitation/resend"),
              ifMatch: version,
            }),
          ),
      ),
    revokeInvitation: async (id, options) =>
      w.conditional(
        "user",
        idSegment(id),
        options,
        () => read(id),
        async (version) => {
          const result = as<DeleteResult>(
            await w.send({ method: "DELETE", path: await userPath(id, "/invitation"), ifMatch: version }),
          );
          w.versions.forget("user", id);
          return result;
        },
      ),
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
  };
}
