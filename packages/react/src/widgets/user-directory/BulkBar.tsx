import { type ReactNode, useId, useState } from "react";
import { optionText, shownOption } from "../../forms/field-options";
import { useUserFormOptions } from "../../hooks/reads";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { usePartContext } from "./directory-context";
import type { UserDirectoryApi } from "./use-user-directory";
import { BULK_ACTIONS } from "./user-actions";

/**
 * `UserDirectory.BulkBar`: what to do with the selected users — each bulk action of the action
 * table that core offers on at least one of them (`users.actions`), and a role change where editing
 * is offered, listing the roles core lets the actor give (`users.formOptions()`: the others disabled
 * with the reason, R3). Core answers per row; refused rows stay selected with their reason. Renders
 * nothing until an actor who may manage users selects a row.
 *
 * @example <UserDirectory.BulkBar />
 */
export function BulkBar(): ReactNode {
  const { api } = usePartContext("BulkBar");
  // Mounted only while something is selected, so the role picker starts empty every time.
  return api.canManage && api.selectedUsers.length > 0 ? <Bar api={api} /> : null;
}

function Bar({ api }: { readonly api: UserDirectoryApi }): ReactNode {
  const m = useMessages();
  const roleSelect = useId();
  const [roleId, setRoleId] = useState("");
  const selected = api.selectedUsers;
  const roleOptions = (useUserFormOptions(null).data?.roles ?? []).map((o) => shownOption(m, o));
  const offered = new Set(
    selected.flatMap((u) =>
      api
        .offersOf(u)
        .filter((o) => o.refused === undefined)
        .map((o) => o.action),
    ),
  );
  // Each row goes with the version it was read at (R12): a row changed since fails alone with `stale`.
  const items = selected.map(({ id, version }) => ({ id, version }));
  const shown = BULK_ACTIONS.filter((spec) => offered.has(spec.action));
  return (
    <div className="sr-bulkbar" role="toolbar" aria-label={m.directory.bulkLabel}>
      <strong>{m.directory.selected(selected.length)}</strong>
      {shown.map((spec) =>
        spec.bulk?.kind === "button" ? (
          <Button
            key={spec.action}
            size="sm"
            variant={spec.tone === "danger" ? "danger" : "default"}
            disabled={api.bulkBusy}
            onClick={() => spec.bulk?.kind === "button" && api.startBulk({ action: spec.bulk.input, items })}
          >
            {spec.bulk.label(m)}
          </Button>
        ) : null,
      )}
      {shown.some((spec) => spec.bulk?.kind === "setRole") ? (
        <span className="sr-row">
          <label htmlFor={roleSelect}>{m.directory.bulkSetRole}</label>
          <select
            id={roleSelect}
            className="sr-select"
            value={roleId}
            onChange={(e) => setRoleId(e.target.value)}
          >
            <option value="">—</option>
            {roleOptions.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled}>
                {optionText(o)}
              </option>
            ))}
          </select>
          <Button
            size="sm"
            disabled={api.bulkBusy || !roleId}
            onClick={() => api.startBulk({ action: "setRole", items, roleId })}
          >
            {m.directory.bulkSetRoleApply}
          </Button>
        </span>
      ) : null}
      <Button size="sm" variant="ghost" onClick={api.clearSelection}>
        {m.directory.clearSelection}
      </Button>
    </div>
  );
}
