import type { BulkInput, BulkResult, Location, Role, User, UserAction, UserStatus } from "@staffroom/core";
import type { RowSelectionState } from "@tanstack/react-table";
import { type ReactNode, useCallback, useId, useMemo, useState } from "react";
import { useCan, useUserActions } from "../../hooks/permissions";
import { useLocations, useMe, useRoles, useUserCounts, useUsers } from "../../hooks/reads";
import { useBulkUsers, useResendInvitation, useRestoreUser, useUnlockUser } from "../../hooks/user-mutations";
import { errorMessage } from "../../messages/error-message";
import { useMessages, useStaffroom } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { CardHeader } from "../../ui/CardHeader";
import { ConfirmDialog } from "../confirm-dialog/ConfirmDialog";
import { InviteUserDialog } from "../invite-user-dialog/InviteUserDialog";
import { UserFormDialog } from "../user-form-dialog/UserFormDialog";
import { ActionDialogs, DIALOG_ACTIONS, type PendingAction } from "./ActionDialogs";
import { BulkBar } from "./BulkBar";
import { DirectoryEmpty, DirectoryError, DirectoryLoading } from "./DirectoryStates";
import { DirectoryTabs } from "./DirectoryTabs";
import { DirectoryToolbar } from "./DirectoryToolbar";
import { UserTable } from "./UserTable";
import { useDirectoryState } from "./use-directory-state";

/** Props of {@link UserDirectory}. */
export interface UserDirectoryProps {
  /** Users per page (1–200). Default 50. */
  readonly pageSize?: number;
  /** Debounce of the server-side search, in ms. Default 250. */
  readonly searchDebounceMs?: number;
  /** The tab shown first. Default `active`. */
  readonly initialStatus?: UserStatus;
  /** Hide the "New user" button (invite only, as reference 002 and 004 work). */
  readonly hideCreate?: boolean;
  readonly className?: string;
}

type Notice = {
  readonly tone: "success" | "danger";
  readonly text: string;
  readonly details?: readonly string[];
};

const NO_ROLES: Role[] = [];
const NO_LOCATIONS: Location[] = [];

/**
 * W12 "Settings › Users": Active / Pending / Disabled tabs with counts, server-side search and
 * filters, sortable columns, cursor paging, row actions from `directory.users.actions(user)`,
 * bulk actions with a result per row, and the create, invite, edit, reset and confirm dialogs.
 *
 * @example
 * <StaffroomProvider directory={directory}>
 *   <UserDirectory pageSize={50} />
 * </StaffroomProvider>
 */
export function UserDirectory(props: UserDirectoryProps): ReactNode {
  const { pageSize = 50, searchDebounceMs = 250, initialStatus = "active", hideCreate, className } = props;
  const m = useMessages();
  const { locale } = useStaffroom();
  const id = useId();
  const state = useDirectoryState({ pageSize, debounceMs: searchDebounceMs, initialStatus });
  const page = useUsers(state.listQuery, { keepPrevious: true });
  const counts = useUserCounts(state.countQuery, { keepPrevious: true });
  const roles = useRoles();
  const locations = useLocations();
  const canManage = useCan("users.manage");
  const actionsOf = useUserActions();
  const mainContactUserId = useMe().data?.mainContactUserId ?? null;
  const bulk = useBulkUsers();
  // The mutate functions are stable; the hooks' result objects are not (they carry isPending).
  const { mutate: restoreUser } = useRestoreUser();
  const { mutate: resendInvitation } = useResendInvitation();
  const { mutate: unlockUser } = useUnlockUser();

  const [selection, setSelection] = useState<RowSelectionState>({});
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [creating, setCreating] = useState<"create" | "invite" | null>(null);
  const [confirmBulkDelete, setConfirmBulkDelete] = useState<string[] | null>(null);

  const roleList = roles.data ?? NO_ROLES;
  const locationList = locations.data ?? NO_LOCATIONS;
  const roleMap = useMemo(() => new Map(roleList.map((r) => [r.id, r])), [roleList]);
  const locationMap = useMemo(() => new Map(locationList.map((l) => [l.id, l])), [locationList]);
  const users = page.data?.items ?? [];
  const selectedUsers = users.filter((u) => selection[u.id]);

  const resetView = () => {
    setSelection({});
    setFailures(new Map());
  };

  const onAction = useCallback(
    async (action: UserAction, user: User) => {
      setNotice(null);
      if (DIALOG_ACTIONS.has(action)) {
        setPending({ action, user });
        return;
      }
      const run =
        action === "restore"
          ? restoreUser
          : action === "resendInvitation"
            ? resendInvitation
            : action === "unlock"
              ? unlockUser
              : null;
      if (!run) return;
      try {
        await run(user);
        setNotice({ tone: "success", text: m.directory.actionDone[action](user.displayName) });
      } catch (error) {
        setNotice({ tone: "danger", text: errorMessage(m, error) });
      }
    },
    [m, restoreUser, resendInvitation, unlockUser],
  );

  const showBulk = (input: BulkInput, result: BulkResult) => {
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const failed = new Map<string, string>();
    for (const r of result.results) if (!r.ok) failed.set(r.id, errorMessage(m, r.error));
    setFailures(failed);
    setSelection(Object.fromEntries([...failed.keys()].map((k) => [k, true])));
    setNotice({
      tone: result.failed === 0 ? "success" : "danger",
      text: m.directory.bulkResult(result.succeeded, result.failed),
      details: [...failed].map(([uid, text]) => `${names.get(uid) ?? uid}: ${text}`),
    });
    void input;
  };

  const runBulk = async (input: BulkInput) => {
    if (input.action === "delete" && !confirmBulkDelete) {
      setConfirmBulkDelete([...input.ids]);
      return;
    }
    setNotice(null);
    try {
      showBulk(input, await bulk.mutate(input));
    } catch (error) {
      setNotice({ tone: "danger", text: errorMessage(m, error) });
    }
  };

  const columnContext = useMemo(
    () => ({
      messages: m,
      locale,
      roles: roleMap,
      locations: locationMap,
      actionsOf,
      onAction: (a: UserAction, u: User) => void onAction(a, u),
      failures,
      selectable: canManage,
      mainContactUserId,
    }),
    [m, locale, roleMap, locationMap, actionsOf, onAction, failures, canManage, mainContactUserId],
  );

  const total = page.data?.total ?? 0;
  const from = users.length ? state.pageIndex * pageSize + 1 : 0;
  const to = from + users.length - (users.length ? 1 : 0);
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;

  return (
    <section className={className ? `sr-card ${className}` : "sr-card"} aria-labelledby={titleId}>
      <CardHeader titleId={titleId} title={m.directory.title} description={m.directory.description}>
        {canManage ? (
          <div className="sr-row">
            {hideCreate ? null : (
              <Button onClick={() => setCreating("create")}>{m.directory.createUser}</Button>
            )}
            <Button variant="primary" onClick={() => setCreating("invite")}>
              {m.directory.inviteUser}
            </Button>
          </div>
        ) : null}
      </CardHeader>
      <DirectoryTabs
        value={state.status}
        onChange={(s) => {
          resetView();
          state.setStatus(s);
        }}
        counts={counts.data}
        panelId={`${id}-panel`}
        idPrefix={id}
      />
      <DirectoryToolbar state={state} locations={locationList} roles={roleList} idPrefix={id} />
      {notice ? (
        <div style={{ margin: "0 24px 12px" }}>
          <Alert
            tone={notice.tone}
            title={notice.text}
            action={
              <Button size="sm" variant="ghost" onClick={() => setNotice(null)}>
                {m.directory.dismiss}
              </Button>
            }
          >
            {notice.details?.length ? (
              <ul>
                {notice.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}
      {canManage && selectedUsers.length > 0 ? (
        <BulkBar
          selected={selectedUsers}
          roles={roleList}
          actionsOf={actionsOf}
          busy={bulk.isPending}
          onRun={runBulk}
          onClear={resetView}
        />
      ) : null}
      {/* Busy while what the panel shows is not yet the answer to the tab, search and filters chosen
          (the table, the empty state or the error of a previous search alike). */}
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${state.status}`}
        aria-busy={page.isLoading || page.isPrevious || state.searching || undefined}
      >
        {page.isError ? (
          <DirectoryError error={page.error} onRetry={page.refetch} />
        ) : page.isLoading ? (
          <DirectoryLoading />
        ) : users.length === 0 ? (
          <DirectoryEmpty status={state.status} filtered={state.filtered} />
        ) : (
          <UserTable
            id={tableId}
            labelledBy={titleId}
            users={users}
            busy={page.isPrevious || state.searching}
            sort={state.sort}
            onSortChange={(s) => {
              resetView();
              state.setSort(s);
            }}
            selection={selection}
            onSelectionChange={setSelection}
            context={columnContext}
          />
        )}
      </div>
      <nav className="sr-footer" aria-label={m.directory.pagination}>
        <span aria-live="polite">{page.data ? m.directory.range(from, to, total) : m.common.loading}</span>
        <span className="sr-row">
          <Button
            size="sm"
            disabled={state.pageIndex === 0}
            onClick={() => {
              resetView();
              state.previousPage();
            }}
          >
            {m.directory.previousPage}
          </Button>
          <Button
            size="sm"
            disabled={!page.data?.nextCursor || page.isPrevious}
            onClick={() => {
              const next = page.data?.nextCursor;
              if (!next) return;
              resetView();
              state.nextPage(next);
            }}
          >
            {m.directory.nextPage}
          </Button>
        </span>
      </nav>
      <ActionDialogs
        pending={pending}
        onClose={() => setPending(null)}
        onDone={(text) => setNotice({ tone: "success", text })}
      />
      {creating === "create" ? (
        <UserFormDialog
          mode="create"
          open
          onOpenChange={(open) => !open && setCreating(null)}
          onSaved={(user) => setNotice({ tone: "success", text: m.directory.userCreated(user.displayName) })}
        />
      ) : null}
      {creating === "invite" ? (
        <InviteUserDialog
          open
          onOpenChange={(open) => !open && setCreating(null)}
          onInvited={(user) => setNotice({ tone: "success", text: m.directory.invitationSent(user.email) })}
        />
      ) : null}
      {confirmBulkDelete ? (
        <ConfirmDialog.Root open onOpenChange={(open) => !open && setConfirmBulkDelete(null)}>
          <ConfirmDialog.Content
            title={m.directory.bulkConfirmDelete(confirmBulkDelete.length)}
            description={m.directory.bulkConfirmDeleteBody}
            confirmLabel={m.confirm.deleteConfirm}
            confirmText="DELETE"
            onConfirm={async () => {
              const input: BulkInput = { action: "delete", ids: confirmBulkDelete };
              showBulk(input, await bulk.mutate(input));
            }}
          />
        </ConfirmDialog.Root>
      ) : null}
    </section>
  );
}
