import type { User, UserAction } from "@staffroom/core";
import type { ReactNode } from "react";
import { useDeleteUser, useDisableUser, useRevokeInvitation } from "../../hooks/user-mutations";
import { useMessages } from "../../provider/context";
import { ConfirmDialog } from "../confirm-dialog/ConfirmDialog";
import { ResetPasswordDialog } from "../reset-password-dialog/ResetPasswordDialog";
import { UserFormDialog } from "../user-form-dialog/UserFormDialog";
import { DeletionScope } from "./DeletionScope";

/** An action waiting in a dialog. */
export interface PendingAction {
  readonly action: UserAction;
  readonly user: User;
}

/** Props of {@link ActionDialogs}. */
export interface ActionDialogsProps {
  readonly pending: PendingAction | null;
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
}

/**
 * The dialog for a row action that needs one: edit, disable, delete (type the email), revoke,
 * reset password. Other actions run straight from the menu.
 *
 * @example <ActionDialogs pending={{ action: "delete", user }} onClose={close} onDone={notify} />
 */
export function ActionDialogs({ pending, onClose, onDone }: ActionDialogsProps): ReactNode {
  const m = useMessages();
  const disable = useDisableUser();
  const remove = useDeleteUser();
  const revoke = useRevokeInvitation();
  if (!pending) return null;
  const { action, user } = pending;
  const openChange = (open: boolean) => {
    if (!open) onClose();
  };
  const name = user.displayName;
  switch (action) {
    case "edit":
      return (
        <UserFormDialog
          mode="edit"
          userId={user.id}
          open
          onOpenChange={openChange}
          onSaved={(saved) => onDone(m.directory.userUpdated(saved.displayName))}
        />
      );
    case "resetPassword":
      return <ResetPasswordDialog user={user} open onOpenChange={openChange} onDone={onDone} />;
    case "disable":
      return (
        <ConfirmDialog.Root open onOpenChange={openChange}>
          <ConfirmDialog.Content
            title={m.confirm.disableTitle(name)}
            description={m.confirm.disableBody}
            confirmLabel={m.confirm.disableConfirm}
            onConfirm={async () => {
              await disable.mutate(user);
              onDone(m.directory.actionDone.disable(name));
            }}
          />
        </ConfirmDialog.Root>
      );
    case "delete":
      return (
        <ConfirmDialog.Root open onOpenChange={openChange}>
          <ConfirmDialog.Content
            title={m.confirm.deleteTitle(name)}
            description={m.confirm.deleteBody}
            confirmLabel={m.confirm.deleteConfirm}
            confirmText={user.email}
            onConfirm={async () => {
              await remove.mutate(user);
              onDone(m.directory.actionDone.delete(name));
            }}
          >
            <DeletionScope />
          </ConfirmDialog.Content>
        </ConfirmDialog.Root>
      );
    case "revokeInvitation":
      return (
        <ConfirmDialog.Root open onOpenChange={openChange}>
          <ConfirmDialog.Content
            title={m.confirm.revokeTitle(name)}
            description={m.confirm.revokeBody}
            confirmLabel={m.confirm.revokeConfirm}
            onConfirm={async () => {
              await revoke.mutate(user);
              onDone(m.directory.actionDone.revokeInvitation(name));
            }}
          />
        </ConfirmDialog.Root>
      );
    default:
      return null;
  }
}

/** Row actions that open a dialog rather than running at once. */
export const DIALOG_ACTIONS: ReadonlySet<UserAction> = new Set([
  "edit",
  "resetPassword",
  "disable",
  "delete",
  "revokeInvitation",
]);
