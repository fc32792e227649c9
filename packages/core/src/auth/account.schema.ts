import * as z from "zod/mini";
import { EmailSchema } from "../primitives/contact.schema";
import { IdSchema } from "../primitives/ids.schema";
import { IsoDateSchema } from "../primitives/instant.schema";

/**
 * A stored password hash with its parameters, so a stronger setting or another algorithm can take
 * over on the next sign-in (R15).
 *
 * @example { algorithm: "pbkdf2-sha256", iterations: 600000, salt: "base64…", hash: "base64…" }
 */
export const PasswordHashSchema = z.strictObject({
  algorithm: z.string(),
  iterations: z.int(),
  salt: z.string(),
  hash: z.string(),
});
/**
 * A password hash record.
 *
 * @example { algorithm: "pbkdf2-sha256", iterations: 600000, salt: "base64…", hash: "base64…" }
 */
export type PasswordHash = z.infer<typeof PasswordHashSchema>;

/**
 * A person's global login identity (DESIGN §2): email, password credential, lock state. Never returned
 * by the directory API; users carry what a UI needs of it.
 */
export const AccountSchema = z.strictObject({
  id: IdSchema,
  email: EmailSchema,
  password: z.nullable(PasswordHashSchema),
  failedSignIns: z.int(),
  lockouts: z.int(),
  lockedUntil: z.nullable(IsoDateSchema),
  lastSignInAt: z.nullable(IsoDateSchema),
  passwordChangedAt: z.nullable(IsoDateSchema),
  version: z.int(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
/** An account as stored. */
export type Account = z.infer<typeof AccountSchema>;
