import { type ReactNode, useCallback, useEffect, useId, useState } from "react";
import type { DemoBackend } from "../backend/backend";
import { Link } from "../routing/Link";
import type { OutboxMessage } from "../seed/outbox";
import { NavIcon } from "../shell/icons";
import { Notice, PageHeader, Pending } from "../shell/PageHeader";
import { inAppLink } from "./mail-link";

/** How often the open Mail page looks for new messages. */
const POLL_MS = 2000;

const KIND_LABELS: Readonly<Record<OutboxMessage["kind"], string>> = {
  invitation: "Invitation",
  password_reset: "Password reset",
  password_changed: "Password changed",
  account_joined: "Organization joined",
};

/** A message's identity: a mailed link carries a fresh token, and two notices to one person differ in time. */
function messageKey(message: OutboxMessage): string {
  return `${message.sentAt}|${message.kind}|${message.to}|${message.link ?? ""}`;
}

function sentAt(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "medium" });
}

function Message({ message }: { readonly message: OutboxMessage }): ReactNode {
  const id = useId();
  const target = inAppLink(message.link);
  return (
    <article className="mail-message" aria-labelledby={id}>
      <header className="mail-head">
        <h2 id={id} className="mail-subject">
          {message.subject}
        </h2>
        <span className={`mail-kind mail-kind-${message.kind}`}>{KIND_LABELS[message.kind]}</span>
      </header>
      <p className="mail-meta">
        <span>To: {message.to}</span>
        <time dateTime={message.sentAt}>{sentAt(message.sentAt)}</time>
      </p>
      <p className="mail-text">{message.text}</p>
      {target ? (
        <p>
          <Link to={target} className="app-button">
            Open link
          </Link>
        </p>
      ) : null}
    </article>
  );
}

/**
 * /mail: the demo's outbox, newest first — invitations, reset links and notices, each link opening
 * the app's own page (on the same wiring, without a reload). Looks for new mail every two seconds.
 *
 * @example <MailPage backend={backend} />
 */
export function MailPage({ backend }: { readonly backend: DemoBackend }): ReactNode {
  const [messages, setMessages] = useState<readonly OutboxMessage[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    try {
      setMessages(await backend.outbox());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [backend]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  return (
    <div className="mail-page">
      <PageHeader trail={["Harbor EHR", "Demo outbox"]} title="Mail" size="large">
        Staffroom's email in this demo —{" "}
        {backend.wiring === "browser" ? "sent by the core in this page" : "sent by the demo server"}. Nothing
        leaves the machine.
      </PageHeader>
      {failed ? <Notice tone="warning">The outbox could not be read. Trying again…</Notice> : null}
      {messages === null ? (
        <Pending>Reading the outbox…</Pending>
      ) : messages.length === 0 ? (
        <div className="mail-empty">
          <NavIcon name="mail" />
          <p>
            No mail yet. Invite someone from Users, or ask for a password reset, and the message appears here.
          </p>
        </div>
      ) : (
        <div className="mail-list">
          {messages.map((message) => (
            <Message key={messageKey(message)} message={message} />
          ))}
        </div>
      )}
    </div>
  );
}
