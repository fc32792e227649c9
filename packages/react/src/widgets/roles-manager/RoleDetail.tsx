import type { Role } from "@staffroom/core";
import { type ReactNode, useId } from "react";
import { useMessages } from "../../provider/context";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { PermissionMatrix } from "./PermissionMatrix";

/** Props of {@link RoleDetail}. */
export interface RoleDetailProps {
  readonly role: Role;
  readonly own: boolean;
  /** Show rename and delete (the actor may manage roles). */
  readonly manage: boolean;
  readonly onRename: () => void;
  readonly onDelete: () => void;
}

/**
 * One role: name, description, holders, the screens it opens, rename and delete (for roles the
 * actor may give, core's `grantable`), and its {@link PermissionMatrix}.
 *
 * @example <RoleDetail role={role} own={false} manage onRename={rename} onDelete={remove} />
 */
export function RoleDetail({ role, own, manage, onRename, onDelete }: RoleDetailProps): ReactNode {
  const t = useMessages().roles;
  const headingId = useId();
  return (
    <section className="sr-roles-detail" aria-labelledby={headingId}>
      <header className="sr-roles-detail-head">
        <div className="sr-stack sr-roles-detail-title">
          <div className="sr-row">
            <h3 className="sr-roles-heading" id={headingId}>
              {role.name}
            </h3>
            {role.administrator ? <Badge tone="accent">{t.administrator}</Badge> : null}
            {own ? <Badge>{t.yourRole}</Badge> : null}
          </div>
          {role.description ? <p className="sr-muted sr-roles-description">{role.description}</p> : null}
          <p className="sr-roles-holders">{t.users(role.userCount)}</p>
        </div>
        {manage ? (
          <div className="sr-row">
            <Button size="sm" onClick={onRename}>
              {t.rename}
            </Button>
            {/* Core deletes only roles whose permissions the actor holds (R3): its `grantable`. */}
            {role.grantable ? (
              <Button size="sm" variant="ghost" className="sr-danger-text" onClick={onDelete}>
                {t.delete}
              </Button>
            ) : null}
          </div>
        ) : null}
      </header>
      <div className="sr-roles-screens">
        <span className="sr-label">{t.opens}</span>
        {role.screens.length ? (
          <ul className="sr-roles-screen-list">
            {role.screens.map((screen) => (
              <li key={screen}>
                <Badge>{screen}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <span className="sr-muted">{t.opensNothing}</span>
        )}
      </div>
      <PermissionMatrix roleId={role.id} />
    </section>
  );
}
