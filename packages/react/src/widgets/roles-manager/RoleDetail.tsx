import type { Role, Verdict } from "@staffroom/core";
import { type ReactNode, useId } from "react";
import { useRoleFormOptions } from "../../hooks/reads";
import { screenWords } from "../../messages/catalog-words";
import { refusalMessage } from "../../messages/error-message";
import { useMessages } from "../../provider/context";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { PermissionMatrix } from "./PermissionMatrix";
import type { RoleDraft } from "./role-draft";

/** Props of {@link RoleDetail}. */
export interface RoleDetailProps {
  readonly role: Role;
  readonly own: boolean;
  readonly onRename: () => void;
  readonly onDelete: () => void;
  /** The staged permission changes of the role (see {@link PermissionMatrixProps.draft}). Default: kept inside. */
  readonly draft?: RoleDraft | null;
  readonly onDraftChange?: (draft: RoleDraft | null) => void;
  /** A link to the role's holders, shown beside a delete refused because people hold it. Default none. */
  readonly holdersLink?: (role: Role, label: string) => ReactNode;
}

/**
 * One role: name, description, holders, the screens it opens, rename and delete as core's verdicts
 * allow them (`roles.formOptions(roleId)`: shown to those who manage roles; delete disabled, with the
 * reason beside it, while anyone holds the role or it holds permissions the actor lacks), and its
 * {@link PermissionMatrix}.
 *
 * @example <RoleDetail role={role} own={false} onRename={rename} onDelete={remove} />
 */
export function RoleDetail(props: RoleDetailProps): ReactNode {
  const { role, own, onRename, onDelete, draft, onDraftChange, holdersLink } = props;
  const m = useMessages();
  const t = m.roles;
  const headingId = useId();
  const reasonId = useId();
  const options = useRoleFormOptions(role.id).data;
  const manage = options?.rename.allowed === true;
  const refusedDelete = options?.delete ? deleteReason(m, role, options.delete) : null;
  // Core refuses the delete because people hold the role: point at them (the host's Users, filtered).
  const inUse =
    options?.delete && !options.delete.allowed && options.delete.rule === "role_in_use"
      ? Number(options.delete.details?.users ?? role.userCount)
      : 0;
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
          <div className="sr-stack sr-roles-detail-actions">
            <div className="sr-row">
              <Button size="sm" onClick={onRename}>
                {t.rename}
              </Button>
              {/* Refused: still focusable (aria-disabled), so keyboard users reach it and hear why. */}
              <Button
                size="sm"
                variant="ghost"
                className="sr-danger-text"
                aria-disabled={refusedDelete !== null || undefined}
                aria-describedby={refusedDelete !== null ? reasonId : undefined}
                onClick={refusedDelete === null ? onDelete : undefined}
              >
                {t.delete}
              </Button>
            </div>
            {refusedDelete !== null ? (
              <p className="sr-hint" id={reasonId}>
                {refusedDelete}
              </p>
            ) : null}
            {inUse > 0 && holdersLink ? (
              <p className="sr-hint sr-roles-holders-link">
                {holdersLink(role, t.holdersLink(role.name, inUse))}
              </p>
            ) : null}
          </div>
        ) : null}
      </header>
      <div className="sr-roles-screens">
        <span className="sr-label">{t.opens}</span>
        {role.screens.length ? (
          <ul className="sr-roles-screen-list">
            {screenWords(m, role.screens).map((screen) => (
              <li key={screen}>
                <Badge>{screen}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <span className="sr-muted">{t.opensNothing}</span>
        )}
      </div>
      <PermissionMatrix
        roleId={role.id}
        {...(draft === undefined ? {} : { draft })}
        {...(onDraftChange ? { onDraftChange } : {})}
      />
    </section>
  );
}

/**
 * Why a role cannot be deleted, in the widget's words when core says it is in use ("13 people hold
 * …"), else core's (overridable) reason.
 */
function deleteReason(m: ReturnType<typeof useMessages>, role: Role, verdict: Verdict): string | null {
  if (verdict.allowed) return null;
  if (verdict.rule === "role_in_use" && m.errors.refusal(verdict) === undefined) {
    return m.roles.confirmDelete.inUse(role.name, Number(verdict.details?.users ?? role.userCount));
  }
  return refusalMessage(m, verdict);
}
