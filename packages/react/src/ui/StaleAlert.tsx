import type { ReactNode } from "react";
import { useMessages } from "../provider/context";
import { Alert } from "./Alert";
import { Button } from "./Button";

/** Props of {@link StaleAlert}. */
export interface StaleAlertProps {
  readonly title: string;
  readonly body: string;
  /** Loads the record's current version into the form. */
  readonly onReload: () => void;
}

/**
 * The R12 conflict notice of a form: someone else saved first; "Reload" takes their version.
 *
 * @example {stale ? <StaleAlert title={t.staleTitle} body={t.staleBody} onReload={() => void reload()} /> : null}
 */
export function StaleAlert({ title, body, onReload }: StaleAlertProps): ReactNode {
  const m = useMessages();
  return (
    <Alert
      tone="warning"
      role="alert"
      title={title}
      action={
        <Button size="sm" onClick={onReload}>
          {m.common.reload}
        </Button>
      }
    >
      {body}
    </Alert>
  );
}
