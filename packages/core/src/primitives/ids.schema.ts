import * as z from "zod/mini";

/** Kinds of identifier, each with its own prefix so an id names what it points at. */
export const ID_PREFIXES = {
  organization: "org",
  location: "loc",
  user: "usr",
  account: "acc",
  role: "rol",
  invitation: "inv",
  event: "evt",
  session: "ses",
  provisioningToken: "ptk",
  provisioningGroup: "grp",
} as const;

/** A kind of identifier. @example "user" */
export type IdKind = keyof typeof ID_PREFIXES;

/**
 * Shape of every id: a three-letter prefix, an underscore, 10–40 lowercase letters or digits.
 *
 * @example ID_PATTERN.test("usr_0000000001") // true
 */
export const ID_PATTERN = /^[a-z]{3}_[0-9a-z]{10,40}$/;

/** An identifier. @example "usr_01jd8x3k2m9q4r7t" */
export const IdSchema = z.string().check(z.regex(ID_PATTERN, "Not a valid id."));

/**
 * True when `value` is shaped like an id ({@link ID_PATTERN}); hand parsers use it where a schema
 * would be too much.
 *
 * @example isId("usr_0000000001") // true
 */
export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}
