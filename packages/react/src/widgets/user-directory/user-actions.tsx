import type { User, UserAction } from "@staffroom/core";
import type { ReactNode } from "react";
import {
  deleteUser,
  disableUser,
  resendInvitation,
  restoreUser,
  revokeInvitation,
  unlockUser,
} from "../../hooks/user-writes";
import type { Messages } from "../../messages/messages";
import { useMessages } from "../../provider/context";
import { DeletionScope } from "./DeletionScope";
import { LazyResetPasswordDialog, LazyUserFormDialog } from "./lazy-dialogs";
import { type UserWrite, userWrite } from "./use-action-write";

// THE table of what a person can do to a user from the directory. The row menu, the bulk bar, the
// confirmation dialogs, the writes and the messages after them are all read from here; which
// actions a row offers, and why one is refused, is core's answer (`users.actions(user)`: its
// verdicts), never decided here. Adding an
// action is one entry (TypeScript insists on one for every `UserAction` core defines).

/** The confirmation a row action asks for before its write. */
export interface ActionConfirm {
  readonly title: (m: Messages, user: User) => string;
  readonly description: (m: Messages) => string;
  readonly confirmLabel: (m: Messages) => string;
  /** The text to type before the confirm button enables (delete: the user's email). */
  readonly typeToConfirm?: (user: User) => string;
  /** What the dialog shows under its description (delete: what is erased and what is kept). */
  readonly details?: () => ReactNode;
}

/** What a dialog-run action's dialog receives. */
export interface ActionDialogProps {
  readonly user: User;
  readonly onOpenChange: (open: boolean) => void;
  /** Reports success with the sentence to show. */
  readonly onDone: (message: string) => void;
}

/** How a row action runs. */
export type ActionRun =
  /** One write on the user (a hook's mutation options), optionally after a confirmation. */
  | {
      readonly kind: "write";
      readonly write: UserWrite;
      readonly confirm?: ActionConfirm;
    }
  /** A dialog of its own (a form): it writes and reports back. */
  | { readonly kind: "dialog"; readonly dialog: (props: ActionDialogProps) => ReactNode };

/**
 * The confirmation a bulk action asks for. It names the people it goes to (the first few, then how
 * many more) and the selected people it skips, each with core's reason (`users.actions`); only the
 * people core allows it on are sent. `count` is how many that is.
 */
export interface BulkConfirm {
  readonly title: (m: Messages, count: number) => string;
  readonly description: (m: Messages) => string;
  readonly confirmLabel: (m: Messages, count: number) => string;
  /** The word to type before the confirm button works, in the active language. */
  readonly typeToConfirm?: (m: Messages) => string;
}

/** How an action runs over the selected users (`users.bulk`), when it can. */
export type BulkRun =
  /** A button in the bulk bar running `users.bulk({ action })`. */
  | {
      readonly kind: "button";
      readonly input: "disable" | "restore" | "delete";
      readonly label: (m: Messages) => string;
      readonly confirm?: BulkConfirm;
    }
  /** The bulk bar's role picker (`users.bulk({ action: "setRole" })`), offered where editing is. */
  | { readonly kind: "setRole" };

/**
 * One user action: its words and how it runs (alone and in bulk). Focus after it is the kit's own
 * (`rememberFocus`): back to the row's ⋯ button, or the next row's when the row left the tab.
 *
 * @example USER_ACTIONS.delete.run.kind === "write" && USER_ACTIONS.delete.run.confirm?.typeToConfirm?.(user) // the user's email
 */
export interface UserActionSpec {
  readonly action: UserAction;
  /** The row menu item. */
  readonly label: (m: Messages) => string;
  /** The notice after a write succeeds. */
  readonly done: (m: Messages, user: User) => string;
  /** Destructive actions show in the danger tone. */
  readonly tone: "default" | "danger";
  readonly run: ActionRun;
  /** Null when the action is not offered in bulk. */
  readonly bulk: BulkRun | null;
}

const defineActions = (table: { readonly [A in UserAction]: Omit<UserActionSpec, "action"> }) =>
  Object.fromEntries(Object.entries(table).map(([action, spec]) => [action, { action, ...spec }])) as {
    readonly [A in UserAction]: UserActionSpec & { readonly action: A };
  };

/**
 * Every user action the directory knows, in the order the bulk bar shows them. The row menu lists
 * the actions core offers (`users.actions(user)`) in core's order, each drawn from here.
 *
 * @example USER_ACTIONS.disable.run.kind // "write"
 */
// Pure (the table and each userWrite call): a host that mounts no directory drops the table and
// the dialogs it names — the account screens' bundle stays at its size.
export const USER_ACTIONS = /* @__PURE__ */ defineActions({
  edit: {
    label: (m) => m.directory.action.edit,
    done: (m, user) => m.directory.actionDone.edit(user.displayName),
    tone: "default",
    run: {
      kind: "dialog",
      dialog: ({ user, onOpenChange, onDone }) => (
        <EditDialog user={user} onOpenChange={onOpenChange} onDone={onDone} />
      ),
    },
    bulk: { kind: "setRole" },
  },
  disable: {
    label: (m) => m.directory.action.disable,
    done: (m, user) => m.directory.actionDone.disable(user.displayName),
    tone: "danger",
    run: {
      kind: "write",
      write: /* @__PURE__ */ userWrite(disableUser),
      confirm: {
        title: (m, user) => m.confirm.disableTitle(user.displayName),
        description: (m) => m.confirm.disableBody,
        confirmLabel: (m) => m.confirm.disableConfirm,
      },
    },
    bulk: {
      kind: "button",
      input: "disable",
      label: (m) => m.directory.bulk.disable,
      // As the single disable asks, so does the bulk one: it signs people out (issue 13).
      confirm: {
        title: (m, count) => m.directory.bulkConfirmDisable(count),
        description: (m) => m.directory.bulkConfirmDisableBody,
        confirmLabel: (m, count) => m.directory.bulkConfirmDisableAction(count),
      },
    },
  },
  restore: {
    label: (m) => m.directory.action.restore,
    done: (m, user) => m.directory.actionDone.restore(user.displayName),
    tone: "default",
    run: { kind: "write", write: /* @__PURE__ */ userWrite(restoreUser) },
    bulk: { kind: "button", input: "restore", label: (m) => m.directory.bulk.restore },
  },
  delete: {
    label: (m) => m.directory.action.delete,
    done: (m, user) => m.directory.actionDone.delete(user.displayName),
    tone: "danger",
    run: {
      kind: "write",
      write: /* @__PURE__ */ userWrite(deleteUser),
      confirm: {
        title: (m, user) => m.confirm.deleteTitle(user.displayName),
        description: (m) => m.confirm.deleteBody,
        confirmLabel: (m) => m.confirm.deleteConfirm,
        typeToConfirm: (user) => user.email,
        details: () => <DeletionScope />,
      },
    },
    bulk: {
      kind: "button",
      input: "delete",
      label: (m) => m.directory.bulk.delete,
      confirm: {
        title: (m, count) => m.directory.bulkConfirmDelete(count),
        description: (m) => m.directory.bulkConfirmDeleteBody,
        confirmLabel: (m) => m.confirm.deleteConfirm,
        typeToConfirm: (m) => m.directory.bulkDeleteWord,
      },
    },
  },
  resendInvitation: {
    label: (m) => m.directory.action.resendInvitation,
    done: (m, user) => m.directory.actionDone.resendInvitation(user.displayName),
    tone: "default",
    run: { kind: "write", write: /* @__PURE__ */ userWrite(resendInvitation) },
    bulk: null,
  },
  revokeInvitation: {
    label: (m) => m.directory.action.revokeInvitation,
    done: (m, user) => m.directory.actionDone.revokeInvitation(user.displayName),
    tone: "danger",
    run: {
      kind: "write",
      write: /* @__PURE__ */ userWrite(revokeInvitation),
      confirm: {
        title: (m, user) => m.confirm.revokeTitle(user.displayName),
        description: (m) => m.confirm.revokeBody,
        confirmLabel: (m) => m.confirm.revokeConfirm,
      },
    },
    bulk: null,
  },
  resetPassword: {
    label: (m) => m.directory.action.resetPassword,
    done: (m, user) => m.directory.actionDone.resetPassword(user.displayName),
    tone: "default",
    run: {
      kind: "dialog",
      dialog: ({ user, onOpenChange, onDone }) => (
        <LazyResetPasswordDialog user={user} open onOpenChange={onOpenChange} onDone={onDone} />
      ),
    },
    bulk: null,
  },
  unlock: {
    label: (m) => m.directory.action.unlock,
    done: (m, user) => m.directory.actionDone.unlock(user.displayName),
    tone: "default",
    run: { kind: "write", write: /* @__PURE__ */ userWrite(unlockUser) },
    bulk: null,
  },
});

/** The actions the bulk bar can run, in table order. */
export const BULK_ACTIONS: readonly UserActionSpec[] = /* @__PURE__ */ Object.values(USER_ACTIONS).filter(
  (spec) => spec.bulk !== null,
);

/**
 * One action as offered on one user: allowed, or refused with the reason to show beside it
 * (disabled) — core's verdict from `users.actions(user)`, its words through the messages table.
 *
 * @example const offer: ActionOffer = { action: "disable" };
 * @example const refused: ActionOffer = { action: "delete", refused: "Only the main contact can remove an administrator." };
 */
export interface ActionOffer {
  readonly action: UserAction;
  /** Why the action is shown but cannot be taken. Default: allowed. */
  readonly refused?: string;
}

/** The user form, editing the row's user; its notice names the user as saved. */
function EditDialog({ user, onOpenChange, onDone }: ActionDialogProps): ReactNode {
  const m = useMessages();
  return (
    <LazyUserFormDialog
      mode="edit"
      userId={user.id}
      open
      onOpenChange={onOpenChange}
      onSaved={(saved) => onDone(m.directory.userUpdated(saved.displayName))}
    />
  );
}
