import type { StatusCounts, UserStatus } from "@staffroom/core";
import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { useMessages } from "../../provider/context";

const STATUSES: readonly UserStatus[] = ["active", "pending", "disabled"];

/** Props of {@link DirectoryTabs}. */
export interface DirectoryTabsProps {
  readonly value: UserStatus;
  readonly onChange: (status: UserStatus) => void;
  readonly counts: StatusCounts | undefined;
  /** The id of the panel (the table) the tabs control. */
  readonly panelId: string;
  readonly idPrefix: string;
}

/**
 * Active / Pending / Disabled tabs with counts; arrow keys, Home and End move between them
 * (WAI-ARIA tabs pattern with automatic activation).
 *
 * @example <DirectoryTabs value={status} onChange={setStatus} counts={counts} panelId="users" idPrefix="dir" />
 */
export function DirectoryTabs({ value, onChange, counts, panelId, idPrefix }: DirectoryTabsProps): ReactNode {
  const m = useMessages();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent, index: number) => {
    const last = STATUSES.length - 1;
    const next =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const status = STATUSES[next];
    if (!status) return;
    onChange(status);
    refs.current[next]?.focus();
  };
  return (
    <div className="sr-tabs" role="tablist" aria-label={m.directory.tabsLabel}>
      {STATUSES.map((status, index) => (
        <button
          key={status}
          ref={(el) => {
            refs.current[index] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${status}`}
          className="sr-tab"
          aria-selected={value === status}
          aria-controls={panelId}
          tabIndex={value === status ? 0 : -1}
          onClick={() => onChange(status)}
          onKeyDown={(e) => move(e, index)}
        >
          {m.directory.tab[status]}{" "}
          <span className="sr-tab-count">{counts ? counts[status].toLocaleString("en-US") : "–"}</span>
        </button>
      ))}
    </div>
  );
}
