import { DirectoryError, type Role } from "@staffroom/core";
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import { useDeleteRole } from "../../hooks/admin-mutations";
import { useMe, useRoleFormOptions, useRoles } from "../../hooks/reads";
import type { Messages } from "../../messages/messages";
import { useMessages } from "../../provider/context";
import { Button } from "../../ui/Button";
import { CardHeader } from "../../ui/CardHeader";
import { LoadError } from "../../ui/LoadError";
import { SuccessNotice } from "../../ui/SuccessNotice";
import { ConfirmDialog } from "../confirm-dialog/ConfirmDialog";
import { ScreenGate } from "../no-access/NoAccess";
import { RoleDetail } from "./RoleDetail";
import { RoleFormDialog } from "./RoleFormDialog";
import { RoleList } from "./RoleList";
import type { RoleDraft } from "./role-draft";

/** Props of {@link RolesManager}. */
export interface RolesManagerProps {
  /**
   * Said instead of the widget when core does not let the actor open it. Default
   * `messages.access.noAccess(…)`: "You don't have access to … — ask an administrator."
   */
  readonly noAccessMessage?: ReactNode;
  /** The role shown first. Default: the first role. */
  readonly initialRoleId?: string;
  /**
   * Renders a link to the people who hold a role (e.g. the host's Users screen filtered by it),
   * shown beside Delete when core refuses it because the role is in use. Default: no link.
   *
   * @example holdersLink={(role, label) => <Link to={`/settings/users?role=${role.id}`}>{label}</Link>}
   */
  readonly holdersLink?: (role: Role, label: string) => ReactNode;
  readonly className?: string;
}

type Editing = { readonly mode: "create" } | { readonly mode: "edit"; readonly role: Role } | null;

/**
 * Core's `role_in_use` refusal in the widget's words (how many people hold the role and what to do);
 * every other failure unchanged. Host overrides of the rule still win in `errorMessage`.
 */
function explainDelete(m: Messages, role: Role, error: unknown): unknown {
  if (!DirectoryError.is(error, "rule") || error.rule !== "role_in_use") return error;
  const users = Number(error.details.users ?? role.userCount);
  return new DirectoryError({ ...error.toJSON(), message: m.roles.confirmDelete.inUse(role.name, users) });
}

/**
 * W7 "Settings › Roles": every role with how many users hold it and the screens it opens; create one
 * from a template, rename it, delete it (while anyone holds it the button says who to move, with
 * `holdersLink` to them), and stage permission changes by module in the {@link PermissionMatrix},
 * saved together for every holder or discarded; staged changes survive moving between roles. Every control follows core's
 * verdicts (`roles.formOptions`): what it refuses is not offered, or disabled with the reason.
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <RolesManager />
 * </StaffroomProvider>
 */
function RolesManagerCard({ initialRoleId, holdersLink, className }: RolesManagerProps): ReactNode {
  const m = useMessages();
  const t = m.roles;
  const id = useId();
  const me = useMe();
  const roles = useRoles();
  const canManage = useRoleFormOptions(null).data?.create.allowed === true;
  const remove = useDeleteRole();
  const [selectedId, setSelectedId] = useState<string | null>(initialRoleId ?? null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refocus, setRefocus] = useState(false);
  // Staged permission changes by role: moving to another role and back loses none of them.
  const [drafts, setDrafts] = useState<Readonly<Record<string, RoleDraft>>>({});
  const unsavedIds = useMemo(() => new Set(Object.keys(drafts)), [drafts]);
  const layout = useRef<HTMLDivElement>(null);
  const list = roles.data ?? [];
  const selected = list.find((r) => r.id === selectedId) ?? list[0];
  const titleId = `${id}-title`;

  // After a delete the dialog's trigger is gone: put focus on the role now selected in the list (after
  // the dialog has returned focus, hence the timeout).
  useEffect(() => {
    if (!refocus || deleting) return;
    const timer = setTimeout(() => {
      layout.current?.querySelector<HTMLElement>('[aria-current="true"]')?.focus();
      setRefocus(false);
    }, 0);
    return () => clearTimeout(timer);
  }, [refocus, deleting]);

  return (
    <section className={className ? `sr-card ${className}` : "sr-card"} aria-labelledby={titleId}>
      <CardHeader titleId={titleId} title={t.title} description={t.description}>
        {canManage ? (
          <Button variant="primary" onClick={() => setEditing({ mode: "create" })}>
            {t.createRole}
          </Button>
        ) : null}
      </CardHeader>
      <SuccessNotice message={notice} dismissLabel={t.dismiss} onDismiss={() => setNotice(null)} />
      {roles.isError ? (
        <LoadError title={t.loadError} error={roles.error} onRetry={() => void roles.refetch()} />
      ) : roles.isLoading ? (
        <p className="sr-empty sr-muted" role="status">
          {t.loading}
        </p>
      ) : !selected ? (
        <p className="sr-empty" role="status">
          {t.empty}
        </p>
      ) : (
        <div className="sr-roles-layout" ref={layout}>
          <RoleList
            roles={list}
            selectedId={selected.id}
            ownRoleId={me.data?.role.id}
            onSelect={setSelectedId}
            labelledBy={titleId}
            unsavedIds={unsavedIds}
          />
          <RoleDetail
            key={selected.id}
            role={selected}
            own={selected.id === me.data?.role.id}
            onRename={() => setEditing({ mode: "edit", role: selected })}
            onDelete={() => setDeleting(selected)}
            draft={drafts[selected.id] ?? null}
            onDraftChange={(draft) =>
              setDrafts(({ [selected.id]: _, ...rest }) => (draft ? { ...rest, [selected.id]: draft } : rest))
            }
            {...(holdersLink ? { holdersLink } : {})}
          />
        </div>
      )}
      {editing ? (
        <RoleFormDialog
          {...editing}
          open
          onOpenChange={(open) => !open && setEditing(null)}
          onSaved={(role) => {
            setSelectedId(role.id);
            setNotice(editing.mode === "create" ? t.created(role.name) : t.renamed(role.name));
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog.Root open onOpenChange={(open) => !open && setDeleting(null)}>
          <ConfirmDialog.Content
            title={t.confirmDelete.title(deleting.name)}
            description={t.confirmDelete.body}
            confirmLabel={t.confirmDelete.confirm}
            onConfirm={async () => {
              try {
                await remove.mutate(deleting);
              } catch (error) {
                throw explainDelete(m, deleting, error);
              }
              setSelectedId(null);
              setRefocus(true);
              setNotice(t.deleted(deleting.name));
            }}
          />
        </ConfirmDialog.Root>
      ) : null}
    </section>
  );
}

/**
 * W7 "Settings › Roles": the widget above, or — when core does not let the actor open the screen
 * (`canOpenScreen(directory, "roles")`) — the calm {@link NoAccess} state in its place, never a
 * load error.
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <RolesManager noAccessMessage="Ask your practice manager." />
 * </StaffroomProvider>
 */
export function RolesManager(props: RolesManagerProps): ReactNode {
  return (
    <ScreenGate
      screen="roles"
      {...(props.noAccessMessage === undefined ? {} : { message: props.noAccessMessage })}
      {...(props.className === undefined ? {} : { className: props.className })}
    >
      <RolesManagerCard {...props} />
    </ScreenGate>
  );
}
