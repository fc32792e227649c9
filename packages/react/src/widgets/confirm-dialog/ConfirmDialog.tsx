import { createContext, type ReactNode, useContext, useId, useState } from "react";
import { errorMessage } from "../../messages/error-message";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Dialog, DialogContent } from "../../ui/Dialog";

interface ConfirmState {
  readonly open: boolean;
  setOpen(open: boolean): void;
}
const ConfirmContext = createContext<ConfirmState | null>(null);

/** Props of {@link ConfirmDialog.Root}. */
export interface ConfirmRootProps {
  /** Controlled open state; leave unset to let Trigger open it. */
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  readonly defaultOpen?: boolean;
  readonly children: ReactNode;
}

function Root({ open, onOpenChange, defaultOpen = false, children }: ConfirmRootProps): ReactNode {
  const [own, setOwn] = useState(defaultOpen);
  const isOpen = open ?? own;
  const setOpen = (next: boolean) => {
    if (open === undefined) setOwn(next);
    onOpenChange?.(next);
  };
  return (
    <ConfirmContext.Provider value={{ open: isOpen, setOpen }}>
      <Dialog.Root open={isOpen} onOpenChange={setOpen}>
        {children}
      </Dialog.Root>
    </ConfirmContext.Provider>
  );
}

/** Props of {@link ConfirmDialog.Content}. */
export interface ConfirmContentProps {
  readonly title: ReactNode;
  readonly description?: ReactNode;
  readonly confirmLabel: string;
  readonly tone?: "danger" | "primary";
  /** The confirm button stays disabled until this exact text is typed (for example the user's email). */
  readonly confirmText?: string;
  /** Runs on confirm; the dialog closes when it resolves and shows the error when it rejects. */
  readonly onConfirm: () => Promise<unknown> | undefined;
  readonly children?: ReactNode;
}

function Content({
  title,
  description,
  confirmLabel,
  tone = "danger",
  confirmText,
  onConfirm,
  children,
}: ConfirmContentProps): ReactNode {
  const state = useContext(ConfirmContext);
  if (!state) throw new Error("ConfirmDialog.Content must be inside ConfirmDialog.Root.");
  const m = useMessages();
  const inputId = useId();
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const matches = confirmText === undefined || typed.trim().toLowerCase() === confirmText.toLowerCase();
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setTyped("");
      state.setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogContent
      title={title}
      description={description}
      footer={
        <>
          <Dialog.Close asChild>
            <Button>{m.common.cancel}</Button>
          </Dialog.Close>
          <Button variant={tone} busy={busy} disabled={!matches} onClick={confirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form
        className="sr-dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches && !busy) void confirm();
        }}
      >
        {children}
        {confirmText !== undefined ? (
          <div className="sr-field">
            <label className="sr-label" htmlFor={inputId}>
              {m.confirm.typeToConfirm(confirmText)}
            </label>
            <input
              id={inputId}
              className="sr-input"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
        ) : null}
        {error ? <Alert tone="danger">{errorMessage(m, error)}</Alert> : null}
      </form>
    </DialogContent>
  );
}

/**
 * A confirmation dialog (Radix Dialog underneath): Root, Trigger, Content. Destructive actions can
 * require typing a text (the user's email) before the confirm button enables. The action's
 * DirectoryError shows inside the dialog; focus returns to the trigger on close.
 *
 * @example
 * <ConfirmDialog.Root>
 *   <ConfirmDialog.Trigger asChild><Button variant="danger">Delete</Button></ConfirmDialog.Trigger>
 *   <ConfirmDialog.Content title="Delete Jane Smith RN permanently?" confirmLabel="Delete permanently"
 *     confirmText="jane.smith@clinic.example" onConfirm={() => remove.mutate(user)} />
 * </ConfirmDialog.Root>
 */
export const ConfirmDialog = { Root, Trigger: Dialog.Trigger, Content };
