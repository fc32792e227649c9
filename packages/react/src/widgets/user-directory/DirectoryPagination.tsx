import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { usePartContext } from "./directory-context";

/**
 * Brings the top of the directory's panel into view when it has scrolled above the window (below
 * whatever the host keeps on top: the panel's `scroll-margin-top`), so a new page is read from its
 * first row, not from the bottom where the pager is.
 */
function toPanelTop(panel: HTMLElement | null): void {
  if (!panel) return;
  const margin = Number.parseFloat(getComputedStyle(panel).scrollMarginTop) || 0;
  if (panel.getBoundingClientRect().top < margin) panel.scrollIntoView({ block: "start" });
}

/**
 * `UserDirectory.Pagination`: "1–50 of 8,512" (announced politely) and the previous and next page
 * buttons over core's cursors. Paging clears the selection and brings the table's top into view (a
 * host with a sticky header sets `scroll-margin-top` on `.sr-directory-panel` to keep it clear).
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
        <Button
          size="sm"
          disabled={api.pageIndex === 0}
          onClick={() => {
            toPanelTop(api.panelRef.current);
            api.previousPage();
          }}
        >
          {m.directory.previousPage}
        </Button>
        <Button
          size="sm"
          disabled={!data?.nextCursor || api.list.isPrevious}
          onClick={() => {
            if (!data?.nextCursor) return;
            toPanelTop(api.panelRef.current);
            api.nextPage(data.nextCursor);
          }}
        >
          {m.directory.nextPage}
        </Button>
      </span>
    </nav>
  );
}
