import type { MailMessage, OutboxEntry } from "@staffroom/core";

/**
 * One message of the demo's outbox as `GET /demo/outbox` answers it and the Mail page shows it.
 *
 * @example { to: "sam@harbor.example", subject: "You're invited to Harbor Urgent Care", kind: "invitation",
 *   link: "http://127.0.0.1:5180/accept-invitation#token=…", text: "…", sentAt: "2026-11-23T09:00:00.000Z" }
 */
export interface OutboxMessage {
  readonly to: string;
  readonly subject: string;
  readonly kind: MailMessage["kind"];
  readonly link: string | null;
  readonly text: string;
  readonly sentAt: string;
}

/**
 * The outbox newest first, with exactly the fields of the demo contract (no organization id).
 *
 * @example outboxMessages(mailer.outbox)[0]?.subject
 */
export function outboxMessages(outbox: readonly OutboxEntry[]): OutboxMessage[] {
  const messages: OutboxMessage[] = [];
  for (let i = outbox.length - 1; i >= 0; i--) {
    const m = outbox[i];
    if (!m) continue;
    messages.push({
      to: m.to,
      subject: m.subject,
      kind: m.kind,
      link: m.link,
      text: m.text,
      sentAt: m.sentAt,
    });
  }
  return messages;
}
