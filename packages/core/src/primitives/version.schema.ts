import * as z from "zod/mini";

/** What a malformed version hears, locally and over REST (`If-Match`). */
export const VERSION_MESSAGE = "The version must be a whole number.";

/**
 * R12: the version of a record as read (every read returns it; every write names it). A whole number
 * from 0.
 *
 * @example VersionSchema.parse(3) // 3
 */
export const VersionSchema = z.int({ error: VERSION_MESSAGE }).check(z.gte(0, VERSION_MESSAGE));

/**
 * R12: the version a write is based on, as every write's last argument takes it. Other keys are
 * ignored, so the record itself can be passed (`users.disable(user.id, user)`).
 *
 * @example admin.users.disable(user.id, { version: user.version })
 */
export const VersionOptionSchema = z.object({ version: VersionSchema });

/** The version a write is based on (R12). @example { version: 3 } */
export type VersionOption = z.infer<typeof VersionOptionSchema>;
