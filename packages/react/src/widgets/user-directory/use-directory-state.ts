import type { CredentialFilter, UserQuery, UserSortField, UserStatus } from "@staffroom/core";
import { useEffect, useMemo, useState } from "react";
import { hashKey } from "../../query/query-key";
import { useControllable } from "../../ui/use-controllable";
import { useDebounced } from "../../ui/use-debounced";

/**
 * The directory's filters besides the search. Default {@link NO_FILTERS}: every location and role,
 * administrators and providers alike.
 *
 * @example const filters: UserDirectoryFilters = { locationId: "loc_…", roleId: null, admin: false, practitioner: true };
 */
export interface UserDirectoryFilters {
  readonly locationId: string | null;
  readonly roleId: string | null;
  readonly admin: boolean;
  readonly practitioner: boolean;
  /**
   * Only providers whose earliest credential expires within 30 days (`expiring`) or has expired
   * (`expired`), on the directory clock's date. Absent or null: no credential filter.
   */
  readonly credentials?: CredentialFilter | null;
}

/**
 * The directory's sort (server-side). Default `{ field: "name", direction: "asc" }`.
 *
 * @example const sort: UserDirectorySort = { field: "lastSignInAt", direction: "desc" };
 */
export interface UserDirectorySort {
  readonly field: UserSortField;
  readonly direction: "asc" | "desc";
}

/**
 * The selected rows, by user id (`true` = selected). Default `{}`. Only rows of the page shown take
 * part in a bulk action.
 *
 * @example const selection: UserDirectorySelection = { usr_1: true, usr_2: true };
 */
export type UserDirectorySelection = Readonly<Record<string, boolean>>;

/**
 * Where the directory is in its cursor paging: the cursors of the pages after the first that led to
 * the page shown, oldest first. Default `[]` (the first page); its length is the page index.
 *
 * @example const page: UserDirectoryPage = [firstPage.nextCursor];
 */
export type UserDirectoryPage = readonly string[];

/**
 * No filter: every location and role, administrators and providers alike.
 *
 * @example <UserDirectory.Root defaultFilters={{ ...NO_DIRECTORY_FILTERS, practitioner: true }}>
 */
export const NO_FILTERS: UserDirectoryFilters = {
  locationId: null,
  roleId: null,
  admin: false,
  practitioner: false,
  credentials: null,
};
const DEFAULT_SORT: UserDirectorySort = { field: "name", direction: "asc" };
const NO_SELECTION: UserDirectorySelection = {};
const FIRST_PAGE: UserDirectoryPage = [];

/**
 * The view state of a {@link useUserDirectory}: each piece controlled by the host (`status` +
 * `onStatusChange`, …) or left to the directory (`defaultStatus`, …), as Radix primitives do.
 *
 * @example <UserDirectory.Root search={query} onSearchChange={setQuery} defaultSort={{ field: "createdAt", direction: "desc" }}>
 */
export interface UserDirectoryStateOptions {
  /** Users per page (1–200). Default 50. */
  readonly pageSize?: number;
  /** Debounce of the server-side search, in ms. Default 250. */
  readonly searchDebounceMs?: number;
  /** The tab shown (controlled). */
  readonly status?: UserStatus;
  /** The tab shown first (uncontrolled). Default `active`. */
  readonly defaultStatus?: UserStatus;
  readonly onStatusChange?: (status: UserStatus) => void;
  /** The search box's text (controlled); the directory debounces it. */
  readonly search?: string;
  /** The first search text (uncontrolled). Default `""`. */
  readonly defaultSearch?: string;
  readonly onSearchChange?: (search: string) => void;
  /** The filters (controlled). */
  readonly filters?: UserDirectoryFilters;
  /** The first filters (uncontrolled). Default {@link NO_FILTERS}. */
  readonly defaultFilters?: UserDirectoryFilters;
  readonly onFiltersChange?: (filters: UserDirectoryFilters) => void;
  /** The sort (controlled). */
  readonly sort?: UserDirectorySort;
  /** The first sort (uncontrolled). Default by name, ascending. */
  readonly defaultSort?: UserDirectorySort;
  readonly onSortChange?: (sort: UserDirectorySort) => void;
  /** The selected rows (controlled). */
  readonly selection?: UserDirectorySelection;
  /** The first selection (uncontrolled). Default none. */
  readonly defaultSelection?: UserDirectorySelection;
  readonly onSelectionChange?: (selection: UserDirectorySelection) => void;
  /** The page (controlled): the cursors that led to it. */
  readonly page?: UserDirectoryPage;
  /** The first page (uncontrolled). Default `[]`, the first page. */
  readonly defaultPage?: UserDirectoryPage;
  readonly onPageChange?: (page: UserDirectoryPage) => void;
}

/**
 * The view state and the queries it implies; see {@link useDirectoryState}.
 *
 * @example const { status, setStatus, listQuery } = useUserDirectoryContext();
 */
export interface UserDirectoryViewState {
  readonly status: UserStatus;
  /** Another tab: back to the first page, nothing selected. */
  setStatus(status: UserStatus): void;
  /** The search box's text, as typed. */
  readonly searchInput: string;
  /** Types into the search: back to the first page. */
  setSearchInput(search: string): void;
  /** True while the typed text has not reached the query yet (debounce). */
  readonly searching: boolean;
  readonly filters: UserDirectoryFilters;
  /** Changes some filters: back to the first page. */
  setFilters(patch: Partial<UserDirectoryFilters>): void;
  /** Clears the search and every filter: back to the first page. */
  clearFilters(): void;
  /** A search or a filter narrows the list. */
  readonly filtered: boolean;
  readonly sort: UserDirectorySort;
  /** Another sort: back to the first page, nothing selected. */
  setSort(sort: UserDirectorySort): void;
  readonly selection: UserDirectorySelection;
  setSelection(selection: UserDirectorySelection): void;
  readonly page: UserDirectoryPage;
  /** 0 for the first page. */
  readonly pageIndex: number;
  /** The page after this one (its cursor from the current page): nothing selected. */
  nextPage(cursor: string): void;
  /** The page before: nothing selected. */
  previousPage(): void;
  /** The query of the page shown. */
  readonly listQuery: UserQuery;
  /** The query of the tab counts (search and filters, no status). */
  readonly countQuery: Omit<UserQuery, "status" | "sort" | "direction" | "limit" | "cursor">;
}

/**
 * The directory's view state — tab, search (debounced), filters, sort, selection and cursor page —
 * each controlled or uncontrolled, and the queries it implies. Changing the tab, search, filters or
 * sort returns to the first page (also when the host changes them: a cursor belongs to one query);
 * changing the tab, sort or page clears the selection.
 *
 * @example const state = useDirectoryState({ pageSize: 50, defaultStatus: "pending" });
 */
export function useDirectoryState(options: UserDirectoryStateOptions): UserDirectoryViewState {
  const pageSize = options.pageSize ?? 50;
  const [status, setStatusRaw] = useControllable({
    value: options.status,
    defaultValue: options.defaultStatus ?? "active",
    onChange: options.onStatusChange,
  });
  const [searchInput, setSearchRaw] = useControllable({
    value: options.search,
    defaultValue: options.defaultSearch ?? "",
    onChange: options.onSearchChange,
  });
  const [filters, setFiltersRaw] = useControllable({
    value: options.filters,
    defaultValue: options.defaultFilters ?? NO_FILTERS,
    onChange: options.onFiltersChange,
  });
  const [sort, setSortRaw] = useControllable({
    value: options.sort,
    defaultValue: options.defaultSort ?? DEFAULT_SORT,
    onChange: options.onSortChange,
  });
  const [selection, setSelection] = useControllable({
    value: options.selection,
    defaultValue: options.defaultSelection ?? NO_SELECTION,
    onChange: options.onSelectionChange,
  });
  const [page, setPage] = useControllable({
    value: options.page,
    defaultValue: options.defaultPage ?? FIRST_PAGE,
    onChange: options.onPageChange,
  });
  const search = useDebounced(searchInput.trim(), options.searchDebounceMs ?? 250);

  const firstPage = () => setPage(FIRST_PAGE);
  const clearSelection = () => setSelection(NO_SELECTION);
  const countQuery = useMemo(
    () => ({
      ...(search ? { search } : {}),
      ...(filters.locationId ? { locationId: filters.locationId } : {}),
      ...(filters.roleId ? { roleId: filters.roleId } : {}),
      ...(filters.admin ? { admin: true } : {}),
      ...(filters.practitioner ? { practitioner: true } : {}),
      ...(filters.credentials ? { credentials: filters.credentials } : {}),
    }),
    [search, filters],
  );
  // A page is a cursor into one query (tab, search, filters, sort). The setters below return to the
  // first page with every change of those, but a host controlling them — or the debounced search
  // settling — changes them without the page: a cursor of another query must then not be read.
  const base = hashKey([countQuery, status, sort]);
  const pageKey = page.join("\n");
  const [anchor, setAnchor] = useState({ base, pageKey });
  if (pageKey !== anchor.pageKey) {
    // The page moved (next, previous, or the host set it): it belongs to the query of this render.
    setAnchor({ base, pageKey });
  }
  const stalePage = page.length > 0 && pageKey === anchor.pageKey && base !== anchor.base;
  useEffect(() => {
    // Tell the page's owner (the host, when it controls the page) that the directory went back to
    // the first page.
    if (stalePage) setPage(FIRST_PAGE);
  }, [stalePage, setPage]);
  const shownPage = stalePage ? FIRST_PAGE : page;
  const cursor = shownPage[shownPage.length - 1] ?? null;
  const listQuery: UserQuery = useMemo(
    () => ({ ...countQuery, status, sort: sort.field, direction: sort.direction, limit: pageSize, cursor }),
    [countQuery, status, sort, pageSize, cursor],
  );
  const filtered =
    search !== "" ||
    filters.locationId !== null ||
    filters.roleId !== null ||
    filters.admin ||
    filters.practitioner ||
    !!filters.credentials;

  return {
    status,
    setStatus(next) {
      setStatusRaw(next);
      firstPage();
      clearSelection();
    },
    searchInput,
    // The page follows once the debounced search reaches the query (see `stalePage`).
    setSearchInput: setSearchRaw,
    searching: searchInput.trim() !== search,
    filters,
    setFilters(patch) {
      setFiltersRaw((f) => ({ ...f, ...patch }));
      firstPage();
    },
    clearFilters() {
      setFiltersRaw(NO_FILTERS);
      setSearchRaw("");
      firstPage();
    },
    filtered,
    sort,
    setSort(next) {
      setSortRaw(next);
      firstPage();
      clearSelection();
    },
    selection,
    setSelection,
    page: shownPage,
    pageIndex: shownPage.length,
    nextPage(next) {
      setPage((p) => [...p, next]);
      clearSelection();
    },
    previousPage() {
      setPage((p) => (p.length > 0 ? p.slice(0, -1) : p));
      clearSelection();
    },
    listQuery,
    countQuery,
  };
}
