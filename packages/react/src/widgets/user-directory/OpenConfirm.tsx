import type { ReactNode } from "react";
import { type ConfirmContentProps, ConfirmDialog } from "../confirm-dialog/ConfirmDialog";

/** Props of {@link OpenConfirm}: the confirmation's content and what closing it does. */
export interface OpenConfirmProps extends ConfirmContentProps {
  readonly onOpenChange: (open: boolean) => void;
}

/**
 * An open `ConfirmDialog` (Root and Content in one), the directory's row and bulk confirmations.
 * One component so the directory can load it (and Radix Dialog with it) lazily.
 *
 * @example <OpenConfirm title="Disable Ada?" confirmLabel="Disable" onConfirm={run} onOpenChange={close} />
 */
export function OpenConfirm({ onOpenChange, ...content }: OpenConfirmProps): ReactNode {
  return (
    <ConfirmDialog.Root open onOpenChange={onOpenChange}>
      <ConfirmDialog.Content {...content} />
    </ConfirmDialog.Root>
  );
}
