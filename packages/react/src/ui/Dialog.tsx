import * as RadixDialog from "@radix-ui/react-dialog";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useStaffroom } from "../provider/context";
import { type FocusReturn, focusFirstField, rememberFocus } from "./focus-return";
import { ThemeScope } from "./ThemeScope";

/** Props of {@link DialogContent}. */
export interface DialogContentProps {
  readonly title: ReactNode;
  readonly description?: ReactNode;
  readonly size?: "md" | "lg";
  readonly children?: ReactNode;
  /** Buttons along the bottom. */
  readonly footer?: ReactNode;
  /** Keeps the dialog open on outside clicks (forms with unsaved input). */
  readonly preventOutsideClose?: boolean;
}

/**
 * The kit's dialog surface over Radix Dialog: portal into the provider's container, overlay, focus
 * trap, Escape to close, labelled by its title and description. It opens on its first field (or,
 * with none, Radix's first button), and on closing gives focus back to what had it when it opened —
 * a menu's button, "New user" — or, when that has gone (the row left the list), to the control now
 * in its place ({@link rememberFocus}); Radix alone returns focus only to a `Dialog.Trigger`.
 *
 * @example
 * <Dialog.Root open={open} onOpenChange={setOpen}>
 *   <DialogContent title="Disable Jane Smith RN?" footer={…}>…</DialogContent>
 * </Dialog.Root>
 */
export function DialogContent({
  title,
  description,
  size = "md",
  children,
  footer,
  preventOutsideClose,
}: DialogContentProps): ReactNode {
  const { portalContainer } = useStaffroom();
  // What had focus as the dialog opened: the control that opened it. Captured by <RememberOpener>
  // inside Radix's Content, which mounts on every opening; this component itself may stay mounted
  // while closed (ConfirmDialog.Content), so its own first render is not the opening.
  const opener = useRef<FocusReturn | null>(null);
  const stopWaiting = useRef<() => void>(() => {});
  useEffect(() => () => stopWaiting.current(), []);
  return (
    <RadixDialog.Portal container={portalContainer ?? undefined}>
      <ThemeScope>
        <RadixDialog.Overlay className="sr-overlay" />
        <RadixDialog.Content
          className="sr-dialog"
          data-size={size}
          {...(description ? {} : { "aria-describedby": undefined })}
          onPointerDownOutside={preventOutsideClose ? (e) => e.preventDefault() : undefined}
          onOpenAutoFocus={(event) => {
            if (!(event.currentTarget instanceof HTMLElement)) return;
            const { focused, stop } = focusFirstField(event.currentTarget);
            stopWaiting.current = stop;
            if (focused) event.preventDefault();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            stopWaiting.current();
            opener.current?.restore();
          }}
        >
          <RememberOpener into={opener} />
          <div className="sr-dialog-header">
            <RadixDialog.Title className="sr-dialog-title">{title}</RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="sr-dialog-description">
                {description}
              </RadixDialog.Description>
            ) : null}
          </div>
          {children}
          {footer ? <div className="sr-dialog-footer">{footer}</div> : null}
        </RadixDialog.Content>
      </ThemeScope>
    </RadixDialog.Portal>
  );
}

/** Records what has focus in the render that mounts the dialog's content, before Radix moves it. */
function RememberOpener({ into }: { readonly into: { current: FocusReturn | null } }): null {
  useState(() => {
    into.current = rememberFocus();
  });
  return null;
}

/** Radix Dialog's Root, Trigger and Close, re-exported for compound use. */
export const Dialog = {
  Root: RadixDialog.Root,
  Trigger: RadixDialog.Trigger,
  Close: RadixDialog.Close,
};
