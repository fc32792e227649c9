import type { AuditEvent, AuditQuery } from "@staffroom/core";
import { type ReactNode, type Ref, useEffect, useRef } from "react";
import { useAuditEvents } from "../../hooks/reads";
import { useMessages, useStaffroom } from "../../provider/context";
import { Badge } from "../../ui/Badge";
import { Tooltip } from "../../ui/Tooltip";
import { AuditChanges, type AuditNames } from "./AuditChanges";
import { actionLabel, formatLocalTime, humanize } from "./audit-format";

/**
 * The `audit.list` query of one page: the filters, the page size and the cursor (null for the
 * newest page). The trail and its pages build it the same way so they share one cached request.
 *
 * @example pageQuery({ action: "user.disabled" }, 50, null)
 */
export function pageQuery(query: AuditQuery, limit: number, cursor: string | null): AuditQuery {
  return { ...query, limit, cursor };
}

/** Props of {@link AuditRows}. */
export interface AuditRowsProps {
  readonly query: AuditQuery;
  readonly names: AuditNames;
  readonly timeZone: string | undefined;
  /** Moves focus to the first row once it shows (after "Load more"). */
  readonly focusFirst: boolean;
}

/**
 * One page of events as a `<tbody>`: several pages stack in one table as "Load more" goes on.
 *
 * @example <AuditRows query={pageQuery(q, 50, cursor)} names={names} timeZone={undefined} focusFirst={false} />
 */
export function AuditRows({ query, names, timeZone, focusFirst }: AuditRowsProps): ReactNode {
  const page = useAuditEvents(query, { keepPrevious: true });
  const firstRow = useRef<HTMLTableRowElement>(null);
  const loaded = page.data !== undefined;
  useEffect(() => {
    if (focusFirst && loaded) firstRow.current?.focus();
  }, [focusFirst, loaded]);
  if (!page.data) return null;
  return (
    <tbody>
      {page.data.items.map((event, i) => (
        <EventRow
          key={event.id}
          event={event}
          names={names}
          timeZone={timeZone}
          rowRef={i === 0 ? firstRow : undefined}
        />
      ))}
    </tbody>
  );
}

function EventRow({
  event,
  names,
  timeZone,
  rowRef,
}: {
  readonly event: AuditEvent;
  readonly names: AuditNames;
  readonly timeZone: string | undefined;
  readonly rowRef: Ref<HTMLTableRowElement> | undefined;
}): ReactNode {
  const { messages, locale } = useStaffroom();
  const m = messages.audit;
  const actorName = event.actor.userId ? names.users.get(event.actor.userId) : undefined;
  const reason = event.reason ? (m.reasons[event.reason] ?? humanize(event.reason)) : null;
  return (
    <tr ref={rowRef} tabIndex={rowRef ? -1 : undefined} data-outcome={event.outcome}>
      <td className="sr-audit-time">
        <Tooltip tip={m.utc(event.at)}>
          {(describedBy) => (
            // Focusable so the keyboard reaches the UTC time too (APG tooltip: shown on focus and hover).
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the trigger of its tooltip
            <time dateTime={event.at} tabIndex={0} aria-describedby={describedBy}>
              {formatLocalTime(event.at, locale, timeZone)}
            </time>
          )}
        </Tooltip>
        <div className="sr-muted sr-audit-meta">{m.sequence(event.sequence)}</div>
      </td>
      <td>
        {event.actor.erased ? (
          <Erased />
        ) : (
          <>
            <div className="sr-person-name">{actorName ?? event.actor.email ?? m.system}</div>
            {actorName && event.actor.email ? (
              <div className="sr-muted sr-audit-meta">{event.actor.email}</div>
            ) : null}
          </>
        )}
      </td>
      <td>{actionLabel(m, event.action)}</td>
      <td>
        {event.target.erased ? <Erased /> : <div>{event.target.label ?? m.unknownTarget}</div>}
        <div className="sr-muted sr-audit-meta">
          {m.targetTypes[event.target.type] ?? humanize(event.target.type)}
        </div>
      </td>
      <td>
        <Badge tone={event.outcome === "success" ? "success" : "danger"}>{m.outcome[event.outcome]}</Badge>
        {reason ? <div className="sr-muted sr-audit-meta">{reason}</div> : null}
      </td>
      <td>
        <AuditChanges changes={event.changes} names={names} />
      </td>
    </tr>
  );
}

/** A person erased from the organization, in place of their name. */
function Erased(): ReactNode {
  const m = useMessages().audit;
  return (
    <div className="sr-audit-erased" title={m.erasedHint}>
      {m.erased}
    </div>
  );
}

/**
 * The column headers of the trail.
 *
 * @example <AuditHead />
 */
export function AuditHead(): ReactNode {
  const c = useMessages().audit.columns;
  return (
    <thead>
      <tr>
        <th scope="col">{c.time}</th>
        <th scope="col">{c.actor}</th>
        <th scope="col">{c.action}</th>
        <th scope="col">{c.target}</th>
        <th scope="col">{c.outcome}</th>
        <th scope="col">{c.changes}</th>
      </tr>
    </thead>
  );
}
