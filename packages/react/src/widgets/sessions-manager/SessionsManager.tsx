import type { SessionSummary } from "@staffroom/core";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useEndSession, useSessions } from "../../hooks/session-hooks";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { CardHeader } from "../../ui/CardHeader";
import { LoadError } from "../../ui/LoadError";
import { SuccessNotice } from "../../ui/SuccessNotice";
import { ConfirmDialog } from "../confirm-dialog/ConfirmDialog";
import { ScreenGate } from "../no-access/NoAccess";
import { nextEndButton, SessionTable } from "./SessionTable";

/** Props of {@link SessionsManager}. */
export interface SessionsManagerProps {
  /** Sessions per page (core allows 1–200). Default 50. */
  readonly pageSize?: number;
  /**
   * Said instead of the widget when core does not let the actor open it. Default
   * `messages.access.noAccess(…)`: "You don't have access to Sessions — ask an administrator."
   */
  readonly noAccessMessage?: ReactNode;
  readonly className?: string;
}

/** After a session ended and its confirmation closed: the row whose End button takes focus, or the title. */
type Refocus = { readonly row: string | null } | null;

/**
 * The Sessions card: who is signed in to the organization (core's `sessions.list`), from which
 * browser, system and network, since when and last active, newest sign-in first, paged; and End
 * session after a confirmation where core's `end` verdict allows it — elsewhere disabled, with
 * core's reason (your own session: sign out instead).
 */
function SessionsManagerCard({ pageSize = 50, className }: SessionsManagerProps): ReactNode {
  const m = useMessages();
  const t = m.sessions;
  const id = useId();
  const titleId = `${id}-title`;
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const sessions = useSessions({ limit: pageSize, cursor }, { keepPrevious: true });
  const end = useEndSession();
  const [ending, setEnding] = useState<SessionSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refocus, setRefocus] = useState<Refocus>(null);
  const table = useRef<HTMLTableElement>(null);
  // Whether the confirmation closed because the session ended (else it was cancelled).
  const ended = useRef(false);
  const title = useRef<HTMLDivElement>(null);
  const page = sessions.data;
  const items = page?.items ?? [];
  const from = items.length ? (cursors.length - 1) * pageSize + 1 : 0;

  // The ended row has left the table: once the dialog has put focus back, move it to the next row's
  // End session, or to the card when no row offers one.
  useEffect(() => {
    if (!refocus || ending) return;
    const timer = setTimeout(() => {
      const row = refocus.row
        ? table.current?.querySelector<HTMLElement>(
            `tr[data-session="${refocus.row}"] button:not([aria-disabled])`,
          )
        : null;
      (row ?? title.current)?.focus();
      setRefocus(null);
    }, 0);
    return () => clearTimeout(timer);
  }, [refocus, ending]);

  let body: ReactNode;
  if (sessions.isLoading && !page) {
    body = (
      <p className="sr-empty sr-muted" role="status">
        {t.loading}
      </p>
    );
  } else if (sessions.isError) {
    body = <LoadError title={t.loadError} error={sessions.error} onRetry={() => void sessions.refetch()} />;
  } else if (items.length === 0) {
    body = (
      <div className="sr-empty" role="status">
        <p className="sr-empty-title">{t.empty}</p>
        <p className="sr-muted">{t.emptyHint}</p>
      </div>
    );
  } else {
    body = <SessionTable ref={table} sessions={items} labelledBy={titleId} onEnd={setEnding} />;
  }

  return (
    <section className={className ? `sr-card ${className}` : "sr-card"} aria-labelledby={titleId}>
      <div ref={title} tabIndex={-1} className="sr-focus-target">
        <CardHeader titleId={titleId} title={t.title} description={t.description}>
          <Button onClick={() => void sessions.refetch()} aria-busy={sessions.isFetching || undefined}>
            {t.refresh}
          </Button>
        </CardHeader>
      </div>
      <SuccessNotice message={notice} dismissLabel={t.dismiss} onDismiss={() => setNotice(null)} />
      {body}
      {page && (page.total > 0 || cursors.length > 1) ? (
        <nav className="sr-footer" aria-label={t.pagination}>
          <span aria-live="polite">
            {t.range(from, from + items.length - (items.length ? 1 : 0), page.total)}
          </span>
          <span className="sr-row">
            <Button
              size="sm"
              disabled={cursors.length === 1}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              {t.previousPage}
            </Button>
            <Button
              size="sm"
              disabled={!page.nextCursor || sessions.isPrevious}
              onClick={() => {
                const next = page.nextCursor;
                if (next) setCursors((c) => [...c, next]);
              }}
            >
              {t.nextPage}
            </Button>
          </span>
        </nav>
      ) : null}
      {ending ? (
        <ConfirmDialog.Root
          open
          onOpenChange={(open) => {
            if (open) return;
            // Cancelled: back to the row's End session (no trigger opened the dialog).
            if (!ended.current) setRefocus({ row: ending.id });
            ended.current = false;
            setEnding(null);
          }}
        >
          <ConfirmDialog.Content
            title={t.confirmTitle(ending.displayName)}
            description={t.confirmBody(ending.displayName, t.client(ending.client))}
            confirmLabel={t.confirm}
            onConfirm={async () => {
              const next = nextEndButton(table.current, ending.id)?.closest("tr")?.dataset.session ?? null;
              await end.mutate(ending);
              ended.current = true;
              setRefocus({ row: next });
              setNotice(t.ended(ending.displayName));
            }}
          />
        </ConfirmDialog.Root>
      ) : null}
    </section>
  );
}

/**
 * W13 "Settings › Sessions": the card above, or — when core does not let the actor open the screen
 * (`canOpenScreen(directory, "sessions")`: `users.manage`) — the calm {@link NoAccess} state in its
 * place, never a load error.
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <SessionsManager pageSize={25} />
 * </StaffroomProvider>
 */
export function SessionsManager(props: SessionsManagerProps): ReactNode {
  return (
    <ScreenGate
      screen="sessions"
      {...(props.noAccessMessage === undefined ? {} : { message: props.noAccessMessage })}
      {...(props.className === undefined ? {} : { className: props.className })}
    >
      <SessionsManagerCard {...props} />
    </ScreenGate>
  );
}
