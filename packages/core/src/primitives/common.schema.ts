import * as z from "zod/mini";
import { plainTextCheck } from "./text.schema";

export {
  isPlainText,
  isTokenText,
  optionalMultilineText,
  optionalText,
  plainString,
  plainTextCheck,
  type TextIssueCode,
  type TextKind,
  TOKEN_PATTERN,
  text,
  textIssue,
  textProblem,
  textProblemMessage,
  toPlainText,
} from "./text.schema";

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
} as const;

/** A kind of identifier. @example "user" */
export type IdKind = keyof typeof ID_PREFIXES;

/** Shape of every id: a three-letter prefix, an underscore, 10–40 lowercase letters or digits. */
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

/** 0001-01-01T00:00:00.000Z: PostgreSQL refuses year 0 ("out of range"), so no instant is earlier. */
const FIRST_INSTANT_MS = Date.parse("0001-01-01T00:00:00.000Z");
/** 9999-12-31T23:59:59.999Z: the last instant with a four-digit year, the form every store writes. */
const LAST_INSTANT_MS = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * True when `value` is a UTC instant every store can hold and compare alike: ISO 8601 with a
 * four-digit year from 0001 to 9999 and a calendar date that exists (JavaScript reads 2026-02-31 as
 * 3 March; PostgreSQL refuses it, and refuses year 0 and years past 9999 written with a sign).
 *
 * @example isInstant("2026-11-23T12:00:00.000Z") // true
 * @example isInstant("2026-02-31T00:00:00.000Z") // false
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?Z$/.exec(value);
  if (!match) return false;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms < FIRST_INSTANT_MS || ms > LAST_INSTANT_MS) return false;
  // The calendar date must survive a round trip (no 31 February, no 30 February).
  return new Date(ms).toISOString().slice(0, 10) === `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * An instant in UTC as an ISO 8601 string, one that every store can hold ({@link isInstant}).
 *
 * @example "2026-11-23T12:00:00.000Z"
 */
export const IsoDateSchema = z.iso
  .datetime({ message: "Not a UTC date-time." })
  .check(z.refine(isInstant, "Not a date that exists between the years 0001 and 9999."));

/** Email syntax we accept: one @, no spaces, a dotted domain; at most 254 characters (RFC 5321). */
export const EMAIL_PATTERN =
  /^[^\s@"<>()[\],;:\\]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * R1: an email address, trimmed, NFKC-normalised and lower-cased, so that uniqueness ignores case.
 *
 * @example EmailSchema.parse(" Jane.Smith@Clinic.ORG ") // "jane.smith@clinic.org"
 */
export const EmailSchema = z.string().check(
  z.trim(),
  z.overwrite((value) => value.normalize("NFKC").toLowerCase()),
  z.maxLength(254, "An email address has at most 254 characters."),
  plainTextCheck("An email address"),
  z.regex(EMAIL_PATTERN, "Enter an email address like name@clinic.org."),
);

/** A phone number in E.164 form. @example "+14155550123" */
export const PhoneSchema = z.string().check(
  z.overwrite((value) => value.replace(/[\s().-]/g, "")),
  z.regex(/^\+[1-9]\d{6,14}$/, "Enter the number in international form, like +14155550123."),
);

/**
 * @deprecated Use {@link plainTextCheck}: the same single-line rule (no control characters, no line
 * breaks, no unpaired surrogates) every schema applies.
 *
 * @example z.string().check(noControlCharacters("Name"))
 */
export const noControlCharacters = (label = "This field") => plainTextCheck(label);
