import type { AuditVerification } from "@staffroom/core";
import type { ReactNode } from "react";
import { useMessages } from "../../provider/context";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";

/** What the trail reports above its table. */
export type AuditNoticeValue =
  | { readonly kind: "verified"; readonly result: AuditVerification }
  | { readonly kind: "exported"; readonly count: number; readonly fileName: string }
  | { readonly kind: "error"; readonly title: string; readonly text: string };

/**
 * The outcome of "Verify integrity" (intact with its anchoring head, or the first bad event), of an
 * export, or of a failure, with a dismiss button.
 *
 * @example <AuditNotice notice={{ kind: "verified", result }} onDismiss={() => setNotice(null)} />
 */
export function AuditNotice({
  notice,
  onDismiss,
}: {
  readonly notice: AuditNoticeValue;
  readonly onDismiss: () => void;
}): ReactNode {
  const m = useMessages().audit;
  const dismiss = (
    <Button size="sm" variant="ghost" onClick={onDismiss}>
      {m.dismiss}
    </Button>
  );
  if (notice.kind === "exported") {
    return <Alert tone="success" title={m.exported(notice.count, notice.fileName)} action={dismiss} />;
  }
  if (notice.kind === "error") {
    return (
      <Alert tone="danger" title={notice.title} action={dismiss}>
        {notice.text}
      </Alert>
    );
  }
  const { result } = notice;
  if (!result.ok) {
    const seq = result.firstBadSequence ?? 0;
    return (
      <Alert tone="danger" title={m.brokenTitle} action={dismiss}>
        <p>{m.broken[result.problem ?? "edited"](seq)}</p>
        {result.checked > 0 ? <p>{m.brokenChecked(result.checked)}</p> : null}
      </Alert>
    );
  }
  return (
    <Alert tone="success" title={m.intactTitle} action={dismiss}>
      {result.head ? (
        <>
          <p>{m.intact(result.checked, result.head.sequence)}</p>
          <p>
            {m.intactHead}: <code className="sr-mono sr-audit-hash">{result.head.hash}</code>
          </p>
        </>
      ) : (
        <p>{m.intactEmpty}</p>
      )}
    </Alert>
  );
}
