import type { Role } from "@staffroom/core";
import type { ReactNode } from "react";
import { screenWords } from "../../messages/catalog-words";
import { useMessages } from "../../provider/context";
import { Badge } from "../../ui/Badge";

/** Props of {@link RoleList}. */
export interface RoleListProps {
  readonly roles: readonly Role[];
  readonly selectedId: string | null;
  /** The actor's own role, marked "Your role". */
  readonly ownRoleId: string | undefined;
  readonly onSelect: (id: string) => void;
  readonly labelledBy: string;
  /** Roles with staged, unsaved permission changes, marked "Unsaved changes". Default none. */
  readonly unsavedIds?: ReadonlySet<string>;
}

/**
 * The roles as a list of buttons: name, how many users hold it, the screens it opens, and badges for
 * administrator roles (core's `administrator`) and the actor's own role. The selected one is
 * `aria-current`.
 *
 * @example <RoleList roles={roles} selectedId={id} ownRoleId={me.role.id} onSelect={setId} labelledBy={titleId} />
 */
export function RoleList(props: RoleListProps): ReactNode {
  const { roles, selectedId, ownRoleId, onSelect, labelledBy, unsavedIds } = props;
  const m = useMessages();
  const t = m.roles;
  return (
    <nav className="sr-roles-nav" aria-labelledby={labelledBy}>
      <ul className="sr-roles-list">
        {roles.map((role) => (
          <li key={role.id}>
            <button
              type="button"
              className="sr-roles-item"
              aria-current={role.id === selectedId ? "true" : undefined}
              onClick={() => onSelect(role.id)}
            >
              <span className="sr-roles-item-head">
                <span className="sr-roles-item-name">{role.name}</span>
                <span className="sr-roles-item-count">{t.users(role.userCount)}</span>
              </span>
              <span className="sr-roles-item-meta">
                {role.administrator ? <Badge tone="accent">{t.administrator}</Badge> : null}
                {role.id === ownRoleId ? <Badge>{t.yourRole}</Badge> : null}
                {unsavedIds?.has(role.id) ? <Badge tone="warning">{t.unsavedBadge}</Badge> : null}
                <span className="sr-roles-item-screens">
                  {t.screensSummary(screenWords(m, role.screens))}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
