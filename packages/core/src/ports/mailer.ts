/**
 * An email Staffroom sends. `link` carries the single-use token; it exists nowhere else (R15).
 *
 * @example { kind: "invitation", to: "sam@clinic.org", subject: "You're invited to Harbor Urgent Care",
 *   text: "…", link: "https://ehr.example/accept-invitation?token=…", organizationId: "org_…" }
 */
export interface MailMessage {
  readonly kind: "invitation" | "password_reset" | "password_changed" | "account_joined";
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly link: string | null;
  readonly organizationId: string | null;
}

/**
 * Sends email. Called after the transaction that issued the token has committed; a failure to send
 * does not undo the change (an invitation can be resent).
 *
 * @example createDirectory({ store, mailer: { send: async (m) => smtp.send(m) } })
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * A sent message with its time.
 *
 * @example mailer.outbox.at(-1) // { kind: "invitation", to: "sam@clinic.org", …, sentAt: "2026-11-23T12:00:00.000Z" }
 */
export interface OutboxEntry extends MailMessage {
  readonly sentAt: string;
}

/**
 * A mailer that keeps messages in memory, for demos and tests.
 *
 * @example const mailer = memoryMailer(); … mailer.latest("sam@clinic.org", "invitation")?.link
 */
export interface MemoryMailer extends Mailer {
  /** Every message, oldest first. */
  readonly outbox: readonly OutboxEntry[];
  /** The newest message to `to` (optionally of a kind), or undefined. */
  latest(to: string, kind?: MailMessage["kind"]): OutboxEntry | undefined;
  /** Empties the outbox. */
  clear(): void;
}

/**
 * The in-memory outbox (default mailer).
 *
 * @example const mailer = memoryMailer(); … mailer.latest("sam@clinic.org", "invitation")?.link
 */
export function memoryMailer(): MemoryMailer {
  const outbox: OutboxEntry[] = [];
  return {
    outbox,
    async send(message) {
      outbox.push({ ...message, sentAt: new Date().toISOString() });
    },
    latest(to, kind) {
      for (let i = outbox.length - 1; i >= 0; i--) {
        const m = outbox[i];
        if (m && m.to === to && (kind === undefined || m.kind === kind)) return m;
      }
      return undefined;
    },
    clear() {
      outbox.length = 0;
    },
  };
}

/** Reads the token out of a Staffroom link (`…?token=…` or `…#token=…`). @example tokenFromLink(mail.link) */
export function tokenFromLink(link: string | null | undefined): string | null {
  if (!link) return null;
  const match = /[?#&]token=([A-Za-z0-9_-]+)/.exec(link);
  return match?.[1] ?? null;
}
