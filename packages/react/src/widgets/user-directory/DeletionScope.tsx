import { type ReactNode, useId } from "react";
import { useMessages } from "../../provider/context";

/**
 * What deleting a user erases and what it keeps, as two lists (W6). The copy is a promise: every
 * item is what core's `users.delete` does (`messages.confirm.deleteErased` and `deleteKept`; the
 * kept list names an erased person with the audit trail's own word, `messages.audit.erased`).
 *
 * @example <ConfirmDialog.Content title={…} description={m.confirm.deleteBody} …><DeletionScope /></ConfirmDialog.Content>
 */
export function DeletionScope(): ReactNode {
  const m = useMessages();
  const erasedId = useId();
  const keptId = useId();
  return (
    <div className="sr-deletion-scope">
      <section aria-labelledby={erasedId}>
        <h3 id={erasedId}>{m.confirm.deleteErasedTitle}</h3>
        <ul>
          {m.confirm.deleteErased.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={keptId}>
        <h3 id={keptId}>{m.confirm.deleteKeptTitle}</h3>
        <ul>
          {m.confirm.deleteKept(m.audit.erased).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
