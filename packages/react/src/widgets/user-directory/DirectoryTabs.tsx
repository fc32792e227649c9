import type { UserStatus } from "@staffroom/core";
import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { useMessages, useStaffroom } from "../../provider/context";
import { useMountPart, usePartContext } from "./directory-context";

const STATUSES: readonly UserStatus[] = ["active", "pending", "disabled"];

/**
 * `UserDirectory.Tabs`: Active / Pending / Disabled with core's counts for the search and filters;
 * arrow keys, Home and End move between them (WAI-ARIA tabs with automatic activation). The table
 * is their tab panel. Another tab returns to the first page and clears the selection.
 *
 * @example <UserDirectory.Tabs />
 */
export function DirectoryTabs(): ReactNode {
  const context = usePartContext("Tabs");
  useMountPart(context, "tabs");
  const { api } = context;
  const value = api.status;
  const onChange = api.setStatus;
  const counts = api.counts;
  const m = useMessages();
  const { locale } = useStaffroom();
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
          id={api.ids.tab(status)}
          className="sr-tab"
          aria-selected={value === status}
          aria-controls={api.ids.panel}
          tabIndex={value === status ? 0 : -1}
          onClick={() => onChange(status)}
          onKeyDown={(e) => move(e, index)}
        >
          {m.directory.tab[status]}{" "}
          <span className="sr-tab-count">{counts ? counts[status].toLocaleString(locale) : "–"}</span>
        </button>
      ))}
    </div>
  );
}
