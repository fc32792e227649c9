import type { UserQuery, UserSortField, UserStatus } from "@staffroom/core";
import { useMemo, useState } from "react";
import { useDebounced } from "../../ui/use-debounced";

/** Filters of the directory besides the search. */
export interface DirectoryFilters {
  readonly locationId: string | null;
  readonly roleId: string | null;
  readonly admin: boolean;
  readonly practitioner: boolean;
}

/** The sort of the directory. */
export interface DirectorySort {
  readonly field: UserSortField;
  readonly direction: "asc" | "desc";
}

const NO_FILTERS: DirectoryFilters = { locationId: null, roleId: null, admin: false, practitioner: false };

/**
 * The directory's view state — tab, search (debounced), filters, sort and a stack of cursors — and
 * the queries it implies. Changing anything but the page returns to the first page.
 *
 * @example const state = useDirectoryState({ pageSize: 50, debounceMs: 250, initialStatus: "active" });
 */
export function useDirectoryState(options: {
  pageSize: number;
  debounceMs: number;
  initialStatus: UserStatus;
}) {
  const [status, setStatusRaw] = useState<UserStatus>(options.initialStatus);
  const [searchInput, setSearchInputRaw] = useState("");
  const [filters, setFiltersRaw] = useState<DirectoryFilters>(NO_FILTERS);
  const [sort, setSortRaw] = useState<DirectorySort>({ field: "name", direction: "asc" });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const search = useDebounced(searchInput.trim(), options.debounceMs);
  const [pagedSearch, setPagedSearch] = useState(search);
  if (pagedSearch !== search) {
    setPagedSearch(search);
    setCursors([null]);
  }

  const firstPage = () => setCursors([null]);
  const base = useMemo(
    () => ({
      ...(search ? { search } : {}),
      ...(filters.locationId ? { locationId: filters.locationId } : {}),
      ...(filters.roleId ? { roleId: filters.roleId } : {}),
      ...(filters.admin ? { admin: true } : {}),
      ...(filters.practitioner ? { practitioner: true } : {}),
    }),
    [search, filters],
  );
  const cursor = cursors[cursors.length - 1] ?? null;
  const listQuery: UserQuery = useMemo(
    () => ({ ...base, status, sort: sort.field, direction: sort.direction, limit: options.pageSize, cursor }),
    [base, status, sort, options.pageSize, cursor],
  );
  const filtered = search !== "" || filters !== NO_FILTERS;

  return {
    status,
    setStatus(next: UserStatus) {
      setStatusRaw(next);
      firstPage();
    },
    searchInput,
    setSearchInput: setSearchInputRaw,
    searching: searchInput.trim() !== search,
    filters,
    setFilters(patch: Partial<DirectoryFilters>) {
      setFiltersRaw((f) => ({ ...f, ...patch }));
      firstPage();
    },
    clearFilters() {
      setFiltersRaw(NO_FILTERS);
      setSearchInputRaw("");
      firstPage();
    },
    filtered,
    sort,
    setSort(next: DirectorySort) {
      setSortRaw(next);
      firstPage();
    },
    countQuery: base,
    listQuery,
    pageIndex: cursors.length - 1,
    nextPage(nextCursor: string) {
      setCursors((c) => [...c, nextCursor]);
    },
    previousPage() {
      setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c));
    },
  };
}

/** The directory state object. */
export type DirectoryState = ReturnType<typeof useDirectoryState>;
