import type { User } from "@staffroom/core";
import { FlexRender, type Header, type Row } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import type { directoryFeatures } from "./columns";

/** A row of the directory's table, as the cards draw it. */
export type DirectoryRow = Row<typeof directoryFeatures, User>;
/** A column header of the directory's table. */
export type DirectoryColumnHeader = Header<typeof directoryFeatures, User, unknown>;

/** The columns a card draws in its head; every other column becomes one of its facts. */
const HEAD: ReadonlySet<string> = new Set(["select", "name", "actions"]);

/** Props of {@link UserCards}. */
export interface UserCardsProps {
  readonly id: string;
  /** The id of the element naming the list, or null to name it with `label`. */
  readonly labelledBy: string | null;
  readonly label: string;
  readonly busy: boolean;
  /** The table's rows (its row model): each card draws the same cells the table would. */
  readonly rows: readonly DirectoryRow[];
  /** The table's column headers, which name each fact ("Email", "Role", …). */
  readonly headers: readonly DirectoryColumnHeader[];
}

/**
 * The directory as a list of cards, for a narrow box (a phone): each card is one row of the table —
 * its checkbox, the person, the row's ⋯ menu (the very same cells), then every other column as a
 * labelled fact (email, role, locations, dates) and the status. Nothing scrolls sideways, so no name
 * is ever scrolled away from its ⋯ button. "Select all" heads the list when rows can be selected.
 *
 * @example <UserCards id="users" labelledBy="title" label="Users" busy={false} rows={table.getRowModel().rows} headers={headers} />
 */
export function UserCards({ id, labelledBy, label, busy, rows, headers }: UserCardsProps): ReactNode {
  const m = useMessages();
  const byColumn = new Map(headers.map((header) => [header.column.id, header]));
  const selectAll = byColumn.get("select");
  return (
    <div className="sr-user-cards-wrap">
      {selectAll ? (
        <div className="sr-user-cards-bar">
          <FlexRender header={selectAll} />
          {/* The checkbox is named by its aria-label: these words only show it. */}
          <span aria-hidden="true">{m.directory.selectAll}</span>
        </div>
      ) : null}
      <ul
        id={id}
        className="sr-user-cards"
        {...(labelledBy ? { "aria-labelledby": labelledBy } : { "aria-label": label })}
        aria-busy={busy || undefined}
      >
        {rows.map((row) => {
          const cells = row.getAllCells();
          const cell = (column: string) => cells.find((c) => c.column.id === column);
          const select = cell("select");
          const name = cell("name");
          const actions = cell("actions");
          return (
            <li key={row.id} className="sr-user-card" data-selected={row.getIsSelected() || undefined}>
              <div className="sr-user-card-head">
                {select ? (
                  <span className="sr-user-card-select">
                    <FlexRender cell={select} />
                  </span>
                ) : null}
                <div className="sr-user-card-name">{name ? <FlexRender cell={name} /> : null}</div>
                {actions ? (
                  <div className="sr-user-card-actions">
                    <FlexRender cell={actions} />
                  </div>
                ) : null}
              </div>
              <dl className="sr-user-card-facts">
                {cells
                  .filter((c) => !HEAD.has(c.column.id))
                  .map((c) => {
                    const header = byColumn.get(c.column.id);
                    return (
                      <div key={c.id} className="sr-user-card-fact" data-column={c.column.id}>
                        <dt className="sr-user-card-label">
                          {header ? <FlexRender header={header} /> : c.column.id}
                        </dt>
                        <dd className="sr-user-card-value">
                          <FlexRender cell={c} />
                        </dd>
                      </div>
                    );
                  })}
                <div className="sr-user-card-fact" data-column="status">
                  <dt className="sr-user-card-label">{m.userCards.status}</dt>
                  <dd className="sr-user-card-value">{m.status[row.original.status]}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
