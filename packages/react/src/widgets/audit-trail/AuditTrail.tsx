import type { Location, Role, User } from "@staffroom/core";
import { type ReactNode, useId, useMemo, useState } from "react";
import { useVerifyAudit } from "../../hooks/account-hooks";
import { useAuditEvents, useLocations, useOrganization, useRoles, useUsers } from "../../hooks/reads";
import { errorMessage } from "../../messages/error-message";
import { useDirectory, useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { CardHeader } from "../../ui/CardHeader";
import { LoadError } from "../../ui/LoadError";
import { ScreenGate } from "../no-access/NoAccess";
import { DirectoryLoading } from "../user-directory/DirectoryStates";
import type { AuditNames } from "./AuditChanges";
import { AuditNotice, type AuditNoticeValue } from "./AuditNotice";
import { AuditHead, AuditRows, pageQuery } from "./AuditRows";
import { AuditToolbar } from "./AuditToolbar";
import { allAuditEvents, auditCsv, downloadText } from "./audit-csv";
import { type AuditFilters, localDay, slug, toAuditQuery } from "./audit-format";

/** A finished CSV export, as {@link AuditTrailProps.onExported} receives it. */
export interface AuditExport {
  readonly fileName: string;
  /** The CSV text (RFC 4180, CRLF line ends, without the byte-order mark the download adds). */
  readonly csv: string;
  readonly count: number;
}

/** Props of {@link AuditTrail}. */
export interface AuditTrailProps {
  /**
   * Said instead of the widget when core does not let the actor open it. Default
   * `messages.access.noAccess(…)`: "You don't have access to … — ask an administrator."
   */
  readonly noAccessMessage?: ReactNode;
  /** Events per page (1–500). Default 50. */
  readonly pageSize?: number;
  /** Filters applied first. */
  readonly initialFilters?: AuditFilters;
  /** IANA time zone of the times shown. Default: the viewer's. UTC always shows in the tooltip. */
  readonly timeZone?: string;
  /** Called after a CSV export was offered for download. */
  readonly onExported?: (file: AuditExport) => void;
  readonly className?: string;
}

const NO_USERS: readonly User[] = [];
const NO_ROLES: readonly Role[] = [];
const NO_LOCATIONS: readonly Location[] = [];
const PEOPLE = { limit: 200, sort: "name" } as const;

/**
 * W14 audit trail: events newest first with time (viewer's locale, UTC on hover), actor, action in
 * plain words, target, outcome and the before → after of privilege fields; filters by day range,
 * actor, target and action; "Load more" by cursor; CSV export of every filtered event; and
 * "Verify integrity" over `audit.verify()` (R18). Only org-wide readers with `audit.view` see it;
 * everyone else gets the widget's no-access state (see {@link AuditTrail}).
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <AuditTrail pageSize={50} onExported={({ fileName }) => log(fileName)} />
 * </StaffroomProvider>
 */
function AuditTrailCard(props: AuditTrailProps): ReactNode {
  const { pageSize = 50, initialFilters = {}, timeZone, onExported, className } = props;
  const m = useMessages();
  const t = m.audit;
  const directory = useDirectory();
  const titleId = useId();
  const [filters, setFiltersState] = useState<AuditFilters>(initialFilters);
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const [focusPage, setFocusPage] = useState<number | null>(null);
  const [notice, setNotice] = useState<AuditNoticeValue | null>(null);
  const [exporting, setExporting] = useState(false);
  const query = useMemo(() => toAuditQuery(filters), [filters]);
  const first = useAuditEvents(pageQuery(query, pageSize, null), { keepPrevious: true });
  const last = useAuditEvents(pageQuery(query, pageSize, cursors.at(-1) ?? null));
  const verify = useVerifyAudit();
  const active = useUsers({ status: "active", ...PEOPLE });
  const disabled = useUsers({ status: "disabled", ...PEOPLE });
  const roles = useRoles();
  const locations = useLocations();
  const organization = useOrganization();

  const users = useMemo(
    () =>
      [...(active.data?.items ?? NO_USERS), ...(disabled.data?.items ?? NO_USERS)].sort((a, b) =>
        a.displayName.localeCompare(b.displayName),
      ),
    [active.data, disabled.data],
  );
  const names = useMemo<AuditNames>(
    () => ({
      users: new Map(users.map((u) => [u.id, u.displayName])),
      roles: new Map((roles.data ?? NO_ROLES).map((r) => [r.id, r.name])),
      locations: new Map((locations.data ?? NO_LOCATIONS).map((l) => [l.id, l.name])),
    }),
    [users, roles.data, locations.data],
  );

  const setFilters = (next: AuditFilters) => {
    setFiltersState(next);
    setCursors([null]);
    setFocusPage(null);
  };
  const loadMore = () => {
    const next = last.data?.nextCursor;
    if (!next) return;
    setFocusPage(cursors.length);
    setCursors([...cursors, next]);
  };
  const runVerify = async () => {
    setNotice(null);
    try {
      setNotice({ kind: "verified", result: await verify.mutate(undefined) });
    } catch (error) {
      setNotice({ kind: "error", title: t.verifyError, text: errorMessage(m, error) });
    }
  };
  const runExport = async () => {
    setNotice(null);
    setExporting(true);
    try {
      const events = await allAuditEvents(directory, query);
      const csv = auditCsv(events, t);
      const fileName = t.fileName(slug(organization.data?.name ?? ""), localDay());
      downloadText(fileName, csv, "text/csv");
      setNotice({ kind: "exported", count: events.length, fileName });
      onExported?.({ fileName, csv, count: events.length });
    } catch (error) {
      setNotice({ kind: "error", title: t.exportError, text: errorMessage(m, error) });
    } finally {
      setExporting(false);
    }
  };

  const total = first.data?.total ?? 0;
  const shown = (cursors.length - 1) * pageSize + (last.data?.items.length ?? 0);
  const filtered = Object.keys(filters).length > 0;
  const loadingMore = cursors.length > 1 && last.isLoading;
  const hasEvents = (first.data?.items.length ?? 0) > 0;
  return (
    <section
      className={className ? `sr-card sr-audit ${className}` : "sr-card sr-audit"}
      aria-labelledby={titleId}
    >
      <CardHeader titleId={titleId} title={t.title} description={t.description}>
        <div className="sr-row">
          <Button onClick={() => void runVerify()} busy={verify.isPending}>
            {t.verify}
          </Button>
          <Button onClick={() => void runExport()} busy={exporting} disabled={!hasEvents}>
            {t.export}
          </Button>
        </div>
      </CardHeader>
      <AuditToolbar
        filters={filters}
        onChange={setFilters}
        users={users}
        roles={roles.data ?? NO_ROLES}
        locations={locations.data ?? NO_LOCATIONS}
        organization={organization.data}
      />
      {notice ? (
        <div className="sr-audit-notice">
          <AuditNotice notice={notice} onDismiss={() => setNotice(null)} />
        </div>
      ) : null}
      {first.isError ? (
        <LoadError
          title={t.loadError}
          error={first.error}
          onRetry={() => void first.refetch()}
          className="sr-audit-notice"
        />
      ) : first.isLoading ? (
        <DirectoryLoading />
      ) : !hasEvents ? (
        <div className="sr-empty sr-table-wrap" role="status">
          <p className="sr-empty-title">{filtered ? t.emptyFiltered : t.empty}</p>
          {filtered ? <p className="sr-muted">{t.emptyHint}</p> : null}
        </div>
      ) : (
        <div className="sr-table-wrap">
          <table className="sr-table sr-audit-table" aria-label={t.tableLabel} aria-busy={first.isPrevious}>
            <AuditHead />
            {cursors.map((cursor, i) => (
              <AuditRows
                // biome-ignore lint/suspicious/noArrayIndexKey: a page keeps its place while its filters change
                key={i}
                query={pageQuery(query, pageSize, cursor)}
                names={names}
                timeZone={timeZone}
                focusFirst={focusPage === i}
              />
            ))}
          </table>
        </div>
      )}
      <div className="sr-footer">
        <span aria-live="polite">{first.data ? t.count(Math.min(shown, total), total) : t.loading}</span>
        {last.data?.nextCursor || loadingMore ? (
          <Button size="sm" onClick={loadMore} busy={loadingMore}>
            {t.loadMore}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/**
 * W14 "Settings › Audit": the widget above, or — when core does not let the actor open the screen
 * (`canOpenScreen(directory, "audit")`) — the calm {@link NoAccess} state in its place, never a
 * load error.
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <AuditTrail noAccessMessage="Ask your practice manager." />
 * </StaffroomProvider>
 */
export function AuditTrail(props: AuditTrailProps): ReactNode {
  return (
    <ScreenGate
      screen="audit"
      {...(props.noAccessMessage === undefined ? {} : { message: props.noAccessMessage })}
      {...(props.className === undefined ? {} : { className: props.className })}
    >
      <AuditTrailCard {...props} />
    </ScreenGate>
  );
}
