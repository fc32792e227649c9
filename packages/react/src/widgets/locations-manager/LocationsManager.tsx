import { DirectoryError, type Location } from "@staffroom/core";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useArchiveLocation } from "../../hooks/admin-mutations";
import { useCan } from "../../hooks/permissions";
import { useLocations } from "../../hooks/reads";
import type { Messages } from "../../messages/messages";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { CardHeader } from "../../ui/CardHeader";
import { LoadError } from "../../ui/LoadError";
import { SuccessNotice } from "../../ui/SuccessNotice";
import { ConfirmDialog } from "../confirm-dialog/ConfirmDialog";
import { ScreenGate } from "../no-access/NoAccess";
import { LocationFormDialog } from "./LocationFormDialog";
import { LocationTable } from "./LocationTable";

/** Props of {@link LocationsManager}. */
export interface LocationsManagerProps {
  /**
   * Said instead of the widget when core does not let the actor open it. Default
   * `messages.access.noAccess(…)`: "You don't have access to … — ask an administrator."
   */
  readonly noAccessMessage?: ReactNode;
  readonly className?: string;
}

type Editing = { readonly mode: "create" } | { readonly mode: "edit"; readonly location: Location } | null;

/** Core's `location_in_use` refusal in the widget's words; every other failure unchanged. */
function explainArchive(m: Messages, location: Location, error: unknown): unknown {
  if (!DirectoryError.is(error, "rule") || error.rule !== "location_in_use") return error;
  const users = Number(error.details.users ?? 0);
  return new DirectoryError({
    ...error.toJSON(),
    message: m.locations.confirmArchive.inUse(location.name, users),
  });
}

/**
 * W8 "Settings › Locations": the locations the actor may see (core lists archived ones last; they
 * are marked), add one, rename or regroup it, and archive it after a confirmation — core refuses while
 * it is someone's primary location, and the dialog says how many people to move. Controls follow
 * `can("locations.manage")`; core decides the rest (a location-limited actor may not add locations).
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <LocationsManager />
 * </StaffroomProvider>
 */
function LocationsManagerCard({ className }: LocationsManagerProps): ReactNode {
  const m = useMessages();
  const t = m.locations;
  const id = useId();
  const locations = useLocations();
  const canManage = useCan("locations.manage");
  const archive = useArchiveLocation();
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<Location | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refocus, setRefocus] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const list = locations.data ?? [];
  const archivedCount = list.filter((l) => l.archived).length;
  const groups = [...new Set(list.flatMap((l) => (l.group ? [l.group] : [])))].sort();
  const titleId = `${id}-title`;

  // An archived row loses its Archive button: once the dialog has returned focus, move it to the
  // row's Edit button.
  useEffect(() => {
    if (!refocus || archiving) return;
    const timer = setTimeout(() => {
      table.current?.querySelector<HTMLElement>(`[data-location="${refocus}"] button`)?.focus();
      setRefocus(null);
    }, 0);
    return () => clearTimeout(timer);
  }, [refocus, archiving]);

  return (
    <section className={className ? `sr-card ${className}` : "sr-card"} aria-labelledby={titleId}>
      <CardHeader titleId={titleId} title={t.title} description={t.description}>
        {canManage ? (
          <Button variant="primary" onClick={() => setEditing({ mode: "create" })}>
            {t.createLocation}
          </Button>
        ) : null}
      </CardHeader>
      <SuccessNotice message={notice} dismissLabel={t.dismiss} onDismiss={() => setNotice(null)} />
      {locations.isError ? (
        <LoadError title={t.loadError} error={locations.error} onRetry={() => void locations.refetch()} />
      ) : locations.isLoading ? (
        <p className="sr-empty sr-muted" role="status">
          {t.loading}
        </p>
      ) : list.length === 0 ? (
        <div className="sr-empty" role="status">
          <p className="sr-empty-title">{t.empty}</p>
          <p className="sr-muted">{t.emptyHint}</p>
        </div>
      ) : (
        <LocationTable
          ref={table}
          locations={list}
          labelledBy={titleId}
          manage={canManage}
          onEdit={(location) => setEditing({ mode: "edit", location })}
          onArchive={setArchiving}
        />
      )}
      <footer className="sr-footer">
        <span>{locations.data ? t.count(list.length - archivedCount, archivedCount) : null}</span>
        {locations.data && !canManage ? <span>{t.readOnly}</span> : null}
      </footer>
      {editing ? (
        <LocationFormDialog
          {...editing}
          groups={groups}
          open
          onOpenChange={(open) => !open && setEditing(null)}
          onSaved={(location) =>
            setNotice(editing.mode === "create" ? t.created(location.name) : t.updated(location.name))
          }
        />
      ) : null}
      {archiving ? (
        <ConfirmDialog.Root open onOpenChange={(open) => !open && setArchiving(null)}>
          <ConfirmDialog.Content
            title={t.confirmArchive.title(archiving.name)}
            description={t.confirmArchive.body}
            confirmLabel={t.confirmArchive.confirm}
            onConfirm={async () => {
              try {
                await archive.mutate(archiving);
              } catch (error) {
                throw explainArchive(m, archiving, error);
              }
              setRefocus(archiving.id);
              setNotice(t.archivedDone(archiving.name));
            }}
          />
        </ConfirmDialog.Root>
      ) : null}
    </section>
  );
}

/**
 * W8 "Settings › Locations": the widget above, or — when core does not let the actor open the screen
 * (`canOpenScreen(directory, "locations")`) — the calm {@link NoAccess} state in its place, never a
 * load error.
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <LocationsManager noAccessMessage="Ask your practice manager." />
 * </StaffroomProvider>
 */
export function LocationsManager(props: LocationsManagerProps): ReactNode {
  return (
    <ScreenGate
      screen="locations"
      {...(props.noAccessMessage === undefined ? {} : { message: props.noAccessMessage })}
      {...(props.className === undefined ? {} : { className: props.className })}
    >
      <LocationsManagerCard {...props} />
    </ScreenGate>
  );
}
