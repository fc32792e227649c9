import type { UserStatus } from "@staffroom/core";
import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import { LoadError } from "../../ui/LoadError";

/**
 * Skeleton rows while the first page loads.
 *
 * @example <DirectoryLoading />
 */
export function DirectoryLoading(): ReactNode {
  const m = useMessages();
  return (
    <div className="sr-table-wrap" aria-busy="true">
      <span className="sr-visually-hidden" role="status">
        {m.common.loading}
      </span>
      <div className="sr-stack" style={{ padding: 24 }} aria-hidden="true">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className="sr-row" style={{ gap: 16 }}>
            <span className="sr-skeleton" style={{ width: 34, height: 34, borderRadius: 999 }} />
            <span className="sr-skeleton" style={{ width: `${30 + ((i * 17) % 25)}%` }} />
            <span className="sr-skeleton" style={{ width: "20%" }} />
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * The empty state of a tab, or of a search that matched nothing.
 *
 * @example <DirectoryEmpty status="pending" filtered={false} />
 */
export function DirectoryEmpty({
  status,
  filtered,
}: {
  readonly status: UserStatus;
  readonly filtered: boolean;
}): ReactNode {
  const m = useMessages().directory;
  return (
    <div className="sr-empty sr-table-wrap" role="status">
      <p className="sr-empty-title">{filtered ? m.emptyFiltered : m.empty[status]}</p>
      {filtered ? <p className="sr-muted">{m.emptyHint}</p> : null}
    </div>
  );
}

/**
 * The directory's load-error state: core's message and a retry. (Named for what it shows; core's
 * `DirectoryError` is the error class it may show.)
 *
 * @example <DirectoryLoadError error={error} onRetry={refetch} />
 */
export function DirectoryLoadError({
  error,
  onRetry,
}: {
  readonly error: unknown;
  readonly onRetry: () => void;
}): ReactNode {
  const m = useMessages();
  return <LoadError title={m.directory.loadError} error={error} onRetry={onRetry} />;
}
