import { createContext, useContext, useLayoutEffect } from "react";
import type { UserDirectoryApi } from "./use-user-directory";

/** Parts whose presence changes how others label themselves (a table without tabs is no tab panel). */
export type LabellingPart = "header" | "tabs";

/** @internal What `UserDirectory.Root` provides. */
export interface DirectoryContextValue {
  readonly api: UserDirectoryApi;
  /** Which labelling parts are mounted. */
  readonly mounted: Readonly<Record<LabellingPart, boolean>>;
  /** Marks a labelling part mounted; returns its unmount. */
  mount(part: LabellingPart): () => void;
}

/** @internal */
export const DirectoryContext = createContext<DirectoryContextValue | null>(null);

/**
 * The context of a part, or a clear error naming the part when it is rendered outside
 * `<UserDirectory.Root>` (a part alone has no directory to show).
 *
 * @example const { api } = usePartContext("Table");
 */
export function usePartContext(part: string): DirectoryContextValue {
  return useContextFor(`<UserDirectory.${part}>`);
}

function useContextFor(who: string): DirectoryContextValue {
  const value = useContext(DirectoryContext);
  if (!value) {
    throw new Error(
      `${who} must be used inside <UserDirectory.Root> (or render <UserDirectory />, which composes every part).`,
    );
  }
  return value;
}

/**
 * Tells Root a labelling part is mounted, before paint, so the section, tab panel and table label
 * themselves by it (and by other means without it).
 *
 * @example useMountPart(context, "tabs");
 */
export function useMountPart(context: DirectoryContextValue, part: LabellingPart): void {
  const { mount } = context;
  useLayoutEffect(() => mount(part), [mount, part]);
}

/**
 * The directory inside `UserDirectory.Root`, for a custom part: the same object `useUserDirectory`
 * returns (view state, page, counts, roles, locations, the actions core offers, the flows). Throws a
 * clear error outside Root.
 *
 * @example
 * function SelectedCount() {
 *   const directory = useUserDirectoryContext();
 *   return <span>{directory.selectedUsers.length} selected</span>;
 * }
 */
export function useUserDirectoryContext(): UserDirectoryApi {
  return useContextFor("useUserDirectoryContext()").api;
}
