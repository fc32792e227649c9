import type { User, UserSortField } from "@staffroom/core";
import { type RowSelectionState, type SortingState, useTable } from "@tanstack/react-table";
import { memo, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useMessages } from "../../provider/context";
import { type ColumnContext, directoryColumns, directoryFeatures } from "./columns";
import { type DirectoryRow, UserCards } from "./UserCards";
import type { UserDirectorySelection, UserDirectorySort } from "./use-directory-state";
import { useNarrow } from "./use-narrow";

/** Props of {@link UserTable}. */
export interface UserTableProps {
  readonly id: string;
  /** The id of the element naming the table, or null to name it with `label`. */
  readonly labelledBy: string | null;
  readonly label: string;
  readonly users: readonly User[];
  readonly busy: boolean;
  readonly sort: UserDirectorySort;
  readonly onSortChange: (sort: UserDirectorySort) => void;
  readonly selection: UserDirectorySelection;
  readonly onSelectionChange: (selection: UserDirectorySelection) => void;
  readonly context: ColumnContext;
  /**
   * Names the page shown (its query), or undefined while the next one loads: a new page paints its
   * first rows first ({@link FIRST_ROWS}) and the rest a frame later. Default: every row at once.
   */
  readonly pageKey?: string | undefined;
}

const SORTABLE: ReadonlySet<string> = new Set<UserSortField>(["name", "email", "createdAt", "lastSignInAt"]);
const EMPTY: User[] = [];
/** Below this width of its own box, the directory shows cards instead of the table. */
const CARDS_BELOW_PX = 640;

/**
 * The users table (TanStack Table v9): server-side sort through `aria-sort` header buttons, row
 * selection by user id, row actions in a menu. In a box narrower than 640 px the same rows and cells
 * show as cards ({@link UserCards}) instead.
 *
 * @example <UserTable id="users" labelledBy="title" label="Users" users={page.items} sort={sort} onSortChange={setSort} … />
 */
export function UserTable(props: UserTableProps): ReactNode {
  const m = useMessages().directory;
  const sorting: SortingState = [{ id: props.sort.field, desc: props.sort.direction === "desc" }];
  const columns = useMemo(() => directoryColumns(props.context), [props.context]);
  const table = useTable({
    features: directoryFeatures,
    columns,
    data: props.users.length ? (props.users as User[]) : EMPTY,
    getRowId: (user) => user.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    // A row core offers nothing on (the main contact to anyone else, R7; users outside the actor's
    // reach) is not selectable: a bulk action would only be refused on it.
    enableRowSelection: (row) => props.context.offersOf(row.original).some((o) => o.refused === undefined),
    state: { sorting, rowSelection: props.selection as RowSelectionState },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      if (first && SORTABLE.has(first.id)) {
        props.onSortChange({ field: first.id as UserSortField, direction: first.desc ? "desc" : "asc" });
      }
    },
    onRowSelectionChange: (updater) => {
      props.onSelectionChange(
        typeof updater === "function" ? updater(props.selection as RowSelectionState) : updater,
      );
    },
  });
  const frame = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(frame, CARDS_BELOW_PX);
  // One frame for both layouts: the box whose width decides between them.
  return (
    <div ref={frame} className="sr-user-view">
      {narrow ? (
        <UserCards
          id={props.id}
          labelledBy={props.labelledBy}
          label={props.label}
          busy={props.busy}
          rows={table.getRowModel().rows}
          headers={table.getHeaderGroups()[0]?.headers ?? []}
        />
      ) : (
        <div className="sr-table-wrap">
          <table
            id={props.id}
            className="sr-table"
            {...(props.labelledBy ? { "aria-labelledby": props.labelledBy } : { "aria-label": props.label })}
            aria-busy={props.busy || undefined}
          >
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sortable = SORTABLE.has(header.column.id);
                    const sorted = sortable ? header.column.getIsSorted() : false;
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={
                          sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined
                        }
                      >
                        {header.isPlaceholder ? null : sortable ? (
                          <button
                            type="button"
                            className="sr-sort"
                            onClick={header.column.getToggleSortingHandler()}
                          >
                            <table.FlexRender header={header} />
                            <span aria-hidden="true">
                              {sorted === "asc" ? "↑" : sorted === "desc" ? "↓" : "↕"}
                            </span>
                            {sorted ? (
                              <span className="sr-visually-hidden">
                                , {sorted === "asc" ? m.sortAscending : m.sortDescending}
                              </span>
                            ) : null}
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <TableBody
              pageKey={props.pageKey}
              rows={table.getRowModel().rows}
              columns={columns}
              selection={props.selection}
              Cell={table.FlexRender}
            />
          </table>
        </div>
      )}
    </div>
  );
}

type CellRenderer = (props: { cell: ReturnType<DirectoryRow["getAllCells"]>[number] }) => ReactNode;

/**
 * Rows a new page paints in its first frame: more than a screenful (a row is ~50 px), so the rows
 * below come a frame later, out of sight. Rendering, committing and laying out 50 rows of cells was
 * the larger part of the directory's first render and of a keystroke's (bench/profile.mjs).
 */
export const FIRST_ROWS = 20;

// The rows re-render only when the row model, the columns or the selection changes: a keystroke in
// the search box or the busy flag re-renders the directory, not 50 rows of cells (keystroke-to-paint,
// bench/). The columns stand for everything a cell reads besides its row — the role and location
// names, the actions core offers (and so whether a row is selectable), whether there is a selection
// column — so when any of those arrives after the first page (over REST: me(), roles and locations
// often answer after users.list), the rows draw again. Without them the body kept its first render:
// header cells one column off, "—" for every role, no checkboxes (issue 13).
const TableBody = memo(function TableBody({
  rows,
  Cell,
  pageKey,
}: {
  readonly rows: readonly DirectoryRow[];
  readonly columns: ReturnType<typeof directoryColumns>;
  readonly selection: UserDirectorySelection;
  readonly Cell: CellRenderer;
  readonly pageKey: string | undefined;
}): ReactNode {
  // Only a new page (another query) starts short: a row leaving or changing on the same page (an
  // action, a refetch) keeps every row, so nothing below it blinks or moves the scroll position.
  const [shown, setShown] = useState({ key: pageKey, limit: pageKey === undefined ? Infinity : FIRST_ROWS });
  let limit = shown.limit;
  if (pageKey !== undefined && pageKey !== shown.key) {
    limit = FIRST_ROWS;
    setShown({ key: pageKey, limit });
  }
  const short = limit < rows.length;
  useEffect(() => {
    if (!short) return;
    // After the frame with the first rows is painted: requestAnimationFrame, then a task.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const rest = () => {
      timer = setTimeout(() => setShown((current) => ({ ...current, limit: Infinity })), 0);
    };
    if (typeof requestAnimationFrame !== "function") {
      rest();
      return () => clearTimeout(timer);
    }
    const frame = requestAnimationFrame(rest);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [short]);
  return (
    <tbody>
      {(short ? rows.slice(0, limit) : rows).map((row) => (
        <tr key={row.id} data-selected={row.getIsSelected() || undefined}>
          {row.getAllCells().map((cell) => (
            <td key={cell.id} data-column={cell.column.id}>
              <Cell cell={cell} />
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
});
