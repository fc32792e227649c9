import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { usePartContext } from "./directory-context";

/**
 * `UserDirectory.Pagination`: "1–50 of 8,512" (announced politely) and the previous and next page
 * buttons over core's cursors. Paging clears the selection.
 *
 * @example <UserDirectory.Pagination />
 */
export function DirectoryPagination(): ReactNode {
  const { api } = usePartContext("Pagination");
  const m = useMessages();
  const data = api.list.data;
  const shown = api.users.length;
  const pageSize = api.listQuery.limit ?? shown;
  const from = shown ? api.pageIndex * pageSize + 1 : 0;
  const to = from + shown - (shown ? 1 : 0);
  return (
    <nav className="sr-footer" aria-label={m.directory.pagination}>
      <span aria-live="polite">{data ? m.directory.range(from, to, data.total) : m.common.loading}</span>
      <span className="sr-row">
        <Button size="sm" disabled={api.pageIndex === 0} onClick={api.previousPage}>
          {m.directory.previousPage}
        </Button>
        <Button
          size="sm"
          disabled={!data?.nextCursor || api.list.isPrevious}
          onClick={() => {
            if (data?.nextCursor) api.nextPage(data.nextCursor);
          }}
        >
          {m.directory.nextPage}
        </Button>
      </span>
    </nav>
  );
}
