import type { DirectoryAuth, StaffDirectory } from "@staffroom/core";
import { createContext, useContext } from "react";
import type { Messages } from "../messages/messages";
import type { QueryCache } from "../query/query-cache";

/** Colour scheme of the widgets. `system` follows the operating system. */
export type Theme = "light" | "dark" | "system";
/** Row height and spacing. */
export type Density = "comfortable" | "compact";

/** What {@link StaffroomProvider} gives the widgets. */
export interface StaffroomContextValue {
  readonly directory: StaffDirectory | null;
  readonly auth: DirectoryAuth | null;
  readonly messages: Messages;
  readonly cache: QueryCache;
  readonly theme: Theme;
  readonly density: Density;
  readonly locale: string;
  /** Where dialogs and menus render; null means document.body. */
  readonly portalContainer: HTMLElement | null;
  /** The host's class on the root, repeated on portalled dialogs and menus so its theme reaches them. */
  readonly className: string | undefined;
}

/** @internal The React context behind the hooks. */
export const StaffroomContext = createContext<StaffroomContextValue | null>(null);

/**
 * Everything the provider holds. Throws when used outside `<StaffroomProvider>`.
 *
 * @example const { messages, locale } = useStaffroom();
 */
export function useStaffroom(): StaffroomContextValue {
  const value = useContext(StaffroomContext);
  if (!value) {
    throw new Error("Staffroom widgets and hooks must be rendered inside <StaffroomProvider>.");
  }
  return value;
}

/**
 * The StaffDirectory the widgets talk to. Throws outside the provider or when it has no directory.
 *
 * @example const directory = useDirectory(); await directory.users.get(id);
 */
export function useDirectory(): StaffDirectory {
  const { directory } = useStaffroom();
  if (!directory) {
    throw new Error("This widget needs <StaffroomProvider directory={…}>: no StaffDirectory was given.");
  }
  return directory;
}

/**
 * The DirectoryAuth for the account screens. Throws outside the provider or when it has no auth.
 *
 * @example const auth = useAuth(); await auth.signIn({ email, password });
 */
export function useAuth(): DirectoryAuth {
  const { auth } = useStaffroom();
  if (!auth) {
    throw new Error("This widget needs <StaffroomProvider auth={…}>: no DirectoryAuth was given.");
  }
  return auth;
}

/**
 * The strings in use (English defaults merged with the provider's overrides).
 *
 * @example const m = useMessages(); <button>{m.common.cancel}</button>
 */
export function useMessages(): Messages {
  return useStaffroom().messages;
}
