import type { Actor } from "../access/access.schema";
import type { Catalog } from "../access/catalog";
import type { BackgroundTasks } from "../ports/background";
import type { Clock } from "../ports/clock";
import type { IdGenerator } from "../ports/ids";
import type { Mailer, MailMessage } from "../ports/mailer";
import type { PasswordHasher } from "../ports/password-hasher";
import type { RateLimiter } from "../ports/rate-limiter";
import type { RoleTemplate } from "../roles/templates";
import type { DirectoryStore, StoreTransaction } from "../store/store.port";
import type { LinkBuilder } from "./directory.types";
import type { DirectoryPolicy } from "./policy";

/** Everything a use-case needs, resolved from the options once per directory. */
export interface ServiceContext {
  readonly store: DirectoryStore;
  readonly passwords: PasswordHasher;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly catalog: Catalog<string>;
  readonly templates: readonly RoleTemplate[];
  readonly policy: DirectoryPolicy;
  readonly links: LinkBuilder;
  readonly isCommonPassword: ((password: string) => boolean) | undefined;
  readonly breachedPasswordCheck: ((password: string) => Promise<boolean>) | undefined;
  /** Per-client throttling; null when turned off. */
  readonly rateLimiter: RateLimiter | null;
  readonly background: BackgroundTasks;
}

/** The state one mutation carries: its transaction, the mail to send after commit. */
export interface Unit {
  readonly tx: StoreTransaction;
  readonly now: string;
  readonly nowMs: number;
  readonly mail: MailMessage[];
  readonly actor: Actor;
}

/** Sends mail produced by a committed unit; a send failure never undoes the committed change. */
export async function sendAfterCommit(ctx: ServiceContext, mail: readonly MailMessage[]): Promise<void> {
  for (const message of mail) {
    try {
      await ctx.mailer.send(message);
    } catch {
      // The change stands; the invitation or link can be sent again. Never log the message: it holds a token.
    }
  }
}
