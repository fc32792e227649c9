import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { usePartContext } from "./directory-context";

/**
 * `UserDirectory.Notice`: the outcome of the last action — a confirmation, core's reason for a
 * refusal, or a bulk action's count with each refused row and its reason — with a dismiss button.
 * Renders nothing when there is no notice.
 *
 * @example <UserDirectory.Notice />
 */
export function DirectoryNotice(): ReactNode {
  const { api } = usePartContext("Notice");
  const m = useMessages().directory;
  const notice = api.notice;
  if (!notice) return null;
  return (
    <div className="sr-notice">
      <Alert
        tone={notice.tone}
        title={notice.text}
        action={
          <Button size="sm" variant="ghost" onClick={api.dismissNotice}>
            {m.dismiss}
          </Button>
        }
      >
        {notice.details?.length ? (
          <ul>
            {notice.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    </div>
  );
}
