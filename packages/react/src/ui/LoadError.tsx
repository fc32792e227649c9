import type { ReactNode } from "react";
import { errorMessage } from "../messages/error-message";
import { useMessages } from "../provider/context";
import { Alert } from "./Alert";
import { Button } from "./Button";

/** Props of {@link LoadError}. */
export interface LoadErrorProps {
  /** What could not be loaded, e.g. `messages.roles.loadError`. */
  readonly title: ReactNode;
  /** The error the query failed with; its message comes from core (or the host's override). */
  readonly error: unknown;
  /** Loads again. */
  readonly onRetry: () => void;
  /** Wrapper class. Default `sr-notice`. */
  readonly className?: string;
}

/**
 * The one way a widget says its data failed to load: core's message and a retry button.
 *
 * @example {roles.isError ? <LoadError title={t.loadError} error={roles.error} onRetry={() => void roles.refetch()} /> : …}
 */
export function LoadError({ title, error, onRetry, className = "sr-notice" }: LoadErrorProps): ReactNode {
  const m = useMessages();
  return (
    <div className={className}>
      <Alert
        tone="danger"
        title={title}
        action={
          <Button size="sm" onClick={onRetry}>
            {m.common.retry}
          </Button>
        }
      >
        {errorMessage(m, error)}
      </Alert>
    </div>
  );
}
