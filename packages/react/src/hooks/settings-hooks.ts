import type { Page, StaffDirectory, User } from "@staffroom/core";
import { useCallback } from "react";
import { useDirectory } from "../provider/context";
import type { QueryResult } from "../query/use-query";
import { useMe, useUsers } from "./reads";

/**
 * A function answering `directory.can(permission)` for any permission name of the catalog, including
 * a vendor's own modules (`roles.catalog()` names them as plain strings). False until the actor loads.
 *
 * @example const holds = usePermissionCheck(); holds("billing.issue_refunds") // may this actor give it?
 */
export function usePermissionCheck(): (permission: string) => boolean {
  const directory: StaffDirectory<string> = useDirectory();
  const loaded = useMe().data;
  return useCallback(
    (permission: string) => (loaded ? directory.can(permission) : false),
    [directory, loaded],
  );
}

/** The most administrators the main-contact picker lists (`users.list` pages hold at most 200). */
const ADMINISTRATORS_PAGE = 200;

/**
 * The active administrators in the actor's scope (`users.list({ admin: true })`), by name: the people
 * the main-contact role may be handed to (R7).
 *
 * @example const admins = useAdministrators(); admins.data?.items.map((u) => u.displayName)
 */
export function useAdministrators(): QueryResult<Page<User>> {
  return useUsers({ status: "active", admin: true, limit: ADMINISTRATORS_PAGE });
}
