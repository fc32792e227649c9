import type { BulkInput, Role, User, UserAction } from "@staffroom/core";
import { type ReactNode, useId, useState } from "react";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";

/** Props of {@link BulkBar}. */
export interface BulkBarProps {
  readonly selected: readonly User[];
  readonly roles: readonly Role[];
  readonly actionsOf: (user: User) => UserAction[];
  readonly busy: boolean;
  readonly onRun: (input: BulkInput) => void;
  readonly onClear: () => void;
}

type BulkAction = "disable" | "restore" | "delete";
const BULK: readonly BulkAction[] = ["disable", "restore", "delete"];

/**
 * What to do with the selected users: the bulk actions at least one of them allows (from
 * `users.actions`), and a role change for those that can be edited. Core answers per row.
 *
 * @example <BulkBar selected={users} roles={roles} actionsOf={actionsOf} onRun={run} onClear={clear} busy={false} />
 */
export function BulkBar({ selected, roles, actionsOf, busy, onRun, onClear }: BulkBarProps): ReactNode {
  const m = useMessages().directory;
  const roleSelect = useId();
  const [roleId, setRoleId] = useState("");
  const allowed = new Set(selected.flatMap((u) => actionsOf(u)));
  const ids = selected.map((u) => u.id);
  return (
    <div className="sr-bulkbar" role="toolbar" aria-label={m.bulkLabel}>
      <strong>{m.selected(selected.length)}</strong>
      {BULK.filter((a) => allowed.has(a)).map((action) => (
        <Button
          key={action}
          size="sm"
          variant={action === "restore" ? "default" : "danger"}
          disabled={busy}
          onClick={() => onRun({ action, ids })}
        >
          {m.bulk[action]}
        </Button>
      ))}
      {allowed.has("edit") ? (
        <span className="sr-row">
          <label htmlFor={roleSelect}>{m.bulkSetRole}</label>
          <select
            id={roleSelect}
            className="sr-select"
            value={roleId}
            onChange={(e) => setRoleId(e.target.value)}
          >
            <option value="">—</option>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          <Button
            size="sm"
            disabled={busy || !roleId}
            onClick={() => onRun({ action: "setRole", ids, roleId })}
          >
            {m.bulkSetRoleApply}
          </Button>
        </span>
      ) : null}
      <Button size="sm" variant="ghost" onClick={onClear}>
        {m.clearSelection}
      </Button>
    </div>
  );
}
