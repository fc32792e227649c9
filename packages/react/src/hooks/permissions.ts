import {
  type AccessTarget,
  type AdminScreen,
  canOpenScreen,
  type DefaultPermission,
  type User,
  type UserActionOffer,
} from "@staffroom/core";
import { useCallback } from "react";
import { useDirectory } from "../provider/context";
import { useMe } from "./reads";

/**
 * The directory's own decision (`directory.can`), re-evaluated once the actor has loaded. False
 * while loading, so controls appear rather than vanish.
 *
 * @example const canManage = useCan("users.manage"); {canManage && <InviteUserDialog … />}
 */
export function useCan(permission: DefaultPermission, target?: AccessTarget): boolean {
  const directory = useDirectory();
  const me = useMe();
  return me.data ? directory.can(permission, target) : false;
}

/**
 * A function answering `directory.users.actions(user)`: the row actions that apply to the user, each
 * with core's verdict (allowed, or refused with the reason). Empty while the actor loads.
 *
 * @example const actionsOf = useUserActions(); actionsOf(user).some((o) => o.action === "disable" && o.verdict.allowed)
 */
export function useUserActions(): (user: User) => readonly UserActionOffer[] {
  const directory = useDirectory();
  const me = useMe();
  const loaded = me.data;
  return useCallback((user: User) => (loaded ? directory.users.actions(user) : []), [directory, loaded]);
}

/**
 * Whether the actor may open an administration screen (core's `canOpenScreen`, from `can()`): true
 * or false once the actor has loaded; `undefined` while it loads — unless the directory already
 * answers true (`can()` is false until a `me()`, so a true is never a guess), when the widget need
 * not wait. A failed load of the actor answers `true`, so the widget loads and shows its own error
 * rather than a "no access" that may not be so.
 *
 * @example const open = useCanOpen("audit"); if (open === false) return <NoAccess screen="audit" />;
 */
export function useCanOpen(screen: AdminScreen): boolean | undefined {
  const directory = useDirectory();
  const me = useMe();
  const open = canOpenScreen(directory, screen);
  if (me.data || open) return open;
  return me.isError ? true : undefined;
}
