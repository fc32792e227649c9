import type { ReactNode } from "react";
import { Alert } from "./Alert";
import { Button } from "./Button";

/** Props of {@link SuccessNotice}. */
export interface SuccessNoticeProps {
  /** What just succeeded; nothing renders while null. */
  readonly message: ReactNode | null;
  readonly dismissLabel: string;
  readonly onDismiss: () => void;
}

/**
 * A dismissible confirmation after a change (announced politely).
 *
 * @example <SuccessNotice message={notice} dismissLabel={t.dismiss} onDismiss={() => setNotice(null)} />
 */
export function SuccessNotice({ message, dismissLabel, onDismiss }: SuccessNoticeProps): ReactNode {
  if (message === null || message === undefined || message === false) return null;
  return (
    <div className="sr-notice">
      <Alert
        tone="success"
        title={message}
        action={
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            {dismissLabel}
          </Button>
        }
      />
    </div>
  );
}
