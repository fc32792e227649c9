import { type ReactNode, useEffect, useRef } from "react";
import { useMessages } from "../../provider/context";
import {
  LazyConfirm,
  LazyInviteManyDialog,
  LazyInviteUserDialog,
  LazyUserFormDialog,
  preloadDirectoryDialogs,
} from "./lazy-dialogs";
import type { PendingBulkAction, PendingUserAction, UserDirectoryDialogs } from "./use-user-directory";

/**
 * The directory's dialogs, each drawn from the action table: the pending row action's own dialog
 * or its confirmation, the bulk confirmation, and the create and invite dialogs. Rendered by
 * `UserDirectory.Root` (they portal out, so where they sit in the tree does not matter). Each is
 * loaded lazily (`lazy-dialogs.ts`): after the directory's first paint, or when one opens first.
 *
 * @example <DirectoryDialogs dialogs={directory.dialogs} />
 */
export function DirectoryDialogs({ dialogs }: { readonly dialogs: UserDirectoryDialogs }): ReactNode {
  const m = useMessages();
  const bulk = dialogs.bulk;
  const bulkConfirm = bulk?.spec.bulk?.kind === "button" ? bulk.spec.bulk.confirm : undefined;
  useEffect(() => {
    // After the first paint and off its path: the dialogs' chunks are not needed to show a page.
    const handle = setTimeout(() => void preloadDirectoryDialogs(), IDLE_MS);
    return () => clearTimeout(handle);
  }, []);
  return (
    <>
      {dialogs.action ? <RowActionDialog dialogs={dialogs} pending={dialogs.action} /> : null}
      {bulk && bulkConfirm ? (
        <LazyConfirm
          onOpenChange={(open) => !open && dialogs.closeBulk()}
          title={bulkConfirm.title(m, bulk.people.length)}
          description={bulkConfirm.description(m)}
          confirmLabel={bulkConfirm.confirmLabel(m, bulk.people.length)}
          {...(bulkConfirm.typeToConfirm === undefined ? {} : { confirmText: bulkConfirm.typeToConfirm(m) })}
          onConfirm={() => dialogs.confirmBulk(bulk.input)}
        >
          <BulkPeople pending={bulk} />
        </LazyConfirm>
      ) : null}
      {dialogs.creating === "create" ? (
        <LazyUserFormDialog
          mode="create"
          open
          onOpenChange={(open) => !open && dialogs.closeCreate()}
          onSaved={(user) => dialogs.done(m.directory.userCreated(user.displayName))}
        />
      ) : null}
      {dialogs.creating === "invite" ? (
        <LazyInviteUserDialog
          open
          onOpenChange={(open) => !open && dialogs.closeCreate()}
          onInvited={(user) => dialogs.done(m.directory.invitationSent(user.email))}
        />
      ) : null}
      {dialogs.creating === "inviteMany" ? (
        // The dialog stays open on its per-address results; the notice behind it sums them up.
        <LazyInviteManyDialog
          open
          onOpenChange={(open) => !open && dialogs.closeCreate()}
          onInvited={(result) => dialogs.done(m.directory.invitedMany(result.succeeded, result.failed))}
        />
      ) : null}
    </>
  );
}

/** How long after the directory mounts its dialogs start loading: past its first page's paint. */
const IDLE_MS = 50;

/** How many people a bulk confirmation names before "and N more". */
const NAMED = 3;

/** The people a bulk action goes to (the first few, then how many more) and those it skips, with core's reasons. */
function BulkPeople({ pending }: { readonly pending: PendingBulkAction }): ReactNode {
  const m = useMessages();
  const names = pending.people.slice(0, NAMED).map((u) => u.displayName);
  return (
    <>
      <p className="sr-bulk-people">{m.directory.bulkPeople(names, pending.people.length - names.length)}</p>
      {pending.skipped.length > 0 ? (
        <div className="sr-bulk-skipped">
          <p>{m.directory.bulkSkippedTitle(pending.skipped.length)}</p>
          <ul>
            {pending.skipped.map(({ user, reason }) => (
              <li key={user.id}>{m.directory.bulkSkipped(user.displayName, reason)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function RowActionDialog({
  dialogs,
  pending,
}: {
  readonly dialogs: UserDirectoryDialogs;
  readonly pending: PendingUserAction;
}): ReactNode {
  const m = useMessages();
  // Whether the action finished before its dialog closed (a dialog reports done, then closes).
  const done = useRef(false);
  const { spec, user } = pending;
  const run = spec.run;
  if (run.kind === "dialog") {
    return run.dialog({
      user,
      onOpenChange: (open) => !open && dialogs.closeAction(done.current),
      onDone: (text) => {
        done.current = true;
        dialogs.done(text);
      },
    });
  }
  const confirm = run.confirm;
  if (!confirm) return null;
  return (
    <LazyConfirm
      onOpenChange={(open) => !open && dialogs.closeAction(done.current)}
      title={confirm.title(m, user)}
      description={confirm.description(m)}
      confirmLabel={confirm.confirmLabel(m)}
      {...(confirm.typeToConfirm ? { confirmText: confirm.typeToConfirm(user) } : {})}
      onConfirm={async () => {
        await dialogs.confirmAction(pending);
        done.current = true;
      }}
    >
      {confirm.details?.()}
    </LazyConfirm>
  );
}
