import type { Page, StatusCounts, User, UserPatch, UserStatus } from "@staffroom/core";
import type { Draft } from "immer";
import type { QueryCache, Rollback } from "../query/query-cache";
import type { QueryKey } from "../query/query-key";
import { queryKeys } from "./keys";

type Listed = Page<User>;

const statusOfListKey = (key: QueryKey): UserStatus => {
  const query = key[2] as { status?: UserStatus } | undefined;
  return query?.status ?? "active";
};

/** Merges a patch into a user draft (the fields a patch may carry). */
export function applyUserPatch(draft: Draft<User>, patch: UserPatch): void {
  if (patch.email !== undefined) draft.email = patch.email;
  if (patch.profile) {
    for (const [k, v] of Object.entries(patch.profile)) {
      if (v !== undefined) (draft.profile as Record<string, unknown>)[k] = v;
    }
  }
  if (patch.loginChannels) Object.assign(draft.loginChannels, patch.loginChannels);
  if (patch.flags) Object.assign(draft.flags, patch.flags);
  if (patch.roleId !== undefined) draft.roleId = patch.roleId;
  if (patch.locationAccess !== undefined)
    draft.locationAccess = patch.locationAccess as Draft<User>["locationAccess"];
  if (patch.primaryLocationId !== undefined) draft.primaryLocationId = patch.primaryLocationId;
  if (patch.licences !== undefined) draft.licences = [...patch.licences];
}

/**
 * Optimistically edits one user wherever it is cached (detail and list pages).
 *
 * @example const rollback = patchUserEverywhere(cache, id, (u) => { u.roleId = roleId; });
 */
export function patchUserEverywhere(
  cache: QueryCache,
  id: string,
  recipe: (user: Draft<User>) => void,
): Rollback {
  const detail = cache.update<User>(queryKeys.users.detail(id), (draft) => recipe(draft));
  const lists = cache.update<Listed>(queryKeys.users.lists, (draft) => {
    for (const item of draft.items) if (item.id === id) recipe(item);
  });
  return () => {
    lists();
    detail();
  };
}

/**
 * Optimistically moves users to another tab (`to`), or out of every tab (`to: null`, deleted):
 * they leave list pages of other statuses and the tab counts follow.
 *
 * @example const rollback = moveUsers(cache, [user], "disabled");
 */
export function moveUsers(
  cache: QueryCache,
  users: readonly Pick<User, "id" | "status">[],
  to: UserStatus | null,
): Rollback {
  const ids = new Set(users.map((u) => u.id));
  const lists = cache.update<Listed>(queryKeys.users.lists, (draft, key) => {
    if (statusOfListKey(key) === to) return;
    const before = draft.items.length;
    const kept = draft.items.filter((u) => !ids.has(u.id));
    if (kept.length === before) return;
    draft.total -= before - kept.length;
    draft.items = kept;
  });
  const counts = cache.update<StatusCounts>(["users", "counts"], (draft) => {
    for (const user of users) {
      if (user.status === to) continue;
      draft[user.status] = Math.max(0, draft[user.status] - 1);
      if (to) draft[to] += 1;
    }
  });
  const details = users.map((u) =>
    cache.update<User>(queryKeys.users.detail(u.id), (draft) => {
      if (to) draft.status = to;
    }),
  );
  return () => {
    for (const d of details) d();
    counts();
    lists();
  };
}
