import type { UserStatus } from "@staffroom/core";
import type { ReactNode } from "react";
import { BulkBar } from "./BulkBar";
import { DirectoryHeader } from "./DirectoryHeader";
import { DirectoryNotice } from "./DirectoryNotice";
import { DirectoryPagination } from "./DirectoryPagination";
import { DirectoryTable } from "./DirectoryTable";
import { DirectoryTabs } from "./DirectoryTabs";
import { DirectoryToolbar } from "./DirectoryToolbar";
import { UserDirectoryRoot } from "./UserDirectoryRoot";
import { NO_FILTERS, type UserDirectoryFilters } from "./use-directory-state";

/** Props of {@link UserDirectory}. */
export interface UserDirectoryProps {
  /** Users per page (1–200). Default 50. */
  readonly pageSize?: number;
  /** Debounce of the server-side search, in ms. Default 250. */
  readonly searchDebounceMs?: number;
  /** The tab shown first. Default `active`. */
  readonly initialStatus?: UserStatus;
  /**
   * Filters applied first, e.g. the holders of one role (`{ roleId }`) when another screen links
   * here. Default none. Controlled filters are `UserDirectory.Root`'s `filters`.
   *
   * @example <UserDirectory initialFilters={{ roleId: "rol_…" }} />
   */
  readonly initialFilters?: Partial<UserDirectoryFilters>;
  /** Hide the "New user" button (invite only, as reference 002 and 004 work). Default false. */
  readonly hideCreate?: boolean;
  /** Hide "Invite several" (many addresses, one role and locations). Default false. */
  readonly hideInviteMany?: boolean;
  /** Extra class of the card. Default none. */
  readonly className?: string;
  /**
   * Said instead of the directory when core does not let the actor read users. Default
   * `messages.access.noAccess(…)`: "You don't have access to Users — ask an administrator."
   */
  readonly noAccessMessage?: ReactNode;
}

/**
 * W12 "Settings › Users": Active / Pending / Disabled tabs with counts, server-side search and
 * filters, sortable columns, cursor paging, row actions from `directory.users.actions(user)`,
 * bulk actions with a result per row, and the create, invite, edit, reset and confirm dialogs.
 *
 * It is the default composition of its parts — `Root`, `Header`, `Tabs`, `Toolbar`, `Notice`,
 * `BulkBar`, `Table`, `Pagination` — which a host composes itself to leave parts out, reorder them
 * or put its own markup between them; `useUserDirectory` is the same directory without markup.
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <UserDirectory pageSize={50} />
 * </StaffroomProvider>
 * @example
 * <UserDirectory.Root pageSize={25}>
 *   <UserDirectory.Header hideCreate />
 *   <UserDirectory.Tabs />
 *   <UserDirectory.Table />
 *   <UserDirectory.Toolbar />
 *   <UserDirectory.Pagination />
 * </UserDirectory.Root>
 */
function UserDirectoryDefault(props: UserDirectoryProps): ReactNode {
  const {
    pageSize,
    searchDebounceMs,
    initialStatus,
    initialFilters,
    hideCreate,
    hideInviteMany,
    className,
    noAccessMessage,
  } = props;
  return (
    <UserDirectoryRoot
      {...(pageSize === undefined ? {} : { pageSize })}
      {...(searchDebounceMs === undefined ? {} : { searchDebounceMs })}
      {...(initialStatus === undefined ? {} : { defaultStatus: initialStatus })}
      {...(initialFilters === undefined ? {} : { defaultFilters: { ...NO_FILTERS, ...initialFilters } })}
      {...(className === undefined ? {} : { className })}
      {...(noAccessMessage === undefined ? {} : { noAccessMessage })}
    >
      <DirectoryHeader
        {...(hideCreate === undefined ? {} : { hideCreate })}
        {...(hideInviteMany === undefined ? {} : { hideInviteMany })}
      />
      <DirectoryTabs />
      <DirectoryToolbar />
      <DirectoryNotice />
      <BulkBar />
      <DirectoryTable />
      <DirectoryPagination />
    </UserDirectoryRoot>
  );
}

/**
 * The user directory: `<UserDirectory />` renders every part; `UserDirectory.Root` and the parts
 * compose it differently (see {@link UserDirectoryDefault} for the parts and an example).
 */
// Pure: without it, Object.assign keeps the whole directory in bundles that never mount it.
export const UserDirectory = /* @__PURE__ */ Object.assign(UserDirectoryDefault, {
  /** Holds (or receives) the directory and renders the card and its dialogs. See `UserDirectoryRoot`. */
  Root: UserDirectoryRoot,
  /** Title, description, "New user" and "Invite user". See `DirectoryHeader`. */
  Header: DirectoryHeader,
  /** Active / Pending / Disabled with counts. See `DirectoryTabs`. */
  Tabs: DirectoryTabs,
  /** Search and filters. See `DirectoryToolbar`. */
  Toolbar: DirectoryToolbar,
  /** The outcome of the last action. See `DirectoryNotice`. */
  Notice: DirectoryNotice,
  /** Bulk actions on the selected users. See `BulkBar`. */
  BulkBar,
  /** The page of users and its loading, empty and error states. See `DirectoryTable`. */
  Table: DirectoryTable,
  /** The range and the previous and next page buttons. See `DirectoryPagination`. */
  Pagination: DirectoryPagination,
});
