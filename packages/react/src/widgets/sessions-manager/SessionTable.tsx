import type { SessionSummary } from "@staffroom/core";
import { type ReactNode, type Ref, useId } from "react";
import { refusalMessage } from "../../messages/error-message";
import { useStaffroom } from "../../provider/context";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { formatDateTime } from "../../ui/format";

/** Props of {@link SessionTable}. */
export interface SessionTableProps {
  /** In core's order: newest sign-in first. */
  readonly sessions: readonly SessionSummary[];
  readonly labelledBy: string;
  readonly onEnd: (session: SessionSummary) => void;
  readonly ref?: Ref<HTMLTableElement>;
}

/**
 * Live sessions as a table: the person (your own rows marked "You"), the browser, system and network
 * core reports, when they signed in, when they were last active and when the session ends, and End
 * session as core's `end` verdict says: allowed, or disabled with core's reason beside it (your own
 * session: sign out instead; someone outside your locations, holding more, or the main contact).
 *
 * @example <SessionTable sessions={page.items} labelledBy={titleId} onEnd={confirmEnd} />
 */
export function SessionTable({ sessions, labelledBy, onEnd, ref }: SessionTableProps): ReactNode {
  const { messages, locale } = useStaffroom();
  const t = messages.sessions;
  const id = useId();
  const time = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, locale)}</time>;
  return (
    <div className="sr-table-wrap">
      <table className="sr-table sr-sessions-table" aria-labelledby={labelledBy} ref={ref}>
        <thead>
          <tr>
            <th scope="col">{t.columns.person}</th>
            <th scope="col">{t.columns.from}</th>
            <th scope="col">{t.columns.since}</th>
            <th scope="col">{t.columns.lastActive}</th>
            <th scope="col">{t.columns.ends}</th>
            <th scope="col" className="sr-sessions-actions-head">
              {t.columns.actions}
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} data-session={session.id} data-self={session.self || undefined}>
              <th scope="row" className="sr-sessions-person">
                <span className="sr-sessions-name">
                  {session.displayName}
                  {session.self ? <Badge tone="accent">{t.you}</Badge> : null}
                </span>
                <span className="sr-muted">{session.email}</span>
              </th>
              <td>
                <span className="sr-sessions-client">{t.client(session.client)}</span>
                <span className="sr-muted">{t.network(session.network)}</span>
              </td>
              <td className="sr-nowrap">{time(session.createdAt)}</td>
              <td className="sr-nowrap">{time(session.lastSeenAt)}</td>
              <td className="sr-sessions-ends">
                {t.ends(
                  formatDateTime(session.idleExpiresAt, locale),
                  formatDateTime(session.expiresAt, locale),
                )}
              </td>
              <td className="sr-sessions-actions">
                <EndButton
                  session={session}
                  reason={refusalMessage(messages, session.end)}
                  reasonId={`${id}-${session.id}-reason`}
                  onEnd={onEnd}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A row's End session: a button where core allows it; where core refuses, still focusable
 * (aria-disabled, so keyboard users reach it and hear why) with core's reason beside it.
 */
function EndButton({
  session,
  reason,
  reasonId,
  onEnd,
}: {
  readonly session: SessionSummary;
  readonly reason: string | null;
  readonly reasonId: string;
  readonly onEnd: (session: SessionSummary) => void;
}): ReactNode {
  const t = useStaffroom().messages.sessions;
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className="sr-danger-text"
        aria-label={t.endLabel(session.displayName)}
        aria-disabled={reason !== null || undefined}
        aria-describedby={reason !== null ? reasonId : undefined}
        onClick={reason === null ? () => onEnd(session) : undefined}
      >
        {t.end}
      </Button>
      {reason !== null ? (
        <span className="sr-hint sr-sessions-reason" id={reasonId}>
          {reason}
        </span>
      ) : null}
    </>
  );
}

/**
 * Where focus goes after a row leaves: the next row's End session core allows, else the previous
 * row's, else null.
 */
export function nextEndButton(table: HTMLTableElement | null, endedId: string): HTMLElement | null {
  if (!table) return null;
  const rows = [...table.querySelectorAll<HTMLTableRowElement>("tbody tr[data-session]")];
  const at = rows.findIndex((r) => r.dataset.session === endedId);
  const after = at < 0 ? rows : [...rows.slice(at + 1), ...rows.slice(0, at).reverse()];
  for (const row of after) {
    const button = row.querySelector<HTMLElement>("button:not([aria-disabled])");
    if (button && row.dataset.session !== endedId) return button;
  }
  return null;
}
