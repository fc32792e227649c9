import { DirectoryError } from "@staffroom/core";
import type { ReactNode } from "react";
import { useMe } from "../hooks/reads";
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
 * The one way a widget says its data failed to load: core's message and a retry button. A
 * `forbidden` that arrives while the actor (`me()`) is still loading shows as loading instead: the
 * widget's screen gate then shows "no access" or, for an actor who may read, the error.
 *
 * @example {roles.isError ? <LoadError title={t.loadError} error={roles.error} onRetry={() => void roles.refetch()} /> : …}
 */
export function LoadError({ title, error, onRetry, className = "sr-notice" }: LoadErrorProps): ReactNode {
  const m = useMessages();
  const me = useMe();
  // A refusal that arrives before the actor has loaded may just mean the actor may not open this
  // screen, which its widget then says calmly ("You don't have access to …"): until the actor is
  // known it is a wait, not an alarm.
  if (DirectoryError.is(error, "forbidden") && !me.data && !me.isError) {
    return (
      <p className="sr-empty sr-muted" role="status">
        {m.common.loading}
      </p>
    );
  }
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
