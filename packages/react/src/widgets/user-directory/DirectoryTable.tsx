import { type ReactNode, useMemo } from "react";
import { useMessages, useStaffroom } from "../../provider/context";
import { hashKey } from "../../query/query-key";
import type { ColumnContext } from "./columns";
import { DirectoryEmpty, DirectoryLoadError, DirectoryLoading } from "./DirectoryStates";
import { usePartContext } from "./directory-context";
import { UserTable } from "./UserTable";

/**
 * `UserDirectory.Table`: the page of users — sortable columns (server-side), row selection for an
 * actor who may manage users, each row's menu of the actions core offers — or, in its place, the
 * loading, empty and load-error states. It is the tab panel of `UserDirectory.Tabs` (when they are
 * there) and busy while what it shows is not yet the answer to the tab, search and filters chosen.
 *
 * @example <UserDirectory.Table />
 */
export function DirectoryTable(): ReactNode {
  const context = usePartContext("Table");
  const { api, mounted } = context;
  const m = useMessages();
  const { locale } = useStaffroom();
  const { list, startAction, failures, canManage, mainContactUserId, roleById, locationById, offersOf } = api;
  const columnContext: ColumnContext = useMemo(
    () => ({
      messages: m,
      locale,
      roles: roleById,
      locations: locationById,
      offersOf,
      onAction: startAction,
      failures,
      selectable: canManage,
      mainContactUserId,
      status: api.status,
    }),
    [
      m,
      locale,
      roleById,
      locationById,
      offersOf,
      startAction,
      failures,
      canManage,
      mainContactUserId,
      api.status,
    ],
  );
  const busy = list.isPrevious || api.searching;
  return (
    <div
      ref={api.panelRef}
      id={api.ids.panel}
      // Focus returns to the ⋯ button now in the place of a row that left the tab (rememberFocus);
      // the panel itself takes it when the tab is left empty.
      tabIndex={-1}
      data-sr-focus-list=""
      className="sr-directory-panel"
      {...(mounted.tabs ? { role: "tabpanel", "aria-labelledby": api.ids.tab(api.status) } : {})}
      aria-busy={list.isLoading || busy || undefined}
    >
      {list.isError ? (
        <DirectoryLoadError error={list.error} onRetry={list.refetch} />
      ) : list.isLoading ? (
        <DirectoryLoading />
      ) : api.users.length === 0 ? (
        <DirectoryEmpty status={api.status} filtered={api.filtered} />
      ) : (
        <UserTable
          id={api.ids.table}
          labelledBy={mounted.header ? api.ids.title : null}
          label={m.directory.tableLabel}
          users={api.users}
          busy={busy}
          sort={api.sort}
          onSortChange={api.setSort}
          selection={api.selection}
          onSelectionChange={api.setSelection}
          context={columnContext}
          pageKey={busy ? undefined : hashKey([api.listQuery])}
        />
      )}
    </div>
  );
}
