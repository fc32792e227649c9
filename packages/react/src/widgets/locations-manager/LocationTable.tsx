import type { Location } from "@staffroom/core";
import type { ReactNode, Ref } from "react";
import { useMessages } from "../../provider/context";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";

/** Props of {@link LocationTable}. */
export interface LocationTableProps {
  /** In core's order: active first, archived last. */
  readonly locations: readonly Location[];
  readonly labelledBy: string;
  /** Show edit and archive (the actor may manage locations). */
  readonly manage: boolean;
  readonly onEdit: (location: Location) => void;
  readonly onArchive: (location: Location) => void;
  readonly ref?: Ref<HTMLTableElement>;
}

/**
 * Locations as a table: name, group, status (archived rows are marked and muted) and, for managers,
 * edit and archive buttons named after the location.
 *
 * @example <LocationTable locations={list} labelledBy={titleId} manage onEdit={edit} onArchive={archive} />
 */
export function LocationTable({
  locations,
  labelledBy,
  manage,
  onEdit,
  onArchive,
  ref,
}: LocationTableProps): ReactNode {
  const t = useMessages().locations;
  return (
    <div className="sr-table-wrap">
      <table className="sr-table" aria-labelledby={labelledBy} ref={ref}>
        <thead>
          <tr>
            <th scope="col">{t.columns.name}</th>
            <th scope="col">{t.columns.group}</th>
            <th scope="col">{t.columns.status}</th>
            {manage ? (
              <th scope="col" className="sr-locations-actions-head">
                {t.columns.actions}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {locations.map((location) => (
            <tr key={location.id} data-location={location.id} data-archived={location.archived || undefined}>
              <th scope="row" className="sr-locations-name">
                {location.name}
              </th>
              <td>{location.group ?? <span className="sr-muted">{t.noGroup}</span>}</td>
              <td>
                {location.archived ? <Badge>{t.archived}</Badge> : <Badge tone="success">{t.active}</Badge>}
              </td>
              {manage ? (
                <td className="sr-locations-actions">
                  <Button size="sm" aria-label={t.editLabel(location.name)} onClick={() => onEdit(location)}>
                    {t.edit}
                  </Button>
                  {location.archived ? null : (
                    <Button
                      size="sm"
                      variant="ghost"
                      className="sr-danger-text"
                      aria-label={t.archiveLabel(location.name)}
                      onClick={() => onArchive(location)}
                    >
                      {t.archive}
                    </Button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
