import * as z from "zod/mini";
import type { Verdict } from "../errors/verdict";
import { VerdictSchema } from "../errors/verdict.schema";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";

// Wire-only (core builds it, never parses it): kept apart from the schemas the service parses with.

/**
 * One live session as an administrator sees it (W13, `sessions.list`): who (`userId`,
 * `displayName`, `email`), where from (`client`: browser and system families, `network`: the /24
 * or /48 the address lies in — never the raw address or user-agent string), since when
 * (`createdAt`), last active (`lastSeenAt`), when it ends unless used (`idleExpiresAt`) and at the
 * latest (`expiresAt`); `self` marks the actor's own sessions and `end` is core's verdict on ending
 * it — the one `sessions.end` asserts, so a refused End shows the reason the service would give.
 *
 * @example SessionSummarySchema.parse((await admin.sessions.list()).items[0]).client?.browser
 */
export const SessionSummarySchema = z.strictObject({
  id: IdSchema,
  userId: IdSchema,
  displayName: z.string(),
  email: z.string(),
  client: z.nullable(z.strictObject({ browser: z.nullable(z.string()), system: z.nullable(z.string()) })),
  network: z.nullable(z.string()),
  createdAt: IsoDateSchema,
  lastSeenAt: IsoDateSchema,
  idleExpiresAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
  self: z.boolean(),
  end: VerdictSchema,
});
/**
 * A live session as the Sessions list shows it.
 *
 * @example { id: "ses_…", userId: "usr_…", displayName: "Jane Smith RN", email: "jane@clinic.org",
 *   client: { browser: "Chrome", system: "Windows" }, network: "203.0.113.0/24", createdAt: "…",
 *   lastSeenAt: "…", idleExpiresAt: "…", expiresAt: "…", self: false, end: { allowed: true } }
 */
export type SessionSummary = Omit<z.infer<typeof SessionSummarySchema>, "end"> & {
  /** Core's verdict on ending this session: the one `sessions.end` asserts. */
  readonly end: Verdict;
};
